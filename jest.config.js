/** Unit and integration tests; browser tests run separately (npm run test:browser). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/browser/'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } } }],
  },
  reporters: ['default', '<rootDir>/test/reporters/closing-line.js'],
  globalSetup: '<rootDir>/test/fixtures/global-setup.ts',
};
