import type { CellValue, WorkbookGrid } from '../../src/core/grid/types';
import { analyse } from '../../src/core/engine/analyse';

/**
 * A table whose columns name no year (評価 | 効果額（千円）): the year comes from the title, else from
 * the sheets' names, else from the file's name, and the amounts are counted for it (FY002 says where
 * the year came from). With none of them, FY001 says the amounts cannot be dated.
 */
const HEADER = ['取組名', '担当部署', '評価', '効果額（千円）'];
const ROWS: CellValue[][] = [
  ['職員定数の適正化', '人事課', 'A', 1500],
  ['公共施設の統廃合', '資産経営課', 'B', 3000],
  ['使用料の見直し', '財政課', 'C', 0],
];
const book = (file: string, sheets: { name: string; title?: string }[]): WorkbookGrid => ({
  name: file,
  // Each sheet its own items (a department's sheet), not a copy of another's.
  sheets: sheets.map((s, i) => ({ name: s.name, values: [...(s.title ? [[s.title], []] : []), HEADER, ...ROWS.map((r) => [`${r[0]}${i ? `（${i + 1}）` : ''}`, ...r.slice(1)])], merges: [] })),
});
const fy = (wb: WorkbookGrid) => {
  const a = analyse(wb);
  const fy002 = a.findings.find((f) => f.code === 'FY002');
  return { fy: a.plan.reportFy, from: fy002?.message.ja.match(/、(.+?)から/)?.[1], fy001: a.findings.some((f) => f.code === 'FY001'), actual: a.summary.total.effectActual };
};

test.each([
  ['the title', book('b.xlsx', [{ name: '取組一覧', title: '令和6年度 行財政改革 取組状況一覧' }]), 2024, '表題', 4500],
  ['the sheet name', book('b.xlsx', [{ name: 'R5取組状況' }]), 2023, 'シート名', 4500],
  ['the sheet names, agreeing', book('b.xlsx', [{ name: '2024年度_総務課' }, { name: '2024年度_財政課' }]), 2024, 'シート名', 9000],
  ['the file name', book('/share/令和6年度_取組状況.xlsx', [{ name: '取組一覧' }]), 2024, 'ファイル名', 4500],
  // Sheets naming two years are a year's sheet each: the later one is read (LAY026 names the other), not both under the file's year.
  ['the later sheet, when the sheets name two years', book('H30進捗.xlsx', [{ name: 'R5' }, { name: 'R6' }]), 2024, 'シート名', 4500],
  ['the title before the sheet and file names', book('R4.xlsx', [{ name: 'R5取組', title: '令和6年度 取組状況' }]), 2024, '表題', 4500],
])('the year from %s', (_, wb, year, from, actual) => {
  expect(fy(wb)).toEqual({ fy: year, from, fy001: false, actual });
});

test.each([
  ['no year anywhere', book('取組状況.xlsx', [{ name: '取組一覧' }])],
  ['a number that is not a year', book('様式1.xlsx', [{ name: 'Sheet1' }])],
])('%s: FY001, and the amounts are not counted', (_, wb) => {
  expect(fy(wb)).toEqual({ fy: undefined, from: undefined, fy001: true, actual: 0 });
});
