import * as fs from 'node:fs';
import * as path from 'node:path';
import { readXlsx } from '../src/adapters/file/read-xlsx';
import { analyse } from '../src/core/engine/analyse';
import { planFill } from '../src/core/plan/fill';
import { DEFAULT_SUMMARY_SHEET, planSummarySheet } from '../src/core/plan/summary-sheet';
import { planOwnedSheet } from '../src/core/settings/ownership';
import { syntheticWorkbook } from './synthetic';
import { benchOfficeAdapter } from './office-adapter';

/**
 * Speed and memory figures, printed as a table (never asserted in unit tests: timings depend on
 * the machine). Each figure is the median of several runs after one warm-up.
 */
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function time<T>(runs: number, f: () => Promise<T> | T): Promise<{ ms: number; result: T }> {
  let result = await f();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = await f();
    ms.push(performance.now() - t0);
  }
  return { ms: median(ms), result };
}

const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;

async function files(): Promise<void> {
  const dir = path.join(__dirname, '..', 'assets', 'samples');
  console.log('\n## Bundled samples, end to end (read .xlsx → analyse → fill plan → summary plan)');
  console.log('file | sheets | items | read .xlsx | analyse | fill plan | summary plan');
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.xlsx')).sort()) {
    const file = path.join(dir, f);
    const read = await time(3, () => readXlsx(file));
    const grid = read.result;
    const an = await time(5, () => analyse(grid));
    const fill = await time(5, () => planFill(grid, an.result));
    const target = planOwnedSheet(grid, an.result.store, 'summary', DEFAULT_SUMMARY_SHEET);
    const sum = await time(5, () => planSummarySheet(an.result.summary, { lang: 'ja', sources: [f], target }));
    console.log(`${f} | ${grid.sheets.length} | ${an.result.plan.items.length} | ${fmt(read.ms)} | ${fmt(an.ms)} | ${fmt(fill.ms)} | ${fmt(sum.ms)}`);
  }
}

async function scale(): Promise<void> {
  console.log('\n## Scale: a generic-layout table of N items (analyse = detect, read, evaluate, validate, summarise)');
  console.log('items | cells | analyse | fill plan | heap after analyse (retained)');
  for (const n of [1000, 10000, 50000]) {
    const grid = syntheticWorkbook(n);
    const cells = grid.sheets[0].values.reduce((s, r) => s + r.length, 0);
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    const an = await time(n >= 50000 ? 1 : 3, () => analyse(grid));
    global.gc?.();
    const after = process.memoryUsage().heapUsed;
    const fill = await time(n >= 50000 ? 1 : 3, () => planFill(grid, an.result));
    console.log(`${n} | ${cells} | ${fmt(an.ms)} | ${fmt(fill.ms)} | ${mb(after - before)}${global.gc ? '' : ' (run with --expose-gc for exact figures)'}`);
  }
}

async function mainBench(): Promise<void> {
  console.log(`shinchoku bench — node ${process.version}, ${process.platform}/${process.arch}`);
  await files();
  await scale();
  await benchOfficeAdapter();
}

mainBench().catch((e) => {
  console.error(e);
  process.exit(1);
});
