import { SheetView } from './sheet-view';
import type { Range, SheetGrid } from './types';

/**
 * Where columns added beside a table go: right of every text and merge on its rows, and never onto a
 * column staff reserved with an input rule (a 確認 list kept ready in a blank column).
 */
const values = [
  ['番号', '名前', '評価', null],
  [1, '窓口', 'A', null],
  [2, '施設', null, null],
  [null, null, null, null],
  [null, null, null, null],
];
const rows = [0, 1, 2];
const view = (ruled?: Range[], merges: Range[] = []) => new SheetView({ name: 'S', values, merges, ...(ruled ? { ruled } : {}) } as SheetGrid);
const col = (c: number, top = 1, bottom = 2): Range => ({ top, left: c, bottom, right: c });

describe('firstFreeColumn', () => {
  it.each<[string, Range[] | undefined, number, number]>([
    ['no rules: right of the last text', undefined, 1, 3],
    ['a rule on the free column moves past it', [col(3)], 1, 4],
    ['rules side by side are all passed', [col(4), col(3)], 1, 5],
    ['a rule two columns on is outside one added column', [col(4)], 1, 3],
    ['… but inside a block of three added columns', [col(5)], 3, 6],
    ['a rule on other rows reserves nothing here', [col(3, 3, 4)], 1, 3],
    ['a rule inside the table changes nothing', [col(2)], 1, 3],
    ['a rule on whole rows (to XFD) reserves no column', [{ top: 0, left: 0, bottom: 4, right: 16383 }], 1, 3],
    ['a rule over several columns is passed whole', [{ top: 0, left: 3, bottom: 9, right: 6 }], 1, 7],
  ])('%s', (_name, ruled, width, expected) => {
    expect(view(ruled).firstFreeColumn(rows, width)).toBe(expected);
  });

  it('a merge reaching past the text counts before rules do', () => {
    expect(view([col(5)], [{ top: 0, left: 2, bottom: 0, right: 4 }]).firstFreeColumn(rows)).toBe(6);
  });
});
