import type { WorkbookGrid } from '../../core/grid/types';
import { formulaCells, MAX_FORMULA_CELLS, patchGrid } from './patch';

const grid = (): WorkbookGrid => ({
  name: 'b.xlsx',
  sheets: [
    { name: '一覧', values: [['番号', '名前', '評価', '実績'], [1, '窓口', 'A', 10], [2, '施設', null, 20, null]].map((r) => r.slice(0, 4)), merges: [] },
    { name: '集計', values: [['合計', 30]], formulas: [[null, '=SUM(一覧!D2:D3)']], merges: [] },
  ],
});

const read = (name: string, address: string, formulas: unknown[][], values = formulas) => ({ sheet: name, name, address, formulas, values });

describe('patchGrid: the grid a full read would give, copy-on-write', () => {
  test('an edited cell: that row and sheet copied, everything else shared, the change listed', () => {
    const g = grid();
    const p = patchGrid(g, [read('一覧', 'C3', [['B']])])!;
    expect(p.changed).toEqual([{ sheet: '一覧', row: 2, col: 2 }]);
    expect(p.grid.sheets[0].values[2]).toEqual([2, '施設', 'B', 20]);
    expect(p.grid.sheets[0].values[1]).toBe(g.sheets[0].values[1]);
    expect(p.grid.sheets[1]).toBe(g.sheets[1]);
    expect(g.sheets[0].values[2][2]).toBeNull();
  });

  test.each([
    ['the same value again', [['A']], [['A']], []],
    ['an empty string is an empty cell', [['']], [['']], [{ sheet: '一覧', row: 1, col: 2 }]],
    ['a text that starts with = is a value', [['=A']], [['=A']], [{ sheet: '一覧', row: 1, col: 2 }]],
  ])('%s', (_what, formulas, values, changed) => {
    const p = patchGrid(grid(), [read('一覧', 'C2', formulas, values)])!;
    expect(p.changed).toEqual(changed);
  });

  test('nothing changed: the very grid', () => {
    const g = grid();
    expect(patchGrid(g, [read('一覧', 'A1:B1', [['番号', '名前']])])!.grid).toBe(g);
  });

  test('a cleared last cell of a row: the row ends at its last filled cell', () => {
    const p = patchGrid(grid(), [read('一覧', 'D3', [['']])])!;
    expect(p.grid.sheets[0].values[2]).toEqual([2, '施設']);
  });

  test('a recalculated formula: its value follows, the formula stays', () => {
    const p = patchGrid(grid(), [read('集計', 'B1', [['=SUM(一覧!D2:D3)']], [[35]])])!;
    expect(p.grid.sheets[1].values[0]).toEqual(['合計', 35]);
    expect(p.grid.sheets[1].formulas![0]).toEqual([null, '=SUM(一覧!D2:D3)']);
    expect(p.changed).toEqual([{ sheet: '集計', row: 0, col: 1 }]);
  });

  test.each([
    ['a formula typed over a value', '一覧', 'D2', [['=1+1']], [[2]]],
    ['a formula replaced by a value', '集計', 'B1', [[30]], [[30]]],
    ['a sheet the grid does not have', 'メモ', 'A1', [['x']], [['x']]],
    ['a row below the grid', '一覧', 'A9', [['x']], [['x']]],
    ['the last row emptied', '一覧', 'A3:D3', [['', '', '', '']], [['', '', '', '']]],
  ])('%s: only a full read can say', (_what, sheet, address, formulas, values) => {
    expect(patchGrid(grid(), [read(sheet, address, formulas, values)])).toBeUndefined();
  });
});

describe('formulaCells: every formula cell, as runs along a row', () => {
  test('runs, on every sheet', () => {
    const g = grid();
    g.sheets[0].formulas = [[], [null, null, null, '=B2'], [null, '=A1', '=A2', '=A3']];
    expect(formulaCells(g)).toEqual([
      { sheet: '一覧', address: 'D2' },
      { sheet: '一覧', address: 'B3:D3' },
      { sheet: '集計', address: 'B1' },
    ]);
  });

  test('too many to re-read: null', () => {
    const g = grid();
    g.sheets[1].formulas = [Array.from({ length: MAX_FORMULA_CELLS + 1 }, () => '=1')];
    expect(formulaCells(g)).toBeNull();
  });
});
