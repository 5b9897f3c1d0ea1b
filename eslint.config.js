// Lint rules, including the project's boundaries: src/core stays pure, and only
// src/platform/browser.ts imports webextension-polyfill.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'web-ext-artifacts/', 'coverage/', 'tests/e2e/artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [{ name: 'webextension-polyfill', message: 'Use src/platform/browser.ts, the one module that touches browser APIs.' }] }],
    },
  },
  {
    files: ['src/platform/browser.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'webextension-polyfill', message: 'src/core is pure: no browser APIs.' }],
          patterns: [{ group: ['**/platform/*', '**/content/*', '**/popup/*', '**/background/*', '**/options/*', 'node:*'], message: 'src/core is pure TypeScript: it must not import adapters or Node modules.' }],
        },
      ],
      'no-restricted-globals': ['error', { name: 'browser', message: 'src/core is pure.' }, { name: 'chrome', message: 'src/core is pure.' }],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.{ts,mjs}', 'scripts/**/*.mjs', 'bin/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
  {
    // Functions these scripts pass to page.evaluate run in the page (or an extension page).
    files: ['bench/**/*.mjs', 'scripts/screenshot.mjs'],
    languageOptions: { globals: { ...globals.browser, chrome: 'readonly' } },
  },
);
