import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

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

// The files that take longest, longest first: each runs mtad hundreds of times, or waits on the
// programs it starts (a build, npm, LibreOffice, processes racing for a lock). They start first, so
// that the other worker takes the many short files meanwhile and no worker ends the run alone on a
// long one. Without this, a fresh checkout (CI's) starts the largest files first, and several of
// these are small files.
const LONGEST_FIRST = [
  'tests/e2e/hostile.test.ts',
  'tests/e2e/check-cache-fixtures.test.ts',
  'tests/e2e/concurrent-write.test.ts',
  'tests/e2e/build.test.ts',
  'tests/e2e/readme.test.ts',
  'tests/e2e/same-on-every-machine.test.ts',
  'tests/e2e/package.test.ts',
  'tests/e2e/check-cache.test.ts',
  'tests/unit/hostile-parse.test.ts',
  'tests/e2e/bin.test.ts',
  'tests/e2e/word-commands.test.ts',
  'tests/e2e/legal-gate.test.ts',
  'tests/e2e/pdf.test.ts',
  'tests/e2e/write-faults.test.ts',
  'tests/unit/reliability.property.test.ts',
  'tests/e2e/responses-import.test.ts',
  'tests/unit/check-rules.test.ts',
  'tests/e2e/outputs.test.ts',
  'tests/unit/word-redline.test.ts',
];
// A file renamed or removed must leave this list too: a name that matches nothing would silently
// stop ordering.
for (const file of LONGEST_FIRST) if (!existsSync(file)) throw new Error(`vitest.config.ts: no test file ${file}`);

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const at = LONGEST_FIRST.indexOf(relative(file.project.config.root, file.moduleId).replaceAll('\\', '/'));
      return at === -1 ? LONGEST_FIRST.length : at;
    };
    // Array.prototype.sort is stable: the other files keep vitest's order (by its cache, else size).
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    // dist/ is built once, before the test files run (the spawned tests run the built bin).
    globalSetup: ['tests/helpers/build.ts'],
    // vitest gives a 2-core machine one worker (cores - 1): the suite then runs one file at a time
    // while most files wait on the processes they spawn. Two workers at least.
    maxWorkers: Math.max(2, availableParallelism()),
    sequence: { sequencer: LongestFirst },
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
