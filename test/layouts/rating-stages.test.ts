import { analyse } from '../../src/core/engine/analyse';
import type { WorkbookGrid } from '../../src/core/grid/types';

/**
 * A rating given in stages (the department's 自己評価, then the 推進本部's 最終評価): the final one is
 * the rating the plan publishes, read whichever side it is on; LAY025 says so. Two rating columns that
 * are not stages stay ambiguous (LAY007: the leftmost).
 */
const book = (left: string, right: string): WorkbookGrid => ({
  name: 'c.xlsx',
  sheets: [
    {
      name: '評価一覧',
      values: [
        ['令和6年度 行財政改革 評価一覧'],
        ['基本方針', 'No.', '取組名', '担当課', left, right, '実績効果額（千円）'],
        ['1 財政', 1, '補助金の見直し', '財政課', 'A', 'B', 1000],
        ['1 財政', 2, '施設の統廃合', '管財課', 'B', 'C', 500],
        ['2 組織', 3, '定員管理', '人事課', 'A', 'A', 2000],
        ['2 組織', 4, '窓口の見直し', '市民課', 'C', 'C', 0],
        ['2 組織', 5, '電子申請の拡大', '情報課', 'B', 'B', 0],
      ],
      merges: [],
    },
  ],
});

test.each<[string, string, string, [number, number, number, number], string]>([
  ['自己評価（担当課）', '最終評価（推進本部）', 'right', [1, 2, 2, 0], 'LAY025'],
  ['最終評価', '自己評価', 'left', [2, 2, 1, 0], 'LAY025'],
  ['一次評価', '二次評価', 'right', [1, 2, 2, 0], 'LAY025'],
  ['所管課評価', '行革推進本部評価', 'right', [1, 2, 2, 0], 'LAY025'],
  ['評価', '評価結果', 'left', [2, 2, 1, 0], 'LAY007'],
])('%s | %s → the %s column', (left, right, _side, counts, code) => {
  const a = analyse(book(left, right));
  expect(a.summary.total.counts).toEqual(counts);
  const codes = a.findings.map((f) => f.code);
  expect(codes).toContain(code);
  expect(codes).not.toContain(code === 'LAY025' ? 'LAY007' : 'LAY025');
});
