import type { Plan } from '../core/model/plan';
import type { CrossTab } from '../core/summary/crosstab';
import type { Summary, SummaryRow } from '../core/summary/types';
import { DEPARTMENT_AXIS } from '../core/summary/axes';
import { say, type Lang } from './messages';
import { num, table, wrap, type Column } from './text';

/** Terminal width the tables fit unless --wide. */
export const WIDTH = 80;

/** A sentence for the terminal: wrapped to 80 columns (continuations indented) unless --wide. */
export function prose(text: string, wide = false): string {
  return wide ? text : wrap(text, WIDTH, '  ').join('\n');
}

/** Rows read, 【再掲】 repeats among them, items counted, and blank templates (never counted). */
export function itemCounts(plan: Plan): { rows: number; reposts: number; counted: number; templates: number } {
  const templates = plan.items.filter((i) => i.flags.includes('template')).length;
  const rows = plan.items.length - templates;
  const reposts = plan.items.filter((i) => i.flags.includes('repost') && !i.flags.includes('template')).length;
  return { rows, reposts, counted: rows - reposts, templates };
}

/**
 * The rating columns of a summary, in the scale's order. Read from the counts rather than fixed to
 * A–D, so a city's own scale (S/A/B/C, ◎○△ …) shows its own columns.
 */
export function ratingSymbols(s: Summary): string[] {
  return s.scale.symbols.map((x) => x.symbol);
}

export function groupTitle(g: { key: string; name: string }): string {
  return g.key && !g.name.startsWith(g.key) && g.name !== g.key ? `${g.key} ${g.name}` : g.name || g.key;
}

export function axisLabel(axis: string, label: string, lang: Lang): string {
  return axis === DEPARTMENT_AXIS ? say(lang, 'axisDepartment') : label;
}

export interface SummaryNotes {
  reposts?: { n: number; rows: number; counted: number };
  sharedItems?: number;
  /** Item ids whose rating is still the add-in's unconfirmed suggestion. */
  unconfirmed?: string[];
}

/** The summary by group as a terminal table (80 columns unless wide), with the notes that explain its counts. */
export function summaryText(s: Summary, lang: Lang, opts: { wide?: boolean; notes?: SummaryNotes } = {}): string {
  const wide = opts.wide ?? false;
  const symbols = ratingSymbols(s);
  // 評価対象外 (－) is counted apart, in a column of its own where some item has it.
  const notRated = s.total.notRated > 0;
  const total = { ...s.total, key: '', name: say(lang, 'summaryTotalRow') };
  const rows = [...s.groups, total].map((g: SummaryRow) => [
    groupTitle(g),
    ...g.counts.map(String),
    ...(notRated ? [String(g.notRated)] : []),
    String(g.unrated),
    String(g.total),
    num(g.effectPlanned),
    num(g.effectActual),
    g.effectRatio === null ? '-' : `${g.effectRatio.toFixed(1)}%`,
  ]);
  const columns: Column[] = [
    { head: axisLabel(s.axis, s.groupLabel, lang), shrink: true, min: 12 },
    ...symbols.map((l) => ({ head: l, right: true })),
    ...(notRated ? [{ head: say(lang, 'summaryNotRated'), right: true }] : []),
    { head: say(lang, 'summaryUnrated'), right: true },
    { head: say(lang, 'summaryTotalCol'), right: true },
    { head: say(lang, wide ? 'summaryPlanned' : 'summaryPlannedShort'), right: true },
    { head: say(lang, wide ? 'summaryActual' : 'summaryActualShort'), right: true },
    { head: say(lang, wide ? 'summaryRatio' : 'summaryRatioShort'), right: true },
  ];
  const t = table(columns, rows, wide ? Infinity : WIDTH);
  const notes = [say(lang, 'summaryUnit')];
  // Amounts typed in another unit (円, 百万円) are summed in 千円: the sheet's own unit is named.
  const typedIn = s.effectUnits.filter((u) => u !== '千円');
  if (typedIn.length) notes.push(say(lang, 'summaryTypedUnits', { units: typedIn.join(lang === 'ja' ? '、' : ', ') }));
  if (t.cut) notes.push(say(lang, 'summaryNarrowHint'));
  const n = opts.notes ?? {};
  if (n.reposts && n.reposts.n > 0) notes.push(say(lang, 'summaryReposts', n.reposts));
  if (n.sharedItems) notes.push(say(lang, 'summaryMultiDept', { n: n.sharedItems }));
  if (s.suggestedUsed.length) notes.push(say(lang, 'summarySuggestedUsed', { n: s.suggestedUsed.length }));
  if (n.unconfirmed?.length) notes.push(say(lang, 'summaryUnconfirmed', { n: n.unconfirmed.length, ids: { ja: n.unconfirmed.join('、'), en: n.unconfirmed.join(', ') } }));
  return [t.text, ...notes.map((l) => prose(l, wide))].join('\n');
}

/** Counts by two axes; the column axis shows its codes in the table and their names in a legend below. */
export function crossTabText(t: CrossTab, labels: { a: string; b: string }, lang: Lang, opts: { wide?: boolean; notes?: SummaryNotes } = {}): string {
  const totalName = say(lang, 'summaryTotalRow');
  const rows = t.rows.map((r, i) => [groupTitle(r), ...t.counts[i].map(String), String(t.rowTotals[i])]);
  rows.push([totalName, ...t.colTotals.map(String), String(t.total)]);
  const columns: Column[] = [
    { head: say(lang, 'crossCorner', { a: labels.a, b: labels.b }), shrink: true, min: 12 },
    ...t.cols.map((c) => ({ head: c.key || c.name, right: true })),
    { head: say(lang, 'summaryTotalCol'), right: true },
  ];
  const out = table(columns, rows, opts.wide ? Infinity : WIDTH);
  const lines = [out.text];
  if (out.cut) lines.push(say(lang, 'summaryNarrowHint'));
  const named = t.cols.filter((c) => c.key && c.name && c.name !== c.key);
  if (named.length) {
    lines.push(say(lang, 'crossLegendTitle', { axis: labels.b }));
    for (const c of named) lines.push(say(lang, 'crossLegendRow', { key: c.key, name: c.name }));
  }
  const n = opts.notes ?? {};
  if (n.reposts && n.reposts.n > 0) lines.push(prose(say(lang, 'summaryReposts', n.reposts), opts.wide));
  if (n.sharedItems) lines.push(prose(say(lang, 'summaryMultiDept', { n: n.sharedItems }), opts.wide));
  return lines.join('\n');
}
