import { compareDates, type IsoDate } from './dates.js';
import { compareCodeUnits } from './order.js';
import { responseFileSchema, type ResponseFile } from '../parse/response-schema.js';
import { succeed, type Result } from './result.js';
import { validateWithSchema } from '../parse/schema-validation.js';
import { parseYaml, type YamlSource } from '../parse/yaml-source.js';

export type { ResponseAnswer, ResponseFile } from '../parse/response-schema.js';
export type { Position } from './respondent-kinds.js';

/** A response read from its file, with the parsed file for positions. */
export interface ConsultationResponse extends ResponseFile {
  origin: YamlSource;
}

/** Reads a response from YAML text: parse, then the schema, each finding with its position. */
export function parseResponse(text: string, file: string): Result<ConsultationResponse> {
  const parsed = parseYaml(text, file);
  if (!parsed.ok) return parsed;
  const checked = validateWithSchema(responseFileSchema(), parsed.value.data, parsed.value.source);
  if (!checked.ok) return checked;
  return succeed({ ...checked.value, origin: parsed.value.source });
}

/** A date and a time of day, UK local time, as the data writes them. */
export interface LocalInstant {
  date: IsoDate;
  time: string;
}

/**
 * True when `received` is after `due`. Both are UK local time, so they compare as written: the
 * date, then the time ("HH:MM" sorts as it reads). A response received at the very minute is on time.
 */
export function isAfter(received: LocalInstant, due: LocalInstant): boolean {
  return compareDates(received.date, due.date) > 0 || (received.date === due.date && received.time > due.time);
}

/** How a respondent is named in mtad's views: organisation, else name, else the file. */
export function respondentLabel(response: ResponseFile, file: string): string {
  return response.respondent.organisation ?? response.respondent.name ?? file;
}

/** Responses in a stable order: by received date and time, then by respondent. */
export function inReceivedOrder<T extends { response: ResponseFile; file: string }>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) =>
      compareDates(a.response.received.date, b.response.received.date) ||
      compareCodeUnits(a.response.received.time, b.response.received.time) ||
      compareCodeUnits(a.file, b.file),
  );
}

/** A file name for a respondent: kebab-case of the organisation (else the name), ASCII letters and digits. */
export function respondentSlug(response: ResponseFile): string {
  const label = response.respondent.organisation ?? response.respondent.name ?? 'respondent';
  const slug = label
    .normalize('NFKD')
    // The accents NFKD splits off go, so that "Énergie" is "energie", not "e-nergie".
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug === '' ? 'respondent' : slug;
}
