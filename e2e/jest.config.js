/** Browser specs; run them through `npm run e2e -- NAME`, which starts the local stack and sets E2E_BASE_URL. */
module.exports = {
  rootDir: '..',
  roots: ['<rootDir>/e2e'],
  testMatch: ['<rootDir>/e2e/**/*.spec.ts'],
  testEnvironment: 'node',
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  testTimeout: 120000,
  maxWorkers: 1,
  testSequencer: '<rootDir>/e2e/sequencer.js',
};
