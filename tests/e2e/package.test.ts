import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const npm = (args: string[], cwd: string) => {
  const run = spawnSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.status, `npm ${args.join(' ')}\n${run.stdout}\n${run.stderr}`).toBe(0);
  return run.stdout;
};

/**
 * Installs the tarball into `project` as npm would, without npm's download and unpack of every
 * dependency: the tarball's contents become node_modules/mtad, each program its package.json names
 * as `bin` a link in node_modules/.bin to the file it names (what `npx mtad` runs), and each
 * dependency it names (and only those: a dependency missing from it is missing here too) a link to
 * the copy this repository installed from the same lock.
 */
function installTarball(tarball: string, project: string): Record<string, string> {
  const into = join(project, 'node_modules/mtad');
  mkdirSync(into, { recursive: true });
  const untar = spawnSync('tar', ['-xzf', tarball, '-C', into, '--strip-components=1'], { encoding: 'utf8' });
  expect(untar.status, untar.stderr).toBe(0);
  const manifest = JSON.parse(readFileSync(join(into, 'package.json'), 'utf8')) as {
    bin: Record<string, string>;
    dependencies: Record<string, string>;
  };
  mkdirSync(join(project, 'node_modules/.bin'));
  for (const [name, file] of Object.entries(manifest.bin))
    symlinkSync(join('../mtad', file), join(project, 'node_modules/.bin', name));
  for (const name of Object.keys(manifest.dependencies)) {
    mkdirSync(dirname(join(project, 'node_modules', name)), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', name), join(project, 'node_modules', name), 'dir');
  }
  return manifest.dependencies;
}

/** A user's file: the API imported by its package name, its results used as their types say. */
const USER_FILE = `import { findingsOf, formatLongDate, parseTable, RULES, type Diagnostic, type Result, type TableInput } from 'mtad';

const long: string = formatLongDate('2023-01-31');
const parsed: Result<TableInput> = parseTable('as_at: 2023-01-31\\n', 'table.yaml');
// The value exists once ok says so: no cast, no assertion.
const tables: TableInput[] = parsed.ok ? [parsed.value] : [];
const findings: readonly Diagnostic[] = findingsOf(parsed);
// The declarations are real types, not any: a date formatted as a number is refused.
// @ts-expect-error formatLongDate returns a string
const wrong: number = formatLongDate('2023-01-31');
export const used = JSON.stringify({ long, tables: tables.length, codes: findings.map((d) => d.code), rule: RULES.DATE_INVALID.severity, wrong });
`;

describe('the packed package, as a user installs it', () => {
  it('installs from the tarball, which holds what a user needs; its API imports by name, and type-checks against dist/index.d.ts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mtad-pack-'));
    // The tarball of what is built (npm test builds first), without running the build again.
    npm(['pack', '--ignore-scripts', '--pack-destination', dir], ROOT);
    const tarball = readdirSync(dir).find((name) => name.endsWith('.tgz'))!;
    const project = join(dir, 'project');
    mkdirSync(project);
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'user', private: true, type: 'module', dependencies: { mtad: `file:../${tarball}` } }),
    );
    const dependencies = installTarball(join(dir, tarball), project);
    // What a user needs is in the tarball: the API and its declarations, the bin, and what the
    // commands read at run time.
    for (const path of [
      'dist/index.js',
      'dist/index.d.ts',
      'bin/mtad.cjs',
      'templates',
      'schema',
      'data/table-17.6.yaml',
    ])
      expect(existsSync(join(project, 'node_modules/mtad', path)), path).toBe(true);
    const own = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(dependencies).toEqual(own.dependencies);

    writeFileSync(join(project, 'use.ts'), USER_FILE);
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          // The language's own declarations alone: the default adds the browser's (DOM), which take
          // tsc longer to read than mtad's, and mtad's declarations need none of them.
          lib: ['ES2022'],
          types: [],
        },
        files: ['use.ts'],
      }),
    );
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', project], {
      cwd: project,
      encoding: 'utf8',
    });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);

    // And it runs, from the installed package.
    const script =
      "import { formatLongDate, RULES } from 'mtad'; console.log(JSON.stringify({ long: formatLongDate('2023-01-31'), rule: RULES.DATE_INVALID.severity }));";
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ long: '31 January 2023', rule: 'error' });

    // mtad init copies the shipped data, which the package must therefore hold. It runs as `npx mtad`
    // runs it: the link in node_modules/.bin, through its #! line (node found on the PATH).
    const init = spawnSync(join(project, 'node_modules/.bin/mtad'), ['init', 'new-table'], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, PATH: [dirname(process.execPath), process.env.PATH].join(delimiter) },
    });
    expect(init.stderr).toBe('');
    expect(init.status).toBe(0);
    expect(readdirSync(join(project, 'new-table/data')).sort()).toEqual([
      'amendments',
      'amendments.lock',
      'departments.yaml',
      'table-17.6.yaml',
    ]);
  }, 60_000);
});
