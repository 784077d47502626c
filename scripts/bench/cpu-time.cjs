// Preloaded by scripts/bench.mjs into every node process it times (`node -r`): writes the CPU time
// the process used, user and system, in milliseconds, to the file MTAD_BENCH_CPU_OUT names. On a
// machine shared with other work the wall time waits for the CPU; the CPU time much less so.
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  require('node:fs').writeFileSync(process.env.MTAD_BENCH_CPU_OUT, String((user + system) / 1000));
});
