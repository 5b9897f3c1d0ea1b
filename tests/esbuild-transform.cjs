// Jest transformer: compiles TypeScript/TSX with esbuild, the same compiler the build uses.
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { transformSync } = require('esbuild');

// Part of every cache key, so editing this transformer invalidates Jest's cache.
const SELF = readFileSync(__filename, 'utf8');

module.exports = {
  getCacheKey(source, filename) {
    return createHash('sha1').update(SELF).update('\0').update(filename).update('\0').update(source).digest('hex');
  },
  process(source, filename) {
    const loader = filename.endsWith('.tsx') ? 'tsx' : filename.endsWith('.ts') ? 'ts' : 'js';
    const result = transformSync(source, {
      loader,
      format: 'cjs',
      target: 'node20',
      sourcemap: 'inline',
      sourcefile: filename,
      jsx: 'automatic',
      jsxImportSource: 'preact',
      // Jest runs CommonJS: turn import() into require() so lazy imports work without VM modules.
      supported: { 'dynamic-import': false },
    });
    return { code: result.code };
  },
};
