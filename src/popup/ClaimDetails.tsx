import { useState } from 'preact/hooks';
import type { Annotation, AnnotationEdit, Source } from '../core/model/annotation';
import { t } from '../platform/browser';
import { NoteView } from './NoteView';
import { SourceForm } from './SourceForm';

/** Parses the tags field: comma-separated, trimmed, de-duplicated. */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(',').map((tag) => tag.trim()).filter((tag) => tag.length > 0))];
}

/** A claim's note, sources and tags, with their editors. */
export function ClaimDetails({ annotation, save, onProblem }: { annotation: Annotation | null; save(edit: AnnotationEdit): Promise<boolean>; onProblem(message: string): void }) {
  const [note, setNote] = useState(annotation?.note ?? '');
  const [tags, setTags] = useState((annotation?.tags ?? []).join(', '));
  const sources = annotation?.sources ?? [];
  const addSource = (source: Source) => save({ sources: [...sources, source] });
  return (
    <div class="claim-details">
      <textarea
        aria-label={t('noteLabel')}
        placeholder={t('notePlaceholder')}
        value={note}
        onInput={(event) => setNote(event.currentTarget.value)}
        onBlur={() => {
          if (note !== (annotation?.note ?? '')) void save({ note });
        }}
      />
      {annotation?.note && <NoteView note={annotation.note} />}
      <input
        type="text"
        aria-label={t('tagsLabel')}
        placeholder={t('tagsPlaceholder')}
        value={tags}
        onInput={(event) => setTags(event.currentTarget.value)}
        onBlur={() => {
          const parsed = parseTags(tags);
          if (parsed.join('\u0000') !== (annotation?.tags ?? []).join('\u0000')) void save({ tags: parsed });
        }}
      />
      {sources.length > 0 && (
        <ul class="sources" aria-label={t('sourcesHeading')}>
          {sources.map((source, i) => (
            <li key={`${source.url}-${i}`}>
              <div>
                <a href={source.url} target="_blank" rel="noopener noreferrer">{source.title || source.url}</a>
                {source.publisher && <span class="muted"> · {source.publisher}</span>}
                {source.quote && <blockquote>{source.quote}</blockquote>}
              </div>
              <button type="button" aria-label={t('removeSourceNamed', source.title || source.url)} onClick={() => void save({ sources: sources.filter((_, j) => j !== i) })}>×</button>
            </li>
          ))}
        </ul>
      )}
      <SourceForm onAdd={addSource} onProblem={onProblem} />
    </div>
  );
}
