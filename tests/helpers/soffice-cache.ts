import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, realpathSync, renameSync, statSync } from 'node:fs';
import { basename, delimiter, dirname, join } from 'node:path';
import { makeProfile } from '../../src/io/soffice.js';
import { ROOT } from './cli.js';

/*
 * LibreOffice's conversions made by the tests' helpers, kept between runs: a start of soffice costs
 * about 6 s of CPU, and the same bytes converted by the same LibreOffice give a file that opens the
 * same way. A file is converted again whenever its bytes, the target or the installed LibreOffice
 * change, and CI, which starts from no cache, converts every one. mtad's own conversion (`--pdf`)
 * is never taken from here: its tests run it.
 */
const CACHE = join(ROOT, 'node_modules/.cache/mtad-tests/soffice');

/** What names the installed LibreOffice: its version file and the program's size and time. */
function installation(): string {
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    if (folder === '' || !existsSync(join(folder, 'soffice'))) continue;
    const program = dirname(realpathSync(join(folder, 'soffice')));
    const version = join(program, 'versionrc');
    const binary = join(program, 'soffice.bin');
    const stamp = (path: string) => (existsSync(path) ? `${statSync(path).size} ${statSync(path).mtimeMs}` : '');
    return `${program} ${existsSync(version) ? readFileSync(version, 'utf8') : ''} ${stamp(binary)}`;
  }
  return 'none';
}

export interface Conversion {
  status: number | null;
  stderr: string;
}

/**
 * Converts each of `files` to `outdir`/NAME.`extension` (LibreOffice's `--convert-to TARGET`): the
 * files converted before come from the cache, the others from `convert`, which runs soffice once on
 * all of them and is not called when none is left.
 */
function convertOnce(
  files: readonly string[],
  outdir: string,
  target: string,
  convert: (files: readonly string[]) => Conversion,
): Conversion {
  const extension = target.split(':')[0] as string;
  const made = (file: string) => join(outdir, `${basename(file).replace(/\.[^.]+$/, '')}.${extension}`);
  const who = installation();
  const keyOf = (file: string) =>
    createHash('sha256').update(`${who}\n${target}\n`).update(readFileSync(file)).digest('hex');
  const missing = files.filter((file) => {
    const cached = join(CACHE, `${keyOf(file)}.${extension}`);
    if (!existsSync(cached)) return true;
    copyFileSync(cached, made(file));
    return false;
  });
  if (missing.length === 0) return { status: 0, stderr: '' };
  const result = convert(missing);
  if (result.status !== 0) return result;
  mkdirSync(CACHE, { recursive: true });
  for (const file of missing) {
    if (!existsSync(made(file))) continue;
    // Written under a name of its own, then renamed: a test file in another worker may read it.
    const key = keyOf(file);
    const partial = join(CACHE, `.${key}.${process.pid}.tmp`);
    copyFileSync(made(file), partial);
    renameSync(partial, join(CACHE, `${key}.${extension}`));
  }
  return result;
}

/**
 * Converts each of `files` to `outdir` as `target`, by one soffice with the profile in `profile`
 * (made as mtad makes its own, once: a second run in it finds it ready), or from the cache.
 */
export const convertWithSoffice = (
  files: readonly string[],
  outdir: string,
  target: string,
  profile: string,
): Conversion =>
  convertOnce(files, outdir, target, (missing) =>
    spawnSync(
      'soffice',
      [makeProfile(profile), '--headless', '--norestore', '--convert-to', target, '--outdir', outdir, ...missing],
      { encoding: 'utf8', timeout: 240_000 },
    ),
  );
