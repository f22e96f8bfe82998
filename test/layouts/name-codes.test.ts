import type { CellValue } from '../../src/core/grid/types';
import { analyse } from '../../src/core/engine/analyse';

/**
 * No number column, the code typed before each name (「1-1 事務事業の見直し」): in a layout nobody
 * configured the code is the item's number, and gives its 基本方針, as a number column would.
 */
const read = (names: string[]) =>
  analyse({
    name: 'n.xlsx',
    sheets: [
      {
        name: '進捗',
        merges: [],
        values: [['令和6年度 取組状況'], ['取組項目', '所管課', '評価', '効果実績額（千円）'], ...names.map((n, i): CellValue[] => [n, '財政課', 'B', 100 * (i + 1)])],
      },
    ],
  }).plan.items.map((i) => [i.id, i.name, i.policyKey]);

test.each([
  ['1-1 事務事業の見直し', ['1-1', '事務事業の見直し', '1']],
  ['２－３　窓口の委託', ['2-3', '窓口の委託', '2']],
  ['Ⅱ-1：電子申請', ['Ⅱ-1', '電子申請', '2']],
  ['1(2)③ 補助金の見直し', ['1(2)③', '補助金の見直し', '1']],
  ['1-2-1. 研修の見直し', ['1-2-1', '研修の見直し', '1']],
])('%s', (name, expected) => {
  expect(read([name, '3-1 公共施設の再編'])[0]).toEqual(expected);
});

test.each([['2-3年ごとの見直し'], ['10 事業の廃止'], ['1-1事務事業の見直し'], ['令和6年度の重点取組']])('%s keeps its name whole', (name) => {
  const [id, kept] = read([name])[0];
  expect(kept).toBe(name);
  expect(id).toBe('進捗!3');
});
