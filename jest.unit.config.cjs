/** Unit tier: pure logic in Node or jsdom, no browser. */
module.exports = {
  testMatch: ['<rootDir>/tests/unit/**/*.test.ts', '<rootDir>/tests/unit/**/*.test.tsx'],
  testEnvironment: 'node',
  transform: { '^.+\\.(ts|tsx|js|mjs)$': '<rootDir>/tests/esbuild-transform.cjs' },
  transformIgnorePatterns: ['/node_modules/(?!(preact|approx-string-match|stemmer)/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
};
