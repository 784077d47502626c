// `npm run bench`: every figure is a ratio to a baseline measured in the same run, alternating
// runs so that the noise of a shared machine falls on both alike. Medians of RUNS runs each.
// Peak memory is the maximum resident set size reported by the kernel (/usr/bin/time -f %M).
// Each node process also reports the CPU time it used (scripts/bench/cpu-time.cjs, preloaded into
// the baseline as into mtad): under load the wall time stretches with the queue for the CPU, the
// CPU time far less, so its ratio is printed beside the wall time's, with the load average.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { generateAmendmentFiles, generateTable } from './bench/generate.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/mtad.cjs');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
// BENCH_ONLY=amend (the commands on the shipped data), check, redline, or a comma-separated list,
// runs only those figures.
const wanted = (name) => !process.env.BENCH_ONLY || process.env.BENCH_ONLY.split(',').includes(name);
const NODE = process.execPath;

const CPU_TIME = join(ROOT, 'scripts/bench/cpu-time.cjs');
const loads = [loadavg()[0]];

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The wall time of one run, and for a node process the CPU time it reported (else NaN). */
function timeOnce([command, ...args], cwd) {
  const node = command === NODE;
  const cpuFile = join(tmpdir(), `mtad-bench-cpu-${process.pid}`);
  const start = process.hrtime.bigint();
  const result = spawnSync(command, node ? ['-r', CPU_TIME, ...args] : args, {
    cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    ...(node && { env: { ...process.env, MTAD_BENCH_CPU_OUT: cpuFile } }),
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && !(command === 'git' && result.status === 1))
    throw new Error(`${[command, ...args].join(' ')} exited ${result.status}: ${result.stderr}`);
  const cpu = node ? Number(readFileSync(cpuFile, 'utf8')) : NaN;
  if (node) rmSync(cpuFile);
  return { ms, cpu };
}

/** Median wall time of each command, runs interleaved; `.cpu`, the median CPU time of each. */
function compare(commands, cwd, runs = RUNS) {
  const times = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  for (const [name, command] of Object.entries(commands)) timeOnce(command, cwd); // warm the file cache
  for (let i = 0; i < runs; i++) {
    for (const [name, command] of Object.entries(commands)) times[name].push(timeOnce(command, cwd));
    loads.push(loadavg()[0]);
  }
  const of = (key) =>
    Object.fromEntries(Object.entries(times).map(([name, runs]) => [name, median(runs.map((r) => r[key]))]));
  return { ...of('ms'), cpu: of('cpu') };
}
const cpuRatio = (t, name) => `cpu ${(t.cpu[name] / t.cpu.bare).toFixed(2)}x`;

function peakMemoryMiB(command, cwd) {
  if (!existsSync('/usr/bin/time')) return NaN;
  const result = spawnSync('/usr/bin/time', ['-f', '%M', ...command], {
    cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  return Number(result.stderr.trim().split('\n').at(-1)) / 1024;
}

const rows = [];
const report = (figure, value, baseline, target, extra = '') => {
  const ratio = value / baseline;
  rows.push({
    figure,
    ms: value.toFixed(1),
    baseline: baseline.toFixed(1),
    ratio: `${ratio.toFixed(2)}x`,
    target: target ? `<= ${target}x` : '',
    met: target ? (ratio <= target ? 'yes' : 'NO') : '',
    extra,
  });
};

const bare = [NODE, '-e', '0'];

// 1. The commands on the shipped data, against a bare node start: amend, show, check cold
//    (--no-cache, every file parsed) and warm (the cache of the run before), amend --out (the pack).
if (wanted('amend')) {
  const pack = mkdtempSync(join(tmpdir(), 'mtad-bench-pack-'));
  try {
    const commands = {
      bare,
      amend: [NODE, BIN, 'amend'],
      show: [NODE, BIN, 'show'],
      checkCold: [NODE, BIN, 'check', '--no-cache'],
      checkWarm: [NODE, BIN, 'check'],
      out: [NODE, BIN, 'amend', '--out', join(pack, 'pack'), '--force'],
      version: [NODE, BIN, '--version'],
    };
    const t = compare(commands, ROOT);
    const peak = (name) => `${cpuRatio(t, name)}, peak ${peakMemoryMiB(commands[name], ROOT).toFixed(1)} MiB`;
    report('mtad amend (shipped data)', t.amend, t.bare, 1.5, peak('amend'));
    report('mtad show (shipped data)', t.show, t.bare, 1.5, peak('show'));
    report('mtad check, cold (--no-cache, shipped data)', t.checkCold, t.bare, 1.5, peak('checkCold'));
    report('mtad check, warm (cache, shipped data)', t.checkWarm, t.bare, 1.5, peak('checkWarm'));
    report('mtad amend --out DIR (shipped data)', t.out, t.bare, 3, peak('out'));
    report('mtad --version (load only)', t.version, t.bare, 0, cpuRatio(t, 'version'));
  } finally {
    rmSync(pack, { recursive: true, force: true });
  }
}

// 2. mtad check on 1,000 generated amendment files, against a bare node start: cold (--no-cache,
//    every file parsed) and warm (the cache of an earlier run present, nothing changed since), both
//    in the same interleaved runs. The folder has a node_modules/, as a project does after npm ci,
//    so the cache is at its default place.
const work = mkdtempSync(join(tmpdir(), 'mtad-bench-'));
try {
  if (wanted('check')) {
    const checkDir = join(work, 'check');
    generateAmendmentFiles(checkDir, 1000);
    mkdirSync(join(checkDir, 'node_modules'));
    const cold = [NODE, BIN, 'check', 'data', '--no-cache'];
    const warm = [NODE, BIN, 'check', 'data'];
    timeOnce(warm, checkDir); // writes the cache
    const t = compare({ bare, cold, warm }, checkDir, Math.max(10, Math.min(RUNS, 11)));
    report(
      'mtad check, 1,000 amendment files, cold (--no-cache)',
      t.cold,
      t.bare,
      3,
      `${cpuRatio(t, 'cold')}, peak ${peakMemoryMiB(cold, checkDir).toFixed(1)} MiB`,
    );
    report(
      'mtad check, 1,000 amendment files, warm (cache)',
      t.warm,
      t.bare,
      3,
      `${cpuRatio(t, 'warm')}, peak ${peakMemoryMiB(warm, checkDir).toFixed(1)} MiB`,
    );
  }

  // 3. The redline of a 10,000-row table with 1,000 changed cells, against git diff --word-diff.
  if (wanted('redline')) {
    // Cold: a folder without node_modules, where mtad keeps no cache. Warm: one with it, where mtad
    // recalls the table it read on the run before (the first, untimed run of compare makes it).
    const growth = [];
    for (const size of [10, 100, 1000, 10000]) {
      const cold = join(work, `table-${size}`);
      const warm = join(work, `table-${size}-warm`);
      generateTable(cold, size, Math.max(1, size / 10));
      cpSync(cold, warm, { recursive: true });
      mkdirSync(join(warm, 'node_modules'));
      const mtad = [NODE, BIN, 'amend', '--table', 'table-17.6.yaml', '--format', 'unified', '--redline-only'];
      const git = ['git', 'diff', '--no-index', '--word-diff', 'before.txt', 'after.txt'];
      const runs = size >= 10000 ? Math.min(RUNS, 11) : RUNS;
      const t = compare({ git, mtad, bare }, cold, runs);
      const w = compare({ mtad }, warm, runs);
      growth.push({ size, mtad: t.mtad, warm: w.mtad, git: t.git, bare: t.bare });
      if (size === 10000) {
        report(
          'redline 10,000 rows / 1,000 changes, cold, vs git diff --word-diff',
          t.mtad,
          t.git,
          2,
          `peak ${peakMemoryMiB(mtad, cold).toFixed(1)} MiB (target < 200 MiB)`,
        );
        report(
          'redline 10,000 rows / 1,000 changes, warm (cache), vs git',
          w.mtad,
          t.git,
          2,
          `peak ${peakMemoryMiB(mtad, warm).toFixed(1)} MiB`,
        );
        report('  warm, less node start-up (mtad - node -e 0), vs git', w.mtad - t.bare, t.git, 2);
      }
    }
    console.log('\nGrowth (mtad amend --format unified --redline-only; work = time over a bare node start):');
    console.log('rows     cold ms  warm ms  git ms  cold work µs/row  warm work µs/row');
    const perRow = (ms, g) => (((ms - g.bare) / g.size) * 1000).toFixed(1);
    for (const g of growth)
      console.log(
        `${String(g.size).padEnd(8)} ${g.mtad.toFixed(1).padStart(7)} ${g.warm.toFixed(1).padStart(8)} ${g.git.toFixed(1).padStart(7)} ${perRow(g.mtad, g).padStart(17)} ${perRow(g.warm, g).padStart(17)}`,
      );
    const [, , thousand, tenThousand] = growth;
    const scaling = (tenThousand.mtad - tenThousand.bare) / (thousand.mtad - thousand.bare);
    const warmScaling = (tenThousand.warm - tenThousand.bare) / (thousand.warm - thousand.bare);
    console.log(
      `1,000 -> 10,000 rows (10x): cold work grew ${scaling.toFixed(1)}x, warm ${warmScaling.toFixed(1)}x (linear: about 10x or less)`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log(
  `\nmachine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}; runs: median of ${RUNS}; load average (1 min) ${Math.min(...loads).toFixed(1)} to ${Math.max(...loads).toFixed(1)}, median ${median(loads).toFixed(1)}`,
);
console.table(rows);
