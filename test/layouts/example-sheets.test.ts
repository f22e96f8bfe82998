import type { CellValue, WorkbookGrid } from '../../src/core/grid/types';
import { analyse } from '../../src/core/engine/analyse';

/**
 * A workbook handed out with a 記入例 sheet (one filled-in example row, ○○の推進) in front of the real
 * list: the example is not an item, its policy name does not name the real group, and LAY014 says
 * the sheet was left out.
 */
const HEADER = ['通番', '重点項目', '取組事項', '主管課', '評価', '効果見込額', '実績効果額'];
const sheet = (name: string, rows: CellValue[][]) => ({ name, values: [['行財政改革推進計画 令和6年度 実績報告'], HEADER, ...rows], merges: [] });
const book = (exampleName: string): WorkbookGrid => ({
  name: 'b.xlsx',
  sheets: [
    sheet(exampleName, [[1, '1 ○○の推進', '○○事業の見直し', '○○課', 'B', 1000, 1000]]),
    sheet('令和6年度', [
      [1, '1 財政の健全化', '使用料の見直し', '財政課', 'A', 3000, 3200],
      [2, '1 財政の健全化', '補助金の整理', '財政課', 'C', 500, 100],
      [3, '2 組織力の向上', '業務の委託', '人事課', 'B', 1200, 1000],
    ]),
  ],
});

test.each(['記入例', '記載例（削除しないでください）', '入力例', '見本', 'ｻﾝﾌﾟﾙ'])('a sheet named %s is left out and said so', (name) => {
  const a = analyse(book(name));
  expect(a.plan.items.map((i) => i.name)).toEqual(['使用料の見直し', '補助金の整理', '業務の委託']);
  expect(a.plan.policies.map((p) => p.name)).toEqual(['財政の健全化', '組織力の向上']);
  expect([a.summary.total.effectPlanned, a.summary.total.effectActual]).toEqual([4700, 4300]);
  expect(a.findings.find((f) => f.code === 'LAY014')).toMatchObject({ sheet: name, cell: 'A1' });
});

test('a sheet whose name only contains 例 in a word (改善事例) is read as any other', () => {
  const a = analyse(book('改善事例'));
  expect(a.plan.items).toHaveLength(4);
  expect(a.findings.map((f) => f.code)).not.toContain('LAY014');
});
