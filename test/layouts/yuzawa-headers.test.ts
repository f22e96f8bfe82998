import fc from 'fast-check';
import { SheetView } from '../../src/core/grid/sheet-view';
import type { CellValue } from '../../src/core/grid/types';
import { findTable, type TableMatch } from '../../src/core/layouts/kit/find-table';
import { headerYear, isYearOnly, LabelMatcher } from '../../src/core/layouts/kit/labels';
import { TableSpecSchema } from '../../src/core/layouts/kit/spec';
import { headingRow, parsePolicy } from '../../src/core/layouts/yuzawa/headings';
import { measureTitle, parseRepost } from '../../src/core/layouts/yuzawa/schedule-table';
import { YUZAWA_SPEC } from '../../src/core/layouts/yuzawa/strategy';
import { splitDepartments } from '../../src/core/values';

const view = (values: CellValue[][], merges: { top: number; left: number; bottom: number; right: number }[] = []) =>
  new SheetView({ name: 'S', values, merges });

const KPI = new LabelMatcher(TableSpecSchema.parse(YUZAWA_SPEC.tables[0]));
const SCHEDULE = new LabelMatcher(TableSpecSchema.parse(YUZAWA_SPEC.tables[1]));
const colOf = (t: TableMatch, field: string) => t.columns.find((c) => c.field === field);
const pureYearHeader = (text: string) => (isYearOnly(text) ? headerYear(text) : undefined);

/** The KPI table at row 0, as the kit reads it with Yuzawa's spec. */
function kpiHeaderAt(v: SheetView) {
  const t = findTable(v, KPI);
  if (!t || t.headerRows[0] !== 0) return undefined;
  const base = colOf(t, 'baseline');
  return {
    headerRows: t.headerRows,
    name: colOf(t, 'name')?.col,
    unit: colOf(t, 'unit')?.col,
    baseline: base && { col: base.col, fy: base.fy },
    targets: t.columns.filter((c) => c.field === 'target').map((c) => ({ col: c.col, fy: c.fy })),
    progress: t.columns.filter((c) => ['actual', 'rating', 'status', 'note'].includes(c.field)).map((c) => ({ col: c.col, field: c.field, fy: c.fy })),
  };
}

describe('KPI header variants (all five found in the seed, plus staff edits)', () => {
  it.each([
    [['指標名', '現状 (令和 2 年)', '目標値 (令和 8 年)'], 2020, 2026],
    [['指標名', '現状（令和2年）', '目標値（令和8年）'], 2020, 2026],
    [['指標名', '現状 (令和2年)', '目標値 (令和8年)'], 2020, 2026],
    [['指標名', '現状 (令和1年)', '目標値 (令和8年)'], 2019, 2026],
    [['指標名', '現状 (令和2年度)', '目標値 (令和8年)'], 2020, 2026],
    [['指標名', '現状 (令和元年)', '目標値 (令和８年)'], 2019, 2026],
    [[' 指 標 名 ', '基準値（R2）', '目標値（R8）'], 2020, 2026],
  ])('%j → baseline %i, target %i', (headers, base, target) => {
    const cols = kpiHeaderAt(view([headers, ['X', 1, 2]]))!;
    expect(cols).toBeDefined();
    expect(cols.name).toBe(0);
    expect(cols.baseline).toEqual({ col: 1, fy: base });
    expect(cols.targets).toEqual([{ col: 2, fy: target }]);
  });

  it('finds moved columns, a 単位 column and progress columns, in one or two header rows', () => {
    const one = kpiHeaderAt(view([[null, '単位', '目標値 (令和 8 年)', '指標名', '現状 (令和 2 年)', '令和5年度 実績', '評価 (R5)'], [null, '件', 2, 'X', 1]]))!;
    expect(one).toMatchObject({ name: 3, unit: 1, baseline: { col: 4, fy: 2020 }, targets: [{ col: 2, fy: 2026 }] });
    expect(one.progress.map((p) => [p.col, p.field, p.fy])).toEqual([
      [5, 'actual', 2023],
      [6, 'rating', 2023],
    ]);
    const two = kpiHeaderAt(
      view(
        [
          ['指標名', '現状 (令和 2 年)', '目標値 (令和 8 年)', '令和5年度', null],
          [null, null, null, '実績', '評価'],
          ['X', 1, 2],
        ],
        [
          { top: 0, left: 0, bottom: 1, right: 0 },
          { top: 0, left: 3, bottom: 0, right: 4 },
        ],
      ),
    )!;
    expect(two.headerRows).toEqual([0, 1]);
    expect(two.progress.map((p) => [p.field, p.fy])).toEqual([
      ['actual', 2023],
      ['rating', 2023],
    ]);
  });

  it('is not a KPI header without 目標値, nor a row of data', () => {
    expect(kpiHeaderAt(view([['指標名', '現状']]))).toBeUndefined();
    expect(kpiHeaderAt(view([['市の職員数', '471 人', '460 人']]))).toBeUndefined();
  });
});

describe('year columns of the schedule tables', () => {
  it.each([
    ['2021年度 (R3)', 2021],
    ['2026年度 (R8)', 2026],
    ['２０２３年度（Ｒ５）', 2023],
    ['2024年度', 2024],
    ['R5', 2023],
    ['令和5年度', 2023],
    ['令和元年度', 2019],
    ['2019', 2019],
  ])('%s is the plan column for %i', (text, fy) => expect(pureYearHeader(text)).toBe(fy));

  it.each(['令和5年度 評価', '2023年度 実績', 'R5取組状況', '展開スケジュール', '担当課', ''])('%s is not a plan year column', (text) =>
    expect(pureYearHeader(text)).toBeUndefined(),
  );

  it('any Western year 2000–2099 written as NNNN年度 (RN) parses back to itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2019, max: 2099 }), fc.boolean(), (y, space) => {
        expect(pureYearHeader(`${y}年度${space ? ' ' : ''}(R${y - 2018})`)).toBe(y);
      }),
    );
  });

  const years = ['2021年度 (R3)', '2022年度 (R4)', '2023年度 (R5)', '2024年度 (R6)', '2025年度 (R7)', '2026年度 (R8)'];
  it.each([
    [
      'P1: 担当課 beside 展開スケジュール',
      [['取組事項No.', 1, '地域活動の促進'], ['実施項目', '展開スケジュール', null, null, null, null, null, '担当課'], [null, ...years]],
    ],
    [
      'P2: 担当課 on the title row, 実施項目 on the year row',
      [['取組事項No.', 25, '歳入基盤の強化', null, null, null, null, '担当課'], [null, '展開スケジュール'], ['実施項目', ...years]],
    ],
    ['P3: 担当課 on the title row, 実施項目 on row 2', [['取組事項No.', 8, '遊休施設の活用の検討', null, null, null, null, '担当課'], ['実施項目', '展開スケジュール'], [null, ...years]]],
  ])('%s', (_label, rows) => {
    const values = [...(rows as CellValue[][]), ['項目A', '実施']];
    // 担当課 is merged down over the header in the PDF; the kit sees it on every header row.
    const dept = (rows as CellValue[][])[0].indexOf('担当課') >= 0 ? [{ top: 0, left: 7, bottom: rows.length - 1, right: 7 }] : [];
    const t = findTable(view(values, dept), SCHEDULE)!;
    expect(colOf(t, 'name')?.col).toBe(0);
    expect(colOf(t, 'department')?.col).toBe(7);
    expect(t.columns.filter((c) => c.field === 'schedule').map((c) => c.fy)).toEqual([2021, 2022, 2023, 2024, 2025, 2026]);
    expect(t.headerRows[t.headerRows.length - 1]).toBe(rows.length - 1);
    expect(measureTitle(view(values).rowCells(0))?.no).toBeGreaterThan(0);
  });

  it('without a 担当課 header the table is still read, its departments missing (the spec warns of each blank)', () => {
    const values: CellValue[][] = [['取組事項No.25', '歳入基盤の強化'], ['実施項目', ...years], ['項目A', '実施', null, null, null, null, null, '税務課']];
    const t = findTable(view(values), SCHEDULE)!;
    expect(t.headerRows).toEqual([1]);
    expect(colOf(t, 'department')).toBeUndefined();
    expect(t.columns.filter((c) => c.field === 'schedule')).toHaveLength(6);
    expect(measureTitle(view(values).rowCells(0))).toMatchObject({ no: 25, name: '歳入基盤の強化' });
  });
});

describe('headings, 【再掲】 and departments', () => {
  it.each([
    ['基本方針 I 地域経営マネジメント', 'I', '地域経営マネジメント'],
    ['基本方針II 公共施設マネジメント', 'II', '公共施設マネジメント'],
    ['基本方針Ⅲ 行政経営マネジメント', 'III', '行政経営マネジメント'],
    ['基本方針Ⅳリスクマネジメント', 'IV', 'リスクマネジメント'],
    ['基本方針Ⅰ 地域経営 マネジメント', 'I', '地域経営マネジメント'],
    ['基本方針 IV リスク マネジメント', 'IV', 'リスクマネジメント'],
  ])('%s → %s %s', (text, key, name) => expect(parsePolicy(text)).toMatchObject({ key, name }));

  it.each([
    ['II 公共施設 マネジメント', 'II'],
    ['Ⅲ 行政経営 マネジメント', 'III'],
  ])('目次 form %s → %s', (text, key) => expect(parsePolicy(text, true)?.key).toBe(key));

  it('tells policy, theme, 取組事項 and caption rows apart, and leaves item names alone', () => {
    const v = view([['基本方針II 公共施設マネジメント'], ['1. 公共施設の再編・再配置の展開'], ['7 公共施設再編計画の推進'], ['< 重要業績評価指数 (KPI) >'], ['PPP/PFI手法の導入検討']]);
    expect([0, 1, 2, 3, 4].map((r) => headingRow(v, r)?.kind)).toEqual(['policy', 'theme', 'measure', 'caption', undefined]);
  });

  it.each([
    ['◆遊休施設の活用 の検討【再掲】\n遊休施設の実態把握', { source: '遊休施設の活用の検討', rest: '遊休施設の実態把握' }],
    ['◆公共施設における受 益者負担の最適化【再 掲】', { source: '公共施設における受益者負担の最適化', rest: '' }],
    ['解体の優先順位検討【再掲】', { rest: '解体の優先順位検討' }],
    ['解体の優先順位検討', undefined],
  ])('%j', (text, expected) => expect(parseRepost(text)).toEqual(expected));

  it.each([
    ['企画課、 団体所管課', ['企画課', '団体所管課']],
    ['生涯学習課 ・関係課', ['生涯学習課', '関係課']],
    ['建設課、 上下水道課', ['建設課', '上下水道課']],
    ['子育て・健康課', ['子育て・健康課']],
    ['', []],
  ])('%s → %j', (text, expected) => expect(splitDepartments(text)).toEqual(expected));

  it.each([
    ['評価', 'rating'],
    ['令和5年度 実績', 'actual'],
    ['取組状況', 'status'],
    ['今後の課題・方向性', 'note'],
    ['実績評価', 'rating'],
    ['担当課', 'department'],
  ])('progress header %s → %s', (text, field) => expect(SCHEDULE.match(text)?.field).toBe(field));
});
