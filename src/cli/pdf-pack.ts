import type { PackFile } from '../render/pack.js';
import { stampPdf } from '../render/pdf-stamp.js';
import { canonicalPdf } from '../render/pdf-canonical.js';
import { succeed, type Result } from '../domain/model/result.js';
import { convertToPdf } from '../io/soffice.js';

/**
 * The files of a pack with a PDF beside each Word file (NAME.docx gives NAME.pdf), dated `created`
 * and so the same bytes on every run. Any command that writes a pack of Word files (`amend --out`,
 * the consultation) adds its PDFs here, after checking `requireSoffice` before it reads anything.
 */
export async function withPdfs(
  files: readonly PackFile[],
  created: string,
  env: NodeJS.ProcessEnv,
): Promise<Result<PackFile[]>> {
  const words = files.filter(
    (file): file is PackFile & { content: Uint8Array } =>
      file.path.endsWith('.docx') && typeof file.content !== 'string',
  );
  const converted = await convertToPdf(
    words.map((file) => ({ name: file.path, content: file.content })),
    env,
  );
  if (!converted.ok) return converted;
  const pdfs = converted.value.map((pdf, index) => ({
    path: (words[index] as PackFile).path.replace(/\.docx$/, '.pdf'),
    content: stampPdf(canonicalPdf(pdf), created),
  }));
  return succeed([...files, ...pdfs]);
}
