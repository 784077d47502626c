import type { CliRun } from './cli.js';

/** A run of the CLI, with its wall time (spawn to exit) in milliseconds. */
export interface TimedRun extends CliRun {
  ms: number;
}

/** Runs `tasks` at most `limit` at a time, keeping their order in the results. */
export async function inBatches<T>(tasks: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/** The median and the maximum of some timings. */
export function medianAndMax(values: readonly number[]): { median: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] ?? 0, max: sorted.at(-1) ?? 0 };
}
