import type { Redline } from '../domain/redline.js';

/** How a redline document names itself, in every format of the pack. */
export interface RedlineHeading {
  /** "Migration Testing Approach Document (MTAD): Draft Redlined" */
  title: string;
  /** "Version: unknown" */
  version: string;
  /** "Table 17.6: (title unknown)" */
  caption: string;
  /** The rule a reader needs to read the end dates. */
  rule: string;
}

/** The heading of the redline: "Draft Redlined" while any amendment in it is not yet made. */
export function redlineHeading(redline: Redline, draft: boolean): RedlineHeading {
  const title = redline.title === 'unknown' ? '(title unknown)' : redline.title;
  return {
    title: `${redline.documentName} (${redline.documentAbbreviation}): ${draft ? 'Draft Redlined' : 'Redlined'}`,
    version: `Version: ${redline.version}`,
    caption: `Table ${redline.number}: ${title}`,
    rule: 'The end date is the last day on which Migration DUST is provided for the cohort.',
  };
}
