/**
 * Whether to colour output, decided once: an explicit --color/--no-color wins, then NO_COLOR
 * (https://no-color.org), then FORCE_COLOR, then whether the stream is a terminal.
 */
export function shouldColor(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return isTTY;
}
