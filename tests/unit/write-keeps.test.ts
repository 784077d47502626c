import {
  chmodSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyWithMocSecureMade } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';

const TABLE = 'data/table-17.6.yaml';

const write = (dir: string) => runMain(['amend', 'mdust-close-moc-secure', '--write'], dir);

describe('amend --write keeps what it does not own', () => {
  it('writes through a symbolic link to the table: the link stays a link', async () => {
    const dir = copyWithMocSecureMade();
    mkdirSync(join(dir, 'elsewhere'));
    renameSync(join(dir, TABLE), join(dir, 'elsewhere/table.yaml'));
    symlinkSync('../elsewhere/table.yaml', join(dir, TABLE));
    const run = await write(dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(lstatSync(join(dir, TABLE)).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, TABLE))).toBe('../elsewhere/table.yaml');
    expect(readFileSync(join(dir, 'elsewhere/table.yaml'), 'utf8')).toContain('  - mdust-close-moc-secure\n');
  });

  it('keeps the permission bits of the table and of the lock of made amendments', async () => {
    const dir = copyWithMocSecureMade();
    chmodSync(join(dir, TABLE), 0o640);
    chmodSync(join(dir, 'data/amendments.lock'), 0o604);
    expect((await write(dir)).status).toBe(0);
    expect(statSync(join(dir, TABLE)).mode & 0o7777).toBe(0o640);
    expect(statSync(join(dir, 'data/amendments.lock')).mode & 0o7777).toBe(0o604);
  });

  it('keeps CRLF line endings and a UTF-8 byte order mark', async () => {
    const dir = copyWithMocSecureMade();
    const path = join(dir, TABLE);
    const original = readFileSync(path, 'utf8');
    writeFileSync(path, `\uFEFF${original.replace(/\n/g, '\r\n')}`);
    const run = await write(dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text).toContain('  - mdust-close-moc-secure\r\n');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    // Every line the amendment does not change is as it was, byte for byte.
    const unchanged = original.split('\n').filter((line) => !/asAt|value: none|section 1 \("At present/.test(line));
    for (const line of unchanged) expect(text).toContain(`${line}\r\n`);
  });

  it('refuses a read-only table, exit 2, and writes nothing (the lock of made amendments neither)', async () => {
    const dir = copyWithMocSecureMade();
    const table = join(dir, TABLE);
    chmodSync(table, 0o444);
    const [tableBefore, lockBefore] = [readFileSync(table), readFileSync(join(dir, 'data/amendments.lock'))];
    const run = await write(dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'data/table-17.6.yaml: error: data/table-17.6.yaml is read-only (no write permission); nothing was written. Make it writable (chmod u+w) if mtad is to change it [FILE_READ_ONLY]\n',
    );
    expect(readFileSync(table)).toEqual(tableBefore);
    expect(statSync(table).mode & 0o7777).toBe(0o444);
    expect(readFileSync(join(dir, 'data/amendments.lock'))).toEqual(lockBefore);
  });
});

describe('every command that writes into the data folder takes the write lock and keeps what it does not own', () => {
  /** A lock held by a process that runs: this one. */
  const lockedCopy = () => {
    const dir = copyWithMocSecureMade();
    writeFileSync(join(dir, 'data/table-17.6.yaml.lock'), `${process.pid} held-by-the-test\n`);
    return dir;
  };
  const refusal = `data/table-17.6.yaml: error: another mtad (process ${process.pid}) is writing data/table-17.6.yaml; nothing was written. Run the command again when it has finished (its lock is data/table-17.6.yaml.lock) [FILE_LOCKED]\n`;

  it('check --update-lock, new and revert are refused while another mtad writes (two drafts could take one sequence number)', async () => {
    const dir = lockedCopy();
    const lock = readFileSync(join(dir, 'data/amendments.lock'));
    for (const args of [
      ['check', '--update-lock'],
      ['new', 'close', 'FOC (BG)', '--on', '2030-06-28'],
      ['revert', 'mdust-close-foc-np'],
    ]) {
      const run = await runMain(args, dir);
      expect(run.stderr, args.join(' ')).toBe(refusal);
      expect(run.status).toBe(2);
    }
    expect(readFileSync(join(dir, 'data/amendments.lock'))).toEqual(lock);
    // --stdout writes nothing: it needs no lock.
    expect((await runMain(['new', 'close', 'FOC (BG)', '--on', '2030-06-28', '--stdout'], dir)).status).toBe(0);
  });

  it('check --update-lock keeps the CRLF line endings and the permission bits of the lock of made amendments', async () => {
    const dir = copyWithMocSecureMade();
    const path = join(dir, 'data/amendments.lock');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/\n/g, '\r\n'));
    chmodSync(path, 0o600);
    const run = await runMain(['check', '--update-lock'], dir);
    expect(run.stderr).toBe('Recorded in data/amendments.lock: mdust-close-moc-secure.\n');
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('  - id: "mdust-close-moc-secure"\r\n');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(statSync(path).mode & 0o7777).toBe(0o600);
  });
});
