// `npm test`: vitest, and beside it the static checks (typecheck, lint, knip, format:check) one at
// a time. On two cores vitest alone leaves one idle while its files wait on the processes they
// spawn; the checks, each one process on one core, fill that time instead of running first.
// vitest prints as it goes; each check's output is printed whole, in this order, after it; the
// exit status is 1 when vitest or any check failed. Arguments go to vitest (`npm test -- FILE`).
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const CHECKS = ['typecheck', 'lint', 'knip', 'format:check'];
const npm = process.env.npm_execpath;

/** Runs `command args`, its standard output and error kept together, in the order written. */
function run(command, args) {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.stderr.on('data', (chunk) => chunks.push(chunk));
    child.on('error', (error) => done({ status: 1, output: `${error.message}\n` }));
    child.on('close', (status) => done({ status, output: Buffer.concat(chunks).toString('utf8') }));
  });
}

const runScript = (name) =>
  npm ? run(process.execPath, [npm, 'run', '--silent', name]) : run('npm', ['run', '--silent', name]);

const tests = new Promise((done) => {
  const vitest = spawn(
    process.execPath,
    [resolve(root, 'node_modules/vitest/vitest.mjs'), 'run', ...process.argv.slice(2)],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  vitest.on('error', (error) => done({ status: 1, output: `${error.message}\n` }));
  vitest.on('close', (status) => done({ status }));
});

const results = [];
for (const name of CHECKS) results.push({ name, ...(await runScript(name)) });
const { status: testStatus } = await tests;

let failed = testStatus !== 0;
for (const { name, status, output } of results) {
  process.stdout.write(`> npm run ${name}${status === 0 ? '' : `  (failed, exit status ${status})`}\n${output}`);
  if (status !== 0) failed = true;
}
if (testStatus !== 0) process.stdout.write(`> vitest run  (failed, exit status ${testStatus})\n`);
process.exit(failed ? 1 : 0);
