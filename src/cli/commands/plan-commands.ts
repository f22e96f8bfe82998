import { suggestMapping } from '../../core/layouts/generic/suggest';
// Imported statically: the bin runs TypeScript through tsx, whose dynamic import() cannot resolve an extension-less path.
import { planProgressColumns } from '../../core/plan/progress-columns';
import { fiscalYearLabel } from '../../core/values/fiscal-year';
import { UsageError, type Args } from '../args';
import type { Io } from '../io';
import { InputError, loadAndAnalyse } from '../load';
import { one } from './read-commands';
import { FileHost } from '../../adapters/file/file-host';
import { checkOutput } from '../../adapters/file/safe-output';

/** Adds a year's progress columns (実績・評価・取組状況) to a plan sheet, as owned columns. */
export async function columnsCommand(args: Args, io: Io): Promise<number> {
  const file = one(args);
  if (args.fy === undefined) throw new UsageError('columns: give the fiscal year with --fy (e.g. R8, 令和8年度, 2026)');
  if (!args.out) throw new UsageError('columns: give the output file with -o OUT.xlsx');
  checkOutput(args.out, args.files, { force: args.force });
  const loaded = await loadAndAnalyse(file, args);
  const plan = planProgressColumns(loaded.analysis.read, args.fy, args.lang);
  const r = await loaded.host.apply(plan);
  await loaded.host.save(args.out, { force: args.force, inputs: args.files });
  const ja = args.lang === 'ja';
  const year = fiscalYearLabel(args.fy, args.lang);
  if (plan.writes.length === 0) {
    io.out(ja ? `${year}の進捗列はすでにあります。変更はありません。` : `Progress columns for ${year} already exist; nothing changed.`);
  } else {
    io.out(
      ja
        ? `${year}の進捗列を追加しました（${r.written} セル、既存のセルは変更なし）: ${args.out}`
        : `Added progress columns for ${year} (${r.written} cells; no existing cell changed): ${args.out}`,
    );
  }
  for (const n of loaded.host.notes) io.out(n[args.lang]);
  return 0;
}

/** Prints the header mapping detection would use, to be corrected and saved for `--mapping`. */
export async function mappingCommand(args: Args, io: Io): Promise<number> {
  const file = one(args);
  const host = new FileHost(file);
  let grid;
  try {
    grid = await host.read();
  } catch (e) {
    const reason = (e as { reason?: { ja: string; en: string } }).reason;
    throw new InputError(file, reason ?? { ja: String(e), en: String(e) });
  }
  const s = suggestMapping(grid);
  if (!s) {
    io.err(args.lang === 'ja' ? '見出し行が見つかりませんでした。' : 'No header row was found.');
    return 1;
  }
  if (!args.json) io.err(`${s.reason[args.lang]} (score ${s.score.toFixed(2)})`);
  io.out(JSON.stringify(s.mapping, null, 2));
  return 0;
}
