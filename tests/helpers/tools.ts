import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * The programs some tests read mtad's documents with: pandoc (the Word files) and Chromium (the
 * HTML redline). Each is found from its environment variable, else by its usual names; CI
 * installs both (.ci/run). Missing on a contributor's machine (macOS, Windows), the tests that need
 * it are skipped, with a message that says how to point them at another binary; missing in CI
 * (CI=true), they fail: a check that silently stops running is no check.
 */
export interface Tool {
  /** The binary to run, or undefined when it is missing (and the tests are skipped). */
  path: string | undefined;
  missing: boolean;
}

const TOOLS = {
  pandoc: { env: 'MTAD_PANDOC', candidates: ['pandoc'] },
  chromium: {
    env: 'MTAD_CHROMIUM',
    candidates: ['/usr/bin/chromium', 'chromium', 'chromium-browser', 'google-chrome'],
  },
} as const;

const runs = (path: string): boolean => {
  const result = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  return result.error === undefined && result.status === 0;
};

/**
 * Where the tool is, under `env`: with the message a contributor sees when it is missing, or, in
 * CI, the failure it is there.
 */
export function locateTool(
  name: keyof typeof TOOLS,
  env: NodeJS.ProcessEnv,
): { tool: Tool; skipped?: string; failure?: string } {
  const { env: variable, candidates } = TOOLS[name];
  const named = env[variable];
  const given = named !== undefined && named !== '';
  const path = given
    ? existsSync(named) || runs(named)
      ? named
      : undefined
    : candidates.find((candidate) => (candidate.startsWith('/') ? existsSync(candidate) : runs(candidate)));
  if (path !== undefined) return { tool: { path, missing: false } };
  const why = given ? `${variable}=${named} does not run` : `no ${candidates.join(', ')} found`;
  const tool = { path: undefined, missing: true };
  return env.CI === 'true'
    ? { tool, failure: `${name} is needed in CI and is missing (${why}): install it, or set ${variable} to its path` }
    : {
        tool,
        skipped: `mtad tests: skipping the checks that need ${name} (${why}); install it, or set ${variable}=/path/to/${name} to run them\n`,
      };
}

const found = new Map<string, Tool>();

/** The tool, found once per test file: missing, its tests are skipped with a message, or in CI fail. */
export function findTool(name: keyof typeof TOOLS): Tool {
  const known = found.get(name);
  if (known) return known;
  const { tool, skipped, failure } = locateTool(name, process.env);
  if (failure !== undefined) throw new Error(failure);
  if (skipped !== undefined) process.stderr.write(skipped);
  found.set(name, tool);
  return tool;
}
