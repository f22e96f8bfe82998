import * as path from 'node:path';
import { printJson } from '../json-out';
import { FileHost } from '../../adapters/file/file-host';
import { compareYears } from '../../core/consolidate/compare';
import { consolidate, consolidatedIds } from '../../core/consolidate/consolidate';
import { hearingList } from '../../core/consolidate/hearing';
import { machineCsv, machineTable } from '../../core/consolidate/machine-table';
import { checkSources, itemSources, nonFiniteGroups } from '../../core/consolidate/provenance';
import { reconcile } from '../../core/consolidate/reconcile';
import type { Consolidation } from '../../core/consolidate/types';
import type { Plan } from '../../core/model/plan';
import { planConsolidatedSheets } from '../../core/plan/consolidated-sheets';
import { unconfirmedSuggestions } from '../../core/plan/fill';
import { DEFAULT_SUMMARY_SHEET, planCrossTabSheet } from '../../core/plan/summary-sheet';
import type { WritePlan } from '../../core/plan/write-plan';
import { planOwnedSheet } from '../../core/settings/ownership';
import { readStore } from '../../core/settings/store';
import { availableAxes, DEPARTMENT_AXIS, resolveAxis, type Axis } from '../../core/summary/axes';
import { crossTab } from '../../core/summary/crosstab';
import { countedItems, groupsOf, summarise } from '../../core/summary/summarise';
import { UsageError, withSuggestion, type Args } from '../args';
import { CliError } from '../errors';
import type { Io } from '../io';
import { consolidationJson, crossTabJson, RefusedSummaryJson, summaryJson, type SummaryExtras, type SummaryRunJson } from '../json';
import { checkOutputPath, saveOutput, saveTextOutput, type Loaded } from '../load';
import { msg, say, sheetList, type Lang } from '../messages';
import { axisLabel, crossTabText, itemCounts, prose, summaryText, type SummaryNotes } from '../render';
import { EXIT } from '../spec';
import { closest } from '../suggest';
import { expandInputs, loadReference, readInputs, type ReadInputs } from './consolidate-inputs';
import { compareText, findingLine, hearingText, reconcileText } from './consolidate-output';

/**
 * `summary BOOK… | DIR/`: the planning section's job in one step. The workbooks (or every file in
 * the folders) are consolidated so that nothing is counted twice (core/consolidate), every figure
 * is traceable to its cells, and the summary comes with the reconciliation against the plan's list
 * (--master), the comparison with last year (--compare), the hearing list and a machine-readable
 * twin (--csv). One workbook is one department's file: the same rules, nothing to consolidate.
 */
export async function summaryCommand(args: Args, io: Io): Promise<number> {
  const { lang } = args;
  const files = expandInputs(args.files);
  const references = [args.master, args.compare].filter((p): p is string => p !== undefined);
  // Outputs are checked before any work; none may be an input, also one found in a folder.
  const inputs = { files: [...files.map((f) => f.path), ...expandInputs(references).map((f) => f.path)], force: args.force };
  for (const o of [args.out, args.csv]) if (o) checkOutputPath(o, inputs);

  const read = await readInputs(files, args);
  for (const p of args.prefer ?? []) {
    if (!read.inputs.some((i) => i.file === p)) {
      throw new UsageError(withSuggestion(msg('usagePreferUnknown', { file: p, example: read.inputs[0]?.file ?? 'a.xlsx' }), closest(p, read.inputs.map((i) => i.file))), 'summary');
    }
  }
  const c = consolidate(read.inputs, { ...(args.fy !== undefined ? { fy: args.fy } : {}), ...(args.prefer ? { prefer: args.prefer } : {}) });
  if (!c.files.some((f) => f.status === 'used')) {
    if (!args.json) for (const f of c.findings) io.err(findingLine(f, lang, args.wide));
    throw new CliError(msg('inputNothingToSum'));
  }
  if (c.unresolved.length > 0) {
    // Copies of an item disagree: no figure is printed until the user says whose values count.
    if (args.json) printJson(io, RefusedSummaryJson.parse({ refused: true, consolidation: consolidationJson(c, lang) }));
    else {
      for (const f of c.findings) io.out(findingLine(f, lang, args.wide));
      io.out('');
      io.out(prose(say(lang, 'consolidationRefused', { n: c.unresolved.length }), args.wide));
    }
    return EXIT.notReady;
  }

  const single = files.length === 1 && !files[0].inFolder ? read.loaded.get(files[0].name) : undefined;
  const axes = (args.by ?? []).map((name) => axisOrFail(c.plan, name));
  const counts = itemCounts(c.plan);
  const shared = axes.some((a) => a.id === DEPARTMENT_AXIS) ? countedItems(c.plan).filter((i) => groupsOf(i, DEPARTMENT_AXIS).length > 1).length : 0;
  const unconfirmed = unconfirmedOf(c, read);
  const notes: SummaryNotes = { reposts: { n: counts.reposts, rows: counts.rows, counted: counts.counted }, sharedItems: shared, unconfirmed: unconfirmed.map((u) => u.itemId) };
  const extras: SummaryExtras = { items: counts, sharedItems: shared, out: args.out ?? null, unconfirmed };
  const used = c.files.filter((f) => f.status === 'used').map((f) => f.file);
  const createdAt = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const head = () => {
    if (c.files.length > 1) io.out(say(lang, 'consolidationFiles', { used: used.length, items: counts.counted, skipped: c.files.length - used.length }));
    for (const f of c.findings) io.out(findingLine(f, lang, args.wide));
    if (c.files.length > 1 || c.findings.length) io.out('');
  };

  if (axes.length === 2) {
    const t = crossTab(c.plan, axes[0].id, axes[1].id);
    const labels = { a: axisLabel(axes[0].id, axes[0].label, lang), b: axisLabel(axes[1].id, axes[1].label, lang) };
    const written = args.out
      ? await writeSheets(single, { ...inputs, out: args.out }, (grid, store) => {
          const target = planOwnedSheet(grid, store, 'crosstab', args.sheetName ?? `${labels.a}×${labels.b}`);
          const plan = planCrossTabSheet(t, { lang, labels, sources: sourcesLine(used, lang), createdAt, target });
          return { plan, displaced: target.displaced ? [target.displaced] : [] };
        })
      : undefined;
    if (args.json) {
      printJson(io, crossTabJson(t, used, extras, consolidationJson(c, lang)));
      return EXIT.ok;
    }
    head();
    io.out(crossTabText(t, labels, lang, { wide: args.wide, notes }));
    if (written) printWritten(written, args, io);
    return EXIT.ok;
  }

  const axis = axes[0]?.id;
  const summary = summarise(c.plan, { evaluations: c.evaluations, includeSuggested: args.includeSuggested, ...(axis ? { axis } : {}) });
  summary.groupLabel = axisLabel(summary.axis, summary.groupLabel, lang);
  const overflow = nonFiniteGroups(summary);
  if (overflow.length) throw new CliError(msg('summaryNonFinite', { group: overflow[0] === 'total' ? say(lang, 'summaryTotalRow') : overflow[0] }));
  const sources = itemSources(c.plan, {
    evaluations: c.evaluations,
    includeSuggested: args.includeSuggested,
    origins: c.origins,
    workbook: used[0],
    ...(axis ? { axis } : {}),
  });
  // Every count and amount printed, written or given in JSON is the count or sum of its sources.
  const problems = checkSources(summary, sources);
  if (problems.length) throw new Error(`the summary and its sources disagree: ${problems.join('; ')}`);
  const run: SummaryRunJson = { consolidation: c, summary, sources, hearing: undefined as never, machine: machineTable(summary, { lang }) };
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

  const written = args.out
    ? await writeSheets(single, { ...inputs, out: args.out }, (grid, store) => {
        // Only a copy of the one workbook summarised holds the cells the sources point at.
        const here = new Set(grid.sheets.map((s) => s.name));
        return planConsolidatedSheets(grid, store, {
          lang,
          summary,
          sources,
          hearing: run.hearing,
          machine: run.machine,
          ...(run.comparison ? { comparison: run.comparison } : {}),
          summarySheet: args.sheetName ?? DEFAULT_SUMMARY_SHEET,
          files: sourcesLine(used, lang),
          createdAt,
          unconfirmed: notes.unconfirmed,
          linkTo: (file, sheet, cell) => (single && file === files[0].name && here.has(sheet) && cell ? { sheet, address: cell } : null),
        });
      })
    : undefined;
  if (args.csv) saveTextOutput(args.csv, machineCsv(run.machine), inputs);

  if (args.json) {
    printJson(io, summaryJson(run, { ...extras, csv: args.csv ?? null }, lang));
    return EXIT.ok;
  }
  head();
  io.out(summaryText(summary, lang, { wide: args.wide, notes }));
  if (run.comparison) io.out(`\n${compareText(run.comparison, summary.groupLabel, lang, args.wide)}`);
  if (run.reconciliation) io.out(`\n${reconcileText(run.reconciliation, lang, args.wide)}`);
  io.out(`\n${hearingText(run.hearing, lang, args.wide)}`);
  if (written) printWritten(written, args, io);
  if (args.csv) io.out(say(lang, 'csvWritten', { file: args.csv }));
  return EXIT.ok;
}

/** The axis a --by name means, or a usage error listing the ones these workbooks have. */
function axisOrFail(plan: Plan, name: string): Axis {
  const axis = resolveAxis(plan, name);
  if (axis) return axis;
  const available = availableAxes(plan);
  throw new UsageError(
    withSuggestion(
      msg('usageUnknownAxis', { axis: name, list: available.map((a) => a.label).join('、') }),
      closest(
        name,
        available.flatMap((a) => a.names),
      ),
    ),
    'summary',
  );
}

/**
 * Ratings still the add-in's suggestion (recorded in each file's settings, unchanged since), by
 * their id in the consolidated plan; only the copies counted.
 */
function unconfirmedOf(c: Consolidation, read: ReadInputs): SummaryExtras['unconfirmed'] {
  const out: SummaryExtras['unconfirmed'] = [];
  for (const [file, l] of read.loaded) {
    const own = unconfirmedSuggestions(l.grid, l.analysis);
    const ids = new Map(own.map((u) => [u.itemId, u]));
    for (const id of consolidatedIds(c, file, [...ids.keys()])) {
      const u = ids.get(c.origins[id].itemId)!;
      out.push({ file, itemId: id, cell: `${u.sheet}!${u.address}` });
    }
  }
  return out;
}

/** The summary's 集計元 line: every file when there are a few, else the first and a count (the 内訳 lists them all). */
function sourcesLine(files: string[], lang: Lang): string[] {
  const names = files.map((f) => path.basename(f));
  if (names.length <= 5) return names;
  return [lang === 'ja' ? `${names[0]} ほか ${names.length - 1} ファイル（ファイルごとの取組は内訳シート）` : `${names[0]} and ${names.length - 1} more files (items by file: breakdown sheet)`];
}

interface Written {
  file: string;
  sheets: string[];
  leftAlone: string[];
  notes: FileHost['notes'];
}

/**
 * The owned sheets of a plan, written to -o: into a copy of the one workbook summarised (the
 * sheets' links then open the cells they name), or into a new workbook for several files, made by
 * the same package writer. A staff sheet of a wanted name is left alone and another name used.
 */
async function writeSheets(
  single: Loaded | undefined,
  opts: { files: string[]; force: boolean; out: string },
  plan: (grid: Loaded['grid'], store: Loaded['analysis']['store']) => { plan: WritePlan; displaced: string[] },
): Promise<Written> {
  const host = single ? single.host : FileHost.blank(path.basename(opts.out));
  const grid = single ? single.grid : await host.read();
  const p = plan(grid, single ? single.analysis.store : readStore(grid));
  const r = await host.apply(p.plan);
  await saveOutput(host, opts.out, opts);
  return { file: opts.out, sheets: r.sheetsCreated, leftAlone: [...new Set([...p.displaced, ...r.sheetsLeftAlone])], notes: host.notes };
}

function printWritten(w: Written, args: Args, io: Io): void {
  const { lang } = args;
  io.out('');
  if (w.leftAlone.length) io.out(prose(say(lang, 'consolidationLeftAlone', { sheets: sheetList(w.leftAlone) }), args.wide));
  for (const n of w.notes) io.out(prose(n[lang], args.wide));
  io.out(say(lang, 'consolidationWritten', { file: w.file, sheets: { ja: w.sheets.join('、'), en: w.sheets.join(', ') } }));
}
