import type { Redline } from '../domain/documents/redline.js';
import { cellText, describeTableTitle } from './redline-cell.js';

/** How a redline document names itself, in every format of the pack. */
export interface RedlineHeading {
  /** "Migration Testing Approach Document (MTAD): Draft Redlined" */
  title: string;
  /** "Version: unknown" */
  version: string;
  /** "Table 17.6: (title unknown)" */
  caption: string;
  /** Said when the column headings are not the MTAD's own, as "(title unknown)" is said of the title. */
  headingsNote?: string;
}

const HEADINGS_NOTES: Record<Exclude<Redline['headingsBy'], 'dcc'>, string> = {
  mtad: "Column headings: descriptive ones of mtad's; the MTAD's own are not recorded.",
  unknown: "Column headings: not recorded as the MTAD's own.",
};

/**
 * The heading of the redline: "Draft Redlined" while any amendment in it is not yet made. The
 * redline is DCC's document: it carries no reading of mtad's (what an end date means, say).
 */
export function redlineHeading(redline: Redline, draft: boolean): RedlineHeading {
  const title = describeTableTitle(redline.title);
  return {
    title: `${redline.documentName} (${redline.documentAbbreviation}): ${draft ? 'Draft Redlined' : 'Redlined'}`,
    version: `Version: ${cellText(redline.version)}`,
    caption: `Table ${redline.number}: ${title}`,
    ...(redline.headingsBy !== 'dcc' && { headingsNote: HEADINGS_NOTES[redline.headingsBy] }),
  };
}
