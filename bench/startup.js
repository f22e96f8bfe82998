#!/usr/bin/env node
/**
 * Start-up of the shipped command against bare node, measured side by side in one run so the
 * figures compare on the same machine at the same load: median of N runs (default 5) of
 *   node -e 0                               (the floor)
 *   shinchoku --help
 *   shinchoku validate assets/samples/isehara-list.xlsx
 * plus the ratio to the floor and peak memory (max RSS) per run. Runs are interleaved so a busy
 * spell on a shared machine hits all three alike. Builds the bundle first if it is stale.
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
  { name: 'shinchoku validate isehara-list.xlsx', args: [BIN, 'validate', path.join(ROOT, 'assets', 'samples', 'isehara-list.xlsx')], exit: [0, 1] },
];

function once(c) {
  // /usr/bin/time is not everywhere; the child's own resource usage gives max RSS portably.
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, c.args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, SHINCHOKU_LANG: 'ja' } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && !(c.exit ?? [0]).includes(r.status)) throw new Error(`${c.name}: exit ${r.status}\n${r.stderr}`);
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function main() {
  spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.js'), '--if-stale', '--quiet'], { stdio: 'inherit' });
  for (const c of CASES) once(c); // warm the file cache
  const times = CASES.map(() => []);
  for (let i = 0; i < RUNS; i++) CASES.forEach((c, j) => times[j].push(once(c)));
  const floor = median(times[0]);
  console.log(`## Start-up, median of ${RUNS} (node ${process.version}, ${require('node:os').cpus().length} cores, load ${require('node:os').loadavg()[0].toFixed(1)})`);
  console.log('command | median | × node -e 0 | runs (ms)');
  console.log('--- | --- | --- | ---');
  CASES.forEach((c, j) => {
    const m = median(times[j]);
    console.log(`${c.name} | ${m.toFixed(0)} ms | ${(m / floor).toFixed(2)} | ${times[j].map((t) => t.toFixed(0)).join(', ')}`);
  });
}

main();
