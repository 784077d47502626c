import { compareCodeUnits } from '../model/order.js';

/**
 * The mark of a consultation pack: a small file that `mtad amend --out` writes into every pack, and
 * without which `--force` replaces nothing. A folder is taken for a pack mtad wrote only when this
 * file is in it, as a plain file, and begins with PACK_MARKER_FIRST_LINE. It lists every other file
 * mtad wrote there with the SHA-256 of its bytes, so that `--force` can tell a file a person added
 * or changed since (which it must never delete) from its own.
 */
export const PACK_MARKER_FILE = '.mtad-pack';

/** The line that identifies the marker; a later mtad keeps it, so that it can replace older packs. */
const PACK_MARKER_FIRST_LINE = 'mtad consultation pack';

/** A file of the pack as the marker lists it. */
export interface ListedFile {
  path: string;
  sha256: string;
}

/** A listing line: `sha256sum`'s own format (hash, two spaces, path), so that it can check them. */
const LISTED_LINE = /^([0-9a-f]{64}) {2}(.+)$/;

/** The marker's text, listing `files` (every file of the pack but the marker) in code-unit order. */
export function packMarkerText(files: readonly ListedFile[]): string {
  const listed = [...files]
    .sort((a, b) => compareCodeUnits(a.path, b.path))
    .map((file) => `${file.sha256}  ${file.path}\n`);
  return `${PACK_MARKER_FIRST_LINE}
This folder was written by \`mtad amend --out\`. \`mtad amend --out <folder> --force\` replaces it
only while it holds the files listed below, as mtad wrote them, and nothing else: a file added or
changed since is never deleted (--force is refused, naming it). Delete this file to keep the folder
from ever being replaced.

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

/** What the listing of written files says of the marker. */
export const PACK_MARKER_NOTE = 'marks the folder as a pack mtad wrote: only such a folder is replaced by --force';
