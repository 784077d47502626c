// Keeps the examples in README.md real: every ```console block whose lines start with
// "$ npx mtad" is run again and its output written under the command. Each command runs in a fresh
// copy of data/ (so that writing commands leave the repository alone), with tests/ and examples/
// beside it for the fixtures and the fictional responses the examples name. `node scripts/readme.mjs` rewrites README.md;
// `--check` exits 1 when README.md is not what the commands print (a test runs that).
import { execSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const readmePath = join(root, 'README.md');
const check = process.argv.includes('--check');

function run(commandLine) {
  const dir = mkdtempSync(join(tmpdir(), 'mtad-readme-'));
  try {
    cpSync(join(root, 'data'), join(dir, 'data'), { recursive: true });
    symlinkSync(join(root, 'tests'), join(dir, 'tests'));
    symlinkSync(join(root, 'examples'), join(dir, 'examples'));
    const shell = commandLine.replaceAll('npx mtad', `"${process.execPath}" "${join(root, 'bin/mtad.js')}"`);
    try {
      return execSync(`${shell} 2>&1`, {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, COLUMNS: '100' },
        shell: '/bin/sh',
      });
    } catch (error) {
      // A failing example is shown as it fails, with its exit status.
      return `${error.stdout ?? ''}$ echo $?\n${error.status}\n`;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const text = readFileSync(readmePath, 'utf8');
const updated = text.replace(/```console\n([\s\S]*?)```/g, (block, body) => {
  const commands = body.split('\n').filter((line) => line.startsWith('$ npx mtad'));
  if (commands.length === 0) return block;
  return '```console\n' + commands.map((line) => `${line}\n${run(line.slice(2))}`).join('') + '```';
});

if (check) {
  if (updated !== text) {
    const a = text.split('\n');
    const b = updated.split('\n');
    const line = a.findIndex((l, i) => l !== b[i]);
    process.stderr.write(
      `README.md is stale from line ${line + 1}: run node scripts/readme.mjs\n  README: ${a[line]}\n  mtad:   ${b[line]}\n`,
    );
    process.exit(1);
  }
} else {
  writeFileSync(readmePath, updated);
}
