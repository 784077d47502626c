import { diagnose, type Diagnostic } from '../domain/model/diagnostics.js';
import { FORBIDDEN_CHARACTER } from '../domain/parse/yaml-source.js';
import { HIDDEN_CHARACTER, LINE_BREAK } from '../domain/model/text.js';

/**
 * A text given on the command line that mtad writes into a document (the author of the tracked
 * changes), held to the rules of text in the data: one line, no control or hidden character, no
 * space at either end, not empty. The finding is a usage error (exit status 2).
 */
export function readTextOption(option: string, value: string): Diagnostic[] {
  const bad =
    value.trim() === '' ||
    value !== value.trim() ||
    FORBIDDEN_CHARACTER.test(value) ||
    LINE_BREAK.test(value) ||
    HIDDEN_CHARACTER.test(value);
  return bad
    ? [
        diagnose('ARGUMENT_INVALID', {
          option,
          value,
          expected: { kind: 'one-line-text' },
        }),
      ]
    : [];
}
