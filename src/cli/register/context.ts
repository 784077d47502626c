import type { Styler } from '../../render/style.js';
import type { Outcome } from '../outcome.js';

/** What every command's registration is given by the program that holds it. */
export interface CommandContext {
  cwd: string;
  /** The root of the project that holds the working folder, when it is above it. */
  projectRoot?: string;
  /** The environment of the run: where the programs a command runs are found (PATH). */
  env: NodeJS.ProcessEnv;
  /** mtad's version, and the hash of its code when it runs bundled: the key of check's cache. */
  version: string;
  codeHash?: string;
  stdin?: () => AsyncIterable<Uint8Array | string>;
  /** The styler of this run, once the global --color/--no-color is parsed. */
  styler: () => Styler;
  /** Prints what a command returns. */
  write: (outcome: Outcome) => void;
  /** Runs a command and prints what it returns. */
  report: (run: Promise<Outcome>) => Promise<void>;
  /** Runs a command that reads the clock (SOURCE_DATE_EPOCH stands in for it), and prints what it returns. */
  withClock: (run: (now: Date, fixed?: Date) => Promise<Outcome>) => Promise<void>;
}
