/** The lines `mtad check` prints on standard error besides its report. */

/** What `mtad check --update-lock` did with the lock file (named as shown). */
export type LockNote =
  /** Nothing recorded: these made amendments still have an error in their files. */
  | { kind: 'unclean'; lock: string; ids: readonly string[] }
  /** The lock records every made amendment already. */
  | { kind: 'up-to-date'; lock: string }
  /** The lock now records these made amendments (none: a lock written with no made amendment yet). */
  | { kind: 'recorded'; lock: string; ids: readonly string[] };

export function renderLockNote(note: LockNote): string {
  switch (note.kind) {
    case 'unclean':
      return (
        `Nothing recorded in ${note.lock}: mtad check reports an error in the files of ${note.ids.join(', ')} ` +
        `(the amendment, its conclusion or its responses); a made amendment is recorded once they are clean.\n`
      );
    case 'up-to-date':
      return `${note.lock} already records every made amendment.\n`;
    case 'recorded':
      return `Recorded in ${note.lock}: ${note.ids.length > 0 ? note.ids.join(', ') : 'no made amendment yet'}.\n`;
  }
}

/** The line that says why a check with no error still fails: more warnings than --max-warnings. */
export function renderTooManyWarnings(warnings: number, maxWarnings: number): string {
  return `mtad check: ${warnings} warning(s), more than --max-warnings ${maxWarnings} allows.\n`;
}
