import { docxFromBlocks, packDocx } from './docx-document.js';
import { renderDirectionMarkdown } from './direction-markdown.js';
import { readBlocks } from './markdown-blocks.js';

/** The direction (Attachment 1) as a Word document, built from the same blocks as its Markdown. */
export function renderDirectionDocx(text: string, created: string): Promise<Uint8Array> {
  const [title = 'Direction'] = text.trim().split(/\r?\n/);
  return packDocx(title, docxFromBlocks(readBlocks(renderDirectionMarkdown(text))), { created });
}
