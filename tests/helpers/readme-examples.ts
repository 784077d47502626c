// Keeps the examples in README.md and docs/check.md real: every ```console block whose lines start
// with "$ npx mtad" is run again and its output written under the command. Each command runs in a
// fresh copy of data/ (so that writing commands leave the repository alone), with tests/ and
// examples/ beside it for the fixtures and the fictional responses the examples name. A block
// preceded by the comment <!-- examples run on: FOLDER --> runs on FOLDER/data instead (data broken
// on purpose, to show findings). A block preceded by <!-- steps run in one folder --> runs its "$ "
// lines one after the other in the same copy (a walk-through: each step sees what the steps before
// it wrote), and shows each line's output under it. Between <!-- output of: npx mtad ... --> and
// <!-- end of output -->, the output is the text itself (the rules table of docs/check.md).
//
// A line that is mtad and its arguments alone runs through main(), as the bin does, in this
// process; a line with pipes, redirections or other programs runs in a shell, with the built bin.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT } from './cli.js';
import { runMain } from './main.js';

/** The documents whose examples are run, relative to the repository. */
const EXAMPLE_DOCUMENTS = ['README.md', 'docs/check.md'] as const;

/** Runs `use` in a fresh copy of FROM/data, with tests/ and examples/ beside it. */
async function inCopy<T>(dataFrom: string, use: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'mtad-readme-'));
  try {
    cpSync(join(ROOT, dataFrom, 'data'), join(dir, 'data'), { recursive: true });
    symlinkSync(join(ROOT, 'tests'), join(dir, 'tests'));
    symlinkSync(join(ROOT, 'examples'), join(dir, 'examples'));
    return await use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The examples are independent of each other (each runs in its own copy of the data; a
 * walk-through's steps stay in order in theirs), so they run side by side: as many at a time as
 * the machine has cores (two at least).
 */
const slots = Math.max(2, availableParallelism());
const waiting: (() => void)[] = [];
let running = 0;
async function inTurn<T>(task: () => Promise<T>): Promise<T> {
  if (running >= slots) await new Promise<void>((resume) => waiting.push(resume));
  else running++;
  try {
    return await task();
  } finally {
    // A finished example hands its slot to the next waiting one, or frees it.
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

/**
 * The arguments of `npx mtad ARGS` when ARGS are words and quoted strings only (what a shell
 * passes unchanged); undefined when the shell would do more (pipes, redirections, variables).
 */
export function plainMtadArgs(commandLine: string): string[] | undefined {
  const rest = /^npx mtad((?: .*)?)$/.exec(commandLine)?.[1];
  if (rest === undefined) return undefined;
  const args: string[] = [];
  for (const [, word, double, single, other] of rest.matchAll(
    / +(?:([^\s"'|&;<>()$`\\*?[\]{}~#!]+)|"([^"$`\\!]*)"|'([^']*)')|(.)/g,
  )) {
    if (other !== undefined) return undefined;
    args.push(word ?? double ?? single ?? '');
  }
  return args;
}

/**
 * A line that pipes mtad's output into other programs (`npx mtad ARGS [2>&1 | 2>/dev/null] | REST`):
 * mtad's arguments, what becomes of its standard error, and the rest of the pipeline; undefined
 * for any other line.
 */
export function pipedFromMtad(
  commandLine: string,
): { args: string[]; stderr: 'shown' | 'piped' | 'dropped'; rest: string } | undefined {
  const match = /^(npx mtad[^|<>&]*?)( 2>&1| 2>\/dev\/null)? \| (.+)$/.exec(commandLine);
  const args = match && plainMtadArgs(match[1] as string);
  if (!match || !args || (match[3] as string).includes('npx mtad')) return undefined;
  const stderr = match[2] === ' 2>&1' ? 'piped' : match[2] ? 'dropped' : 'shown';
  return { args, stderr, rest: match[3] as string };
}

/** Runs `shell` in `dir` with `input` on its standard input: what it printed (both streams), and its status. */
function runShell(
  dir: string,
  shell: string,
  env: NodeJS.ProcessEnv,
  input?: Buffer,
): Promise<{ output: string; status: number | null }> {
  return new Promise((done, fail) => {
    const child = spawn('/bin/sh', ['-c', `{ ${shell}\n} 2>&1`], {
      cwd: dir,
      env,
      stdio: [input ? 'pipe' : 'ignore', 'pipe', 'inherit'],
    });
    // A pipeline may stop reading before the end (head): what it did not read is not an error.
    child.stdin?.on('error', () => {});
    child.stdin?.end(input);
    const chunks: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', fail);
    child.on('close', (status) => done({ output: Buffer.concat(chunks).toString('utf8'), status }));
  });
}

/** What a command line printed (standard output and error, as a terminal shows them). */
function runIn(dir: string, commandLine: string): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', COLUMNS: '100' };
  delete env.FORCE_COLOR;
  // A failing example is shown as it fails, with its exit status.
  const shown = (output: string, status: number | null) => (status === 0 ? output : `${output}$ echo $?\n${status}\n`);
  const args = plainMtadArgs(commandLine);
  if (args)
    return inTurn(async () => {
      const run = await runMain(args, { cwd: dir, env, together: true });
      return shown(run.stdout, run.status);
    });
  const piped = pipedFromMtad(commandLine);
  if (piped)
    return inTurn(async () => {
      const run = await runMain(piped.args, { cwd: dir, env, together: piped.stderr === 'piped' });
      // mtad has ended before the rest reads its output: its own errors come first on the terminal.
      const before = piped.stderr === 'shown' ? run.stderr : '';
      const rest = await runShell(dir, piped.rest, env, Buffer.from(run.stdout));
      return shown(before + rest.output, rest.status);
    });
  const shell = commandLine.replaceAll('npx mtad', `"${process.execPath}" "${BIN}"`);
  return inTurn(async () => {
    const run = await runShell(dir, shell, env);
    return shown(run.output, run.status);
  });
}

const run = (commandLine: string, dataFrom: string) => inCopy(dataFrom, (dir) => runIn(dir, commandLine));

/** `text` with each match of `pattern` replaced by what `replace` (async) makes of it, all made side by side. */
async function replaceAllAsync(
  text: string,
  pattern: RegExp,
  replace: (...match: (string | undefined)[]) => Promise<string>,
): Promise<string> {
  const made = await Promise.all([...text.matchAll(pattern)].map((match) => replace(...match)));
  let index = 0;
  return text.replace(pattern, () => made[index++] as string);
}

/** A document with every example's output made again. */
async function withOutputs(text: string): Promise<string> {
  const examples = await replaceAllAsync(
    text,
    /(<!-- examples run on: (\S+) -->\n\n|<!-- (steps) run in one folder -->\n\n)?```console\n([\s\S]*?)```/g,
    async (block = '', comment = '', dataFrom = '.', steps, body = '') => {
      const lines = body.split('\n');
      if (steps) {
        // "$ echo $?" is what a failing step printed, not a step.
        const commands = lines.filter((line) => line.startsWith('$ ') && line !== '$ echo $?');
        const outputs = await inCopy('.', async (dir) => {
          const printed: string[] = [];
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
    async (_block, start = '', commandLine = '', end = '') => `${start}${await run(commandLine, '.')}${end}`,
  );
}

/** Each document as it is, and as it reads with every example's output made again. */
export async function makeExampleDocuments(): Promise<{ document: string; text: string; made: string }[]> {
  return Promise.all(
    EXAMPLE_DOCUMENTS.map(async (document) => {
      const text = readFileSync(join(ROOT, document), 'utf8');
      return { document, text, made: await withOutputs(text) };
    }),
  );
}
