import { readFileSync } from 'node:fs';
import { findTable, mapColumns } from './src/index.js';
for (const f of ['libreoffice','pandoc','docx']) {
  const r = findTable(readFileSync(`tests/fixtures/word/mtad-${f}.docx`));
  console.log(f, JSON.stringify(r.ok ? { ...r.value, rows: r.value.rows.map(r=>r.map(c=>c.text)) } : r.findings));
  if (r.ok) console.log(JSON.stringify(mapColumns(r.value.headers)));
}
