/** Unit and integration tests (node). Browser specs live in e2e/ and run through `npm run e2e`. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  moduleNameMapper: { '^camelcase$': '<rootDir>/test/shims/camelcase.js' },
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  testTimeout: 30000,
  // A worker can keep a socket of an emulator closing for a moment after its suite ends; never let that hang CI.
  forceExit: true,
  collectCoverageFrom: ['src/**/*.ts', 'actions/**/*.ts', '!src/**/*.d.ts'],
  coverageReporters: ['text-summary', 'lcov'],
  coverageThreshold: { global: { branches: 65, functions: 70, lines: 80, statements: 80 } },
};
