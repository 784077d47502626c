/**
 * A file a use case means to write, as data: where, its new text, what the file must hold just
 * before it is replaced (the text that was read, `absent` for a new file, `any` for --force), and
 * how it is named in messages. The CLI performs it through src/io.
 */
export interface PlannedWrite {
  path: string;
  text: string;
  expectation: { text: string } | 'absent' | 'any';
  shown: string;
}
