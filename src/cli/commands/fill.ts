import { planFill, type FillPreview } from '../../core/plan/fill';
import { printJson } from '../json-out';
import type { ApplyResult } from '../../core/plan/write-plan';
import { verdictOf } from '../../core/validation/verdict';
import type { Args } from '../args';
import type { Io } from '../io';
import { checkOutputPath, loadAndAnalyse, saveOutput } from '../load';
import { listOf, msg, say, sheetList, type Lang, type Localized } from '../messages';
import { fyOption } from './validate';

/**
 * Writes a copy with suggested ratings in blank rating cells, ratios in the owned 達成率 column and
 * blank 〔小計〕 sums. When there is nothing to write, no file is made and the reason is said (a plan
 * without rating columns needs `columns` first).
 */
export async function fillCommand(args: Args, io: Io): Promise<number> {
  const file = args.files[0];
  const out = args.out!;
  const { lang } = args;
  checkOutputPath(out, args);
  const loaded = await loadAndAnalyse(file, args);
  const { plan, preview } = planFill(loaded.grid, loaded.analysis, { lang });
  const items = new Map(loaded.analysis.plan.items.map((i) => [i.id, i]));
  const verdict = verdictOf(loaded.analysis.plan, loaded.analysis.findings);
  const cells = plan.writes.length;

  let written = 0;
  let conflicts: { sheet: string; address: string }[] = [];
  let notes: ApplyResult['cellNotes'];
  // A staff formula is never a target (the planner skips it; the writer refuses it too).
  const formulaCells: { sheet: string; address: string; formula?: string; itemId?: string }[] = [...preview.formulaCells];
  if (cells > 0) {
    const r = await loaded.host.apply(plan);
    await saveOutput(loaded.host, out, args);
    written = r.written;
    conflicts = r.conflicts;
    notes = r.cellNotes;
    formulaCells.push(...r.formulaCells.filter((f) => !formulaCells.some((p) => p.sheet === f.sheet && p.address === f.address)));
  }

  if (args.json) {
    printJson(io, {
      file,
      out: cells > 0 ? out : null,
      ratings: preview.ratings,
      ratios: preview.ratios,
      subtotals: preview.subtotals,
      headers: preview.headers,
      written,
      conflicts,
      formulaCells,
      notes: notes ?? { added: 0, updated: 0, notWritten: [] },
      suggestions: preview.suggestions.map((s) => ({ ...s, reason: s.reason[lang] })),
      disagreements: preview.disagreements.map((d) => ({
        itemId: d.itemId,
        entered: d.entered,
        suggested: d.suggested,
        cell: d.ratingCell ? `${d.ratingCell.sheet}!${d.ratingCell.address}` : null,
        reason: d.reason[lang],
      })),
      planSheets: verdict.planSheets,
    });
    return 0;
  }

  if (cells === 0) {
    io.out(say(lang, 'fillNothing'));
    if (verdict.planItems > 0) io.out(say(lang, 'fillNothingPlan', { sheets: sheetList(verdict.planSheets), file, fy: fyOption(verdict) }));
  } else {
    io.out(say(lang, 'fillDone', { parts: fillParts(preview), cells: written }));
    if (conflicts.length) io.out(say(lang, 'fillConflicts', { n: conflicts.length }));
  }
  if (formulaCells.length) io.out(say(lang, 'fillFormulaCells', { n: formulaCells.length, cells: formulaCells.map((f) => `${f.sheet}!${f.address}`).join(', ') }));
  for (const line of suggestionLines(preview, lang, notes)) io.out(line);
  if (preview.disagreements.length) {
    io.out(say(lang, 'fillDisagreeTitle', { n: preview.disagreements.length }));
    for (const d of preview.disagreements) {
      const cell = d.ratingCell ? `${d.ratingCell.sheet}!${d.ratingCell.address}` : '';
      io.out(say(lang, 'fillDisagreeRow', { id: d.itemId, name: items.get(d.itemId)?.name ?? '', cell, entered: d.entered ?? '', suggested: d.suggested ?? '', reason: d.reason[lang] }));
    }
  }
  if (cells > 0) io.out(say(lang, 'outputWritten', { file: out }));
  for (const n of loaded.host.notes) io.out(n[lang]);
  return 0;
}

/** What a fill wrote, naming only the kinds it wrote. */
export function fillParts(p: FillPreview): Localized {
  const parts: Localized[] = [];
  if (p.ratings) parts.push(msg('fillPartRatings', { n: p.ratings }));
  if (p.ratios) parts.push(msg('fillPartRatios', { n: p.ratios }));
  if (p.subtotals) parts.push(msg('fillPartSubtotals', { n: p.subtotals }));
  if (parts.length === 0 && p.headers) parts.push(msg('fillPartHeaders'));
  return listOf(parts);
}

/**
 * The suggested ratings written, for the department to confirm, and how many cells got the note
 * saying so: only what the host reports it wrote (a cell with a staff note keeps that note).
 */
export function suggestionLines(preview: FillPreview, lang: Lang, notes?: ApplyResult['cellNotes']): string[] {
  if (preview.suggestions.length === 0) return [];
  return [
    say(lang, 'fillSuggestedTitle', { n: preview.suggestions.length }),
    ...preview.suggestions.map((s) => say(lang, 'fillSuggestedRow', { id: s.itemId, name: s.itemName, cell: `${s.sheet}!${s.address}`, rating: s.rating, reason: s.reason[lang] })),
    ...(notes?.added ? [say(lang, 'fillNotesAdded', { n: notes.added })] : []),
    ...(notes?.updated ? [say(lang, 'fillNotesUpdated', { n: notes.updated })] : []),
  ];
}
