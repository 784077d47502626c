/**
 * The mark of a consultation pack: a small file that `mtad amend --out` writes into every pack, and
 * without which `--force` replaces nothing. A folder is taken for a pack mtad wrote only when this
 * file is in it, as a plain file, and begins with PACK_MARKER_FIRST_LINE; the rest is for people.
 */
export const PACK_MARKER_FILE = '.mtad-pack';

/** The line that identifies the marker; a later mtad keeps it, so that it can replace older packs. */
const PACK_MARKER_FIRST_LINE = 'mtad consultation pack';

export const PACK_MARKER_TEXT = `${PACK_MARKER_FIRST_LINE}
This folder was written by \`mtad amend --out\`. \`mtad amend --out <folder> --force\` replaces a
folder only when it holds this file; delete the file to keep the folder from ever being replaced.
`;

/** What the listing of written files says of the marker. */
export const PACK_MARKER_NOTE = 'marks the folder as a pack mtad wrote: only such a folder is replaced by --force';
