#!/usr/bin/env node
/**
 * Start-up of the shipped command against bare node, measured side by side in one run so the
 * figures compare on the same machine at the same load: median of N runs (default 5) of
 *   node -e 0                               (the floor)
 *   shinchoku --help
 *   shinchoku validate assets/samples/isehara-list.xlsx
 * plus the ratio to the floor, and the CPU time (user + sys) the process used, which a busy shared
 * machine inflates much less than wall time. Runs are interleaved so a busy spell hits all three
 * alike. Builds the bundle first if it is stale.
 *
 *   npm run bench:startup [-- --runs 9]
 */
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'shinchoku.js');
const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 5;

const CASES = [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: 'shinchoku --help', args: [BIN, '--help'] },
  { name: 'shinchoku validate isehara-list.xlsx', args: [BIN, 'validate', path.join(ROOT, 'assets', 'samples', 'isehara-list.xlsx')] },
];

/** Wall time measured here; CPU time from bash's `time` around the child (user + sys). */
function once(c) {
  const t0 = process.hrtime.bigint();
  // The command's own exit code (validate: 1 = not ready) is not a failure of the measurement.
  const script = 'TIMEFORMAT="%3U %3S"; { time "$0" "$@" >/dev/null 2>/dev/null; } 2>&1; exit 0';
  const r = spawnSync('bash', ['-c', script, process.execPath, ...c.args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, SHINCHOKU_LANG: 'ja' } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = r.stdout.trim().split(/\s+/).map(Number);
  if (r.status !== 0 || cpu.length !== 2 || cpu.some(Number.isNaN)) throw new Error(`${c.name}: ${r.stderr || r.stdout}`);
  return { ms, cpu: (cpu[0] + cpu[1]) * 1000 };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function benchStartup() {
  spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.js'), '--if-stale', '--quiet'], { stdio: 'inherit' });
  for (const c of CASES) once(c); // warm the file cache
  const runs = CASES.map(() => []);
  for (let i = 0; i < RUNS; i++) CASES.forEach((c, j) => runs[j].push(once(c)));
  const wall = runs.map((r) => median(r.map((x) => x.ms)));
  const cpu = runs.map((r) => median(r.map((x) => x.cpu)));
  console.log(`## Start-up, median of ${RUNS} (node ${process.version}, ${require('node:os').cpus().length} cores, load ${require('node:os').loadavg()[0].toFixed(1)})`);
  console.log('command | wall | × node -e 0 | CPU (user+sys) | × node -e 0 | wall runs (ms)');
  console.log('--- | --- | --- | --- | --- | ---');
  CASES.forEach((c, j) => {
    const w = runs[j].map((x) => x.ms.toFixed(0)).join(', ');
    console.log(`${c.name} | ${wall[j].toFixed(0)} ms | ${(wall[j] / wall[0]).toFixed(2)} | ${cpu[j].toFixed(0)} ms | ${(cpu[j] / cpu[0]).toFixed(2)} | ${w}`);
  });
}

module.exports = { benchStartup };
// `npm run bench` runs this too (bench/run.ts).
if (require.main === module) benchStartup();
