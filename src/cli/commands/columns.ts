import { planProgressColumns, planTables } from '../../core/plan/progress-columns';
import { printJson } from '../json-out';
import { fiscalYearLabel } from '../../core/values/fiscal-year';
import type { Args } from '../args';
import type { Io } from '../io';
import { checkOutputPath, loadAndAnalyse, saveOutput } from '../load';
import { say } from '../messages';

/**
 * Adds a year's progress columns (実績・評価・取組状況) to the plan tables of a workbook, as owned
 * columns, and saves a copy. Tables that already report results are left alone; when nothing is to
 * be added no file is made.
 */
export async function columnsCommand(args: Args, io: Io): Promise<number> {
  const file = args.files[0];
  const fy = args.fy!;
  const out = args.out!;
  const { lang } = args;
  checkOutputPath(out, args);
  const loaded = await loadAndAnalyse(file, args);
  const read = loaded.analysis.read;
  const plans = planTables(read);
  const results = read.tables.length - plans.length;
  const plan = planProgressColumns(read, fy, lang);
  const tables = new Set(plan.writes.filter((w) => w.reason === 'owned-header').map((w) => `${w.sheet}!${w.address.replace(/^[A-Z]+/, '')}`)).size;
  let written = 0;
  if (plan.writes.length > 0) {
    written = (await loaded.host.apply(plan)).written;
    await saveOutput(loaded.host, out, args);
  }
  const year = fiscalYearLabel(fy, lang);
  if (args.json) {
    printJson(io, { file, out: written > 0 ? out : null, fy, tables, written, resultTables: results, planTables: plans.length });
    return 0;
  }
  if (plan.writes.length > 0) io.out(say(lang, 'columnsDone', { fy: year, tables, cells: written }));
  // A workbook of item forms (one sheet per item, no table) reports results too: no plan to extend.
  else if (plans.length === 0 && (results > 0 || loaded.analysis.reads.some((r) => r.tables.length === 0 && r.items.length > 0))) io.out(say(lang, 'columnsNotPlan'));
  else io.out(say(lang, 'columnsExist', { fy: year }));
  if (plan.writes.length > 0 && results > 0) io.out(say(lang, 'columnsSkippedResults', { n: results }));
  if (plan.writes.length > 0) io.out(say(lang, 'outputWritten', { file: out }));
  for (const n of loaded.host.notes) io.out(n[lang]);
  return 0;
}
