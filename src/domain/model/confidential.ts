import type { ResponseFile } from '../parse/response-schema.js';

/*
 * What a response keeps confidential, and where another text gives it away. One recognition serves
 * both what DCC writes (`mtad check` refuses its text) and what is published of the respondents'
 * own words (the public views cut it), so that the two never disagree on what leaks.
 */

/**
 * A confidential text shorter than this many words is not looked for in another text: "We agree." or
 * "No, for the same reason." say nothing of who wrote them, and other words hold them by chance.
 */
const FEWEST_WORDS = 6;
/** This many consecutive words of a confidential text, repeated in another text, quote it. */
const QUOTED_WORDS = 8;

/** A confidential text of a response, with how another text gives it away: by one of `names`, or quoting `words`. */
export interface Secret {
  found: 'respondent' | 'passage' | 'answer';
  text: string;
  responseFile: string;
  question?: string;
  /** The forms that name the respondent, found as whole words. */
  names?: readonly string[];
  /** The words of the passage or answer, found QUOTED_WORDS in a row (all of them when fewer). */
  words?: readonly string[];
}

/** Where a text gives a secret away: the code units [start, end) of the text. */
export interface Leak {
  secret: Secret;
  start: number;
  end: number;
  /** The form that names the respondent there, when a name. */
  form?: string;
}

/**
 * A code point in one case: lower case, with the final sigma (U+03C2) as any other (U+03C3), so that
 * "ΟΔΟΣ" and "οδος" are the same word.
 */
const foldCase = (unit: string): string => unit.toLowerCase().replace(/\u03C2/gu, '\u03C3');

const WORD_UNIT = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;
/** A word: letters and digits, with the accents a decomposed letter carries (NFD's combining marks). */
const WORDS = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

/**
 * A word as it is compared: in Unicode's compatibility form (a decomposed "É" and the composed one,
 * the ligature "ﬁ" and "fi", are the same word), then in one case.
 */
const foldWord = (word: string): string => foldCase(word.normalize('NFKC'));

/**
 * A text as it is searched: case folded and each run of white space one space, with the code units of
 * the text that each unit of `folded` stands for (`from[k]` to `to[k]`), so that a match is a span of
 * the text itself; and its words, folded.
 */
interface Searched {
  folded: string;
  from: number[];
  to: number[];
  words: { word: string; start: number; end: number }[];
  /** The words joined `run` at a time, by the number in a run: made once for every secret quoting so many. */
  runs: Map<number, string[]>;
}

/** A code unit of white space, as \s finds it (tested by regular expression only past ASCII's). */
const isSpace = (unit: string): boolean => (unit > ' ' ? unit >= '\u00a0' && SPACE.test(unit) : SPACE.test(unit));

function searched(text: string): Searched {
  // Folded whole, a text keeps its length unless a letter folds to two code units ("İ"): then it is
  // folded a code point at a time, each mapped to the code units it came from.
  const whole = foldCase(text);
  const sameLength = whole.length === text.length;
  let folded = '';
  const from: number[] = [];
  const to: number[] = [];
  for (let at = 0; at < text.length;) {
    if (isSpace(text[at]!)) {
      let end = at + 1;
      while (end < text.length && isSpace(text[end]!)) end++;
      folded += ' ';
      from.push(at);
      to.push(end);
      at = end;
    } else if (sameLength) {
      folded += whole[at]!;
      from.push(at);
      to.push(at + 1);
      at += 1;
    } else {
      const unit = String.fromCodePoint(text.codePointAt(at)!);
      const lower = foldCase(unit);
      folded += lower;
      for (let i = 0; i < lower.length; i++) {
        from.push(at);
        to.push(at + unit.length);
      }
      at += unit.length;
    }
  }
  const words = [...text.matchAll(WORDS)].map((m) => ({
    word: foldWord(m[0]),
    start: m.index,
    end: m.index + m[0].length,
  }));
  return { folded, from, to, words, runs: new Map() };
}

/** The words of a text, folded, without the punctuation a quotation may drop or change. */
const wordsOf = (text: string): string[] => [...text.matchAll(WORDS)].map((m) => foldWord(m[0]));

/** A text to look for, as `searched` folds the text it is looked for in. */
const needleOf = (text: string): string => searched(text).folded.trim();

/**
 * The spans of `text` where `needle` stands, case and spacing aside; as whole words when `wholeWords`
 * (at an edge of the needle that is a letter or digit, the text's next code unit is neither).
 */
function spansOf(text: Searched, needle: string, wholeWords: boolean): [number, number][] {
  const spans: [number, number][] = [];
  if (needle === '') return spans;
  const { folded } = text;
  for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
    const end = at + needle.length;
    const before = folded[at - 1];
    const after = folded[end];
    const whole =
      (before === undefined || !WORD_UNIT.test(before) || !WORD_UNIT.test(needle[0]!)) &&
      (after === undefined || !WORD_UNIT.test(after) || !WORD_UNIT.test(needle.at(-1)!));
    if (!wholeWords || whole) spans.push([text.from[at]!, text.to[end - 1]!]);
  }
  return spans;
}

/**
 * How a secret is looked for: its forms folded, each also as its words in a row (so that "O’Brien",
 * "Harbour-Power" or a decomposed accent name the respondent as "O'Brien" and "Harbour Power" do), and
 * the runs of its words that quote it.
 */
interface Sought {
  needles: { form: string; needle: string; words: string }[];
  run: number;
  quoted: Set<string>;
}

/** Each secret is made ready to be looked for once, however many texts it is looked for in. */
const soughtOf = new WeakMap<Secret, Sought>();

function sought(secret: Secret): Sought {
  let ready = soughtOf.get(secret);
  if (ready) return ready;
  const words = secret.words ?? [];
  const run = Math.min(words.length, QUOTED_WORDS);
  const quoted = new Set<string>();
  if (words.length >= FEWEST_WORDS)
    for (let start = 0; start + run <= words.length; start++) quoted.add(words.slice(start, start + run).join(' '));
  const needles = (secret.names ?? []).map((form) => ({
    form,
    needle: needleOf(form),
    words: wordsOf(form).join(' '),
  }));
  ready = { needles, run, quoted };
  soughtOf.set(secret, ready);
  return ready;
}

/**
 * The spans of `text` that quote a secret: QUOTED_WORDS of its words in a row, all when fewer; never
 * under FEWEST_WORDS.
 */
function quotations(text: Searched, { run, quoted }: Sought): [number, number][] {
  return quoted.size === 0 ? [] : wordRuns(text, run, quoted);
}

/** The spans of `text` where `run` of its words in a row, joined by a space, are one of `sought`. */
function wordRuns(text: Searched, run: number, sought: ReadonlySet<string>): [number, number][] {
  if (run === 0) return [];
  let keys = text.runs.get(run);
  if (!keys) {
    const words = text.words.map((w) => w.word);
    keys = words
      .slice(0, Math.max(0, words.length - run + 1))
      .map((_, start) => words.slice(start, start + run).join(' '));
    text.runs.set(run, keys);
  }
  const spans: [number, number][] = [];
  keys.forEach((key, start) => {
    if (sought.has(key)) spans.push([text.words[start]!.start, text.words[start + run - 1]!.end]);
  });
  return spans;
}

/**
 * The forms a respondent's organisation is named by: as written, and without what a writer drops,
 * a note in brackets at its end ("(fictional)") and the company's legal form ("Ltd", "Limited", "plc").
 */
function organisationForms(organisation: string): string[] {
  const short = organisation
    .replace(/\s*\([^()]*\)\s*$/u, '')
    .replace(/,?\s+(?:ltd\.?|limited|plc|llp)$/iu, '')
    .trim();
  return short === '' || short === organisation.trim() ? [organisation] : [organisation, short];
}

/**
 * What `response` keeps confidential: when it asked for all of it, the respondent (organisation, its
 * short form, name, email address) and every answer; else each answer marked confidential and each
 * passage marked.
 */
export function secretsOf(response: ResponseFile, responseFile: string): Secret[] {
  const secrets: Secret[] = [];
  const whole = response.confidentiality.choice === 'all';
  if (whole) {
    const { organisation, name, email } = response.respondent;
    if (organisation !== undefined)
      secrets.push({ found: 'respondent', text: organisation, responseFile, names: organisationForms(organisation) });
    for (const other of [name, email])
      if (other !== undefined) secrets.push({ found: 'respondent', text: other, responseFile, names: [other] });
  }
  for (const answer of response.answers) {
    const { question } = answer;
    const secret = (found: 'passage' | 'answer', text: string) =>
      secrets.push({ found, text, responseFile, question, words: wordsOf(text) });
    for (const passage of answer.confidentialPassages ?? []) secret('passage', passage);
    if (whole || answer.confidential === true) for (const paragraph of answer.text) secret('answer', paragraph);
  }
  return secrets;
}

function leaksInSearched(haystack: Searched, secrets: readonly Secret[]): Leak[] {
  const leaks: Leak[] = [];
  for (const secret of secrets) {
    const ready = sought(secret);
    for (const { form, needle, words } of ready.needles) {
      const named = spansOf(haystack, needle, true);
      // Where the form stands as written, that span (its punctuation included); elsewhere its words.
      const byWords = wordRuns(haystack, words === '' ? 0 : words.split(' ').length, new Set([words])).filter(
        ([start, end]) => !named.some(([from, to]) => start < to && from < end),
      );
      for (const [start, end] of [...named, ...byWords].sort((a, b) => a[0] - b[0]))
        leaks.push({ secret, start, end, form });
    }
    for (const [start, end] of quotations(haystack, ready)) leaks.push({ secret, start, end });
  }
  return leaks;
}

/**
 * Where `text` gives away each of `secrets`: it names a respondent by one of their forms (whole words,
 * case and spacing aside; or its words in a row, whatever punctuation stands between them), or quotes
 * a passage or answer (its words in a row, case, spacing and punctuation aside). In the order of
 * `secrets`, then of the forms, then of the text.
 */
export function leaksIn(text: string, secrets: readonly Secret[]): Leak[] {
  return secrets.length === 0 ? [] : leaksInSearched(searched(text), secrets);
}

/**
 * The spans of `text` that a published copy must lose: each leak of `secrets`, and each place where
 * one of `passages` stands as written (case and spacing aside, whatever its length: a passage marked
 * confidential is cut from its own answer however short it is).
 */
export function spansToCut(text: string, secrets: readonly Secret[], passages: readonly string[]): [number, number][] {
  const haystack = searched(text);
  return [
    ...passages.flatMap((passage) => spansOf(haystack, needleOf(passage), false)),
    ...leaksInSearched(haystack, secrets).map((leak): [number, number] => [leak.start, leak.end]),
  ];
}
