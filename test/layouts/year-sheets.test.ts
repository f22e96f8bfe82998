import { analyse } from '../../src/core/engine/analyse';
import type { CellValue, SheetGrid, WorkbookGrid } from '../../src/core/grid/types';

/**
 * A workbook that keeps last year's sheet beside this year's: only the report year's sheet is read
 * (LAY026 names the other), instead of both summed under one year with every number a duplicate.
 */
const HEADER = ['基本方針', 'No.', '取組名', '担当課', '評価', '効果見込額（千円）', '実績効果額（千円）'];
const sheet = (name: string, title: string, rows: CellValue[][]): SheetGrid => ({ name, values: [[title], [], HEADER, ...rows], merges: [] });
const R5 = [
  ['1 財政', 1, '補助金の見直し', '財政課', 'B', 1000, 800],
  ['1 財政', 2, '使用料の見直し', '財政課', 'C', 5000, 3000],
];
const R6 = [
  ['1 財政', 1, '補助金の見直し', '財政課', 'A', 2000, 2500],
  ['1 財政', 2, '使用料の見直し', '財政課', 'B', 6000, 5800],
  ['2 組織', 3, '定員管理', '人事課', 'B', 2000, 1000],
];
const book = (...sheets: SheetGrid[]): WorkbookGrid => ({ name: 'b.xlsx', sheets });

test.each<[string, WorkbookGrid, number | undefined, number, number, string[]]>([
  ['titles 令和5年度 | 令和6年度', book(sheet('R5', '令和5年度 行革進捗', R5), sheet('R6', '令和6年度 行革進捗', R6)), undefined, 2024, 3, ['R5']],
  ['this year first', book(sheet('R6', '令和6年度 行革進捗', R6), sheet('R5', '令和5年度 行革進捗', R5)), undefined, 2024, 3, ['R5']],
  ['the year asked for', book(sheet('R5', '令和5年度 行革進捗', R5), sheet('R6', '令和6年度 行革進捗', R6)), 2023, 2023, 2, ['R6']],
  ['sheets named 前年度 | 今年度', book(sheet('前年度', '行革進捗', R5), sheet('今年度', '令和6年度 行革進捗', R6)), undefined, 2024, 3, ['前年度']],
  ['sheet names only', book(sheet('令和5年度', '行革進捗', R5), sheet('令和6年度', '行革進捗', R6)), undefined, 2024, 3, ['令和5年度']],
])('%s: only the report year’s sheet is read', (_name, wb, reportFy, fy, items, leftOut) => {
  const a = analyse(wb, reportFy !== undefined ? { reportFy } : {});
  expect(a.plan.reportFy).toBe(fy);
  expect(a.plan.items).toHaveLength(items);
  expect(a.findings.filter((f) => f.code === 'LAY026').map((f) => f.sheet)).toEqual(leftOut);
  expect(a.findings.map((f) => f.code)).not.toContain('VLD008');
});

test('sheets that state no year, or the same one, are all read', () => {
  const a = analyse(book(sheet('総務部', '令和6年度 行革進捗', R5), sheet('企画部', '令和6年度 行革進捗', [['2 組織', 3, '定員管理', '人事課', 'B', 2000, 1000]])));
  expect(a.plan.items).toHaveLength(3);
  expect(a.findings.map((f) => f.code)).not.toContain('LAY026');
});

test('a plan sheet titled with its period (令和3年度～令和7年度) is no other year’s sheet', () => {
  const a = analyse(book(sheet('計画', '第3次行革実施計画（令和3年度～令和7年度）', R5), sheet('R6', '令和6年度 行革進捗', [['2 組織', 3, '定員管理', '人事課', 'B', 2000, 1000]])));
  expect(a.findings.map((f) => f.code)).not.toContain('LAY026');
  expect(a.plan.items).toHaveLength(3);
});
