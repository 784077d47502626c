// Prints what mtad outputs for a fixed set of commands on the shipped data, one section per
// command (Word files as their word/document.xml). .ci/run runs it under several time zones and
// requires the outputs to be identical: dates in mtad are calendar dates, never instants.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';

const root = resolve(import.meta.dirname, '..');
const run = (...args) => {
  const result = spawnSync(process.execPath, [join(root, 'bin/mtad.cjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return `$ mtad ${args.join(' ')} (exit ${result.status})\n${result.stdout}${result.stderr}`;
};

const sections = [
  run('amend'),
  run('amend', '--format', 'unified'),
  run('amend', '--format', 'markdown'),
  run('amend', '--format', 'json'),
  run('direction', 'mdust-close-moc-secure'),
  run('show'),
  run('show', '--as-at', '2022-09-30'),
  run('show', '--as-at', '2022-12-05'),
  run('show', '--as-at', '2023-02-01', '--include', 'proposed'),
  run('log', '--format', 'json'),
  run('diff', '--from', '2022-09-01', '--to', '2023-02-01', '--include', 'proposed', '--format', 'json'),
  run('impact', 'mdust-close-moc-secure', '--decided', '2023-02-01'),
  run('check', '--format', 'json'),
  run('new', 'close', 'FOC (BG)', '--on', '2023-06-30', '--stdout'),
  // Days that a time zone skipped: Pacific/Kiritimati went from 30 December 1994 to 1 January
  // 1995, Pacific/Apia from 29 December 2011 to 31 December 2011.
  run('new', 'close', 'FOC (BG)', '--on', '1994-12-31', '--stdout'),
  run('new', 'close', 'FOC (BG)', '--on', '2011-12-30', '--stdout'),
];

const out = mkdtempSync(join(tmpdir(), 'mtad-tz-'));
try {
  sections.push(run('amend', '--out', join(out, 'pack')).replaceAll(out, '<tmp>'));
  for (const name of readdirSync(join(out, 'pack')).sort()) {
    const bytes = readFileSync(join(out, 'pack', name));
    const text = name.endsWith('.docx')
      ? await (await JSZip.loadAsync(bytes)).file('word/document.xml').async('string')
      : bytes.toString('utf8');
    // The hash of the whole file as well: the Word files' metadata and zip entry times are dated
    // from the data, so runs at different times and in different zones give the same bytes.
    sections.push(`== pack/${name} (sha256 ${createHash('sha256').update(bytes).digest('hex')})\n${text}`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
process.stdout.write(sections.join('\n'));
