import fc from 'fast-check';
import { SheetView } from './sheet-view';
import type { CellValue, SheetGrid } from './types';

/**
 * A view made from the view before an edit answers every cell as a fresh view of the edited sheet
 * would, merged cells included (a merge's value shows in all of its rows).
 */
const base: SheetGrid = {
  name: '一覧',
  values: [
    ['表題', null, null, null],
    ['番号', '名前', '評価', '実績'],
    [1, '窓口', 'A', 10],
    [null, null, 'B', 11],
    [3, '施設', null, 12],
  ],
  merges: [
    { top: 0, left: 0, bottom: 0, right: 3 },
    { top: 2, left: 0, bottom: 3, right: 0 },
    { top: 2, left: 1, bottom: 3, right: 1 },
  ],
};

test('the view after a few edits is the fresh view of the edited sheet', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat(4), fc.nat(3), fc.constantFrom<CellValue>('x', '', null, 7, ' 取組 ')), { minLength: 1, maxLength: 4 }), (edits) => {
      const before = new SheetView(base);
      // Ask everything first, so the caches are full.
      for (let r = 0; r < 5; r++) for (let c = 0; c < 4; c++) before.text(r, c);
      for (let r = 0; r < 5; r++) before.rowCells(r);
      const values = base.values.map((row) => row.slice());
      for (const [r, c, v] of edits) values[r][c] = v;
      const grid = { ...base, values };
      const after = new SheetView(grid, { view: before, cells: edits.map(([row, col]) => ({ row, col })) });
      const fresh = new SheetView(grid);
      for (let r = 0; r < 5; r++) {
        expect(after.rowCells(r)).toEqual(fresh.rowCells(r));
        for (let c = 0; c < 4; c++) expect(after.text(r, c)).toBe(fresh.text(r, c));
      }
    }),
    { numRuns: 200 },
  );
});
