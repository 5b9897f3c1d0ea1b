/** Long team-sync measurements (npm run bench:team): real browsers and a real team server, minutes each. */
module.exports = {
  testMatch: ['<rootDir>/bench/team/**/*.bench.ts'],
  testEnvironment: 'node',
  transform: { '^.+\\.(ts|tsx|js|mjs)$': '<rootDir>/tests/esbuild-transform.cjs' },
  testTimeout: 30 * 60 * 1000,
  maxWorkers: 1,
};
