import type { Audience } from '../domain/documents/response-views.js';

/** What a command prints once it has written its files, and the note a written file opens with. */

/** A folder a command wrote: as shown, the files in it, and the pack's marker file among them or beside them. */
interface WrittenFolder {
  folder: string;
  files: readonly string[];
  marker: string;
}

const listed = (files: readonly string[]): string => files.map((file) => `  ${file}\n`).join('');

/** What `mtad amend --out` wrote; the marker file, listed among the files, is said what it is for. */
export function renderPackWritten({ folder, files, marker }: WrittenFolder): string {
  const line = (name: string) =>
    name === marker
      ? `  ${name}  (marks the folder as a pack mtad wrote: only such a folder is replaced by --force)\n`
      : `  ${name}\n`;
  return `Wrote the consultation pack to ${folder}/ (${files.length} files):\n${files.map(line).join('')}`;
}

/** What `mtad consultation` wrote: the files, and the marker beside them. */
export function renderConsultationWritten(written: WrittenFolder & { id: string }): string {
  return (
    `Wrote the consultation on ${written.id} to ${written.folder}/ (${written.files.length} files and ` +
    `${written.marker}):\n${listed(written.files)}`
  );
}

/** What `mtad conclude` wrote, for whom; the department's copy says that it is never to be published. */
export function renderConclusionWritten(written: WrittenFolder & { id: string; audience: Audience }): string {
  const department = written.audience === 'department';
  const what = department ? "the department's copy of the conclusion report" : 'the conclusion report';
  const notice = department ? 'It holds confidential text: it is for the department, never to be published.\n' : '';
  return (
    `Wrote ${what} on ${written.id} to ${written.folder}/ (${written.files.length} files and ` +
    `${written.marker}):\n${listed(written.files)}${notice}`
  );
}

/** What `mtad import` wrote, or that the table file holds the import already. */
export function renderImportWritten(
  imported: { table: string; unchanged: true } | { table: string; number: string; document: string; rows: number },
): string {
  return 'unchanged' in imported
    ? `${imported.table} already holds this import; nothing was written.\n`
    : `Wrote ${imported.table}: Table ${imported.number} from ${imported.document}, ${imported.rows} rows.\n`;
}

/** What `mtad init` wrote, in the working folder (`folder` undefined) or another, and what to do next. */
export function renderProjectWritten(project: { folder?: string; files: readonly string[] }): string {
  const where = project.folder ?? 'the working folder';
  return [
    `Wrote a new mtad project in ${where}:`,
    ...project.files.map((file) => `  ${file}`),
    '',
    'The table is the shipped Table 17.6, as DCC stated it on 5 December 2022, each value with its source.',
    `Next: mtad check${project.folder === undefined ? '' : ` (in ${where})`}, then mtad new to draft an amendment. ` +
      'The workflow runs the',
    'mtad that package.json installs (npm install --save-dev, from where you got mtad).',
    '',
  ].join('\n');
}

/** The comment that opens the table file of a pack: the amendments it reflects, with their status. */
export function amendedTableNote(table: string, amendments: readonly { id: string; status: string }[]): string {
  const ids = amendments.map((a) => `${a.id} (${a.status})`).join(', ');
  return (
    `# Table ${table} as amended by ${ids}: written by mtad amend --out; the comments below are the ` +
    `table file's own.\n`
  );
}
