// Keeps the examples in README.md and docs/check.md real: every ```console block whose lines start
// with "$ npx mtad" is run again and its output written under the command. Each command runs in a
// fresh copy of data/ (so that writing commands leave the repository alone), with tests/ and
// examples/ beside it for the fixtures and the fictional responses the examples name. A block preceded by the comment
// <!-- examples run on: FOLDER --> runs on FOLDER/data instead (data broken on purpose, to show
// findings). A block preceded by <!-- steps run in one folder --> runs its "$ " lines one after the
// other in the same copy (a walk-through: each step sees what the steps before it wrote), and shows
// each line's output under it. Between <!-- output of: npx mtad ... --> and <!-- end of output -->, the output is
// the text itself (the rules table of docs/check.md). `node scripts/readme.mjs` rewrites the files; `--check` exits 1 when one is not what
// the commands print (a test runs that).
import { execSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const documents = ['README.md', 'docs/check.md'];
const check = process.argv.includes('--check');

/** Runs `use` in a fresh copy of FROM/data, with tests/ and examples/ beside it. */
function inCopy(dataFrom, use) {
  const dir = mkdtempSync(join(tmpdir(), 'mtad-readme-'));
  try {
    cpSync(join(root, dataFrom, 'data'), join(dir, 'data'), { recursive: true });
    symlinkSync(join(root, 'tests'), join(dir, 'tests'));
    symlinkSync(join(root, 'examples'), join(dir, 'examples'));
    return use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function runIn(dir, commandLine) {
  const shell = commandLine.replaceAll('npx mtad', `"${process.execPath}" "${join(root, 'bin/mtad.js')}"`);
  try {
    return execSync(
      `{ ${shell}
} 2>&1`,
      {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, COLUMNS: '100' },
        shell: '/bin/sh',
      },
    );
  } catch (error) {
    // A failing example is shown as it fails, with its exit status.
    return `${error.stdout ?? ''}$ echo $?\n${error.status}\n`;
  }
}

const run = (commandLine, dataFrom) => inCopy(dataFrom, (dir) => runIn(dir, commandLine));

let stale = false;
for (const document of documents) {
  const path = join(root, document);
  const text = readFileSync(path, 'utf8');
  const updated = text
    .replace(
      /(<!-- examples run on: (\S+) -->\n\n|<!-- (steps) run in one folder -->\n\n)?```console\n([\s\S]*?)```/g,
      (block, comment = '', dataFrom = '.', steps, body) => {
        const lines = body.split('\n');
        if (steps) {
          // "$ echo $?" is what a failing step printed, not a step.
          const commands = lines.filter((line) => line.startsWith('$ ') && line !== '$ echo $?');
          const outputs = inCopy('.', (dir) => commands.map((line) => `${line}\n${runIn(dir, line.slice(2))}`));
          return `${comment}\`\`\`console\n${outputs.join('')}\`\`\``;
        }
        const commands = lines.filter((line) => line.startsWith('$ npx mtad'));
        if (commands.length === 0) return block;
        return `${comment}\`\`\`console\n${commands.map((line) => `${line}\n${run(line.slice(2), dataFrom)}`).join('')}\`\`\``;
      },
    )
    .replace(
      // A command's output taken into the text as it is (a Markdown table, say), between two comments.
      /(<!-- output of: (npx mtad [^>\n]*?) -->\n)[\s\S]*?(<!-- end of output -->)/g,
      (block, start, commandLine, end) => `${start}${run(commandLine, '.')}${end}`,
    );
  if (!check) writeFileSync(path, updated);
  else if (updated !== text) {
    const a = text.split('\n');
    const b = updated.split('\n');
    const line = a.findIndex((l, i) => l !== b[i]);
    process.stderr.write(
      `${document} is stale from line ${line + 1}: run node scripts/readme.mjs\n  ${document}: ${a[line]}\n  mtad: ${b[line]}\n`,
    );
    stale = true;
  }
}
if (stale) process.exit(1);
