import type { CellValue, WorkbookGrid } from '../../src/core/grid/types';
import { analyse } from '../../src/core/engine/analyse';

/**
 * A city's list with no 基本方針 column, no heading rows and numbers that name no policy, but a
 * 推進項目 (or 重点項目) column: that column is the plan's top level, and it is called by its own name.
 */
const book = (header: string[], rows: CellValue[][]): WorkbookGrid => ({
  name: 'b.xlsx',
  sheets: [{ name: '進捗管理', values: [['行政改革大綱 実施計画 進捗管理表 令和6年度'], header, ...rows], merges: [] }],
});

test('the 推進項目 column groups the items when nothing else does, and names the level', () => {
  const a = analyse(
    book(
      ['推進項目', '取組項目', '担当課', '評価', '効果見込額（千円）', '実績効果額（千円）'],
      [
        ['1 行政運営の効率化', '時間外勤務の縮減', '人事課', 'A', 5000, 5400],
        ['1 行政運営の効率化', '紙使用量の削減', '総務課', 'B', 1200, 800],
        ['2 財政の健全化', '経常収支比率の改善', '財政課', 'C', 8000, 2450],
      ],
    ),
  );
  expect(a.plan.policyLabel).toBe('推進項目');
  expect(a.plan.policies.map((p) => [p.key, p.name])).toEqual([
    ['1', '行政運営の効率化'],
    ['2', '財政の健全化'],
  ]);
  expect(a.summary.groups.map((g) => [g.key, g.total, g.effectPlanned])).toEqual([
    ['1', 2, 6200],
    ['2', 1, 8000],
  ]);
  expect(a.plan.items.every((i) => i.groupKey === undefined)).toBe(true);
});

test('beside a 基本方針 column, 推進項目 stays the level below it', () => {
  const a = analyse(
    book(
      ['基本方針', '推進項目', '取組項目', '担当課', '評価'],
      [
        ['1 行政運営', '(1) 効率化', '時間外勤務の縮減', '人事課', 'A'],
        ['2 財政', '(2) 健全化', '経常収支比率の改善', '財政課', 'C'],
      ],
    ),
  );
  expect(a.plan.policyLabel).toBe('基本方針');
  expect(a.plan.items.map((i) => [i.policyName, i.groupName])).toEqual([
    ['行政運営', '効率化'],
    ['財政', '健全化'],
  ]);
});
