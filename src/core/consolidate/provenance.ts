import { z } from 'zod';
import type { CellRef } from '../grid/types';
import type { Item, Plan } from '../model/plan';
import { reportYear } from '../rules/evaluate';
import type { Evaluation } from '../rules/evaluation';
import { amountInThousandYen, countedItems, groupsOf, groupsOn } from '../summary/summarise';
import { countOf, type Summary, type SummaryRow } from '../summary/types';
import { DEFAULT_SCALE } from '../values/scales';
import type { ParsedValue } from '../values/types';
import { isPositionalId } from './identity';
import type { Origin } from './types';

/**
 * Every figure of a summary, expanded to the items behind it and each item to its file, sheet and
 * cells. Built with the summary's own rules (countedItems, groupsOf, reportYear), and checked
 * against the summary (`checkSources`) so a figure and its sources can never disagree silently.
 */

export const CellPointerSchema = z.object({ sheet: z.string(), cell: z.string() });

export const ItemSourceSchema = z.object({
  /** The summary group (policy key, or the class on another axis) and its name. */
  group: z.string(),
  groupName: z.string(),
  /**
   * Every group the item is counted in: one, except on the department axis, where an item several
   * departments share is in each of their rows (and once in the total). `group` is the first.
   */
  groups: z.array(z.string()),
  policyKey: z.string(),
  policyName: z.string(),
  itemId: z.string(),
  /** The id is the reader's sheet+row, not a number of the city's (identity.ts). */
  positional: z.boolean(),
  name: z.string(),
  department: z.string(),
  /** The rating column the item is counted in ('unrated' when none). */
  rating: z.string(),
  /** The rating was a suggestion (only when suggestions were asked for). */
  suggested: z.boolean(),
  effectPlanned: z.number().nullable(),
  effectActual: z.number().nullable(),
  file: z.string(),
  sheet: z.string(),
  /** Cell of the item (its name, else its number, else the first cell read). */
  cell: z.string(),
  cells: z.object({
    rating: CellPointerSchema.nullable(),
    effectPlanned: CellPointerSchema.nullable(),
    effectActual: CellPointerSchema.nullable(),
  }),
});
export type ItemSource = z.infer<typeof ItemSourceSchema>;

export interface SourcesOptions {
  axis?: string;
  includeSuggested?: boolean;
  evaluations?: Evaluation[];
  /** Consolidated plans: where each item came from. Absent for one workbook. */
  origins?: Record<string, Origin>;
  /** File name for items without an origin (a single workbook). */
  workbook: string;
}

/**
 * The rating column an item is counted in. The one place that says how an item's rating maps onto
 * the summary's columns, so a change of rating scale touches only this function.
 */
export function ratingColumn(
  item: Item,
  suggested: string | undefined,
  includeSuggested: boolean,
  onScale: ReadonlySet<string>,
): { column: string; suggested: boolean } {
  // As summarise counts: 評価対象外 apart, a symbol off the scale as unrated, a suggestion only where nothing is typed.
  if (item.rating?.notRated) return { column: 'notRated', suggested: false };
  const entered = item.rating?.symbol;
  if (entered !== undefined) return { column: onScale.has(entered) ? entered : 'unrated', suggested: false };
  if (includeSuggested && suggested && onScale.has(suggested)) return { column: suggested, suggested: true };
  return { column: 'unrated', suggested: false };
}

/** The summary's rating columns in display order (best first), taken from the summary itself. */
export function ratingColumns(summary: Summary): string[] {
  return summary.scale.symbols.map((s) => s.symbol);
}

/** The count of a column of a summary row: a symbol of the scale, 'notRated' or 'unrated'. */
export function columnCount(summary: Pick<Summary, 'scale'>, row: SummaryRow, column: string): number {
  return column === 'unrated' ? row.unrated : column === 'notRated' ? row.notRated : countOf(summary, row, column);
}

const pointer = (c: CellRef | undefined) => (c ? { sheet: c.sheet, cell: c.address } : null);

export function itemCell(item: Item): CellRef | undefined {
  return item.cells.name ?? item.cells.id ?? Object.values(item.cells)[0];
}

/** An amount in 千円, as the summary sums it (converted from the sheet's unit). */
const amount = (v: ParsedValue | undefined, unit: string | undefined) => (v?.kind === 'number' ? amountInThousandYen(v, unit) : null);

export function itemSources(plan: Plan, opts: SourcesOptions): ItemSource[] {
  const axis = opts.axis ?? 'policy';
  const suggested = new Map((opts.evaluations ?? []).map((e) => [e.itemId, e.suggested]));
  const onScale = new Set((plan.scale ?? DEFAULT_SCALE).symbols.map((s) => s.symbol));
  const names = new Map(groupsOn(plan, axis, countedItems(plan)).map((g) => [g.key, g.name]));
  return countedItems(plan).map((item) => {
    const fy = reportYear(item, plan);
    const year = item.effects?.byYear.find((y) => y.fy === fy);
    const origin = opts.origins?.[item.id];
    const rating = ratingColumn(item, suggested.get(item.id), opts.includeSuggested ?? false, onScale);
    const cell = itemCell(item);
    const groups = groupsOf(item, axis);
    const group = groups[0];
    return {
      group,
      groupName: names.get(group) ?? group,
      groups,
      policyKey: item.policyKey,
      policyName: item.policyName,
      itemId: item.id,
      positional: isPositionalId(item),
      name: item.name,
      department: item.departments.join('、'),
      rating: rating.column,
      suggested: rating.suggested,
      effectPlanned: amount(year?.planned, item.effects?.unit),
      effectActual: amount(year?.actual, item.effects?.unit),
      file: origin?.file ?? opts.workbook,
      sheet: cell?.sheet ?? item.source.sheet,
      cell: cell?.address ?? '',
      cells: {
        rating: pointer(item.ratingCell ?? item.cells.rating),
        effectPlanned: pointer(year?.planned?.cell ?? (fy !== undefined ? item.cells[`effectPlanned:${fy}`] : undefined)),
        effectActual: pointer(year?.actual?.cell ?? (fy !== undefined ? item.cells[`effectActual:${fy}`] : undefined)),
      },
    };
  });
}

/** The sources of one summary row: the items of its group, or all of them for the total. */
export function sourcesOf(row: SummaryRow, sources: readonly ItemSource[]): ItemSource[] {
  return row.key === 'total' ? [...sources] : sources.filter((s) => s.groups.includes(row.key));
}

/**
 * Where a summary figure and its sources disagree: every count, total and amount of every row is
 * recomputed from the sources. An empty list is the guarantee the JSON, the 内訳 sheet and the pane
 * rely on.
 */
export function checkSources(summary: Summary, sources: readonly ItemSource[]): string[] {
  const problems: string[] = [];
  const columns = [...ratingColumns(summary), 'notRated', 'unrated'];
  for (const row of [...summary.groups, summary.total]) {
    const own = sourcesOf(row, sources);
    for (const c of columns) {
      const n = own.filter((s) => s.rating === c).length;
      const want = columnCount(summary, row, c);
      if (n !== want) problems.push(`${row.key} ${c}: ${want} ≠ ${n}`);
    }
    if (own.length !== row.total) problems.push(`${row.key} total: ${row.total} ≠ ${own.length}`);
    const sum = (k: 'effectPlanned' | 'effectActual') => Number(own.reduce((t, s) => t + (s[k] ?? 0), 0).toFixed(6));
    if (sum('effectPlanned') !== row.effectPlanned) problems.push(`${row.key} planned: ${row.effectPlanned} ≠ ${sum('effectPlanned')}`);
    if (sum('effectActual') !== row.effectActual) problems.push(`${row.key} actual: ${row.effectActual} ≠ ${sum('effectActual')}`);
  }
  return problems;
}

/**
 * Groups whose effect totals are not finite (amounts like 1e308 add up to Infinity): such a summary
 * cannot be printed, written or traced, and the engine reports the amount at its cell (SUM001).
 */
export function nonFiniteGroups(summary: Summary): string[] {
  return [...summary.groups, summary.total]
    .filter((r) => ![r.effectPlanned, r.effectActual, r.effectRatio ?? 0].every(Number.isFinite))
    .map((r) => (r.key === 'total' ? r.key : r.name));
}
