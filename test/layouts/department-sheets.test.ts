import type { CellValue, WorkbookGrid } from '../../src/core/grid/types';
import { analyse } from '../../src/core/engine/analyse';

/**
 * One sheet per department, each the same table without a 所管課 column: the sheet's name says whose
 * items they are, so the summary can be taken by department. A sheet named otherwise says nothing.
 */
const HEADER = ['取組番号', '取組名', '指標', '単位', '目標値', '実績値', '評価'];
const sheet = (name: string, rows: CellValue[][], header = HEADER) => ({ name, values: [[`令和6年度 行政改革取組状況`], header, ...rows], merges: [] });

describe('departments from sheet names', () => {
  test.each([
    ['総務課', ['総務課']],
    ['企画部', ['企画部']],
    ['子育て支援センター', ['子育て支援センター']],
    ['取組一覧', []],
    ['R6', []],
    ['Sheet1', []],
  ])('a table without a department column on the sheet %s', (name, departments) => {
    const wb: WorkbookGrid = { name: 'd.xlsx', sheets: [sheet(name, [['1-1', '文書管理の電子化', '電子決裁率', '%', 60, 72, 'A'], ['1-2', '会議の削減', '会議数', '回', 40, 45, 'C']])] };
    const a = analyse(wb);
    expect(a.plan.items.map((i) => i.departments)).toEqual([departments, departments]);
  });

  test('a department column, where there is one, is what counts', () => {
    const wb: WorkbookGrid = { name: 'd.xlsx', sheets: [sheet('総務課', [['1-1', '文書管理の電子化', '情報政策課', 'A']], ['取組番号', '取組名', '担当課', '評価'])] };
    expect(analyse(wb).plan.items[0].departments).toEqual(['情報政策課']);
  });

  test('sheets of three departments are summarised by department', () => {
    const rows = (n: number): CellValue[][] => Array.from({ length: n }, (_, i) => [`${n}-${i + 1}`, `取組${n}-${i + 1}`, '件数', '件', 10, 10, 'B']);
    const wb: WorkbookGrid = { name: 'd.xlsx', sheets: [sheet('総務課', rows(1)), sheet('財政課', rows(2)), sheet('市民課', rows(3))] };
    const a = analyse(wb);
    const by = new Map<string, number>();
    for (const i of a.plan.items) by.set(i.departments[0], (by.get(i.departments[0]) ?? 0) + 1);
    expect([...by]).toEqual([['総務課', 1], ['財政課', 2], ['市民課', 3]]);
  });

  test('the sheet named for its department is not told its department column is missing (LAY006)', () => {
    const wb: WorkbookGrid = { name: 'd.xlsx', sheets: [sheet('総務課', [['1-1', '文書管理の電子化', '電子決裁率', '%', 60, 72, 'A']])] };
    expect(analyse(wb).findings.filter((f) => f.code === 'LAY006')).toEqual([]);
    const other: WorkbookGrid = { name: 'd.xlsx', sheets: [sheet('取組一覧', [['1-1', '文書管理の電子化', '電子決裁率', '%', 60, 72, 'A']])] };
    expect(analyse(other).findings.filter((f) => f.code === 'LAY006')).toHaveLength(1);
  });
});

/** With no 基本方針 column and no heading rows, the numbers say the top level (1-2 and 1(2)③ are under 1), as on a form. */
describe('基本方針 from the item numbers', () => {
  const items = (ids: string[]) => analyse({ name: 'p.xlsx', sheets: [sheet('取組一覧', ids.map((id, i) => [id, `取組${i}`, '件数', '件', 10, 10, 'B']))] }).plan.items;

  test.each([
    [['1-1', '1-2', '2-1', '3-1'], ['1', '1', '2', '3']],
    [['1(1)①', '1(2)③', '2(1)①'], ['1', '1', '2']],
    [['Ⅰ-1', 'Ⅱ-1', 'Ⅱ-2'], ['1', '2', '2']],
    [['No.5', '6', '7'], ['-', '-', '-']],
  ])('%j → %j', (ids, keys) => {
    const got = items(ids);
    expect(got.map((i) => i.policyKey)).toEqual(keys);
    for (const i of got) expect(i.policyName).toBe(i.policyKey === '-' ? '(基本方針なし)' : `基本方針${i.policyKey}`);
  });

  test('a 基本方針 column, where there is one, is what counts', () => {
    const header = ['基本方針', '取組番号', '取組名', '指標', '単位', '目標値', '実績値', '評価'];
    const a = analyse({ name: 'p.xlsx', sheets: [sheet('取組一覧', [['3 財政運営', '1-1', '取組', '件数', '件', 10, 10, 'B']], header)] });
    expect([a.plan.items[0].policyKey, a.plan.items[0].policyName]).toEqual(['3', '財政運営']);
  });
});

describe('department headings over the items', () => {
  /** ■ 総務部 / ■ 財務部 headings, 小計 rows, a 合計 row, numbered empty rows and a note: the city's own list. */
  const values: CellValue[][] = [
    ['令和6年度　第4次行政改革大綱　実施計画　取組結果一覧'],
    ['単位：千円'],
    ['番号', '実施項目', '担当課', 'R6目標', 'R6実績', '達成度', '財政効果（見込）', '財政効果（実績）', '備考'],
    ['■ 総務部'],
    ['1', '文書管理システムの導入', '総務課', '導入', '導入済', 'A', 1200, 1100, null],
    ['2', '職員定数の適正化', '人事課', '10人削減', '8人削減', 'B', 40000, 32000, null],
    [null, null, null, null, null, '小計', 41200, 33100, null],
    ['■ 財務部'],
    ['3', '市税収納率の向上', '納税課', '98.5%', '98.9%', 'A', 5000, 6200, null],
    ['4', '未利用地の売却', '管財課', '2件', '0件', 'D', 30000, 0, '入札不調'],
    [null, null, null, null, null, '小計', 35000, 6200, null],
    ['■ 市民生活部'],
    ['5', '証明書コンビニ交付', '市民課', '2,000件', '2,450件', 'A', null, null, null],
    ['6'],
    ['7'],
    [null, null, null, null, null, '合計', 76200, 39300, null],
    ['※財政効果は一般財源ベース。'],
  ];
  const a = analyse({ name: 'h.xlsx', sheets: [{ name: 'R6実績', values, merges: [] }] });

  test('the items, grouped by the headings, which the summary calls 部局; the sheet’s own totals agree', () => {
    expect(a.plan.items.map((i) => [i.id, i.policyName, i.departments[0]])).toEqual([
      ['1', '総務部', '総務課'],
      ['2', '総務部', '人事課'],
      ['3', '財務部', '納税課'],
      ['4', '財務部', '管財課'],
      ['5', '市民生活部', '市民課'],
    ]);
    expect(a.plan.policyLabel).toBe('部局');
    expect(a.summary.groups.map((g) => [g.name, g.effectPlanned, g.effectActual])).toEqual([
      ['総務部', 41200, 33100],
      ['財務部', 35000, 6200],
      ['市民生活部', 0, 0],
    ]);
    expect([a.summary.total.effectPlanned, a.summary.total.effectActual]).toEqual([76200, 39300]);
  });

  test('財政効果（見込）and 財政効果（実績）are the effect columns, not a target and an actual', () => {
    expect(a.plan.items[0].cells).toMatchObject({ 'effectPlanned:2024': { address: 'G5' }, 'effectActual:2024': { address: 'H5' } });
    expect(a.findings.map((f) => f.code)).not.toContain('LAY007');
  });

  test('headings that are not departments stay 基本方針', () => {
    const b = analyse({ name: 'h.xlsx', sheets: [{ name: 'R6実績', values: values.map((r) => (typeof r[0] === 'string' && r[0].startsWith('■') ? [r[0].replace('部', '推進')] : r)), merges: [] }] });
    expect(b.plan.policyLabel).toBe('基本方針');
  });
});
