import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The configuration file that marks a project's root (domain/parse/config.ts reads it). */
export const CONFIG_FILE_NAME = 'mtad.config.yaml';

/** A project of mtad: its root folder, and the file there that marks it. */
export interface Project {
  root: string;
  /** The marker found, relative to the root. */
  marker: string;
}

/**
 * The project that holds `cwd`: the nearest folder, from `cwd` upward, that holds one of `markers`
 * (relative paths, the first found wins), as git looks for .git and ESLint for its config. The search stops at
 * the root of a git repository (a folder holding .git), so that a project never reaches into
 * another repository that happens to enclose it; undefined when none is found.
 */
export function findProject(cwd: string, markers: readonly string[]): Project | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const marker of markers) if (existsSync(join(dir, marker))) return { root: dir, marker };
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir) return undefined;
  }
}
