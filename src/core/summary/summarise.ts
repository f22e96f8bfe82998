import type { Item, Plan } from '../model/plan';
import { reportYear } from '../rules/evaluate';
import type { Evaluation } from '../rules/evaluation';
import { roundPercent } from '../rules/ratio';
import { convertUnit } from '../values/units';
import { DEFAULT_SCALE, type Scale } from '../values/scales';
import { DEPARTMENT_AXIS } from './axes';
import type { Summary, SummaryRow } from './types';

export interface SummariseOptions {
  /** Group by policy (default) or by a classification axis in item.classes. */
  axis?: 'policy' | string;
  /** Count suggested ratings for items with none entered (default false: published counts use entered ratings). */
  includeSuggested?: boolean;
  evaluations?: Evaluation[];
}

/** Shown for items whose class on the chosen axis is not given. */
export const UNCLASSIFIED = { key: '', name: '未分類' };

/** Items that count: the blank template never, a 【再掲】 repeat only where it was first listed. */
export function countedItems(plan: Plan): Item[] {
  return plan.items.filter((i) => i.flags.length === 0 || (!i.flags.includes('template') && !i.flags.includes('repost')));
}

/**
 * The groups an item falls in on an axis ('policy', 'department' or a key of item.classes). Only the
 * department axis gives several: an item shared by two departments counts in both their rows.
 */
export function groupsOf(item: Item, axis: string): string[] {
  if (axis === 'policy') return [item.policyKey];
  if (axis === DEPARTMENT_AXIS) return item.departments.length ? [...new Set(item.departments)] : [UNCLASSIFIED.key];
  return [item.classes?.[axis] ?? UNCLASSIFIED.key];
}

/** The (first) group an item falls in on an axis. */
export function groupOf(item: Item, axis: string): string {
  return groupsOf(item, axis)[0];
}

/** Groups in display order: the plan's policy order, else first appearance; names from the plan where it gives them. */
export function groupsOn(plan: Plan, axis: string, items: Item[]): { key: string; name: string }[] {
  const out = new Map<string, string>();
  if (axis === 'policy') for (const p of [...plan.policies].sort((a, b) => a.order - b.order)) out.set(p.key, p.name);
  const names = plan.classNames?.[axis] ?? {};
  for (const it of items) {
    for (const key of groupsOf(it, axis)) {
      if (!out.has(key)) out.set(key, axis === 'policy' ? it.policyName : key === '' ? UNCLASSIFIED.name : (names[key] ?? key));
    }
  }
  return [...out.entries()].map(([key, name]) => ({ key, name }));
}

interface Tally {
  counts: number[];
  notRated: number;
  unrated: number;
  planned: number;
  actual: number;
}

const emptyTally = (n: number): Tally => ({ counts: new Array<number>(n).fill(0), notRated: 0, unrated: 0, planned: 0, actual: 0 });

function toRow(key: string, name: string, t: Tally): SummaryRow {
  const rated = t.counts.reduce((a, b) => a + b, 0);
  // Sums of typed decimals drift (0.1 + 0.2); amounts are shown to at most 3 decimals.
  const planned = Number(t.planned.toFixed(6));
  const actual = Number(t.actual.toFixed(6));
  return {
    key,
    name,
    counts: [...t.counts],
    notRated: t.notRated,
    unrated: t.unrated,
    total: rated + t.notRated + t.unrated,
    shares: t.counts.map((n) => (rated ? roundPercent(n / rated) : null)),
    effectPlanned: planned,
    effectActual: actual,
    effectRatio: planned !== 0 ? roundPercent(actual / planned) : null,
  };
}

/** An amount in 千円: typed in the sheet's unit (円, 百万円 …), converted; a unit that is not money is taken as typed. */
export function inThousandYen(value: number, unit: string | undefined): number {
  if (!unit || unit === '千円') return value;
  return convertUnit(value, unit, '千円') ?? value;
}

const MONEY = new Set(['円', '千円', '万円', '百万円', '億円']);

/** An amount cell in 千円: a unit typed in the cell (0.5百万円, 1,200千円) wins over the column's. */
export function amountInThousandYen(v: { value: number; unit?: string }, columnUnit: string | undefined): number {
  return inThousandYen(v.value, v.unit !== undefined && MONEY.has(v.unit) ? v.unit : columnUnit);
}

/**
 * The summary the planning section publishes (DOMAIN §6): rating counts and effect amounts for the
 * report year by 基本方針 (or another axis), with a totals row that is the sum of the groups (on the
 * department axis an item shared by several departments is in each of their rows, once in the total).
 */
export function summarise(plan: Plan, opts: SummariseOptions = {}): Summary {
  const axis = opts.axis ?? 'policy';
  const scale: Scale = plan.scale ?? DEFAULT_SCALE;
  const index = new Map(scale.symbols.map((s, i) => [s.symbol, i]));
  const items = countedItems(plan);
  const suggested = opts.includeSuggested ? new Map((opts.evaluations ?? []).map((e) => [e.itemId, e.suggested])) : new Map<string, string | undefined>();
  const groups = groupsOn(plan, axis, items);
  const n = scale.symbols.length;
  const tallies = new Map(groups.map((g) => [g.key, emptyTally(n)]));
  const total = emptyTally(n);
  const suggestedUsed: string[] = [];
  const units = new Set<string>();

  for (const item of items) {
    let kind: 'notRated' | 'unrated' | number;
    if (item.rating?.notRated) kind = 'notRated';
    else {
      let symbol = item.rating?.symbol;
      if (symbol === undefined && opts.includeSuggested) {
        symbol = suggested.get(item.id);
        if (symbol !== undefined) suggestedUsed.push(item.id);
      }
      kind = (symbol === undefined ? undefined : index.get(symbol)) ?? 'unrated';
    }
    const fy = reportYear(item, plan);
    const year = item.effects?.byYear.find((y) => y.fy === fy);
    const unit = item.effects?.unit;
    if (unit && year && (year.planned?.kind === 'number' || year.actual?.kind === 'number')) units.add(unit);
    const planned = year?.planned?.kind === 'number' ? amountInThousandYen(year.planned, unit) : 0;
    const actual = year?.actual?.kind === 'number' ? amountInThousandYen(year.actual, unit) : 0;
    // The total counts each item once, also one that several departments share.
    const add = (t: Tally) => {
      if (kind === 'notRated') t.notRated++;
      else if (kind === 'unrated') t.unrated++;
      else t.counts[kind]++;
      t.planned += planned;
      t.actual += actual;
    };
    if (axis === 'policy') add(tallies.get(item.policyKey)!);
    else for (const g of groupsOf(item, axis)) add(tallies.get(g)!);
    add(total);
  }

  return {
    groupLabel: axis === 'policy' ? plan.policyLabel : axis === DEPARTMENT_AXIS ? '所管課' : axis,
    axis,
    ...(plan.reportFy !== undefined ? { reportFy: plan.reportFy } : {}),
    scale: { id: scale.id, label: scale.label, symbols: scale.symbols.map((s) => ({ symbol: s.symbol, label: s.label })) },
    effectUnits: [...units],
    groups: groups.map((g) => toRow(g.key, g.name, tallies.get(g.key)!)),
    total: toRow('total', '合計', total),
    suggestedUsed,
  };
}
