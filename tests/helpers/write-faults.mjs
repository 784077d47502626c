// Test-only preload (node --import): faults in the middle of mtad's writes, injected by replacing
// fs/promises functions, so that mtad itself carries no hook. Set by the environment:
//   MTAD_TEST_FAULT=kill-before-rename:NAME    SIGKILL this process just before it renames a file
//                                              over NAME (a base name, such as table-17.6.yaml)
//   MTAD_TEST_FAULT=fail-before-rename:NAME:CODE   that rename fails with the error CODE (ENOSPC),
//                                              and so does the link that writes a new file NAME
//   MTAD_TEST_FAULT=change-after-rename:NAME:PATH  the first time NAME is replaced, another
//                                              process appends a line to PATH
//   MTAD_TEST_FAULT=hold-at-stage:NAME:LOG|GO  once the new NAME is staged (mtad holds its write
//                                              lock), append this process id to LOG, then wait
//                                              until the file GO exists
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync } from 'node:fs';
import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { basename } from 'node:path';

const [mode, name, ...rest] = (process.env.MTAD_TEST_FAULT ?? '').split(':');
const arg = rest.join(':');
const isStaged = (path) =>
  new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.\\d+\\.[0-9a-f]+\\.tmp$`).test(
    basename(String(path)),
  );

const rename = fsp.rename;
let changed = false;
fsp.rename = async function (from, to) {
  const hit = basename(String(to)) === name;
  if (hit && mode === 'kill-before-rename') process.kill(process.pid, 'SIGKILL');
  if (hit && mode === 'fail-before-rename')
    throw Object.assign(new Error(`${arg}: injected by the test, rename '${from}' -> '${to}'`), { code: arg });
  const result = await rename.call(this, from, to);
  if (hit && mode === 'change-after-rename' && !changed) {
    changed = true;
    spawnSync(process.execPath, [
      '-e',
      `require('node:fs').appendFileSync(${JSON.stringify(arg)}, '# edited by another process\\n')`,
    ]);
  }
  return result;
};

const writeFile = fsp.writeFile;
fsp.writeFile = async function (path, ...more) {
  const result = await writeFile.call(this, path, ...more);
  if (mode === 'hold-at-stage' && isStaged(path)) {
    const [log, go] = arg.split('|');
    appendFileSync(log, `${process.pid}\n`);
    while (!existsSync(go)) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  }
  return result;
};
// A new file is written by a link from its staged copy (never over a file already there).
const link = fsp.link;
fsp.link = async function (from, to) {
  if (basename(String(to)) === name && mode === 'fail-before-rename')
    throw Object.assign(new Error(`${arg}: injected by the test, link '${from}' -> '${to}'`), { code: arg });
  return link.call(this, from, to);
};

syncBuiltinESMExports();
