// The static checks of `npm test` (typecheck, lint, knip, format:check), two at a time: each is one
// process that uses one core, so a second runs beside it. Each check's output is printed whole,
// in this order, once it ends; the exit status is 1 when any check failed.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const CHECKS = ['typecheck', 'lint', 'knip', 'format:check'];
const npm = process.env.npm_execpath;

/** Runs `npm run NAME`, its standard output and error kept together, in the order written. */
function runScript(name) {
  const [command, args] = npm ? [process.execPath, [npm, 'run', '--silent', name]] : ['npm', ['run', '--silent', name]];
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.stderr.on('data', (chunk) => chunks.push(chunk));
    child.on('error', (error) => done({ name, status: 1, output: `${error.message}\n` }));
    child.on('close', (status) => done({ name, status, output: Buffer.concat(chunks).toString('utf8') }));
  });
}

const results = new Array(CHECKS.length);
let next = 0;
const worker = async () => {
  while (next < CHECKS.length) {
    const index = next++;
    results[index] = await runScript(CHECKS[index]);
  }
};
await Promise.all(Array.from({ length: Math.max(2, Math.min(availableParallelism(), CHECKS.length)) }, worker));

let failed = false;
for (const { name, status, output } of results) {
  process.stdout.write(`> npm run ${name}${status === 0 ? '' : `  (failed, exit status ${status})`}\n${output}`);
  if (status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
