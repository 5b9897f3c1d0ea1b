// Hostile test pages: an ordinary article plus whatever a page that does not want to be checked
// can add to it. Shared by the hostile-page suites in both browsers.

/** Five check-worthy paragraphs: every page below must still get them highlighted. */
export const PARAGRAPHS = [
  'The city council voted 7 to 2 on Tuesday to raise the transit budget by 12 percent, the largest increase since 2009.',
  'Mayor Ana Ruiz said the plan would add 40 buses by March and cut average waiting times from 14 minutes to 9 minutes.',
  'Critics argued that the money should go to road repairs instead, and several residents spoke against the measure at the meeting.',
  'According to the transit authority, ridership fell 18 percent in 2020 and has since recovered to 91 percent of its earlier level.',
  'The state legislature passed a similar law in 2017 that required cities to publish their transit budgets every year.',
];

/** The article with `extra` markup before it and `script` run by the page (inline, unless the page's CSP forbids it). */
export function hostileArticle(extra: string, script = '', head = ''): string {
  const body = PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Council raises transit budget</title>${head}</head>
<body>${extra}<main><article id="story"><h1>Council raises transit budget</h1><div id="body">${body}</div></article></main>
<footer>Copyright 2024 The Example Times</footer>${script ? `<script>${script}</script>` : ''}</body></html>`;
}

/** Names a page can give elements to shadow globals (window named access) or document properties. */
const GLOBAL_NAMES = ['chrome', 'browser', 'runtime', 'document', 'location', 'Node', 'Element', 'getSelection', 'factmark', 'window', 'self', 'globalThis', 'exports', 'module', 'define', 'require', 'scheduler', 'requestIdleCallback', 'requestAnimationFrame', 'setTimeout', 'MessageChannel', 'MutationObserver', 'IntersectionObserver', 'performance', 'console', 'Mark', 'JSON', 'Array', 'Promise', 'WeakSet', 'crypto', 'navigator', 'history', 'innerHeight'];
const DOCUMENT_NAMES = ['body', 'documentElement', 'title', 'activeElement', 'querySelector', 'querySelectorAll', 'getElementsByTagName', 'createElement', 'createTreeWalker', 'createRange', 'getSelection', 'addEventListener', 'defaultView', 'readyState', 'head', 'contains', 'elementFromPoint', 'getElementById', 'location', 'visibilityState'];

/** Every clobbering shape we know: ids and names on window, named forms and images on document, nested forms. */
export function clobberingMarkup(): string {
  return [
    '<form id="browser"><input name="runtime" id="x"></form>',
    '<form id="chrome"><input name="runtime" id="y"><input name="id" value="z"></form>',
    '<form id="browser" name="runtime"></form>',
    '<a id="runtime"></a><a id="runtime" name="id" href="x"></a>',
    '<form id="factmark"><input name="highlights"><input name="id"></form>',
    ...GLOBAL_NAMES.map((name) => `<img id="${name}" name="${name}" alt="" width="1" height="1">`),
    ...DOCUMENT_NAMES.map((name) => `<form name="${name}"><input name="${name}"></form><embed name="${name}" type="text/plain" width="1" height="1">`),
    '<iframe name="parent" width="1" height="1"></iframe><iframe name="top" width="1" height="1"></iframe>',
  ].join('\n');
}
