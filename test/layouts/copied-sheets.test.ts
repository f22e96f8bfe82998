import { analyse } from '../../src/core/engine/analyse';
import type { CellValue, SheetGrid, WorkbookGrid } from '../../src/core/grid/types';

/**
 * A sheet copied within the workbook (取組一覧 (2), バックアップ) holds the same items: it is read
 * once, not summed again (LAY027 names it). The copy is the one named like one, else the later one.
 * A copy edited since (another rating) is no plain copy: both are read, LAY028 says so, and its
 * numbers are left to VLD008.
 */
const ROWS: CellValue[][] = [
  ['1 財政', 1, '補助金の見直し', '財政課', 'A', 2000, 2500],
  ['1 財政', 2, '使用料の見直し', '財政課', 'B', 6000, 5800],
  ['2 組織', 3, '定員管理', '人事課', 'B', 2000, 1000],
];
const sheet = (name: string, rows = ROWS): SheetGrid => ({
  name,
  values: [['令和6年度 行革進捗'], [], ['基本方針', 'No.', '取組名', '担当課', '評価', '効果見込額（千円）', '実績効果額（千円）'], ...rows],
  merges: [],
});
const book = (...sheets: SheetGrid[]): WorkbookGrid => ({ name: 'b.xlsx', sheets });

test.each<[string, WorkbookGrid, string]>([
  ['a copy after the sheet, named (2)', book(sheet('取組一覧'), sheet('取組一覧 (2)')), '取組一覧 (2)'],
  ['a backup before the sheet', book(sheet('バックアップ'), sheet('取組一覧')), 'バックアップ'],
  ['two sheets alike, neither named as a copy: the later one', book(sheet('取組一覧'), sheet('提出用')), '提出用'],
])('%s is read once', (_name, wb, copy) => {
  const a = analyse(wb);
  expect(a.plan.items).toHaveLength(3);
  expect([a.summary.total.effectPlanned, a.summary.total.effectActual]).toEqual([10000, 9300]);
  expect(a.findings.filter((f) => f.code === 'LAY027').map((f) => f.sheet)).toEqual([copy]);
  expect(a.findings.map((f) => f.code)).not.toContain('VLD008');
});

test('a copy edited since is not taken for a copy: both are read, LAY028 says so, and the numbers are duplicates for staff to settle (VLD008)', () => {
  const edited = ROWS.map((r, i) => (i === 0 ? [...r.slice(0, 4), 'C', ...r.slice(5)] : r));
  const a = analyse(book(sheet('取組一覧'), sheet('取組一覧 (2)', edited)));
  expect(a.findings.map((f) => f.code)).not.toContain('LAY027');
  expect(a.findings.filter((f) => f.code === 'LAY028').map((f) => f.sheet)).toEqual(['取組一覧 (2)']);
  expect(a.findings.filter((f) => f.code === 'VLD008')).toHaveLength(3);
  expect(a.plan.items).toHaveLength(6);
});

test('department sheets with items of their own are all read', () => {
  const other: CellValue[][] = [['2 組織', 4, '窓口の見直し', '市民課', 'A', 100, 100]];
  const a = analyse(book(sheet('総務部'), sheet('市民部', other)));
  expect(a.plan.items).toHaveLength(4);
  expect(a.findings.map((f) => f.code)).not.toContain('LAY027');
});

test('an item sheet of a form workbook copied as 「… (2)」 is read once', async () => {
  const { readXlsx } = await import('../../src/adapters/file/read-xlsx');
  const path = await import('node:path');
  const wb = await readXlsx(path.join(__dirname, '../../assets/samples/minamiura-forms.xlsx'));
  const before = analyse(wb);
  const item = wb.sheets.find((s) => before.plan.items.some((i) => i.source.sheet === s.name))!;
  const copied = analyse({ ...wb, sheets: [...wb.sheets, { ...item, name: `${item.name} (2)` }] });
  expect(copied.plan.items).toHaveLength(before.plan.items.length);
  expect(copied.summary.total.effectPlanned).toBe(before.summary.total.effectPlanned);
  expect(copied.findings.filter((f) => f.code === 'LAY027').map((f) => f.sheet)).toEqual([`${item.name} (2)`]);
});
