/**
 * A small, logic-less template language for legal wording kept in files a drafter can edit:
 * `{{name}}` is replaced by a value; `{{#flag}}…{{/flag}}` is kept only when the flag is true and
 * `{{^flag}}…{{/flag}}` only when it is false. Nothing else is special.
 */
export type TemplateValues = Record<string, string | boolean>;

export interface FilledTemplate {
  text?: string;
  /** Placeholders or sections that name no value: a mistake in the template. */
  unknownNames: string[];
}

const SECTION = /\{\{([#^])([\w.]+)\}\}([\s\S]*?)\{\{\/\2\}\}/g;
const PLACEHOLDER = /\{\{([\w.]+)\}\}/g;

/** Fills `template` with `values`; every name the template uses must be one of them. */
export function fillTemplate(template: string, values: TemplateValues): FilledTemplate {
  const unknownNames = new Set<string>();
  const known = (name: string): boolean => {
    if (Object.hasOwn(values, name)) return true;
    unknownNames.add(name);
    return false;
  };
  const withSections = template.replace(SECTION, (_, kind: string, name: string, body: string) => {
    if (!known(name)) return '';
    return Boolean(values[name]) === (kind === '#') ? body : '';
  });
  const text = withSections.replace(PLACEHOLDER, (_, name: string) => (known(name) ? String(values[name]) : ''));
  return unknownNames.size > 0 ? { unknownNames: [...unknownNames] } : { text, unknownNames: [] };
}
