import type { Inline } from '../core/text/markdown';
import { parseNote } from '../core/text/markdown';

function InlinePiece({ piece }: { piece: Inline }) {
  switch (piece.kind) {
    case 'text':
      return <>{piece.text}</>;
    case 'strong':
      return <strong>{piece.text}</strong>;
    case 'em':
      return <em>{piece.text}</em>;
    case 'code':
      return <code>{piece.text}</code>;
    case 'link':
      return <a href={piece.href} target="_blank" rel="noopener noreferrer">{piece.text}</a>;
    case 'break':
      return <br />;
  }
}

/** A note rendered from its safe Markdown subset, as elements (never as HTML). */
export function NoteView({ note }: { note: string }) {
  return (
    <div class="note-view">
      {parseNote(note).map((paragraph, i) => (
        <p key={i}>
          {paragraph.map((piece, j) => (
            <InlinePiece key={j} piece={piece} />
          ))}
        </p>
      ))}
    </div>
  );
}
