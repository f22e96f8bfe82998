import { readXlsx } from '../../src/adapters/file/read-xlsx';
import { analyse } from '../../src/core/engine/analyse';
import type { WorkbookGrid } from '../../src/core/grid/types';
import { SheetView } from '../../src/core/grid/sheet-view';
import { detectLayouts } from '../../src/core/layouts/detect';
import { tsukubamiraiLayout } from '../../src/core/layouts/tsukubamirai/action-plan';
import { GRID, MEANS, STANCES } from '../../src/core/layouts/tsukubamirai/grid';
import { readGridSheet } from '../../src/core/layouts/tsukubamirai/grid-sheet';
import type { LayoutRead } from '../../src/core/layouts/types';
import { PlanSchema, type Item, type Plan } from '../../src/core/model/plan';
import { crossTab } from '../../src/core/summary/crosstab';
import { summarise } from '../../src/core/summary/summarise';
import { fixturePath } from '../fixtures/paths';
import { TSUKUBAMIRAI_ITEMS } from '../fixtures/render/tsukubamirai.fixture';

const FILES = ['tsukubamirai.xlsx', 'tsukubamirai-edited.xlsx', 'tsukubamirai-wrong-digit.xlsx'] as const;
const books: Record<string, WorkbookGrid> = {};
const reads: Record<string, LayoutRead> = {};
const planOf = (r: LayoutRead): Plan =>
  PlanSchema.parse({ layouts: [r.layout], policyLabel: r.policyLabel, policies: r.policies, items: r.items, reportFy: r.reportFy });

beforeAll(async () => {
  for (const f of FILES) {
    books[f] = await readXlsx(fixturePath(f));
    reads[f] = tsukubamiraiLayout.read(books[f], {});
  }
});

function projection(it: Item) {
  const ind = it.indicators[0];
  const n = (v: { kind: string; value?: number } | undefined) => (v?.kind === 'number' ? v.value : v?.kind);
  return {
    id: it.id,
    policy: it.policyKey,
    cell: it.groupKey,
    classes: it.classes,
    name: it.name,
    departments: it.departments,
    rating: it.rating?.symbol,
    notes: it.notes,
    indicator: ind && {
      name: ind.name,
      unit: ind.unit,
      direction: ind.direction,
      baseline: n(ind.baseline?.value),
      targets: ind.targets.map((t) => [t.fy, n(t.value)]),
      final: n(ind.finalTarget?.value),
      actuals: ind.actuals.map((t) => [t.fy, n(t.value)]),
    },
  };
}

describe('Tsukubamirai grid (seed 003)', () => {
  it('has the 21 cells of the 整理表: 7 推進手段 × 3 基本姿勢, circled digit = 基本姿勢', () => {
    expect(MEANS).toHaveLength(7);
    expect(STANCES.map((s) => s.key)).toEqual(['①', '②', '③']);
    expect(GRID).toHaveLength(21);
    expect(new Set(GRID.map((c) => c.id)).size).toBe(21);
    expect(GRID.find((c) => c.id === '(3)-②')!.name).toBe('実施計画・予算編成との連携');
  });

  it('the 整理表 sheet rendered from the seed matches the reference grid cell for cell', () => {
    const sheet = books['tsukubamirai.xlsx'].sheets.find((s) => s.name === '整理表')!;
    const { cells, findings } = readGridSheet(new SheetView(sheet));
    expect(cells).toHaveLength(21);
    expect(findings).toEqual([]);
    for (const c of cells) {
      const ref = GRID.find((g) => g.means === c.means && g.stance === c.stance)!;
      expect([c.circled, c.name]).toEqual([c.stance, ref.name]);
    }
  });
});

describe('Tsukubamirai action plan, clean workbook', () => {
  it('is detected on both sheets', () => {
    const d = detectLayouts(books['tsukubamirai.xlsx']);
    expect(d.chosen.map((c) => [c.layout, c.sheets])).toEqual([['tsukubamirai', ['整理表', 'アクションプラン']]]);
  });

  it('classifies every item into its grid cell, all 21 cells used', () => {
    const items = reads['tsukubamirai.xlsx'].items;
    expect(items).toHaveLength(TSUKUBAMIRAI_ITEMS.length);
    for (const src of TSUKUBAMIRAI_ITEMS) {
      const it = items.find((i) => i.id === String(src.no))!;
      expect(it.classes).toEqual({ 推進手段: `(${src.means})`, 基本姿勢: STANCES[src.stance - 1].key });
      expect(it.groupKey).toBe(`(${src.means})-${STANCES[src.stance - 1].key}`);
      expect(it.policyName).toBe(MEANS[src.means - 1].name);
    }
    expect(new Set(items.map((i) => i.groupKey)).size).toBe(21);
    expect(reads['tsukubamirai.xlsx'].findings).toEqual([]);
  });

  it('reads indicators, yearly targets, 2021 actuals and ratings', () => {
    const read = reads['tsukubamirai.xlsx'];
    expect(read.reportFy).toBe(2021);
    const rpa = read.items.find((i) => i.name === 'RPAによる定型業務の自動化')!;
    expect(projection(rpa).indicator).toEqual({
      name: 'RPA導入業務数',
      unit: '業務',
      direction: 'higher',
      baseline: 0,
      targets: [
        [2019, 2],
        [2020, 5],
        [2021, 10],
        [2022, 15],
        [2023, 20],
      ],
      final: 20,
      actuals: [[2021, 7]],
    });
    expect(rpa.rating?.symbol).toBe('C');
    const ratio = read.items.find((i) => i.name === '財政指標の目標管理')!.indicators[0];
    expect(ratio.direction).toBe('cap-lt');
    const unrated = read.items.find((i) => i.name === '外部評価の導入')!;
    expect(unrated.rating).toBeUndefined();
    expect(unrated.ratingCell).toBeDefined();
    expect(unrated.notes!['plan:2021']).toBe('試行');
    expect(read.items.filter((i) => i.indicators.length)).toHaveLength(TSUKUBAMIRAI_ITEMS.filter((i) => i.indicator).length);
  });

  it('summarises by 推進手段, by 基本姿勢, and as a 7×3 cross-tab whose totals agree', () => {
    const plan = planOf(reads['tsukubamirai.xlsx']);
    const n = TSUKUBAMIRAI_ITEMS.length;
    const expectCount = (pick: (i: (typeof TSUKUBAMIRAI_ITEMS)[number]) => string) =>
      TSUKUBAMIRAI_ITEMS.reduce<Record<string, number>>((m, i) => ({ ...m, [pick(i)]: (m[pick(i)] ?? 0) + 1 }), {});

    const byMeans = summarise(plan, { axis: '推進手段' });
    expect(Object.fromEntries(byMeans.groups.map((g) => [g.key, g.total]))).toEqual(expectCount((i) => `(${i.means})`));
    expect(byMeans.total.total).toBe(n);
    const byStance = summarise(plan, { axis: '基本姿勢' });
    expect(Object.fromEntries(byStance.groups.map((g) => [g.key, g.total]))).toEqual(expectCount((i) => STANCES[i.stance - 1].key));
    expect(byStance.total.total).toBe(n);
    const byPolicy = summarise(plan);
    expect(byPolicy.groups.map((g) => g.key)).toEqual(MEANS.map((m) => m.key));
    expect(byPolicy.groupLabel).toBe('推進手段');

    const x = crossTab(plan, '推進手段', '基本姿勢');
    expect(x.rows).toHaveLength(7);
    expect(x.cols).toHaveLength(3);
    expect(x.total).toBe(n);
    expect(x.rowTotals.reduce((a, b) => a + b, 0)).toBe(n);
    expect(x.colTotals.reduce((a, b) => a + b, 0)).toBe(n);
    for (const [i, r] of x.rows.entries()) {
      expect(x.rowTotals[i]).toBe(byMeans.groups.find((g) => g.key === r.key)!.total);
      for (const [j, c] of x.cols.entries()) {
        const expected = TSUKUBAMIRAI_ITEMS.filter((it) => `(${it.means})` === r.key && STANCES[it.stance - 1].key === c.key).length;
        expect(x.counts[i][j]).toBe(expected);
        expect(x.counts[i][j]).toBeGreaterThan(0);
      }
    }
    for (const [j, c] of x.cols.entries()) expect(x.colTotals[j]).toBe(byStance.groups.find((g) => g.key === c.key)!.total);
  });

  it('goes through analyse end to end', () => {
    const a = analyse(books['tsukubamirai.xlsx']);
    expect(a.plan.layouts).toEqual(['tsukubamirai']);
    expect(a.summary.total.total).toBe(TSUKUBAMIRAI_ITEMS.length);
    expect(a.findings.filter((f) => f.code.startsWith('TKB'))).toEqual([]);
  });
});

describe('Tsukubamirai, edited and wrong copies', () => {
  it('the edited copy (moved columns, codes, reordered rows, full-width numbers …) reads the same', () => {
    const sorted = (r: LayoutRead) => [...r.items].sort((a, b) => Number(a.id) - Number(b.id)).map(projection);
    expect(sorted(reads['tsukubamirai-edited.xlsx'])).toEqual(sorted(reads['tsukubamirai.xlsx']));
    expect(reads['tsukubamirai-edited.xlsx'].findings).toEqual([]);
    expect(detectLayouts(books['tsukubamirai-edited.xlsx']).unclaimed.sort()).toEqual(['作業用', '記入要領']);
  });

  it('flags a circled digit that is not the 基本姿勢 number, in the sheet and in the 整理表 (TKB001)', () => {
    const read = reads['tsukubamirai-wrong-digit.xlsx'];
    const tkb = read.findings.filter((f) => f.code === 'TKB001');
    expect(tkb.map((f) => [f.sheet, f.itemId, f.severity])).toEqual([
      ['整理表', undefined, 'error'],
      ['アクションプラン', '8', 'error'],
    ]);
    const it8 = read.items.find((i) => i.id === '8')!;
    const cellOf8 = books['tsukubamirai-wrong-digit.xlsx'].sheets.find((s) => s.name === 'アクションプラン')!;
    expect(new SheetView(cellOf8).text(it8.source.row, 3)).toMatch(/^③/);
    expect(tkb[1].cell).toBe(`D${it8.source.row + 1}`);
    // The 基本姿勢 column decides: the item stays in (3)-②.
    expect(it8.classes).toEqual({ 推進手段: '(3)', 基本姿勢: '②' });
  });
});
