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
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const documents = ['README.md', 'docs/check.md'];
const check = process.argv.includes('--check');

/** Runs `use` in a fresh copy of FROM/data, with tests/ and examples/ beside it. */
async function inCopy(dataFrom, use) {
  const dir = mkdtempSync(join(tmpdir(), 'mtad-readme-'));
  try {
    cpSync(join(root, dataFrom, 'data'), join(dir, 'data'), { recursive: true });
    symlinkSync(join(root, 'tests'), join(dir, 'tests'));
    symlinkSync(join(root, 'examples'), join(dir, 'examples'));
    return await use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The examples are independent of each other (each runs in its own copy of the data; a
 * walk-through's steps stay in order in theirs), so they run side by side: as many commands at a
 * time as the machine has cores (two at least), each mostly the start-up of node.
 */
const slots = Math.max(2, availableParallelism());
const waiting = [];
let running = 0;
async function inTurn(task) {
  if (running >= slots) await new Promise((resume) => waiting.push(resume));
  else running++;
  try {
    return await task();
  } finally {
    // A finished command hands its slot to the next waiting one, or frees it.
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

/** What a command line printed (standard output and error, as a terminal shows them). */
function runIn(dir, commandLine) {
  const shell = commandLine.replaceAll('npx mtad', `"${process.execPath}" "${join(root, 'bin/mtad.js')}"`);
  const env = { ...process.env, NO_COLOR: '1', COLUMNS: '100' };
  delete env.FORCE_COLOR;
  return inTurn(
    () =>
      new Promise((done, fail) => {
        const child = spawn('/bin/sh', ['-c', `{ ${shell}\n} 2>&1`], {
          cwd: dir,
          env,
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        const chunks = [];
        child.stdout.on('data', (chunk) => chunks.push(chunk));
        child.on('error', fail);
        child.on('close', (status) => {
          const output = Buffer.concat(chunks).toString('utf8');
          // A failing example is shown as it fails, with its exit status.
          done(status === 0 ? output : `${output}$ echo $?\n${status}\n`);
        });
      }),
  );
}

const run = (commandLine, dataFrom) => inCopy(dataFrom, (dir) => runIn(dir, commandLine));

/** `text` with each match of `pattern` replaced by what `replace` (async) makes of it, all made side by side. */
async function replaceAllAsync(text, pattern, replace) {
  const made = await Promise.all([...text.matchAll(pattern)].map((match) => replace(...match)));
  let index = 0;
  return text.replace(pattern, () => made[index++]);
}

/** A document with every example's output made again. */
async function withOutputs(text) {
  const examples = await replaceAllAsync(
    text,
    /(<!-- examples run on: (\S+) -->\n\n|<!-- (steps) run in one folder -->\n\n)?```console\n([\s\S]*?)```/g,
    async (block, comment = '', dataFrom = '.', steps, body) => {
      const lines = body.split('\n');
      if (steps) {
        // "$ echo $?" is what a failing step printed, not a step.
        const commands = lines.filter((line) => line.startsWith('$ ') && line !== '$ echo $?');
        const outputs = await inCopy('.', async (dir) => {
          const printed = [];
          for (const line of commands) printed.push(`${line}\n${await runIn(dir, line.slice(2))}`);
          return printed;
        });
        return `${comment}\`\`\`console\n${outputs.join('')}\`\`\``;
      }
      const commands = lines.filter((line) => line.startsWith('$ npx mtad'));
      if (commands.length === 0) return block;
      const outputs = await Promise.all(commands.map(async (line) => `${line}\n${await run(line.slice(2), dataFrom)}`));
      return `${comment}\`\`\`console\n${outputs.join('')}\`\`\``;
    },
  );
  return replaceAllAsync(
    examples,
    // A command's output taken into the text as it is (a Markdown table, say), between two comments.
    /(<!-- output of: (npx mtad [^>\n]*?) -->\n)[\s\S]*?(<!-- end of output -->)/g,
    async (block, start, commandLine, end) => `${start}${await run(commandLine, '.')}${end}`,
  );
}

let stale = false;
const texts = documents.map((document) => readFileSync(join(root, document), 'utf8'));
const made = await Promise.all(texts.map(withOutputs));
for (const [index, document] of documents.entries()) {
  const path = join(root, document);
  const text = texts[index];
  const updated = made[index];
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
