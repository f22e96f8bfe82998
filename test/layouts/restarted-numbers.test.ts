import type { CellValue, WorkbookGrid } from '../../src/core/grid/types';
import { analyse } from '../../src/core/engine/analyse';
import { suggestMapping } from '../../src/core/layouts/generic/suggest';
import { LayoutSpecSchema } from '../../src/core/layouts/kit/spec';

/**
 * One sheet per 基本方針 or per department, each numbering its items from 1 again: the numbers are
 * the sheet's, so No.1 on two sheets is two items, and nothing blocks submission (VLD008 is an error).
 * A number typed twice on one sheet, or one item listed on two sheets, is still a duplicate.
 */
const HEADER = ['No.', '取組名', '所管課', '評価', '効果見込額（令和6年度・千円）', '効果実績額（令和6年度・千円）'];
const sheet = (name: string, title: string | null, rows: CellValue[][]) => ({ name, values: [...(title ? [[title], []] : []), HEADER, ...rows], merges: [] });
const rows = (...names: string[]): CellValue[][] => names.map((n, i) => [i + 1, n, '財政課', 'B', 100, 80]);
const read = (sheets: ReturnType<typeof sheet>[]) => analyse({ name: 'p.xlsx', sheets } as WorkbookGrid);
const vld008 = (a: ReturnType<typeof analyse>) => a.findings.filter((f) => f.code === 'VLD008');

describe('numbers that start again on each sheet', () => {
  test('one sheet per 基本方針: the items are numbered by their 基本方針, and none is a duplicate', () => {
    const a = read([
      sheet('基本方針1', '基本方針1　持続可能な財政運営', rows('歳入の確保', '経費の削減')),
      sheet('基本方針2', '基本方針2　市民サービスの向上', rows('窓口の一本化', 'オンライン化', '施設予約の電子化')),
    ]);
    expect(a.plan.items.map((i) => [i.id, i.policyKey, i.name])).toEqual([
      ['1-1', '1', '歳入の確保'],
      ['1-2', '1', '経費の削減'],
      ['2-1', '2', '窓口の一本化'],
      ['2-2', '2', 'オンライン化'],
      ['2-3', '2', '施設予約の電子化'],
    ]);
    expect(vld008(a)).toEqual([]);
    expect(a.summary.total.total).toBe(5);
  });

  test('sheets without a 基本方針 of their own are numbered by sheet name', () => {
    const a = read([sheet('総務課', null, rows('文書管理の電子化')), sheet('財政課', null, rows('補助金の見直し', '使用料の見直し'))]);
    expect(a.plan.items.map((i) => i.id)).toEqual(['総務課-1', '財政課-1', '財政課-2']);
    expect(vld008(a)).toEqual([]);
  });

  test('the same item listed on two sheets is still a duplicate', () => {
    const a = read([sheet('基本方針1', '基本方針1　財政', rows('歳入の確保')), sheet('基本方針2', '基本方針2　サービス', rows('歳入の確保'))]);
    expect(vld008(a)).toHaveLength(1);
  });

  test('a number typed twice on one sheet is still a duplicate, and no other number is changed', () => {
    const twice: CellValue[][] = [...rows('歳入の確保'), [1, '経費の削減', '財政課', 'A', 10, 10]];
    const a = read([sheet('基本方針1', '基本方針1　財政', twice), sheet('基本方針2', '基本方針2　サービス', rows('窓口の一本化'))]);
    expect(vld008(a)).toHaveLength(2);
    expect(a.plan.items.map((i) => i.id)).toEqual(['1', '1@基本方針1!5', '1@基本方針2']);
  });

  test('numbers already unique across the workbook are kept as typed', () => {
    const a = read([sheet('基本方針1', '基本方針1　財政', rows('歳入の確保')), sheet('基本方針2', '基本方針2　サービス', [[2, '窓口の一本化', '市民課', 'A', 1, 1]])]);
    expect(a.plan.items.map((i) => i.id)).toEqual(['1', '2']);
  });
});

test('the layout `shinchoku mapping` suggests reads every sheet made from the same template, numbered as without it', () => {
  const wb = {
    name: 'p.xlsx',
    sheets: [
      sheet('基本方針1', '基本方針1　持続可能な財政運営', rows('歳入の確保', '経費の削減')),
      sheet('基本方針2', '基本方針2　市民サービスの向上', rows('窓口の一本化', 'オンライン化')),
      { name: 'メモ', values: [['作業メモ']], merges: [] },
    ],
  } as WorkbookGrid;
  const spec = LayoutSpecSchema.parse(JSON.parse(JSON.stringify(suggestMapping(wb)!.spec)));
  expect(spec.sheet).toBe('基本方針1');
  const saved = analyse(wb, { mapping: spec });
  expect(saved.plan.items.map((i) => [i.id, i.name])).toEqual(analyse(wb).plan.items.map((i) => [i.id, i.name]));
  expect(saved.plan.items).toHaveLength(4);
  expect(saved.findings.map((f) => f.code)).not.toContain('VLD008');
});
