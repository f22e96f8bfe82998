import type { Plan } from '../model/plan';
import { countedItems, groupOf, groupsOn } from './summarise';

export interface CrossTab {
  axisA: string;
  axisB: string;
  rows: { key: string; name: string }[];
  cols: { key: string; name: string }[];
  /** counts[row][col]: items in both classes ({@link countedItems}: 【再掲】 once, template never). */
  counts: number[][];
  rowTotals: number[];
  colTotals: number[];
  total: number;
}

/**
 * Two-axis counts, e.g. Tsukubamirai's 推進手段 × 基本姿勢 grid; either axis may be 'policy'.
 * Items without a class on an axis land in 未分類 rather than disappearing from the total.
 */
export function crossTab(plan: Plan, axisA: string, axisB: string): CrossTab {
  const items = countedItems(plan);
  const rows = groupsOn(plan, axisA, items);
  const cols = groupsOn(plan, axisB, items);
  const ri = new Map(rows.map((r, i) => [r.key, i]));
  const ci = new Map(cols.map((c, i) => [c.key, i]));
  const counts = rows.map(() => cols.map(() => 0));
  for (const it of items) counts[ri.get(groupOf(it, axisA))!][ci.get(groupOf(it, axisB))!] += 1;
  const rowTotals = counts.map((r) => r.reduce((a, b) => a + b, 0));
  const colTotals = cols.map((_, j) => counts.reduce((a, r) => a + r[j], 0));
  return { axisA, axisB, rows, cols, counts, rowTotals, colTotals, total: items.length };
}
