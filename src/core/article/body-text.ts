import { buildTextIndex } from '../text/text-index';

/**
 * The text of the Text nodes under `root` that `keep` accepts, with a line break wherever a
 * block boundary falls, so words of adjacent paragraphs never run together.
 */
export function blockText(root: Element, keep: (node: Text) => boolean = () => true): string {
  const index = buildTextIndex(root);
  const parts: string[] = [];
  let nextBreak = 0;
  index.nodes.forEach((node, i) => {
    const start = index.starts[i] ?? 0;
    let broke = false;
    while (nextBreak < index.blockBreaks.length && (index.blockBreaks[nextBreak] ?? 0) <= start) {
      nextBreak++;
      broke = true;
    }
    if (broke) parts.push('\n');
    if (keep(node)) parts.push(node.data);
  });
  return parts.join('').replace(/[ \t\r\f\v\u00a0]*\n\s*/g, '\n').trim();
}
