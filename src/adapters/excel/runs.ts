import { columnName, fromA1 } from '../../core/grid/a1';
import type { CellWrite } from '../../core/plan/write-plan';

/**
 * Cell writes grouped into vertical runs (same sheet and column, consecutive rows, same styling),
 * so a plan of 10,000 cells becomes a handful of range writes rather than 10,000 proxies.
 */
export interface Run {
  sheet: string;
  col: number;
  top: number;
  writes: CellWrite[];
}

const signature = (w: CellWrite) => JSON.stringify([w.style ?? null, w.validationList ?? null]);

export function toRuns(writes: CellWrite[]): Run[] {
  const located = writes.map((w) => ({ w, ...fromA1(w.address) }));
  located.sort((a, b) => (a.w.sheet < b.w.sheet ? -1 : a.w.sheet > b.w.sheet ? 1 : a.col - b.col || a.row - b.row));
  const runs: Run[] = [];
  let cur: Run | null = null;
  for (const { w, row, col } of located) {
    if (
      cur &&
      cur.sheet === w.sheet &&
      cur.col === col &&
      cur.top + cur.writes.length === row &&
      signature(cur.writes[0]) === signature(w)
    ) {
      cur.writes.push(w);
      continue;
    }
    // A second write to the same cell replaces the first (the later one in the plan wins).
    if (cur && cur.sheet === w.sheet && cur.col === col && cur.top + cur.writes.length - 1 === row) {
      cur.writes[cur.writes.length - 1] = w;
      continue;
    }
    cur = { sheet: w.sheet, col, top: row, writes: [w] };
    runs.push(cur);
  }
  return runs;
}

export function runAddress(r: Run): string {
  const c = columnName(r.col);
  return r.writes.length === 1 ? `${c}${r.top + 1}` : `${c}${r.top + 1}:${c}${r.top + r.writes.length}`;
}
