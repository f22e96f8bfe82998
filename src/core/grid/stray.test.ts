import type { CellValue, SheetGrid } from './types';
import { withoutStrayCells } from './stray';
import { analyse } from '../engine/analyse';
import { syntheticWorkbook } from '../../../bench/synthetic';

/** A sheet with a filled table of `rows` × `cols` at A1 and the given extra cells (0-based). */
function sheet(rows: number, cols: number, extra: [number, number][] = []): SheetGrid {
  const values: CellValue[][] = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => `${r}:${c}`));
  for (const [r, c] of extra) (values[r] ??= [])[c] = 'x';
  return { name: 'S', values, merges: [] };
}

describe('withoutStrayCells', () => {
  it.each([
    ['a cell at XFD1048576', sheet(30, 8, [[1048575, 16383]]), ['XFD1048576'], 30, 8],
    ['a cell at XFD1 (far right only)', sheet(30, 8, [[0, 16383]]), ['XFD1'], 30, 8],
    ['a cell at A1048576 (far down only)', sheet(30, 8, [[1048575, 0]]), ['A1048576'], 30, 8],
    ['two stray cells', sheet(30, 8, [[500000, 3], [1048575, 16383]]), ['D500001', 'XFD1048576'], 30, 8],
  ])('%s is left out, the table kept', (_, s, stray, rows, cols) => {
    const r = withoutStrayCells({ name: 'b', sheets: [s] });
    expect(r.stray.map((c) => c.address)).toEqual(stray);
    const out = r.wb.sheets[0];
    expect(out.values.length).toBe(rows);
    expect(Math.max(...out.values.map((row) => row?.length ?? 0))).toBe(cols);
    expect(out.values[rows - 1][cols - 1]).toBe(`${rows - 1}:${cols - 1}`);
  });

  it.each([
    ['a plain table', sheet(30, 8)],
    ['a second table after a gap of a few hundred rows', sheet(30, 8, [[700, 0], [700, 1], [701, 0]])],
    ['a column block 20 columns right', sheet(30, 8, [[0, 30], [1, 30]])],
    // Far, but more than a few cells: a real table is never cut away.
    ['a big block far down', sheet(30, 8, Array.from({ length: 40 }, (_, i): [number, number] => [1000000 + i, 0]))],
  ])('%s is unchanged (the same object)', (_, s) => {
    const wb = { name: 'b', sheets: [s] };
    const r = withoutStrayCells(wb);
    expect(r.stray).toEqual([]);
    expect(r.wb).toBe(wb);
  });

  it('clips merges to what is kept and drops merges beyond it', () => {
    const s = sheet(30, 8, [[1048575, 16383]]);
    s.merges = [
      { top: 0, left: 0, bottom: 0, right: 16383 },
      { top: 1048574, left: 16382, bottom: 1048575, right: 16383 },
    ];
    expect(withoutStrayCells({ name: 'b', sheets: [s] }).wb.sheets[0].merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 7 }]);
  });

  it('analyse reads the same items with a stray cell at XFD1048576, and names the cell', () => {
    const wb = syntheticWorkbook(50);
    const plain = analyse(wb);
    const values = [...wb.sheets[0].values];
    values[1048575] = Object.assign([], { 16383: 'stray' });
    const withStray = analyse({ ...wb, sheets: [{ ...wb.sheets[0], values }] });
    expect(withStray.plan.items.map((i) => i.id)).toEqual(plain.plan.items.map((i) => i.id));
    expect(withStray.plan.items.length).toBe(50);
    expect(withStray.strayCells).toEqual([{ sheet: '進捗管理表', address: 'XFD1048576' }]);
    expect(plain.strayCells).toEqual([]);
  });
});
