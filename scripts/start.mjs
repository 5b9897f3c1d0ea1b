// `npm start`: builds the extension, serves the bundled sample article on 127.0.0.1 and opens
// a browser with Factmark loaded on it (Firefox by default; `npm start -- --chromium` for
// Chromium). web-ext reloads the extension when dist/ changes.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from './static-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const useChromium = args.includes('--chromium');
const port = Number(process.env.FACTMARK_PORT ?? 8787);

function run(command, commandArgs) {
  return spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
}

function firstExisting(paths) {
  return paths.find((path) => existsSync(path)) ?? paths[0];
}

const build = run(process.execPath, ['build.mjs', '--dev']);
await new Promise((done, fail) => build.on('exit', (code) => (code === 0 ? done() : fail(new Error(`build failed (${code})`)))));

const server = await startStaticServer({ port, mounts: { '/sample/': join(root, 'sample'), '/': join(root, 'sample') } });
// The fragment scrolls straight to the story, where the highlights are.
const startUrl = `${server.origin}/sample/venezuela-russia.html#article-body`;
console.log(`Serving the sample article at ${startUrl}`);

const webExt = join(root, 'node_modules', '.bin', 'web-ext');
const common = ['run', '--no-input', '--start-url', startUrl];
const browserArgs = useChromium
  ? ['--target', 'chromium', '--source-dir', 'dist/chrome', '--chromium-binary', process.env.CHROMIUM_BIN ?? firstExisting(['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']),
     // Root (as in containers) needs --no-sandbox; the other flags keep a closed network quiet.
     '--args=--no-sandbox', '--args=--disable-background-networking', '--args=--disable-component-update', '--args=--no-first-run']
  : ['--target', 'firefox-desktop', '--source-dir', 'dist/firefox', '--firefox', process.env.FIREFOX_BIN ?? firstExisting(['/usr/bin/firefox-esr', '/usr/bin/firefox'])];
const browser = run(webExt, [...common, ...browserArgs]);
const stop = async () => {
  browser.kill('SIGTERM');
  await server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
browser.on('exit', async (code) => {
  await server.close();
  process.exit(code ?? 0);
});
