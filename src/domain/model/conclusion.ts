import { compareDates, type DatedWindow, type IsoDate } from './dates.js';
import { diagnose } from './diagnostics.js';
import type { Amendment, Change } from './amendment.js';
import { conclusionFileSchema, type ConclusionFile } from '../parse/conclusion-schema.js';
import { fail, succeed, type Result } from './result.js';
import { validateWithSchema } from '../parse/schema-validation.js';
import { parseYaml, type YamlSource } from '../parse/yaml-source.js';

export type { ConclusionFile, Decision } from '../parse/conclusion-schema.js';

/** A conclusion read from its file, with the parsed file for positions. */
export interface Conclusion extends ConclusionFile {
  origin: YamlSource;
}

/**
 * Reads a conclusion from YAML text: parse, then the schema, each finding with its position. The
 * final values go with the decision: required unless it is withdraw, and not given when it is (a
 * withdrawn amendment has no final direction).
 */
export function parseConclusion(text: string, file: string): Result<Conclusion> {
  const parsed = parseYaml(text, file);
  if (!parsed.ok) return parsed;
  const checked = validateWithSchema(conclusionFileSchema(), parsed.value.data, parsed.value.source);
  if (!checked.ok) return checked;
  const conclusion = { ...checked.value, origin: parsed.value.source };
  const withdrawn = conclusion.decision === 'withdraw';
  if (withdrawn === (conclusion.final !== undefined)) {
    const where = withdrawn ? conclusion.origin.locateKey([], 'final') : conclusion.origin.locate(['decision']);
    return fail([diagnose('CONCLUSION_FINAL_DECISION', { decision: conclusion.decision }, where)]);
  }
  return succeed(conclusion);
}

/** True when the date lies in the window: on its date, or after it and on or before its last day. */
export function isWithinWindow(date: IsoDate, window: DatedWindow): boolean {
  const until = window.window?.until ?? window.date;
  return compareDates(date, window.date) >= 0 && compareDates(date, until) <= 0;
}

/** The final end date the conclusion gives a cohort, with its index in `final.changes`. */
export function finalChangeOf(conclusion: ConclusionFile, cohort: string): { to: IsoDate; index: number } | undefined {
  const index = conclusion.final?.changes.findIndex((c) => c.cohort === cohort) ?? -1;
  const change = index < 0 ? undefined : conclusion.final?.changes[index];
  return change && { to: change.to, index };
}

/**
 * The amendment as its conclusion made it: each closure's end date, the modification's date and
 * annex the final ones, with no window (a final value is a date), and the consultation concluded on
 * the conclusion's date. A closure the conclusion gives no final date keeps the proposed one (check
 * reports it: CONCLUSION_FINAL_CHANGES). Undefined when the decision is withdraw: nothing is made.
 */
export function amendmentAsConcluded(amendment: Amendment, conclusion: ConclusionFile): Amendment | undefined {
  const { final } = conclusion;
  if (conclusion.decision === 'withdraw' || !final) return undefined;
  return {
    ...amendment,
    consultation: { ...amendment.consultation, concluded: conclusion.concluded },
    modification: { date: final.modification.date, annex: final.modification.annex },
    changes: amendment.changes.map((change): Change => {
      const { windowMonths: _window, ...rest } = change;
      const to = change.action === 'close' ? finalChangeOf(conclusion, change.cohort)?.to : undefined;
      return to === undefined ? rest : { ...rest, to: { kind: 'date', date: to } };
    }),
  };
}
