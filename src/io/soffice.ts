import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
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

/*
 * LibreOffice runs its graphics self-tests (about 5 s of CPU, before it converts anything) when it
 * takes a start for its first since an upgrade: when the version its profile last recorded
 * (ooSetupLastVersion) is older than its own. A headless run never records it, so every run in a
 * new profile would pay for them. The profile is made with a last version later than any release's,
 * so that no LibreOffice takes the run for its first. What LibreOffice writes is the same: the PDFs
 * of a pack are the same bytes with this setting and without it.
 */
const PROFILE_SETTINGS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry">
  <item oor:path="/org.openoffice.Setup/Product">
    <prop oor:name="ooSetupLastVersion" oor:op="fuse"><value>9999.9</value></prop>
  </item>
</oor:items>
`;

/**
 * A LibreOffice profile in `folder`, made unless it is there, as soffice is given it:
 * `-env:UserInstallation=file:///...`.
 */
export function makeProfile(folder: string): string {
  const settings = join(folder, 'user', 'registrymodifications.xcu');
  if (!existsSync(settings)) {
    mkdirSync(dirname(settings), { recursive: true });
    writeFileSync(settings, PROFILE_SETTINGS);
  }
  return `-env:UserInstallation=${pathToFileURL(folder).href}`;
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
      makeProfile(join(work, 'profile')),
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
