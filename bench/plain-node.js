#!/usr/bin/env node
/**
 * The commands against a bare ExcelJS load in a plain `node` process (no tsx, no other bench work in
 * the heap), interleaved run by run, CPU time, median of 5 after a warm-up. `npm run bench:files`
 * writes the workbooks this reads; the bench's own ExcelJS load, in a process that has done more,
 * runs slower than here, so this is the stricter ratio.
 *
 *   npm run bench:plain [-- FILE.xlsx]   (default: the 21,300-item workbook of bench:files)
 */
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const ExcelJS = require('exceljs');

const ROOT = path.join(__dirname, '..');
execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.js'), '--if-stale'], { stdio: 'inherit' });
const { main } = require(path.join(ROOT, 'build', 'cli', 'main.js'));

const file = process.argv[2] ?? path.join(os.tmpdir(), 'shinchoku-bench-files', 'items-21300.xlsx');
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const silent = { out: () => {}, err: () => {} };
const ops = {
  'ExcelJS load': () => new ExcelJS.Workbook().xlsx.readFile(file),
  summary: () => main(['summary', file], silent),
  'summary --json': () => main(['summary', file, '--json'], silent),
  'validate --json': () => main(['validate', file, '--json'], silent),
};

(async () => {
  const runs = {};
  for (let k = 0; k < 6; k++) {
    for (const [name, op] of Object.entries(ops)) {
      const t = cpu();
      await op();
      if (k > 0) (runs[name] ??= []).push(cpu() - t);
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const base = median(runs['ExcelJS load']);
  console.log(`${path.basename(file)}, node ${process.version}, load ${os.loadavg()[0].toFixed(1)}; CPU ms, median of 5`);
  console.log('command | CPU ms | × ExcelJS load');
  console.log('--- | --- | ---');
  for (const [name, xs] of Object.entries(runs)) console.log(`${name} | ${median(xs).toFixed(0)} | ${(median(xs) / base).toFixed(2)}`);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
