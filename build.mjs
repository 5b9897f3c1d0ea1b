// Builds the extension for each browser into dist/<browser>/: bundles the TypeScript entry
// points with esbuild, copies the static files from extension/, and writes a manifest with the
// per-browser differences applied. `--watch` rebuilds on change; `--browser=chrome|firefox`
// limits the targets; `--dev` keeps bundles unminified with inline source maps.
import * as esbuild from 'esbuild';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const watch = args.includes('--watch');
const dev = watch || args.includes('--dev');
const only = args.find((a) => a.startsWith('--browser='))?.split('=')[1];
const browsers = only ? [only] : ['chrome', 'firefox'];

/** Gecko id: Firefox needs a stable id for storage and for installExtension in tests. */
export const GECKO_ID = 'factmark@factmark.dev';

/**
 * webextension-polyfill decides whether `globalThis.browser` is the native API by checking
 * `browser.runtime.id`, which a page can fake with elements (mozilla/webextension-polyfill#720,
 * still open in 0.12). This plugin loads the polyfill with a local `globalThis` that holds only
 * what src/platform/native-api.ts found to be the real `browser` and `chrome`, and no AMD
 * `define` (a page element could be named that too). The build fails if the polyfill's source no
 * longer has the shape this relies on, rather than ship without the protection.
 */
export const nativeApiPlugin = {
  name: 'factmark-native-api',
  setup(build) {
    build.onLoad({ filter: /webextension-polyfill[\\/]dist[\\/]browser-polyfill(\.min)?\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const expected = ['globalThis.chrome', 'globalThis.browser', 'module.exports = wrapAPIs(chrome);'];
      const missing = expected.filter((snippet) => !source.includes(snippet));
      if (missing.length > 0 || /[^.\w]chrome\./.test(source.replace(/\/\/.*|\/\*[\s\S]*?\*\//g, ''))) {
        return { errors: [{ text: `webextension-polyfill changed shape (${missing.join(', ') || 'a bare chrome reference'}): review build.mjs's nativeApiPlugin` }] };
      }
      const nativeApi = join(root, 'src', 'platform', 'native-api.ts');
      const contents = `var define = undefined, globalThis = require(${JSON.stringify(nativeApi)}).nativeGlobals();\n${source.replace('module.exports = wrapAPIs(chrome);', 'module.exports = wrapAPIs(globalThis.chrome);')}`;
      return { contents, loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

const entryPoints = {
  background: 'src/background/index.ts',
  content: 'src/content/index.ts',
  'native-api': 'src/platform/capture-native-api.ts',
  popup: 'src/popup/index.tsx',
  library: 'src/options/index.tsx',
};

/** Applies the per-browser manifest differences to the single source manifest. */
export function manifestFor(browser, source) {
  const manifest = structuredClone(source);
  if (browser === 'firefox') {
    // Firefox MV3 runs background scripts as an event page, not a service worker.
    manifest.background = { scripts: [source.background.service_worker] };
    manifest.browser_specific_settings = {
      // data_collection_permissions (nothing is collected) needs Firefox 140, Android 142.
      gecko: {
        id: GECKO_ID,
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    };
  } else {
    manifest.minimum_chrome_version = '120';
  }
  return manifest;
}

async function buildFor(browser) {
  const outdir = join(root, 'dist', browser);
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  await cp(join(root, 'extension'), outdir, { recursive: true });
  const source = JSON.parse(await readFile(join(root, 'manifest.json'), 'utf8'));
  await writeFile(join(outdir, 'manifest.json'), JSON.stringify(manifestFor(browser, source), null, 2) + '\n');
  const options = {
    entryPoints,
    outdir,
    bundle: true,
    format: 'iife',
    target: browser === 'firefox' ? ['firefox140'] : ['chrome120'],
    minify: !dev,
    sourcemap: dev ? 'inline' : false,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { 'process.env.NODE_ENV': dev ? '"development"' : '"production"' },
    logLevel: 'warning',
    legalComments: 'none',
    plugins: [nativeApiPlugin],
  };
  if (watch) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
    console.log(`watching ${browser} -> dist/${browser}`);
  } else {
    await esbuild.build(options);
    console.log(`built dist/${browser}`);
  }
}

/** The command line tool: the same core code, bundled for Node (jsdom stays a dependency). */
async function buildCli() {
  await esbuild.build({
    entryPoints: { factmark: 'src/cli/index.ts' },
    outdir: join(root, 'dist', 'cli'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  console.log('built dist/cli');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await Promise.all([...browsers.map(buildFor), ...(watch ? [] : [buildCli()])]);
}
