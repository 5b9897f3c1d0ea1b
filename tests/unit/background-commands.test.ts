// The context menu item and the keyboard commands: headless browsers cannot click a context
// menu or press a command key, so the e2e tests send the content-script request these produce;
// this test shows that choosing the menu item or firing each command sends exactly that request
// to the right tab, and that the manifest declares the commands with their keys.
import { recorded } from './fake-command-api';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { registerCommands } from '../../src/background/commands';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeAll(() => registerCommands());
beforeEach(() => {
  recorded.sent.length = 0;
  recorded.activeTabId = 7;
});

test('the menu item is created on install, for selections, with its English title', () => {
  for (const listener of recorded.installedListeners) listener({ reason: 'install' });
  expect(recorded.menus).toEqual([{ id: 'factmark-add-claim', title: 'Add selection as a Factmark claim', contexts: ['selection'] }]);
});

test('choosing the menu item asks that tab to add its selection as a claim', async () => {
  for (const listener of recorded.menuClickListeners) listener({ menuItemId: 'factmark-add-claim' }, { id: 12 });
  for (const listener of recorded.menuClickListeners) listener({ menuItemId: 'someone-elses-item' }, { id: 12 });
  await settle();
  expect(recorded.sent).toEqual([{ tabId: 12, message: { to: 'content', type: 'selection.add', payload: {} } }]);
});

test.each([
  ['add-claim', { to: 'content', type: 'selection.add', payload: {} }],
  ['next-claim', { to: 'content', type: 'claim.step', payload: { direction: 1 } }],
  ['previous-claim', { to: 'content', type: 'claim.step', payload: { direction: -1 } }],
])('the %s command sends its request to the tab it fired in', async (command, message) => {
  for (const listener of recorded.commandListeners) listener(command, { id: 3 });
  await settle();
  expect(recorded.sent).toEqual([{ tabId: 3, message }]);
});

test('a command without a tab goes to the active tab; with no active tab, nowhere', async () => {
  for (const listener of recorded.commandListeners) listener('next-claim', undefined);
  await settle();
  expect(recorded.sent).toEqual([{ tabId: 7, message: { to: 'content', type: 'claim.step', payload: { direction: 1 } } }]);
  recorded.sent.length = 0;
  recorded.activeTabId = null;
  for (const listener of recorded.commandListeners) listener('add-claim', undefined);
  await settle();
  expect(recorded.sent).toEqual([]);
});

test('the manifest declares the three commands with their keys', () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'manifest.json'), 'utf8')) as { commands: Record<string, { suggested_key: { default: string } }> };
  expect(Object.fromEntries(Object.entries(manifest.commands).map(([name, c]) => [name, c.suggested_key.default]))).toEqual({ 'add-claim': 'Alt+Shift+A', 'next-claim': 'Alt+Shift+N', 'previous-claim': 'Alt+Shift+P' });
});
