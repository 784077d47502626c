import { globalRegistry } from './zod.js';
import type * as z from './zod.js';
import type { $ZodArrayDef, $ZodIssue, $ZodObjectDef, $ZodOptionalDef, $ZodType, $ZodUnionDef } from 'zod/v4/core';
import { diagnose, suggestNearest, type Diagnostic } from '../model/diagnostics.js';
import { fail, succeed, type Result } from '../model/result.js';
import type { YamlPath, YamlSource } from './yaml-source.js';

/**
 * The schemas a schema stands for: itself, and what an optional, nullable or default wraps or a
 * union offers. Read through each schema's public `def` (every schema here is built with
 * zod/mini, whose children are zod/mini schemas too).
 */
const mini = (schema: $ZodType): z.ZodMiniType => schema as z.ZodMiniType;

function alternativesOf(schema: z.ZodMiniType): z.ZodMiniType[] {
  const { def } = schema;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return [schema, ...alternativesOf(mini((def as $ZodOptionalDef).innerType))];
    case 'union':
      return [schema, ...(def as $ZodUnionDef).options.map(mini).flatMap(alternativesOf)];
    default:
      return [schema];
  }
}

/** The schema of the child `step` of `schema`: an object's field or an array's element. */
function childOf(schema: z.ZodMiniType, step: string | number): z.ZodMiniType | undefined {
  const { def } = schema;
  if (def.type === 'array' && typeof step === 'number') return mini((def as $ZodArrayDef).element);
  if (def.type === 'object' && typeof step === 'string') {
    const { shape } = def as $ZodObjectDef;
    return Object.hasOwn(shape, step) ? mini(shape[step]!) : undefined;
  }
  return undefined;
}

/** The schemas that can stand at `path` (several where a union or an optional wraps them). */
function schemasAt(schema: z.ZodMiniType, path: YamlPath): z.ZodMiniType[] {
  let schemas = alternativesOf(schema);
  for (const step of path) schemas = schemas.flatMap((s) => childOf(s, step) ?? []).flatMap(alternativesOf);
  return schemas;
}

/** The keys the schema allows at `path`, to suggest the nearest one for a misspelt key. */
function knownKeysAt(schema: z.ZodMiniType, path: YamlPath): string[] {
  return [
    ...new Set(
      schemasAt(schema, path).flatMap((s) =>
        s.def.type === 'object' ? Object.keys((s.def as $ZodObjectDef).shape) : [],
      ),
    ),
  ];
}

/**
 * The description of the field at `path`, as the JSON Schema shows it, to follow "expected" in a
 * message: without its capital and full stop ("a stable kebab-case id, unique among amendments").
 */
function descriptionAt(schema: z.ZodMiniType, path: YamlPath): string | undefined {
  for (const s of schemasAt(schema, path)) {
    const description = globalRegistry.get(s)?.description;
    if (description) return description.replace(/^(A|An|The) /, (article) => article.toLowerCase()).replace(/\.$/, '');
  }
  return undefined;
}

function valueAt(data: unknown, path: YamlPath): unknown {
  let value = data;
  for (const step of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, step)) return undefined;
    value = (value as Record<string | number, unknown>)[step];
  }
  return value;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null (an empty value)';
  if (value instanceof Uint8Array) return 'binary data (a !!binary value)';
  // The yaml library reads the tags of YAML 1.1 into these: name the tag, not what JavaScript makes of it.
  if (value instanceof Date) return 'a timestamp (a !!timestamp value; write the date without the tag)';
  if (value instanceof Set) return 'a set (a !!set value)';
  if (value instanceof Map) return 'an ordered mapping (a !!omap value)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string')
    return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number')
    return Number.isFinite(value) ? `the number ${value}` : `the number ${value} (too large to hold, or not a number)`;
  return `${typeof value} ${String(value)}`;
}

/** A value quoted in a message: text as it is, anything else described. */
const shownValue = (value: unknown): string => (typeof value === 'string' ? value : describeValue(value));

const EXPECTED: Record<string, string> = {
  string: 'a text value (quote it if it looks like a number or a date, e.g. "17.6")',
  number: 'a number',
  int: 'a whole number',
  object: 'a mapping of keys to values',
  array: 'a list',
  boolean: 'true or false',
  null: 'null',
};

/**
 * Validates `data` against `schema`, turning each zod issue into a finding at the file:line:column
 * of the YAML node concerned.
 */
export function validateWithSchema<T>(schema: z.ZodMiniType<T>, data: unknown, source: YamlSource): Result<T> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return succeed(parsed.data);
  // A hostile file can raise tens of thousands of issues, and locating an unknown key scans its
  // mapping: the first MAX_ISSUES say what is wrong, in a time that does not grow with the file.
  const issues = parsed.error.issues
    .slice(0, MAX_ISSUES)
    .map((issue) => (issue.code === 'unrecognized_keys' ? { ...issue, keys: issue.keys.slice(0, MAX_ISSUES) } : issue));
  const diagnostics = issues.flatMap((issue) => issueToDiagnostics(issue as $ZodIssue, [], schema, data, source));
  return fail(dedupe(diagnostics).slice(0, MAX_ISSUES));
}

/** How many schema findings one file reports at most. */
const MAX_ISSUES = 100;

function issueToDiagnostics(
  issue: $ZodIssue,
  prefix: YamlPath,
  schema: z.ZodMiniType,
  data: unknown,
  source: YamlSource,
): Diagnostic[] {
  const path = [...prefix, ...(issue.path as (string | number)[])];
  const where = source.locate(path);
  const value = valueAt(data, path);
  const field = String(path[path.length - 1] ?? 'document');
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeysAt(schema, path);
      return issue.keys.map((key) =>
        diagnose('SCHEMA_UNKNOWN_KEY', { key, suggestion: suggestNearest(key, known) }, source.locateKey(path, key)),
      );
    }
    case 'invalid_type':
      if (value === undefined && !hasKey(data, path)) {
        const expected = descriptionAt(schema, path) ?? EXPECTED[issue.expected] ?? issue.expected;
        return [diagnose('SCHEMA_MISSING_FIELD', { field, expected }, source.locate(path))];
      }
      return [
        diagnose(
          'SCHEMA_WRONG_TYPE',
          { expected: EXPECTED[issue.expected] ?? issue.expected, received: describeValue(value) },
          where,
        ),
      ];
    case 'invalid_value':
      if (value === undefined && !hasKey(data, path)) {
        const allowed = issue.values.map((v) => JSON.stringify(v)).join(', ');
        return [
          diagnose(
            'SCHEMA_MISSING_FIELD',
            { field, expected: issue.values.length === 1 ? allowed : `one of ${allowed}` },
            source.locate(path),
          ),
        ];
      }
      return [
        diagnose(
          'SCHEMA_INVALID_VALUE',
          { allowed: issue.values.map((v) => JSON.stringify(v)).join(', '), received: describeValue(value) },
          where,
        ),
      ];
    case 'custom':
    case 'invalid_format': {
      const code = (issue as { params?: { code?: string } }).params?.code;
      if (code === 'DATE_INVALID') return [diagnose('DATE_INVALID', { value: shownValue(value) }, where)];
      if (code === 'TIME_INVALID') return [diagnose('TIME_INVALID', { value: shownValue(value) }, where)];
      // The field's own description says what it holds; a regular expression is no sentence.
      const expected =
        descriptionAt(schema, path) ??
        (issue.code === 'invalid_format' && issue.pattern ? `text of the form ${issue.pattern}` : 'a valid value');
      return [diagnose('VALUE_INVALID', { field, value: shownValue(value), expected }, where)];
    }
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? `at least ${issue.minimum}` : `at most ${issue.maximum}`;
      const unit = issue.origin === 'array' ? ' item(s)' : issue.origin === 'string' ? ' character(s)' : '';
      const expected =
        issue.origin === 'string' && issue.code === 'too_small' && Number(issue.minimum) === 1
          ? 'text, not an empty value'
          : `${bound}${unit}`;
      return [
        diagnose(
          'VALUE_INVALID',
          {
            field,
            value: Array.isArray(value)
              ? `${value.length} item(s)`
              : typeof value === 'number'
                ? String(value)
                : shownValue(value),
            expected,
          },
          where,
        ),
      ];
    }
    case 'invalid_union': {
      // Report the option the author evidently meant: the one that got furthest (no type error at its root).
      // A value that is no plain mapping (binary data, a timestamp) meant none of them.
      const plain =
        value === null ||
        typeof value !== 'object' ||
        Array.isArray(value) ||
        Object.getPrototypeOf(value) === Object.prototype;
      const meant = plain
        ? (issue.errors.find((errors) => !errors.some((e) => e.code === 'invalid_type' && e.path.length === 0)) ??
          issue.errors[0] ??
          [])
        : [];
      if (meant.length === 0)
        return [
          diagnose(
            'SCHEMA_WRONG_TYPE',
            {
              expected: UNION_EXPECTED[String(path.at(-1))] ?? 'a date YYYY-MM-DD or { unknown: why }',
              received: describeValue(value),
            },
            where,
          ),
        ];
      return meant.flatMap((inner) => issueToDiagnostics(inner, path, schema, data, source));
    }
    default:
      return [diagnose('VALUE_INVALID', { field, value: describeValue(value), expected: 'a valid value' }, where)];
  }
}

/** What a field that takes one of several shapes expects, by its key; otherwise a date or unknown. */
const UNION_EXPECTED: Record<string, string> = {
  title: 'text, { mtad: title, note: why } or { unknown: why }',
  id: 'text or { unknown: why }',
};

function hasKey(data: unknown, path: YamlPath): boolean {
  const parent = valueAt(data, path.slice(0, -1));
  const key = path[path.length - 1];
  return key !== undefined && parent !== null && typeof parent === 'object' && Object.hasOwn(parent, key);
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code}|${d.line}|${d.column}|${JSON.stringify(d.args)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
