import * as fs from 'node:fs';
import * as path from 'node:path';
import { BlankFileHost } from '../../adapters/file/blank-host';
import { readBreakdown } from '../../core/consolidate/breakdown-read';
import type { ConFinding } from '../../core/consolidate/codes';
import { compareYears, type Comparison } from '../../core/consolidate/compare';
import { consolidate } from '../../core/consolidate/consolidate';
import { hearingList, type HearingList } from '../../core/consolidate/hearing';
import { machineCsv, machineTable, type MachineTable } from '../../core/consolidate/machine-table';
import { checkSources, itemSources, type ItemSource } from '../../core/consolidate/provenance';
import { reconcile, type Reconciliation } from '../../core/consolidate/reconcile';
import type { Consolidation } from '../../core/consolidate/types';
import type { WorkbookGrid } from '../../core/grid/types';
import { planConsolidatedSheets } from '../../core/plan/consolidated-sheets';
import { DEFAULT_SUMMARY_SHEET } from '../../core/plan/summary-sheet';
import { readStore } from '../../core/settings/store';
import { summarise } from '../../core/summary/summarise';
import type { Summary } from '../../core/summary/types';
import type { Args } from '../args';
import type { Io } from '../io';
import type { Loaded } from '../load';
import { num, table } from '../text';
import { expandInputs, readInputs, type InputFile } from './consolidate-inputs';
import { consolidatedJson, countsText } from './consolidate-output';
import { crossTabCommand, summaryText } from './write-commands';

/**
 * `summary FILE… | DIR/`: the planning section's job in one step. Department workbooks (or a folder
 * of them) are consolidated so that nothing is counted twice, every figure is traceable to its
 * cells, the result is reconciled with the plan's list (--master) and compared with last year
 * (--compare), and the hearing list and a machine-readable twin come with the summary.
 */

/** A usage or input problem of this command, in both languages (exit 2). */
export class ConsolidateError extends Error {
  constructor(readonly reason: { ja: string; en: string }) {
    super(reason.en);
  }
}

const SEVERITY = {
  ja: { error: 'エラー', warning: '警告', info: '情報' },
  en: { error: 'error', warning: 'warning', info: 'info' },
} as const;

export interface Reference {
  file: string;
  reportFy?: number;
  items: ItemSource[];
}

/**
 * The plan's list or last year's figures, from whatever the user has: department workbooks, a
 * folder of them, one workbook in any layout, or a consolidated file written by this command (read
 * back from its 内訳 sheet).
 */
export async function loadReference(p: string, args: Args, axis: string | undefined): Promise<Reference> {
  const files = expandInputs([p]);
  const read = await readInputs(files, args);
  const c = consolidate(read.inputs);
  if (c.plan.items.length > 0) {
    return {
      file: p,
      ...(c.reportFy !== undefined ? { reportFy: c.reportFy } : {}),
      items: itemSources(c.plan, { origins: c.origins, workbook: p, evaluations: c.evaluations, ...(axis ? { axis } : {}) }),
    };
  }
  for (const l of read.loaded.values()) {
    const b = readBreakdown(l.grid);
    if (b) return { file: p, ...(b.reportFy !== undefined ? { reportFy: b.reportFy } : {}), items: b.items };
  }
  throw new ConsolidateError({
    ja: `「${p}」から取組を読み取れませんでした(進捗管理表も、このツールが作った内訳シートもありません)。`,
    en: `No items could be read from "${p}" (no progress table, and no breakdown sheet made by this tool).`,
  });
}

/** The output must not be one of the inputs, compared by identity so a link or another spelling is caught too. */
function assertNotInput(out: string, inputs: readonly InputFile[]): void {
  let outStat: fs.Stats | undefined;
  try {
    outStat = fs.statSync(out);
  } catch {
    outStat = undefined;
  }
  for (const f of inputs) {
    const same = path.resolve(f.path) === path.resolve(out) || (outStat !== undefined && (() => {
      const s = fs.statSync(f.path);
      return s.ino === outStat!.ino && s.dev === outStat!.dev;
    })());
    if (same) {
      throw new ConsolidateError({
        ja: `出力先「${out}」は入力ファイルです。入力には上書きしません。別のファイル名を指定してください。`,
        en: `The output "${out}" is one of the inputs; inputs are never overwritten. Choose another file name.`,
      });
    }
  }
}

function writeTextFile(file: string, content: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, content, 'utf8');
  fs.renameSync(tmp, file);
}

function now(): string {
  return new Date().toISOString().slice(0, 16).replace('T', ' ');
}

export interface SummaryRun {
  consolidation: Consolidation;
  summary: Summary;
  sources: ItemSource[];
  reconciliation?: Reconciliation;
  comparison?: Comparison;
  hearing: HearingList;
  machine: MachineTable;
}

export async function consolidatedSummaryCommand(args: Args, io: Io): Promise<number> {
  const ja = args.lang === 'ja';
  if (args.files.length === 0) {
    throw new ConsolidateError({ ja: 'summary: 集計するブックかフォルダーを指定してください。', en: 'summary: give one or more workbooks or a folder.' });
  }
  const files = expandInputs(args.files);
  for (const o of [args.out, args.csv]) if (o) assertNotInput(o, files);
  const read = await readInputs(files, args);
  for (const p of args.prefer ?? []) {
    if (!read.inputs.some((i) => i.file === p)) {
      throw new ConsolidateError({
        ja: `--prefer「${p}」は集計するファイルにありません。ファイル名はフォルダーからの相対パスで指定してください(例: ${read.inputs[0]?.file ?? 'a.xlsx'})。`,
        en: `--prefer "${p}" is not one of the files; name it relative to the folder (e.g. ${read.inputs[0]?.file ?? 'a.xlsx'}).`,
      });
    }
  }
  const c = consolidate(read.inputs, { ...(args.fy !== undefined ? { fy: args.fy } : {}), ...(args.prefer ? { prefer: args.prefer } : {}) });
  const used = c.files.filter((f) => f.status === 'used');
  if (used.length === 0) {
    if (!args.json) for (const f of c.findings) io.err(findingLine(f, args.lang));
    throw new ConsolidateError({ ja: '集計できるブックがありません。', en: 'No workbook could be summarised.' });
  }
  if (c.unresolved.length > 0) {
    if (args.json) {
      io.out(JSON.stringify({ refused: true, consolidation: { files: c.files, duplicates: c.duplicates, findings: c.findings.map((f) => ({ ...f, message: f.message[args.lang] })) } }, null, 2));
    } else {
      for (const f of c.findings) io.out(findingLine(f, args.lang));
      io.out(
        ja
          ? `\n同じ取組の値がファイルによって異なるため(${c.unresolved.length} 件)、集計しませんでした。どのファイルの値を使うか --prefer ファイル名 で指定してください(複数指定できます)。`
          : `\n${c.unresolved.length} item(s) have different values in different files, so nothing was summed. Choose whose values to use with --prefer FILE (repeatable).`,
      );
    }
    return 1;
  }
  if (args.by?.length === 2) return crossTabCommand(c.plan, args, io);

  const axis = args.by?.[0];
  const single = files.length === 1 && args.files.length === 1 && !fs.statSync(files[0].path).isDirectory() ? files[0] : undefined;
  const summary = summarise(c.plan, { evaluations: c.evaluations, includeSuggested: args.includeSuggested, ...(axis ? { axis } : {}) });
  const sources = itemSources(c.plan, {
    evaluations: c.evaluations,
    includeSuggested: args.includeSuggested,
    origins: c.origins,
    workbook: used[0].file,
    ...(axis ? { axis } : {}),
  });
  const problems = checkSources(summary, sources);
  if (problems.length) throw new Error(`internal: the summary and its sources disagree: ${problems.join('; ')}`);

  const run: SummaryRun = { consolidation: c, summary, sources, hearing: undefined as never, machine: machineTable(summary, { lang: args.lang }) };
  if (args.master) {
    const m = await loadReference(args.master, args, undefined);
    run.reconciliation = reconcile(sources, m.items, m.file);
  }
  if (args.compare) {
    const last = await loadReference(args.compare, args, axis);
    run.comparison = compareYears(summary, sources, last.items, {
      ...(c.reportFy !== undefined ? { thisFy: c.reportFy } : {}),
      ...(last.reportFy !== undefined ? { lastFy: last.reportFy } : {}),
      lastFile: last.file,
    });
  }
  run.hearing = hearingList({ plan: c.plan, evaluations: c.evaluations, sources, summary, ...(run.comparison ? { comparison: run.comparison } : {}) });

  let written: { file: string; sheets: string[]; leftAlone: string[] } | undefined;
  if (args.out) written = await writeWorkbook(run, args, single ? read.loaded.get(single.name) : undefined);
  if (args.csv) writeTextFile(args.csv, machineCsv(run.machine));

  if (args.json) {
    io.out(JSON.stringify(consolidatedJson(run, args.lang), null, 2));
    return 0;
  }
  printText(run, args, io, written);
  return 0;
}

async function writeWorkbook(run: SummaryRun, args: Args, single: Loaded | undefined): Promise<{ file: string; sheets: string[]; leftAlone: string[] }> {
  const host = single ? single.host : new BlankFileHost(path.basename(args.out!));
  const grid: WorkbookGrid = single ? single.grid : await host.read();
  const sheetNames = new Set(grid.sheets.map((s) => s.name));
  const plan = planConsolidatedSheets(grid, readStore(grid), {
    lang: args.lang,
    summary: run.summary,
    sources: run.sources,
    hearing: run.hearing,
    machine: run.machine,
    ...(run.comparison ? { comparison: run.comparison } : {}),
    summarySheet: args.sheetName ?? DEFAULT_SUMMARY_SHEET,
    files: sourceLine(run.consolidation.files.filter((f) => f.status === 'used').map((f) => f.file), args.lang),
    createdAt: now(),
    // Only a copy of the one workbook summarised holds the cells its sources point at.
    linkTo: (file, sheet, cell) => (single !== undefined && file === single.file && sheetNames.has(sheet) && cell ? { sheet, address: cell } : null),
  });
  const r = await host.apply(plan);
  await host.save(args.out!);
  return { file: args.out!, sheets: r.sheetsCreated, leftAlone: r.sheetsLeftAlone };
}

/** The summary's 集計元 line: every file when there are a few, else the first and a count (the 内訳 lists them all). */
function sourceLine(files: string[], lang: 'ja' | 'en'): string[] {
  if (files.length <= 5) return files;
  return [lang === 'ja' ? `${files[0]} ほか ${files.length - 1} ファイル（ファイルごとの取組は内訳シート）` : `${files[0]} and ${files.length - 1} more files (items by file: breakdown sheet)`];
}

export function findingLine(f: ConFinding, lang: 'ja' | 'en'): string {
  return `[${SEVERITY[lang][f.severity]}] ${f.code} ${f.message[lang]}`;
}

function printText(run: SummaryRun, args: Args, io: Io, written: { file: string; sheets: string[]; leftAlone: string[] } | undefined): void {
  const ja = args.lang === 'ja';
  const c = run.consolidation;
  const used = c.files.filter((f) => f.status === 'used');
  const skipped = c.files.filter((f) => f.status !== 'used');
  if (c.files.length > 1) {
    io.out(
      ja
        ? `集計したファイル ${used.length} 件(取組 ${num(run.sources.length)} 件) / 集計から除いたファイル ${skipped.length} 件`
        : `${used.length} file(s) counted (${num(run.sources.length)} items) / ${skipped.length} file(s) left out`,
    );
  }
  for (const f of c.findings) io.out(findingLine(f, args.lang));
  if (c.findings.length) io.out('');
  io.out(summaryText(run.summary, args.lang));
  if (run.comparison) {
    io.out('');
    io.out(countsText(run.comparison, run.summary.groupLabel, args.lang));
  }
  if (run.reconciliation) {
    const r = run.reconciliation;
    io.out('');
    io.out(
      ja
        ? `計画との照合(${r.planFile}): 計画 ${r.planItems} 件 / 提出 ${r.submitted} 件 / 一致 ${r.matched} 件 — 未提出 ${r.missing.length} 件、計画外 ${r.extra.length} 件、変更 ${r.changed.length} 件`
        : `Reconciled with ${r.planFile}: plan ${r.planItems} / submitted ${r.submitted} / matched ${r.matched} — missing ${r.missing.length}, not in plan ${r.extra.length}, changed ${r.changed.length}`,
    );
    for (const f of r.findings) io.out(`  ${findingLine(f, args.lang)}`);
  }
  io.out('');
  const h = run.hearing;
  io.out(ja ? `ヒアリング候補 ${h.entries.length} 件:` : `${h.entries.length} item(s) to ask about:`);
  const rows = h.entries.map((e) => [e.itemId, e.name.length > 24 ? `${e.name.slice(0, 23)}…` : e.name, e.department, e.rating, e.reasons.map((x) => x.code).join(',')]);
  if (rows.length) io.out(table(ja ? ['番号', '取組名', '所管課', '評価', '理由'] : ['no.', 'item', 'department', 'rating', 'reasons'], rows));
  for (const e of h.entries) for (const x of e.reasons) io.out(`  ${e.itemId} ${x.code}: ${x.message[args.lang]}`);
  if (written) {
    io.out('');
    if (written.leftAlone.length) {
      io.out(
        ja
          ? `同じ名前のシート「${written.leftAlone.join('」「')}」はこのツールが作ったものではないため残しました。`
          : `Left the existing sheet(s) ${written.leftAlone.join(', ')} alone (not made by this tool).`,
      );
    }
    io.out((ja ? '出力: ' : 'output: ') + `${written.file} [${written.sheets.join(', ')}]`);
  }
  if (args.csv) io.out((ja ? '機械判読用 CSV: ' : 'machine-readable CSV: ') + args.csv);
}
