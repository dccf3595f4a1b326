/**
 * Browser tests (`npm run test:e2e`): the `*.test.e2e.ts` files under `tests/e2e`, one file at a time (each boots
 * the app and drives Chromium; see tests/e2e/harness.ts). The admin panel must be built first
 * (`npm run build`).
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['<rootDir>/tests/e2e/**/*.test.e2e.ts'],
  transform: { '^.+\\.tsx?$': ['@swc/jest'] },
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.tmp/'],
  testTimeout: 180000,
  maxWorkers: 1,
};
