import { diagnose, type Diagnostic } from '../model/diagnostics.js';
import { eachTextValue, type YamlSource } from '../parse/yaml-source.js';
import { codePointOf, HIDDEN_CHARACTER } from '../model/text.js';

// Text that may hold either: a character outside ASCII, or a quote next to a space (a plain
// YAML scalar cannot begin or end with an ASCII space). Most files hold neither.
const MAY_HOLD_SUSPECT_TEXT = /[^\x00-\x7F]|["'][ \t]|[ \t]["']/;
const SPACE_AROUND = /^\s|\s$/;

/**
 * The rules on every text value of a file: no hidden character (a bidirectional control or a
 * zero-width character), and no space at either end. Either makes text that prints like another
 * text differ from it, or read differently from how it is stored.
 */
export function checkText(source: YamlSource): Diagnostic[] {
  if (!MAY_HOLD_SUSPECT_TEXT.test(source.text)) return [];
  const diagnostics: Diagnostic[] = [];
  eachTextValue(source.document, (node, path) => {
    const field = path.map(String).join('.');
    const hidden = HIDDEN_CHARACTER.exec(node.value);
    if (hidden)
      diagnostics.push(
        diagnose(
          'TEXT_HIDDEN_CHARACTER',
          { field, value: node.value, character: codePointOf(hidden[0]), index: hidden.index + 1 },
          source.locate(path),
        ),
      );
    if (SPACE_AROUND.test(node.value))
      diagnostics.push(diagnose('TEXT_SPACE_AROUND', { field, value: node.value }, source.locate(path)));
  });
  return diagnostics;
}
