/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.api.ts'],
  transform: { '^.+\\.tsx?$': ['@swc/jest'] },
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.tmp/'],
  // Each API test file boots a whole Strapi on a database of its own.
  testTimeout: 120000,
  maxWorkers: 2,
};
