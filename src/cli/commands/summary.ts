import * as path from 'node:path';
import { mergePlans } from '../../core/engine/merge-plans';
import type { Plan } from '../../core/model/plan';
import { unconfirmedSuggestions } from '../../core/plan/fill';
import { DEFAULT_SUMMARY_SHEET, planCrossTabSheet, planSummarySheet } from '../../core/plan/summary-sheet';
import { planOwnedSheet, type OwnedSheetTarget } from '../../core/settings/ownership';
import type { WritePlan } from '../../core/plan/write-plan';
import { availableAxes, resolveAxis, DEPARTMENT_AXIS, type Axis } from '../../core/summary/axes';
import { crossTab } from '../../core/summary/crosstab';
import { countedItems, groupsOf, summarise } from '../../core/summary/summarise';
import { UsageError, withSuggestion, type Args } from '../args';
import { InputError } from '../errors';
import type { Io } from '../io';
import { crossTabJson, summaryJson, type SummaryExtras } from '../json';
import { checkOutputPath, loadAndAnalyse, saveOutput, type Loaded } from '../load';
import { msg, say } from '../messages';
import { axisLabel, crossTabText, itemCounts, summaryText, type SummaryNotes } from '../render';
import { closest } from '../suggest';

export async function summaryCommand(args: Args, io: Io): Promise<number> {
  if (args.out) checkOutputPath(args.out, args);
  const loaded: Loaded[] = [];
  const skipped: InputError[] = [];
  for (const f of args.files) {
    try {
      loaded.push(await loadAndAnalyse(f, args));
    } catch (e) {
      // An Excel owner file (~$…) exists while a colleague has a book open: skipped and listed, not fatal.
      if (e instanceof InputError && e.kind === 'owner-file' && args.files.length > 1) skipped.push(e);
      else throw e;
    }
  }
  for (const s of skipped) io.err(say(args.lang, 'summarySkipped', { file: s.file, reason: s.reason }));
  if (loaded.length === 0) throw skipped[0];
  const plan = mergePlans(loaded.map((l) => ({ source: path.basename(l.file), plan: l.analysis.plan })));
  const evaluations = loaded.flatMap((l) => l.analysis.evaluations);
  const files = loaded.map((l) => l.file);
  const axes = (args.by ?? []).map((name) => axisOrFail(plan, name));
  const { lang } = args;
  const counts = itemCounts(plan);
  const shared = axes.some((a) => a.id === DEPARTMENT_AXIS) ? countedItems(plan).filter((i) => groupsOf(i, DEPARTMENT_AXIS).length > 1).length : 0;
  const unconfirmed = loaded.flatMap((l) => unconfirmedSuggestions(l.grid, l.analysis).map((u) => ({ file: l.file, itemId: u.itemId, cell: `${u.sheet}!${u.address}` })));
  const notes: SummaryNotes = {
    reposts: { n: counts.reposts, rows: counts.rows, counted: counts.counted },
    sharedItems: shared,
    unconfirmed: unconfirmed.map((u) => u.itemId),
  };
  const extras: SummaryExtras = { items: counts, sharedItems: shared, out: args.out ?? null, unconfirmed };
  const sources = files.map((f) => path.basename(f));
  const createdAt = new Date().toISOString().slice(0, 16).replace('T', ' ');

  if (axes.length === 2) {
    const t = crossTab(plan, axes[0].id, axes[1].id);
    const labels = { a: axisLabel(axes[0].id, axes[0].label, lang), b: axisLabel(axes[1].id, axes[1].label, lang) };
    const sheet = args.out
      ? await writeSheet(loaded[0], args, 'crosstab', args.sheetName ?? `${labels.a}×${labels.b}`, (target) => planCrossTabSheet(t, { lang, labels, sources, createdAt, target }), io)
      : undefined;
    if (args.json) io.out(JSON.stringify(crossTabJson(t, files, extras), null, 2));
    else {
      io.out(crossTabText(t, labels, lang, { wide: args.wide, notes }));
      if (sheet) io.out(sheet);
    }
    return 0;
  }

  const summary = summarise(plan, { evaluations, includeSuggested: args.includeSuggested, ...(axes[0] ? { axis: axes[0].id } : {}) });
  const label = axisLabel(summary.axis, summary.groupLabel, lang);
  const sheet = args.out
    ? await writeSheet(loaded[0], args, 'summary', args.sheetName ?? DEFAULT_SUMMARY_SHEET, (target) => planSummarySheet({ ...summary, groupLabel: label }, { lang, sources, createdAt, target, unconfirmed: notes.unconfirmed }), io)
    : undefined;
  if (args.json) io.out(JSON.stringify(summaryJson(summary, files, plan.layouts, extras), null, 2));
  else {
    io.out(summaryText(summary, lang, { wide: args.wide, notes }));
    if (sheet) io.out(sheet);
  }
  return 0;
}

/** The axis a --by name means, or a usage error listing the ones this workbook has. */
function axisOrFail(plan: Plan, name: string): Axis {
  const axis = resolveAxis(plan, name);
  if (axis) return axis;
  const available = availableAxes(plan);
  const labels = available.map((a) => a.label);
  throw new UsageError(
    withSuggestion(
      msg('usageUnknownAxis', { axis: name, list: labels.join('、') }),
      closest(
        name,
        available.flatMap((a) => a.names),
      ),
    ),
    'summary',
  );
}

/**
 * Adds an owned sheet to a copy of the first workbook and saves it to -o; returns the line to print.
 * Where the sheet goes is decided by identity (settings/ownership): a staff sheet of the wanted name
 * is left alone and another name is used, and the user is told.
 */
async function writeSheet(first: Loaded, args: Args, role: string, wanted: string, plan: (target: OwnedSheetTarget) => WritePlan, io: Io): Promise<string> {
  const target = planOwnedSheet(first.grid, first.analysis.store, role, wanted);
  const r = await first.host.apply(plan(target));
  await saveOutput(first.host, args.out!, args);
  const sheet = r.sheetsCreated.join('、') || target.name;
  const leftAlone = [...new Set([...(target.displaced ? [target.displaced] : []), ...r.sheetsLeftAlone])];
  if (leftAlone.length && !args.json) io.out(say(args.lang, 'summarySheetLeftAlone', { existing: { ja: leftAlone.join('」「'), en: leftAlone.join('", "') }, sheet }));
  for (const n of first.host.notes) io.out(n[args.lang]);
  return say(args.lang, 'summarySheetWritten', { sheet, file: args.out! });
}
