// The names of the reporters of `mtad check`, apart from the reporters (check-formats.ts): the
// command line offers them as choices at every start. CHECK_FORMATS is typed by these names, so
// the compiler holds the two equal.

/** The formats `mtad check --format` and `--output` take, in the order they are listed. */
export const CHECK_FORMAT_NAMES = ['stylish', 'json', 'sarif', 'github'] as const;
export type CheckFormat = (typeof CHECK_FORMAT_NAMES)[number];
