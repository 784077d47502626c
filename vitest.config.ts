import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// A test file that replaces a module (vi.mock) needs a module cache of its own: it runs isolated.
// Every other file shares its worker's module cache with the files run before it there, so that
// mtad's sources and the libraries are loaded once per worker, not once per file.
const TEST_FILE = /\.test\.ts$/;
const testFiles = readdirSync('tests', { recursive: true, encoding: 'utf8' })
  .filter((name) => TEST_FILE.test(name))
  .map((name) => `tests/${name.replaceAll('\\', '/')}`);
const replacesModules = testFiles.filter((file) =>
  /\bvi\.(mock|doMock|stubGlobal|stubEnv)\(/.test(readFileSync(file, 'utf8')),
);

const timeouts = {
  // End-to-end tests spawn the built CLI; give a shared, busy machine room.
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

export default defineConfig({
  test: {
    // dist/ is built once, before the test files run (the spawned tests run the built bin).
    globalSetup: ['tests/helpers/build.ts'],
    // vitest gives a 2-core machine one worker (cores - 1): the suite then runs one file at a time
    // while most files wait on the processes they spawn. Two workers at least.
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      {
        test: {
          name: 'shared',
          include: ['tests/**/*.test.ts'],
          exclude: replacesModules,
          isolate: false,
          ...timeouts,
        },
      },
      { test: { name: 'isolated', include: replacesModules, ...timeouts } },
    ],
    // Golden files are documents to review: a changed output fails until it is looked at and
    // updated on purpose with `npx vitest run -u`.
  },
});
