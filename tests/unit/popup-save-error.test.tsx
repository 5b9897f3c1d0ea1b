/** @jest-environment jsdom */
// When an edit finally cannot be saved (the background never answered, even after the retries
// of requestBackground), the popup says so in words and keeps what the reader typed, so that
// trying again is one action away.
import { getMessage } from './fake-extension-api';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { AnnotationEdit } from '../../src/core/model/annotation';
import type { ClaimView } from '../../src/core/model/page-state';
import { selectorFor } from '../../src/core/model/selectors';
import { ClaimCard } from '../../src/popup/ClaimCard';

const NOT_REACHED = getMessage('backgroundNotReached');
const selector = selectorFor('The minister said unemployment fell by 3% last year.', 0, 52);
const claim: ClaimView = { id: 'c1', text: 'The minister said unemployment fell by 3% last year.', score: 0.9, reasons: [], selector, anchored: true, annotation: null };

function renderCard(onSave: (claim: ClaimView, edit: AnnotationEdit) => Promise<void>): HTMLElement {
  const root = document.createElement('ol');
  document.body.replaceChildren(root);
  act(() => {
    render(<ClaimCard claim={claim} onSave={onSave} onReveal={() => undefined} onReattach={async () => undefined} onDelete={async () => undefined} />, root);
  });
  return root;
}

function get<T extends Element>(root: ParentNode, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`no ${selector}`);
  return element;
}

/** Lets the save's promise chain run out (a few microtask hops) and Preact re-render. */
async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((done) => setTimeout(done, 0));
  });
}

async function type(field: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  await act(async () => {
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function blur(field: HTMLElement): Promise<void> {
  await act(async () => {
    field.dispatchEvent(new FocusEvent('blur'));
  });
  await settle();
}

test('a note that cannot be saved: a clear error, the text kept, and the next blur tries again', async () => {
  const onSave = jest.fn<Promise<void>, [ClaimView, AnnotationEdit]>().mockRejectedValueOnce(new Error(NOT_REACHED));
  const root = renderCard(onSave);
  await act(async () => get<HTMLButtonElement>(root, 'button[aria-expanded]').click());
  const note = get<HTMLTextAreaElement>(root, 'textarea[aria-label="Note"]');
  await type(note, 'Checked against the statistics office release.');
  await blur(note);

  expect(get(root, '.status').textContent).toBe(`Could not save: ${NOT_REACHED}`);
  expect(get(root, '.status').getAttribute('role')).toBe('status');
  expect(get<HTMLTextAreaElement>(root, 'textarea[aria-label="Note"]').value).toBe('Checked against the statistics office release.');

  onSave.mockResolvedValueOnce(undefined);
  await blur(note);
  expect(onSave).toHaveBeenLastCalledWith(claim, { note: 'Checked against the statistics office release.' });
  expect(get(root, '.status').textContent).toBe('');
});

test('a source that cannot be added keeps every field of the form', async () => {
  const root = renderCard(async () => Promise.reject(new Error(NOT_REACHED)));
  await act(async () => get<HTMLButtonElement>(root, 'button[aria-expanded]').click());
  await type(get(root, 'input[aria-label="Source URL"]'), 'https://example.org/release');
  await type(get(root, 'input[aria-label="Source title"]'), 'Labour market release');
  await act(async () => {
    get<HTMLFormElement>(root, 'form.source-form').dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await settle();

  expect(get(root, '.status').textContent).toBe(`Could not save: ${NOT_REACHED}`);
  expect(get<HTMLInputElement>(root, 'input[aria-label="Source URL"]').value).toBe('https://example.org/release');
  expect(get<HTMLInputElement>(root, 'input[aria-label="Source title"]').value).toBe('Labour market release');
});

test('a verdict that cannot be saved: a clear error, and the menu shows the verdict that is stored', async () => {
  const root = renderCard(async () => Promise.reject(new Error(NOT_REACHED)));
  const select = get<HTMLSelectElement>(root, 'select');
  await act(async () => {
    select.value = 'false';
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
  expect(get(root, '.status').textContent).toBe(`Could not save: ${NOT_REACHED}`);
  // Showing "false" here would claim a verdict that is not saved; choosing it again is one click.
  expect(get<HTMLSelectElement>(root, 'select').value).toBe('unreviewed');
});
