import type { Item, Plan } from '../model/plan';
import { countedItems, groupsOf, groupsOn } from './summarise';

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
  // Totals count distinct items: one shared by two departments is in two cells but once per total.
  const rowItems = rows.map(() => new Set<Item>());
  const colItems = cols.map(() => new Set<Item>());
  for (const it of items) {
    for (const a of groupsOf(it, axisA)) {
      for (const b of groupsOf(it, axisB)) {
        counts[ri.get(a)!][ci.get(b)!] += 1;
        rowItems[ri.get(a)!].add(it);
        colItems[ci.get(b)!].add(it);
      }
    }
  }
  const rowTotals = rowItems.map((s) => s.size);
  const colTotals = colItems.map((s) => s.size);
  return { axisA, axisB, rows, cols, counts, rowTotals, colTotals, total: items.length };
}
