// Three groups, each its own npm script; `npm test` runs them all.
//   unit: pure code under src/ (no database), in parallel, seconds;
//   integration: the API over HTTP on a real PostgreSQL (one per run, a migrated copy per file);
//   hardening: fuzzing, database faults, the command line and HTTP conformance.
const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testMatch: ['**/*.test.ts'],
};

// Projects that share these module paths share one run of them: one PostgreSQL for both.
const database = {
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};

const HARDENING = ['fuzz', 'faults', 'hardening', 'cli', 'http-compliance'].map((name) => `<rootDir>/test/${name}.test.ts`);

/** @type {import('jest').Config} */
export default {
  testTimeout: 120_000,
  maxWorkers: 2,
  projects: [
    { ...shared, displayName: 'unit', roots: ['<rootDir>/src'] },
    { ...shared, ...database, displayName: 'integration', roots: ['<rootDir>/test'], testPathIgnorePatterns: ['/node_modules/', ...HARDENING] },
    { ...shared, ...database, displayName: 'hardening', roots: ['<rootDir>/test'], testMatch: HARDENING },
  ],
};
