import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** Where the registry keeps a package's tarball: with it, npm ci takes the tarball from its cache by integrity. */
function tarballUrl(path: string, version: string): string {
  const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
  return `https://registry.npmjs.org/${name}/-/${name.split('/').at(-1)}-${version}.tgz`;
}

/** A lock for a project that depends on mtad alone: mtad's runtime dependencies, as mtad locks them. */
function userLock(dependency: string): unknown {
  const own = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean; [key: string]: unknown }>;
  };
  const {
    name: _name,
    devDependencies: _dev,
    scripts: _scripts,
    allowScripts: _allow,
    ...mtad
  } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const runtime = Object.entries(own.packages).filter(
    ([path, entry]) => path.startsWith('node_modules/') && !entry.dev,
  );
  return {
    name: 'user',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: 'user', dependencies: { mtad: dependency } },
      'node_modules/mtad': {
        version: mtad.version,
        resolved: dependency,
        license: mtad.license,
        dependencies: mtad.dependencies,
        bin: mtad.bin,
        engines: mtad.engines,
      },
      ...Object.fromEntries(
        runtime.map(([path, entry]) => [path, { resolved: tarballUrl(path, String(entry.version)), ...entry }]),
      ),
    },
  };
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
console.log(JSON.stringify({ long, tables: tables.length, codes: findings.map((d) => d.code), rule: RULES.DATE_INVALID.severity, wrong }));
`;

describe('the packed package, as a user installs it', () => {
  it('installs from the tarball; its API imports by name, and type-checks against dist/index.d.ts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mtad-pack-'));
    // The tarball of what is built (npm test builds first), without running the build again.
    npm(['pack', '--ignore-scripts', '--pack-destination', dir], ROOT);
    const tarball = readdirSync(dir).find((name) => name.endsWith('.tgz'))!;
    const project = join(dir, 'project');
    mkdirSync(project);
    const dependency = `file:../${tarball}`;
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'user', private: true, type: 'module', dependencies: { mtad: dependency } }),
    );
    // The lock a user's install would write, from mtad's own: it names the tarballs npm already
    // holds in its cache, so that the install needs no network.
    writeFileSync(join(project, 'package-lock.json'), JSON.stringify(userLock(dependency)));
    npm(['ci', '--offline', '--ignore-scripts'], project);

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

    // mtad init copies the shipped data, which the package must therefore hold.
    const bin = join(project, 'node_modules/mtad/bin/mtad.js');
    const init = spawnSync(process.execPath, [bin, 'init', 'new-table'], { cwd: project, encoding: 'utf8' });
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
