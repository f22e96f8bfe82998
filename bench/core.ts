import * as fs from 'node:fs';
import * as path from 'node:path';
import { readXlsx } from '../src/adapters/file/read-xlsx';
import { analyse } from '../src/core/engine/analyse';
import { planFill } from '../src/core/plan/fill';
import { DEFAULT_SUMMARY_SHEET, planSummarySheet } from '../src/core/plan/summary-sheet';
import { planOwnedSheet } from '../src/core/settings/ownership';
import { syntheticWorkbook } from './synthetic';
import { consolidate } from '../src/core/consolidate/consolidate';
import { checkSources, itemSources } from '../src/core/consolidate/provenance';
import type { FileInput } from '../src/core/consolidate/types';
import { DEFAULT_RULES } from '../src/core/rules/config';
import { evaluatePlan } from '../src/core/rules/evaluate';
import { summarise } from '../src/core/summary/summarise';
import { buildPlan } from '../test/helpers/plan-builder';
import { benchOfficeAdapter } from './office-adapter';

/**
 * The core's speed and memory figures (npm run bench:core; `npm run bench -- --all` adds them to the
 * issue-12 table), printed as a table (never asserted in unit tests: timings depend on
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

/**
 * A planning section's year: N items in department files of 100 items each, every file also sent a
 * second time under another name, rows reversed and the last item left out (so it is not the same
 * content, and each of its items is matched against the first file's), consolidated, summarised,
 * expanded to sources and checked against them.
 */
async function consolidation(): Promise<void> {
  console.log('\n## Consolidation: N items in files of 100, each file also sent again as a reordered, shorter copy');
  console.log('items | files | consolidate | summary + sources + check');
  for (const n of [1000, 4000, 10000]) {
    const inputs: FileInput[] = [];
    for (let f = 0; f < n / 100; f++) {
      const specs = Array.from({ length: 100 }, (_, i) => ({ id: `${(f % 5) + 1}(${f})${i + 1}`, policy: String((f % 5) + 1), name: `部署${f}の取組${i + 1}`, departments: [`課${f}`], rating: 'B' as const, target: 10, actual: 10 }));
      for (const [name, rows] of [[`課${f}.xlsx`, specs], [`課${f} - コピー.xlsx`, specs.slice(0, -1).reverse()]] as const) {
        const plan = buildPlan([...rows]);
        inputs.push({ file: name, plan, evaluations: evaluatePlan(plan, DEFAULT_RULES), errors: 0, layouts: plan.layouts });
      }
    }
    const c = await time(3, () => consolidate(inputs));
    const rest = await time(3, () => {
      const summary = summarise(c.result.plan, { evaluations: c.result.evaluations });
      return checkSources(summary, itemSources(c.result.plan, { origins: c.result.origins, workbook: '', evaluations: c.result.evaluations }));
    });
    if (c.result.plan.items.length !== n || rest.result.length) throw new Error(`consolidation bench: ${c.result.plan.items.length} items, ${rest.result.length} problems`);
    console.log(`${n} | ${inputs.length} | ${fmt(c.ms)} | ${fmt(rest.ms)}`);
  }
}

/** The core's own figures: samples end to end, analyse at scale, consolidation, the Office adapter. */
export async function benchCore(): Promise<void> {
  await files();
  await scale();
  await consolidation();
  await benchOfficeAdapter();
}

if (require.main === module) {
  console.log(`shinchoku bench:core — node ${process.version}, ${process.platform}/${process.arch}`);
  benchCore().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
