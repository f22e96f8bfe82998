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
