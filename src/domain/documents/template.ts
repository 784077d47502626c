import { diagnose } from '../model/diagnostics.js';
import { fail, succeed, type Result } from '../model/result.js';

/**
 * A small, logic-less template language for legal wording kept in files a drafter can edit:
 * `{{name}}` is replaced by a value; `{{#flag}}…{{/flag}}` is kept only when the flag is true and
 * `{{^flag}}…{{/flag}}` only when it is false. When the value is a list, `{{#list}}…{{/list}}` is
 * repeated for each item, whose names are usable inside it, and `{{^list}}…{{/list}}` is kept only
 * when the list is empty. Nothing else is special.
 */
export type TemplateValues = { [name: string]: string | boolean | readonly TemplateValues[] };

export interface FilledTemplate {
  text?: string;
  /** Placeholders or sections that name no value: a mistake in the template. */
  unknownNames: string[];
}

// One pass, left to right: a value put in is never read again as template text, so data that
// happens to contain "{{name}}" stays as written.
const TOKEN = /\{\{([#^])([\w.]+)\}\}([\s\S]*?)\{\{\/\2\}\}|\{\{([\w.]+)\}\}/g;

/** Fills `template` with `values`; every name the template uses must be one of them. */
export function fillTemplate(template: string, values: TemplateValues): FilledTemplate {
  const unknownNames = new Set<string>();
  const fill = (text: string, scope: TemplateValues): string =>
    text.replace(
      TOKEN,
      (
        _,
        kind: string | undefined,
        section: string | undefined,
        body: string | undefined,
        name: string | undefined,
      ) => {
        const key = section ?? name ?? '';
        if (!Object.hasOwn(scope, key)) {
          unknownNames.add(key);
          return '';
        }
        const value = scope[key];
        if (name !== undefined) return typeof value === 'string' ? value : String(value);
        if (Array.isArray(value)) {
          if (kind === '^') return value.length === 0 ? fill(body ?? '', scope) : '';
          return value.map((item: TemplateValues) => fill(body ?? '', { ...scope, ...item })).join('');
        }
        return Boolean(value) === (kind === '#') ? fill(body ?? '', scope) : '';
      },
    );
  const text = fill(template, values);
  return unknownNames.size > 0 ? { unknownNames: [...unknownNames] } : { text, unknownNames: [] };
}

/** Splits a template of sections, each headed by a line `== name ==`. */
export function readTemplateSections(text: string): Record<string, string> {
  const sections: Record<string, string> = {};
  let name: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const heading = /^== (\w+) ==$/.exec(line);
    if (heading?.[1]) [name, sections[heading[1]]] = [heading[1], ''];
    else if (name !== undefined) sections[name] = `${sections[name] ?? ''}${sections[name] ? '\n' : ''}${line}`;
  }
  for (const key of Object.keys(sections)) sections[key] = (sections[key] ?? '').trim();
  return sections;
}

/**
 * Fills the section `name` of a template of sections (`readTemplateSections`). A section that is
 * missing or empty, or that names a value not given, is a mistake in the template file `file`.
 */
export function fillTemplateSection(
  sections: Record<string, string>,
  name: string,
  values: TemplateValues,
  file: string,
): Result<string> {
  const filled = fillTemplate(sections[name] ?? '', values);
  const unknown =
    filled.text === undefined ? filled.unknownNames.join(', ') : filled.text ? undefined : `(missing section ${name})`;
  if (unknown !== undefined) return fail([diagnose('TEMPLATE_UNKNOWN_NAME', { names: unknown }, { file })]);
  return succeed(filled.text ?? '');
}
