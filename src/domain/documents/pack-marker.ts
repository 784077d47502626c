import { diagnose, type Diagnostic, type PackCommand } from '../model/diagnostics.js';
import { compareCodeUnits } from '../model/order.js';
import type { Audience } from './response-views.js';

/**
 * The mark of a consultation pack: a small file that `mtad amend --out` and `mtad consultation`
 * write into every pack, and without which `--force` replaces nothing. It names the command that
 * wrote the pack, so that one command's --force never replaces the other's pack. A folder is taken for a pack mtad
 * wrote only when this file is in it, as a plain file, and begins with its PACK_MARKER_FIRST_LINE. It lists every other
 * file
 * mtad wrote there with the SHA-256 of its bytes, so that `--force` can tell a file a person added
 * or changed since (which it must never delete) from its own.
 */
export const PACK_MARKER_FILE = '.mtad-pack';

/**
 * The line that says what the folder is: a consultation pack (amend, consultation) or a conclusion
 * report (conclude). A later mtad keeps these; the pack is told by the files the marker lists.
 */
const PACK_MARKER_FIRST_LINE: Record<PackCommand, string> = {
  amend: 'mtad consultation pack',
  consultation: 'mtad consultation pack',
  conclude: 'mtad conclusion report',
};

/** A file of the pack as the marker lists it. */
export interface ListedFile {
  path: string;
  sha256: string;
}

/** A listing line: `sha256sum`'s own format (hash, two spaces, path), so that it can check them. */
const LISTED_LINE = /^([0-9a-f]{64}) {2}(.+)$/;

/**
 * The marker's text, naming the command that wrote the pack and listing `files` (every file of the
 * pack but the marker) in code-unit order.
 */
export function packMarkerText(files: readonly ListedFile[], command: PackCommand, audience?: Audience): string {
  const listed = [...files]
    .sort((a, b) => compareCodeUnits(a.path, b.path))
    .map((file) => `${file.sha256}  ${file.path}\n`);
  const forWhom =
    audience === undefined
      ? ''
      : `${AUDIENCE_LINE_START}${audience}. Only \`mtad ${command} --for ${audience} --force\` replaces it: a public
report never replaces the department's copy, nor the department's copy a public report.
`;
  return `${PACK_MARKER_FIRST_LINE[command]}
This folder was written by \`mtad ${command} --out\`. \`mtad ${command} --out <folder> --force\` replaces
it only while it holds the files listed below, as mtad wrote them, and nothing else: a file added or
changed since is never deleted (--force is refused, naming it), and no other command replaces it.
${forWhom}Delete this file to keep the folder from ever being replaced.

The SHA-256 of each file mtad wrote here:
${listed.join('')}`;
}

/** The files a marker's text lists, by path, with their SHA-256; none for a marker of an older mtad. */
export function listedFiles(text: string): ReadonlyMap<string, string> {
  const listed = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = LISTED_LINE.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) listed.set(match[2], match[1]);
  }
  return listed;
}

/** The line of a marker that names the command that wrote the pack. */
const WRITTEN_BY = /^This folder was written by `mtad (amend|consultation|conclude) --out`/m;

/**
 * The command that wrote the pack whose marker's text is `text`. An older mtad named
 * `mtad amend --out` in every marker, a consultation's too: an amend pack always holds changes.json,
 * which a consultation never writes.
 */
function packCommandOf(text: string): PackCommand {
  const named = WRITTEN_BY.exec(text)?.[1];
  if (named === 'consultation' || named === 'conclude') return named;
  return listedFiles(text).has('changes.json') ? 'amend' : 'consultation';
}

/** The line of a marker that names whom a conclusion pack is for (`--for`). */
const AUDIENCE_LINE_START = 'It is written for: ';
const WRITTEN_FOR = /^It is written for: (public|department)\./m;

/**
 * Whom the pack whose marker's text is `text` was written for. A marker that does not say (an older
 * mtad's) is read from its files: the department's copy is named conclusion-for-department.*.
 */
function packAudienceOf(text: string): Audience {
  const named = WRITTEN_FOR.exec(text)?.[1];
  if (named === 'public' || named === 'department') return named;
  return [...listedFiles(text).keys()].some((path) => path.startsWith('conclusion-for-department.'))
    ? 'department'
    : 'public';
}

/** How many of a pack's files a refusal names: enough to tell one pack from another. */
const NAMED_FILES = 8;

/**
 * Why `command --force` may not replace the pack at `shown` whose marker's text is `text`: another
 * command wrote it (a consultation never replaces a full pack, nor a pack a consultation), named
 * with what it holds; or, for a conclusion pack (`audience` given), the same command wrote it for
 * other readers. Undefined when the same command wrote it, for the same readers.
 */
export function refuseOtherPack(
  command: PackCommand,
  shown: string,
  text: string,
  audience?: Audience,
): Diagnostic | undefined {
  const files = [...listedFiles(text).keys()].sort(compareCodeUnits);
  // A marker that lists nothing tells nothing of its pack: --force refuses it as holding files it does not list.
  if (files.length === 0) return undefined;
  const writtenBy = packCommandOf(text);
  if (writtenBy === command) {
    // A conclusion pack is replaced only by one for the same readers: the department's copy holds
    // confidential text that a public report must never leave behind, nor silently take the place of.
    const writtenFor = audience === undefined ? undefined : packAudienceOf(text);
    if (audience === undefined || writtenFor === undefined || writtenFor === audience) return undefined;
    return diagnose(
      'OUT_OTHER_AUDIENCE',
      { path: shown, command, audience, writtenFor, files: files.length, some: files.slice(0, NAMED_FILES) },
      { file: shown },
    );
  }
  return diagnose(
    'OUT_OTHER_PACK',
    { path: shown, command, writtenBy, files: files.length, some: files.slice(0, NAMED_FILES) },
    { file: shown },
  );
}
