import type { CellValue, WorkbookGrid } from '../../src/core/grid/types';
import { analyse } from '../../src/core/engine/analyse';

/**
 * An effect amount split under its header into parts (効果見込額 → 歳入 | 歳出): each item's amount is
 * the sum of its parts, not one part of it; LAY023 says so. Two columns named alike for no such
 * reason are still ambiguous (LAY007).
 */
const book = (parts: [string, string], rows: CellValue[][]): WorkbookGrid => ({
  name: 'b.xlsx',
  sheets: [
    {
      name: 'R6実績',
      values: [
        ['行財政改革推進計画 令和6年度 実績報告'],
        ['単位：千円'],
        ['基本方針', '取組番号', '取組項目', '担当課', '効果見込額', null, '実績効果額', null, '評価'],
        [null, null, null, null, ...parts, ...parts, null],
        ...rows,
      ],
      merges: [
        { top: 2, left: 4, bottom: 2, right: 5 },
        { top: 2, left: 6, bottom: 2, right: 7 },
        ...[0, 1, 2, 3, 8].map((c) => ({ top: 2, left: c, bottom: 3, right: c })),
      ],
    },
  ],
});
const ROWS: CellValue[][] = [
  ['Ⅰ 歳入の確保', 'Ⅰ-1', '市有財産の有効活用', '管財課', 3000, 0, 3500, 0, 'A'],
  ['Ⅰ 歳入の確保', 'Ⅰ-2', '受益者負担の適正化', '財政課', 1200, null, 900, '', 'B'],
  ['Ⅱ 歳出の抑制', 'Ⅱ-1', '人件費の抑制', '人事課', 500, 8000, '△100', 8200, 'B'],
];

test('歳入 | 歳出 under each amount: the sum is the amount, pointed at by its first part', () => {
  const a = analyse(book(['歳入', '歳出'], ROWS));
  expect(a.summary.groups.map((g) => [g.name, g.effectPlanned, g.effectActual])).toEqual([
    ['歳入の確保', 4200, 4400],
    ['歳出の抑制', 8500, 8100],
  ]);
  expect(a.plan.items[2].cells['effectPlanned:2024']).toEqual({ sheet: 'R6実績', address: 'E7' });
  const codes = a.findings.map((f) => f.code);
  expect(codes.filter((c) => c === 'LAY023')).toHaveLength(2);
  expect(codes).not.toContain('LAY007');
});

test('two columns alike that are not parts of one amount stay ambiguous: the first is read, and LAY007 says so', () => {
  const a = analyse(book(['計画', '当初'], ROWS));
  expect(a.findings.map((f) => f.code)).toContain('LAY007');
  expect(a.findings.map((f) => f.code)).not.toContain('LAY023');
  expect([a.summary.total.effectPlanned, a.summary.total.effectActual]).toEqual([4700, 4300]);
});

/** Parts in columns of their own, one header row each (歳入増加額 | 歳出削減額): the effect is their sum. */
const oneRow = (headers: string[], rows: CellValue[][]): WorkbookGrid => ({
  name: 'c.xlsx',
  sheets: [{ name: '実績', values: [['令和6年度 行財政改革推進計画 実績報告'], ['基本方針', 'No.', '取組名', '所管課', '評価', ...headers], ...rows], merges: [] }],
});
const PART_ROWS: CellValue[][] = [
  ['1 歳入の確保', 1, '広告事業の拡大', '広報課', 'A', 450, 0],
  ['1 歳入の確保', 2, '遊休地の売却', '管財課', 'B', 12000, null],
  ['2 歳出の見直し', 3, '業務委託の一括発注', '契約課', 'A', 0, 1800],
  ['2 歳出の見直し', 4, '電力調達', '環境課', 'B', 100, 900],
];

test.each<[string, string[], [number, number] | 'none']>([
  ['歳入増加額 | 歳出削減額', ['歳入増加額（千円）', '歳出削減額（千円）'], [12450, 2800]],
  ['効果額(歳入) | 効果額(歳出)', ['効果額（歳入）', '効果額（歳出）'], [12450, 2800]],
  ['歳入確保額 | 歳出抑制額', ['歳入確保額', '歳出抑制額'], [12450, 2800]],
  ['two spending parts are no pair: neither is read', ['歳出削減額', '歳出抑制額'], 'none'],
])('%s', (_name, headers, want) => {
  const a = analyse(oneRow(headers, PART_ROWS));
  const actual = a.summary.groups.map((g) => g.effectActual);
  if (want === 'none') {
    expect(actual).toEqual([0, 0]);
    return;
  }
  expect(actual).toEqual(want);
  expect(a.summary.groups.map((g) => g.effectPlanned)).toEqual([0, 0]);
  const codes = a.findings.map((f) => f.code);
  expect(codes).toContain('LAY023');
  // A results sheet with no planned amounts: no item is asked for one.
  expect(codes).not.toContain('VLD013');
});

test('one part alone is the effect', () => {
  const a = analyse(oneRow(['歳入増加額'], PART_ROWS.map((r) => r.slice(0, 6))));
  expect(a.summary.total.effectActual).toBe(12550);
});
