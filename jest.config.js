/** Jest runs the TypeScript sources as ES modules; integration tests drive the built CLI. */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  globalSetup: '<rootDir>/test/global-setup.js',
  testTimeout: 120000,
  maxWorkers: 1,
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
};
