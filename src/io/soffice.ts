import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { diagnose, type Diagnostic } from '../domain/model/diagnostics.js';
import { fail, succeed, type Result } from '../domain/model/result.js';

/*
 * Word files to PDF with LibreOffice, as DCC publishes its documents. soffice runs headless with a
 * profile of its own in a temporary folder (-env:UserInstallation), so that runs side by side, or
 * a LibreOffice the user has open, never share one (a shared profile makes a second soffice hand
 * its work to the first, or fail). Its clock is UTC (TZ), so the date it stamps has one form.
 */

/** The program, and the Debian package that installs it without a desktop. */
const SOFFICE = { program: 'soffice', debianPackage: 'libreoffice-writer-nogui' } as const;

/** How long one conversion of a pack may take before it is abandoned (a first run makes the profile). */
const TIMEOUT_MS = 10 * 60 * 1000;

/** The finding when soffice is not on the PATH of `env`; undefined when it is. */
export function requireSoffice(env: NodeJS.ProcessEnv): Diagnostic | undefined {
  const found = (env.PATH ?? '').split(delimiter).some((dir) => {
    if (dir === '') return false;
    try {
      accessSync(join(dir, SOFFICE.program), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
  return found ? undefined : diagnose('PDF_CONVERTER_MISSING', { ...SOFFICE });
}

/** Each Word file converted to PDF, in the order given, or what stopped the conversion. */
export async function convertToPdf(
  files: readonly { name: string; content: Uint8Array }[],
  env: NodeJS.ProcessEnv,
): Promise<Result<Uint8Array[]>> {
  const work = await mkdtemp(join(tmpdir(), 'mtad-pdf-'));
  try {
    const out = join(work, 'out');
    await mkdir(out);
    // Plain names: the pack's own may repeat across folders (one per amendment).
    const inputs = files.map((_, index) => join(work, `document-${index}.docx`));
    await Promise.all(files.map((file, index) => writeFile(inputs[index] as string, file.content)));
    const args = [
      `-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'pdf',
      '--outdir',
      out,
      ...inputs,
    ];
    const ran = await run(SOFFICE.program, args, { ...env, TZ: 'UTC' });
    const pdfs: Uint8Array[] = [];
    for (const [index, file] of files.entries()) {
      try {
        pdfs.push(new Uint8Array(await readFile(join(out, `document-${index}.pdf`))));
      } catch {
        return fail([diagnose('PDF_CONVERSION_FAILED', { file: file.name, reason: ran || 'soffice wrote no PDF' })]);
      }
    }
    return succeed(pdfs);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Runs a program to its end; what went wrong (its last line of errors, or how it ended), or ''. */
function run(program: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((done) => {
    const child = spawn(program, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString('utf8')).slice(-2000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      done(error.message);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const last = errors.trim().split('\n').at(-1) ?? '';
      done(
        code === 0 ? '' : last || (signal ? `soffice was stopped (${signal})` : `soffice exited with status ${code}`),
      );
    });
  });
}
