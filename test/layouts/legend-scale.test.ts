import { analyse } from '../../src/core/engine/analyse';
import type { CellValue, WorkbookGrid } from '../../src/core/grid/types';

/**
 * A sheet that prints its own 4-grade legend above the table (4：計画以上 … 1：遅れている): the summary
 * has the city's four columns, best first, not a library 5-grade scale with an empty 「5」.
 */
const rows: CellValue[][] = [
  ['1 行政サービスの向上', 1, '証明書コンビニ交付', '市民課', 4, 300, 420],
  ['1 行政サービスの向上', 2, 'オンライン手続の拡充', 'デジタル推進課', 3, 0, 0],
  ['2 財政の健全化', 3, '補助金の見直し', '財政課', 2, 5000, 3000],
  ['2 財政の健全化', 4, '使用料の見直し', '財政課', 1, 1000, 0],
  ['2 財政の健全化', 5, '債権管理', '納税課', 3, 2000, 2100],
];
const book = (legend: string): WorkbookGrid => ({
  name: 'c13.xlsx',
  sheets: [
    {
      name: '進捗一覧',
      values: [['第6次行政改革大綱実施計画　令和6年度実施状況'], [legend], [], ['基本方針', 'No.', '実施項目', '所管課', '評価', '効果見込額（千円）', '実績効果額（千円）'], ...rows],
      merges: [],
    },
  ],
});

test('the legend above the table gives the scale: its grades, best first, as the summary columns', () => {
  const a = analyse(book('評価基準　4：計画以上に進んでいる　3：計画どおり進んでいる　2：やや遅れている　1：遅れている'));
  expect(a.plan.scale?.symbols.map((s) => s.symbol)).toEqual(['4', '3', '2', '1']);
  expect(a.summary.total.counts).toEqual([1, 2, 1, 1]);
  expect(a.findings.find((f) => f.code === 'LAY019')?.message.ja).toContain('シートの凡例(4・3・2・1)');
  // What the grades mean in numbers is the city's: no rating is suggested on such a scale.
  expect(a.evaluations.filter((e) => e.suggested)).toEqual([]);
});

test('without a legend the library scale that reads the values is taken, as before', () => {
  const a = analyse(book(''));
  expect(a.plan.scale?.id).toBe('5-1');
});
