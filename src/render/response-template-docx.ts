import { docxFromBlocks, packDocx } from './docx-document.js';
import { readBlocks } from './markdown-blocks.js';

/** The response template as a Word document, from its Markdown (the same wording, the same data). */
export function renderResponseTemplateDocx(markdown: string, title: string, created: string): Promise<Uint8Array> {
  return packDocx(title, docxFromBlocks(readBlocks(markdown)), { created });
}
