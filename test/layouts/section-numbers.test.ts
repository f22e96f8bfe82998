import type { CellValue, WorkbookGrid } from '../../src/core/grid/types';
import { analyse } from '../../src/core/engine/analyse';

/**
 * A list under two levels of headings (基本方針Ⅰ → (1) → ①②) numbering its items from ① again under
 * each heading, with last year's amounts kept beside this year's: each item is numbered by its
 * headings (no VLD008 error on every second ①), and this year's column is the one read.
 */
const book = (rows: CellValue[][], header = ['番号', '取組項目', '担当部署', '前年度実績効果額（千円）', '実績効果額（千円）', '評価']): WorkbookGrid => ({
  name: 'b.xlsx',
  sheets: [{ name: '進捗状況', values: [['行財政改革アクションプラン 令和6年度進捗状況'], [], header, ...rows], merges: [] }],
});
const ROWS: CellValue[][] = [
  ['基本方針Ⅰ　財政運営の健全化'],
  ['(1) 歳入の確保'],
  ['①', '市税の収納率向上', '収納課', 900, 1100, 'A'],
  ['②', '使用料の適正化', '財政課', 0, 300, 'B'],
  ['(2) 歳出の見直し'],
  ['①', '補助金の見直し', '財政課', 2000, 1500, 'B'],
  ['基本方針Ⅱ　行政サービスの向上'],
  ['(1) 窓口の改善'],
  ['①', '窓口の一元化', '市民課', 0, 80, 'A'],
];

test('numbers restarting under each heading are numbered by their headings; last year’s column is not read', () => {
  const a = analyse(book(ROWS));
  expect(a.plan.items.map((i) => i.id)).toEqual(['1-1-①', '1-1-②', '1-2-①', '2-1-①']);
  expect(a.findings.map((f) => f.code)).not.toContain('VLD008');
  expect(a.findings.map((f) => f.code)).not.toContain('LAY007');
  expect(a.summary.groups.map((g) => [g.name, g.effectActual])).toEqual([
    ['財政運営の健全化', 2900],
    ['行政サービスの向上', 80],
  ]);
});

test('the same number twice under one heading is still a duplicate (VLD008)', () => {
  const a = analyse(book([...ROWS.slice(0, 4), ['①', '公共施設の見直し', '管財課', 0, 10, 'C']]));
  expect(a.findings.map((f) => f.code)).toContain('VLD008');
});

test('a comparison with last year (前年度比) is not last year’s figure', () => {
  const a = analyse(book(ROWS.slice(0, 4), ['番号', '取組項目', '担当部署', '実績効果額（千円）', '前年度比', '評価']));
  expect(a.summary.total.effectActual).toBe(900);
});

test('items counted ア, イ, ウ again under each （１） heading (第１ → （１） → ア) are numbered by their headings too', () => {
  const kana = ROWS.map((r) => (r.length > 1 ? [String(r[0]).replace('①', 'ア').replace('②', 'イ'), ...r.slice(1)] : [String(r[0]).replace('基本方針Ⅰ', '第１').replace('基本方針Ⅱ', '第２').replace('(1)', '（１）').replace('(2)', '（２）')]));
  const a = analyse(book(kana));
  expect(a.findings.map((f) => f.code)).not.toContain('VLD008');
  expect(a.plan.items.map((i) => i.id)).toEqual(['1-1-ア', '1-1-イ', '1-2-ア', '2-1-ア']);
});
