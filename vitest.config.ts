import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // dist/ is built once, before the test files run (the spawned tests run the built bin).
    globalSetup: ['tests/helpers/build.ts'],
    // End-to-end tests spawn the built CLI; give a shared, busy machine room.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Golden files are documents to review: a changed output fails until it is looked at and
    // updated on purpose with `npx vitest run -u`.
  },
});
