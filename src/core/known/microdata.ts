/**
 * schema.org microdata in a page, turned into JSON-LD-shaped objects so one reader handles both:
 * each top-level `itemscope` becomes `{ '@type', property: value... }`, values read as the
 * microdata spec says (content, href, src, datetime, value, else text), nested items as objects.
 */

const MAX_ITEMS = 200;
const MAX_DEPTH = 8;

function valueOf(element: Element, depth: number): unknown {
  if (element.hasAttribute('itemscope')) return itemOf(element, depth + 1);
  if (element.hasAttribute('content')) return element.getAttribute('content') ?? '';
  switch (element.localName) {
    case 'a':
    case 'area':
    case 'link':
      return element.getAttribute('href') ?? '';
    case 'img':
    case 'audio':
    case 'video':
    case 'source':
    case 'iframe':
    case 'embed':
      return element.getAttribute('src') ?? '';
    case 'object':
      return element.getAttribute('data') ?? '';
    case 'time':
      return element.getAttribute('datetime') ?? element.textContent ?? '';
    case 'data':
    case 'meter':
      return element.getAttribute('value') ?? '';
    default:
      return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
  }
}

/** The properties of one item: elements with `itemprop` inside it, not inside a nested item. */
function itemOf(scope: Element, depth: number): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  const type = scope.getAttribute('itemtype');
  if (type) item['@type'] = type.trim().split(/\s+/);
  if (depth > MAX_DEPTH) return item;
  const visit = (parent: Element): void => {
    for (const child of parent.children) {
      const names = child.getAttribute('itemprop');
      if (names) {
        const value = valueOf(child, depth);
        for (const name of names.trim().split(/\s+/)) {
          if (name === '__proto__' || name === '@type') continue;
          const existing = item[name];
          item[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
        }
      }
      // A nested item's own properties belong to it, not to this one.
      if (!child.hasAttribute('itemscope')) visit(child);
    }
  };
  visit(scope);
  return item;
}

/** Every top-level microdata item of a document (an itemscope that is no other item's property). */
export function microdataItems(root: ParentNode): Array<Record<string, unknown>> {
  const items: Array<Record<string, unknown>> = [];
  for (const scope of root.querySelectorAll('[itemscope]:not([itemprop])')) {
    if (items.length >= MAX_ITEMS) break;
    items.push(itemOf(scope, 0));
  }
  return items;
}
