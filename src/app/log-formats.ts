/** The formats of `mtad log`, apart from the command so that the CLI can offer them without loading it. */
export const LOG_FORMATS = ['terminal', 'json'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];
