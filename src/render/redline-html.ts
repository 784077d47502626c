import type { Redline, RedlineCell, RedlineRow } from '../domain/documents/redline.js';
import { escapeHtml } from './escape.js';
import { cellParts } from './redline-cell.js';
import { redlineHeading } from './redline-heading.js';

// Everything is inline: the page fetches nothing. Inserted and deleted text differ by colour AND
// by line (underline, strike-through) AND by hidden words a screen reader speaks.
const STYLE = (
  `
:root { color-scheme: light; --text: #1b1b1b; --ins: #0b6623; --ins-bg: #e6f4ea; --del: #b3261e; --del-bg: #fdecea; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px; color: var(--text); background: #fff; font: 16px/1.5 Arial, Helvetica, sans-serif; }
main { max-width: 960px; margin: 0 auto; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; }
p { margin: .25rem 0 .75rem; }
ins { color: var(--ins); background: var(--ins-bg); text-decoration: underline; ` +
  `text-decoration-thickness: 2px; text-underline-offset: 2px; }
del { color: var(--del); background: var(--del-bg); text-decoration: line-through; text-decoration-thickness: 2px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; ` +
  `clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.legend { list-style: none; padding: 0; margin: 0 0 1rem; }
.legend li { margin: .25rem 0; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; overflow-wrap: anywhere; }
caption { text-align: left; font-weight: bold; font-size: 1.1rem; padding: 0 0 .5rem; }
th, td { border: 1px solid #808080; padding: .4rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #e7e6e6; }
tbody th { font-weight: normal; }
@page { size: A4; margin: 20mm; }
@media print {
  body { padding: 0; font-size: 11pt; }
  main { max-width: none; }
  ins, del { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  tr { break-inside: avoid; }
}
`
).trim();

const ROW_LABEL: Record<RedlineRow['status'], string> = {
  unchanged: '',
  changed: 'changed row',
  inserted: 'inserted row',
  deleted: 'deleted row',
};

const del = (text: string): string =>
  text ? `<del><span class="visually-hidden">deleted: </span>${escapeHtml(text)}</del>` : '';
const ins = (text: string): string =>
  text ? `<ins><span class="visually-hidden">inserted: </span>${escapeHtml(text)}</ins>` : '';

const MARKS = { kept: escapeHtml, deleted: del, inserted: ins };

function cellHtml(cell: RedlineCell, status: RedlineRow['status']): string {
  return cellParts(cell, status)
    .map((part) => MARKS[part.mark](part.text))
    .join(' ');
}

function rowHtml(row: RedlineRow): string {
  const [first, ...rest] = row.cells.map((cell) => cellHtml(cell, row.status));
  const label = ROW_LABEL[row.status] ? `<span class="visually-hidden">${ROW_LABEL[row.status]}: </span>` : '';
  return (
    `<tr class="${row.status}"><th ` +
    `scope="row">${label}${first ?? ''}</th>${rest.map((html) => `<td>${html}</td>`).join('')}</tr>`
  );
}

/** The redline's table, with <ins>/<del> and the words a screen reader speaks for them. */
export function redlineTableHtml(redline: Redline, caption: string): string {
  return [
    '<table>',
    `<caption>${escapeHtml(caption)}</caption>`,
    `<thead><tr>${redline.headings.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...redline.rows.map(rowHtml),
    '</tbody>',
    '</table>',
  ].join('\n');
}

/**
 * The redline as one self-contained HTML page: inline CSS, nothing fetched, printable on A4,
 * with table headers, <ins>/<del> and a legend. Every string from the data is escaped.
 */
export function renderRedlineHtml(redline: Redline, options: { draft: boolean }): string {
  const heading = redlineHeading(redline, options.draft);
  const lines = [
    '<!doctype html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(heading.title)}</title>`,
    `<style>\n${STYLE}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeHtml(heading.title)}</h1>`,
    `<p>${escapeHtml(heading.version)}</p>`,
    '<h2 id="legend">How to read this redline</h2>',
    '<ul class="legend" aria-labelledby="legend">',
    `<li>${ins('Inserted text')} is underlined, in green.</li>`,
    `<li>${del('Deleted text')} is struck through, in red.</li>`,
    '</ul>',
    redlineTableHtml(redline, heading.caption),
    ...(heading.headingsNote === undefined ? [] : [`<p>${escapeHtml(heading.headingsNote)}</p>`]),
    '</main>',
    '</body>',
    '</html>',
  ];
  return lines.join('\n') + '\n';
}
