import type { CellValue, Range, WorkbookGrid } from '../../src/core/grid/types';
import { analyse } from '../../src/core/engine/analyse';
import { roleOf } from '../../src/core/layouts/kit/role-rows';
import { suggestMapping } from '../../src/core/layouts/generic/suggest';
import { LayoutSpecSchema } from '../../src/core/layouts/kit/spec';

/**
 * Items written on two rows, a plan row and a result row told apart by a column (区分: 目標 / 実績,
 * 上段：計画 下段：実績): the plan row's values are the targets and planned effects, the result row's
 * the actuals and achieved effects (LAY021 says so), whether the item's cells are merged over both
 * rows or its name is typed on each.
 */

test.each([
  ['目標', 'planned'],
  ['計画', 'planned'],
  ['見込', 'planned'],
  ['計画（上段）', 'planned'],
  ['上段：目標', 'planned'],
  ['実績', 'actual'],
  ['［実績］', 'actual'],
  ['実 績', 'actual'],
  ['決算', 'actual'],
  ['目標値を達成', undefined],
  ['実績なし', undefined],
  ['', undefined],
])('roleOf(%j) = %s', (text, role) => {
  expect(roleOf(text)).toBe(role);
});

const merged = (top: number, left: number): Range => ({ top, left, bottom: top + 1, right: left });

/** 番号 | 取組項目 | 担当課 | 区分 | 令和6年度 | 効果額（千円） | 評価, each item on a 目標 row and a 実績 row, merged. */
function twoRowList(): WorkbookGrid {
  const values: CellValue[][] = [['取組状況一覧（令和6年度）'], [], ['番号', '取組項目', '担当課', '区分', '令和6年度', '効果額（千円）', '評価']];
  const merges: Range[] = [];
  const items: [string, string, string, string, number, string, number, string][] = [
    ['1-1', '事務事業の見直し', '行政改革課', '10事業', 5000, '8事業', 4200, 'B'],
    ['1-2', '補助金の適正化', '財政課', '3件', 12000, '4件', 15000, 'A'],
    ['2-1', '窓口業務の委託', '市民課', '委託開始', 8000, '準備中', 0, 'C'],
  ];
  for (const [id, name, dept, target, planned, actual, achieved, rating] of items) {
    const r = values.length;
    values.push([id, name, dept, '目標', target, planned, rating], [null, null, null, '実績', actual, achieved, null]);
    for (const c of [0, 1, 2, 6]) merges.push(merged(r, c));
  }
  return { name: 'two-rows.xlsx', sheets: [{ name: '進捗状況', values, merges }] };
}

describe('items on a plan row and a result row', () => {
  test('merged over both rows: one item each, the plan and result of every value column', () => {
    const a = analyse(twoRowList());
    expect(a.detection.chosen.map((c) => c.layout)).toEqual(['generic']);
    expect(a.plan.items.map((i) => [i.id, i.policyKey, i.rating?.symbol])).toEqual([
      ['1-1', '1', 'B'],
      ['1-2', '1', 'A'],
      ['2-1', '2', 'C'],
    ]);
    const first = a.plan.items[0];
    expect(first.effects?.byYear).toEqual([{ fy: 2024, planned: expect.objectContaining({ kind: 'number', value: 5000 }), actual: expect.objectContaining({ kind: 'number', value: 4200 }) }]);
    expect(first.indicators).toHaveLength(1);
    expect(first.indicators[0].targets.map((t) => t.value.raw)).toEqual(['10事業']);
    expect(first.indicators[0].actuals.map((t) => t.value.raw)).toEqual(['8事業']);
    // Each figure points at its own row's cell.
    expect([first.cells['effectPlanned:2024'], first.cells['effectActual:2024']]).toEqual([
      { sheet: '進捗状況', address: 'F4' },
      { sheet: '進捗状況', address: 'F5' },
    ]);
    expect(a.summary.total).toMatchObject({ effectPlanned: 25000, effectActual: 19200 });
    const lay021 = a.findings.filter((f) => f.code === 'LAY021');
    expect(lay021.map((f) => [f.cell, f.message.ja])).toEqual([['D3', expect.stringContaining('「目標」の行を目標値・効果見込額')]]);
    // 区分 is not taken for a 基本方針 or group: the numbers give the 基本方針.
    expect(a.plan.policies.map((p) => p.key)).toEqual(['1', '2']);
    expect(a.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('the name typed again on the result row: still one item', () => {
    const values: CellValue[][] = [['令和6年度 行政改革 進捗状況'], ['番号', '取組名', '指標', '区分', '令和6年度', '評価']];
    for (const [no, name, ind, t, act, rating] of [
      ['1', '電子申請の拡充', 'オンライン手続数', 50, 62, 'A'],
      ['2', 'ペーパーレス化', '用紙購入量（千枚）', 800, 760, 'B'],
    ] as const) values.push([no, name, ind, '目標', t, rating], [no, name, ind, '実績', act, null]);
    const a = analyse({ name: 'r.xlsx', sheets: [{ name: '進捗', values, merges: [] }] });
    expect(a.plan.items.map((i) => [i.id, i.indicators[0].targets[0].value.raw, i.indicators[0].actuals[0].value.raw])).toEqual([
      ['1', '50', '62'],
      ['2', '800', '760'],
    ]);
    expect(a.findings.map((f) => f.code)).not.toContain('VLD008');
    expect(a.evaluations.map((e) => e.ratio)).toEqual([124, 95]);
  });

  test('years across under 効果額 (上段：計画 下段：実績): the report year is the latest with results, its amounts are summed', () => {
    const values: CellValue[][] = [
      ['効果額の推移（単位：千円）'],
      [],
      ['No.', '取組項目', '所管課', '上段：計画\n下段：実績', '効果額（千円）', null, null, '評価'],
      [null, null, null, null, 'R5', 'R6', 'R7', null],
    ];
    const merges: Range[] = [{ top: 2, left: 4, bottom: 2, right: 6 }, ...[0, 1, 2, 3, 7].map((c) => merged(2, c))];
    for (const [no, name, dept, plan, act, rating] of [
      ['1-1', '職員給与の適正化', '人事課', [1000, 2000, 3000], [1200, 1800, null], 'B'],
      ['1-2', '使用料の見直し', '財政課', [500, 500, 500], [450, 600, null], 'A'],
    ] as const) {
      const r = values.length;
      values.push([no, name, dept, '計画', ...plan, rating], [null, null, null, '実績', ...act, null]);
      for (const c of [0, 1, 2, 7]) merges.push(merged(r, c));
    }
    const a = analyse({ name: 'y.xlsx', sheets: [{ name: '効果額', values, merges }] });
    expect(a.plan.reportFy).toBe(2024);
    expect(a.summary.total).toMatchObject({ effectPlanned: 2500, effectActual: 2400 });
    expect(a.plan.items[0].effects?.byYear.map((y) => [y.fy, y.planned?.raw, y.actual?.raw])).toEqual([
      [2023, '1000', '1200'],
      [2024, '2000', '1800'],
      [2025, '3000', ''],
    ]);
    expect(a.findings.map((f) => f.code)).not.toContain('SCH001');
  });

  test('a 区分 column of other words is a 基本方針 as before, and no row is read by role', () => {
    const values: CellValue[][] = [
      ['区分', '取組名', '所管課', '指標', '評価', '効果額（令和6年度・千円）'],
      ['1 財政', '歳入の確保', '財政課', '収納率', 'A', 100],
      ['2 組織', '定員の適正化', '人事課', '職員数', 'B', 50],
    ];
    const a = analyse({ name: 'k.xlsx', sheets: [{ name: '一覧', values, merges: [] }] });
    expect(a.plan.items.map((i) => i.policyKey)).toEqual(['1', '2']);
    expect(a.findings.map((f) => f.code)).not.toContain('LAY021');
  });
});

describe('the layout `shinchoku mapping` suggests for such a table', () => {
  test('saved as JSON and passed back, reads the same items and summary (plan and result rows, 基本方針 from the number)', () => {
    const wb = twoRowList();
    const spec = LayoutSpecSchema.parse(JSON.parse(JSON.stringify(suggestMapping(wb)!.spec)));
    expect(spec.tables[0]).toMatchObject({ roleRows: true, policyFromId: true });
    const saved = analyse(wb, { mapping: spec });
    const fresh = analyse(wb);
    expect(saved.plan.items.map((i) => [i.id, i.policyKey, i.effects, i.indicators])).toEqual(fresh.plan.items.map((i) => [i.id, i.policyKey, i.effects, i.indicators]));
    expect(saved.summary.total).toEqual(fresh.summary.total);
  });
});
