import type { Item, Plan } from '../model/plan';
import { reportYear } from '../rules/evaluate';
import type { Evaluation } from '../rules/evaluation';
import { roundPercent } from '../rules/ratio';
import type { RatingLetter } from '../values/types';
import { DEPARTMENT_AXIS } from './axes';
import type { Counts, Summary, SummaryRow } from './types';

export interface SummariseOptions {
  /** Group by policy (default) or by a classification axis in item.classes. */
  axis?: 'policy' | string;
  /** Count suggested ratings for items with none entered (default false: published counts use entered ratings). */
  includeSuggested?: boolean;
  evaluations?: Evaluation[];
}

const LETTERS: RatingLetter[] = ['A', 'B', 'C', 'D'];
/** Shown for items whose class on the chosen axis is not given. */
export const UNCLASSIFIED = { key: '', name: '未分類' };

/** Items that count: the blank template never, a 【再掲】 repeat only where it was first listed. */
export function countedItems(plan: Plan): Item[] {
  return plan.items.filter((i) => !i.flags.includes('template') && !i.flags.includes('repost'));
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
  counts: Counts;
  planned: number;
  actual: number;
}

const emptyTally = (): Tally => ({ counts: { A: 0, B: 0, C: 0, D: 0, unrated: 0 }, planned: 0, actual: 0 });

function toRow(key: string, name: string, t: Tally): SummaryRow {
  const rated = LETTERS.reduce((n, l) => n + t.counts[l], 0);
  const total = rated + t.counts.unrated;
  const shares = Object.fromEntries(LETTERS.map((l) => [l, rated ? roundPercent(t.counts[l] / rated) : null])) as SummaryRow['shares'];
  // Sums of typed decimals drift (0.1 + 0.2); amounts are shown to at most 3 decimals.
  const planned = Number(t.planned.toFixed(6));
  const actual = Number(t.actual.toFixed(6));
  return {
    key,
    name,
    counts: { ...t.counts },
    total,
    shares,
    effectPlanned: planned,
    effectActual: actual,
    effectRatio: planned !== 0 ? roundPercent(actual / planned) : null,
  };
}

/**
 * The summary the planning section publishes (DOMAIN §6): rating counts and effect amounts for the
 * report year by 基本方針 (or another axis), with a totals row that is the sum of the groups (on the
 * department axis an item shared by several departments is in each of their rows, once in the total).
 */
export function summarise(plan: Plan, opts: SummariseOptions = {}): Summary {
  const axis = opts.axis ?? 'policy';
  const items = countedItems(plan);
  const suggested = new Map((opts.evaluations ?? []).map((e) => [e.itemId, e.suggested]));
  const groups = groupsOn(plan, axis, items);
  const tallies = new Map(groups.map((g) => [g.key, emptyTally()]));
  const total = emptyTally();
  const suggestedUsed: string[] = [];

  for (const item of items) {
    let letter = item.rating?.letter;
    if (!letter && opts.includeSuggested) {
      letter = suggested.get(item.id);
      if (letter) suggestedUsed.push(item.id);
    }
    const k = letter ?? 'unrated';
    const fy = reportYear(item, plan);
    const year = item.effects?.byYear.find((y) => y.fy === fy);
    const planned = year?.planned?.kind === 'number' ? year.planned.value : 0;
    const actual = year?.actual?.kind === 'number' ? year.actual.value : 0;
    // The total counts each item once, also one that several departments share.
    for (const t of [...groupsOf(item, axis).map((g) => tallies.get(g)!), total]) {
      t.counts[k] += 1;
      t.planned += planned;
      t.actual += actual;
    }
  }

  return {
    groupLabel: axis === 'policy' ? plan.policyLabel : axis === DEPARTMENT_AXIS ? '所管課' : axis,
    axis,
    ...(plan.reportFy !== undefined ? { reportFy: plan.reportFy } : {}),
    groups: groups.map((g) => toRow(g.key, g.name, tallies.get(g.key)!)),
    total: toRow('total', '合計', total),
    suggestedUsed,
  };
}
