// Test-only preload (node --import): once mtad has written its temporary file beside the table,
// and before it compares and renames, a SECOND process appends a line to the table. This makes
// "the file changed on disk between read and write" happen deterministically, without any hook in
// mtad itself. The file to change is named by MTAD_TEST_CHANGE_FILE.
import { spawnSync } from 'node:child_process';
import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { basename } from 'node:path';

const target = process.env.MTAD_TEST_CHANGE_FILE;
const writeFile = fsp.writeFile;
fsp.writeFile = async function (path, ...rest) {
  const result = await writeFile.call(this, path, ...rest);
  // Only the table's own temporary file, `.NAME.PID.HEX.tmp` (mtad writes others, such as the lock
  // of made amendments and the write lock's `.NAME.lock.PID.HEX.tmp`).
  if (
    target &&
    new RegExp(`^\\.${basename(target).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.\\d+\\.[0-9a-f]+\\.tmp$`).test(
      basename(String(path)),
    )
  ) {
    spawnSync(process.execPath, [
      '-e',
      `require('node:fs').appendFileSync(${JSON.stringify(target)}, '# edited by another process\\n')`,
    ]);
  }
  return result;
};
syncBuiltinESMExports();
