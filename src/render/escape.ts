/** Escapes text for HTML and XML element content. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Escapes text for a Markdown table cell: HTML specials, pipes, and Markdown's own marks. */
export function escapeMarkdownCell(text: string): string {
  return escapeHtml(text)
    .replace(/([\\`*_[\]|~])/g, '\\$1')
    .replace(/\r?\n/g, ' ');
}

/**
 * Escapes text for a Markdown paragraph or heading: as for a table cell, and a leading mark that
 * would start a heading, a quote or a list is escaped too.
 */
export function escapeMarkdownText(text: string): string {
  return escapeMarkdownCell(text).replace(
    /^(\s*)([#>+-]|\d+[.)])/,
    (_, space: string, mark: string) => `${space}${mark.replace(/([#>+\-.)])$/, '\\$1')}`,
  );
}
