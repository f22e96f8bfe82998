import type { CellValue, WorkbookGrid } from '../../src/core/grid/types';
import { analyse } from '../../src/core/engine/analyse';

/**
 * One sheet per 基本方針 whose only word of it is the title (令和6年度 … 進捗状況 基本方針１ 持続可能な財政運営):
 * the sheet's items are under that 基本方針. A title naming a range (基本方針1～5) names none.
 */
const sheet = (name: string, title: string, rows: CellValue[][]) => ({
  name,
  values: [[title], [], ['通番', '取組項目', '所管課', '評価', '財政効果額(千円)'], ...rows],
  merges: [],
});

test('each sheet’s title names its 基本方針', () => {
  const wb: WorkbookGrid = {
    name: 'b.xlsx',
    sheets: [
      sheet('基本方針１', '令和6年度 行財政改革推進計画 進捗状況　基本方針１　持続可能な財政運営', [[1, '補助金の見直し', '財政課', 'B', 1200], [2, '使用料の見直し', '財政課', 'A', 800]]),
      sheet('基本方針２', '令和6年度 行財政改革推進計画 進捗状況　基本方針２　市民との協働', [[1, '協働提案制度', '市民協働課', 'C', 0]]),
    ],
  };
  const a = analyse(wb);
  expect(a.summary.groups.map((g) => [g.key, g.name, g.total, g.effectActual])).toEqual([
    ['1', '持続可能な財政運営', 2, 2000],
    ['2', '市民との協働', 1, 0],
  ]);
});

test('a title naming a range of 基本方針 gives none to the items', () => {
  const a = analyse({ name: 'b.xlsx', sheets: [sheet('進捗', '令和6年度 行財政改革推進計画 進捗状況（基本方針1～5）', [[1, '補助金の見直し', '財政課', 'B', 1200]])] });
  expect(a.plan.items[0].policyKey).toBe('-');
});
