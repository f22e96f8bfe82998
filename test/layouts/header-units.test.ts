import type { CellValue, Range, WorkbookGrid } from '../../src/core/grid/types';
import { analyse } from '../../src/core/engine/analyse';
import { amountInThousandYen } from '../../src/core/summary/summarise';
import { suggestMapping } from '../../src/core/layouts/generic/suggest';
import { LayoutSpecSchema } from '../../src/core/layouts/kit/spec';

/**
 * A header of three rows (the year over 目標 / 実績, 効果額 over 見込 / 実績, then a row of units), with
 * the rating scale's legend beside it: the units row is the header's, the legend heads no column.
 */
function threeRowHeader(unitsRow: CellValue[], headerBottom = 4): WorkbookGrid {
  const values: CellValue[][] = [
    ['令和6年度 行財政改革アクションプラン 進捗管理表'],
    [],
    ['No.', '取組項目', '担当課', '成果指標', '令和6年度', null, '評価', '効果額', null, null, '評価基準'],
    [null, null, null, null, '目標', '実績', null, '見込', '実績', null, 'A：目標を達成'],
    [...unitsRow, null, 'B：概ね達成'],
    [1, '窓口のデジタル化', '市民課', '電子申請件数', 1000, 1200, 'A', 500, 650, null, 'C：未達成'],
    [2, '施設使用料の見直し', '財政課', '見直し施設数', 10, 6, 'C', 3, 1.2],
  ];
  const merges: Range[] = [
    { top: 2, left: 4, bottom: 2, right: 5 },
    { top: 2, left: 7, bottom: 2, right: 8 },
    ...[0, 1, 2, 3, 6].map((c) => ({ top: 2, left: c, bottom: headerBottom, right: c })),
  ];
  return { name: 'h.xlsx', sheets: [{ name: '進捗管理表', values, merges }] };
}

describe('a units row under the header', () => {
  test.each([
    ['(千円)', 500 + 3, 650 + 1.2],
    ['(百万円)', (500 + 3) * 1000, (650 + 1.2) * 1000],
    ['単位：円', (500 + 3) / 1000, (650 + 1.2) / 1000],
  ])('%s under 効果額: the amounts are read in that unit', (unit, planned, actual) => {
    const a = analyse(threeRowHeader([null, null, null, '(単位)', '(件)', '(件)', null, unit, unit]));
    expect(a.plan.items.map((i) => i.name)).toEqual(['窓口のデジタル化', '施設使用料の見直し']);
    expect(a.plan.reportFy).toBe(2024);
    expect(a.summary.total.effectPlanned).toBeCloseTo(planned, 6);
    expect(a.summary.total.effectActual).toBeCloseTo(actual, 6);
    const first = a.plan.items[0];
    expect(first.indicators[0].targets.map((t) => [t.fy, t.value.raw])).toEqual([[2024, '1000']]);
    expect(first.indicators[0].actuals.map((t) => [t.fy, t.value.raw])).toEqual([[2024, '1200']]);
  });

  test('the legend beside the header is not a second 目標 column', () => {
    const a = analyse(threeRowHeader([null, null, null, '(単位)', null, null, null, '(千円)', '(千円)']));
    expect(a.findings.map((f) => f.code)).not.toContain('LAY007');
    expect(a.plan.items[0].cells['target:2024#0'] ?? a.plan.items[0].cells['target:2024']).toEqual({ sheet: '進捗管理表', address: 'E6' });
  });

  test('a first item right under the header is an item, not a units row', () => {
    const wb = threeRowHeader([3, '庁舎の省エネ', '管財課', '電気使用量', 100, 90, 'B', 10, 12], 3);
    expect(analyse(wb).plan.items.map((i) => i.name)).toEqual(['庁舎の省エネ', '窓口のデジタル化', '施設使用料の見直し']);
  });
});

test.each([
  [{ value: 0.5, unit: '百万円' }, '千円', 500],
  [{ value: 1200, unit: '千円' }, '円', 1200],
  [{ value: 3000, unit: '円' }, undefined, 3],
  [{ value: 1.2, unit: '億円' }, '千円', 120000],
  [{ value: 500, unit: '万円' }, '千円', 5000],
  [{ value: 40, unit: '件' }, '百万円', 40000],
  [{ value: 40 }, '百万円', 40000],
  [{ value: 40 }, undefined, 40],
])('amountInThousandYen(%j, %s) = %d: a money unit typed in the cell wins over the column’s', (v, column, expected) => {
  expect(amountInThousandYen(v, column)).toBeCloseTo(expected, 9);
});

test('the layout `shinchoku mapping` suggests keeps the units row out of its labels and reads the same', () => {
  const wb = threeRowHeader([null, null, null, '(単位)', '(件)', '(件)', null, '(百万円)', '(百万円)']);
  const spec = LayoutSpecSchema.parse(JSON.parse(JSON.stringify(suggestMapping(wb)!.spec)));
  expect(spec.tables[0].header).toMatchObject({ row: 4, maxRows: 2 });
  const saved = analyse(wb, { mapping: spec });
  expect(saved.summary.total).toEqual(analyse(wb).summary.total);
  expect(saved.summary.total.effectPlanned).toBe(503000);
});

test('a header of three rows merged beside its name (令和6年度 > 財政効果額 > 見込 | 実績) reads its amounts', () => {
  const values: CellValue[][] = [
    ['第5次行政改革大綱 実施計画 進捗管理表'],
    ['基本方針', '取組番号', '取組名', '所管課', '令和6年度', null, null, '備考'],
    [null, null, null, null, '財政効果額（千円）', null, '評価', null],
    [null, null, null, null, '見込', '実績', null, null],
    ['持続可能な財政基盤の確立', '①', '債権管理の一元化', '債権管理課', 2000, 2500, 'A', null],
    [null, '②', 'ふるさと納税', '地域振興課', 10000, 13500, 'A', null],
    [null, null, '小計', null, 12000, 16000, null, null],
    ['質の高い行政サービス', '③', '業務のアウトソーシング', '行政管理課', 3000, 2700, 'B', null],
    [null, null, '小計', null, 3000, 2700, null, null],
  ];
  const merges: Range[] = [
    ...[0, 1, 2, 3, 7].map((c) => ({ top: 1, left: c, bottom: 3, right: c })),
    { top: 1, left: 4, bottom: 1, right: 6 },
    { top: 2, left: 4, bottom: 2, right: 5 },
    { top: 2, left: 6, bottom: 3, right: 6 },
    { top: 4, left: 0, bottom: 6, right: 0 },
    { top: 7, left: 0, bottom: 8, right: 0 },
  ];
  const a = analyse({ name: 'b09.xlsx', sheets: [{ name: '進捗管理表', values, merges }] });
  expect(a.plan.items.map((i) => i.name)).toEqual(['債権管理の一元化', 'ふるさと納税', '業務のアウトソーシング']);
  expect(a.plan.reportFy).toBe(2024);
  expect(a.summary.groups.map((g) => [g.name, g.effectPlanned, g.effectActual, g.counts])).toEqual([
    ['持続可能な財政基盤の確立', 12000, 16000, [2, 0, 0, 0]],
    ['質の高い行政サービス', 3000, 2700, [0, 1, 0, 0]],
  ]);
});

describe('a unit note the header does not carry', () => {
  const sheet = (above: string | null, below: string | null): WorkbookGrid => ({
    name: 'd04.xlsx',
    sheets: [
      {
        name: '実績',
        values: [
          ['令和6年度 行財政改革 実績一覧'],
          [above],
          ['基本方針', 'No.', '取組名', '担当課', '評価', '効果見込額', '実績効果額'],
          ['1 財政', 1, '補助金の見直し', '財政課', 'A', 12.5, 10],
          ['1 財政', 2, '施設の統廃合', '管財課', 'B', 3, 2.5],
          ['合計', null, null, null, null, 15.5, 12.5],
          [],
          [below],
        ],
        merges: [],
      },
    ],
  });
  test.each<[string, string | null, string | null, number]>([
    ['※金額の単位は百万円 under the table', null, '※金額の単位は百万円', 15500],
    ['（単位：百万円） under the table', null, '（単位：百万円）', 15500],
    ['※金額の単位は百万円 above it', '※金額の単位は百万円', null, 15500],
    ['a note under it that names no unit', null, '※金額は決算見込額', 15.5],
  ])('%s', (_name, above, below, planned) => {
    const a = analyse(sheet(above, below));
    expect(a.summary.total.effectPlanned).toBeCloseTo(planned, 6);
  });
});
