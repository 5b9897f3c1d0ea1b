/** Real-browser tier: drives Chromium and Firefox against the built extension in dist/. */
module.exports = {
  testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
  testEnvironment: 'node',
  transform: { '^.+\\.(ts|tsx|js|mjs)$': '<rootDir>/tests/esbuild-transform.cjs' },
  testTimeout: 120000,
  maxWorkers: 1,
};
