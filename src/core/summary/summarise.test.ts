import fc from 'fast-check';
import list from '../../../test/fixtures/seed-data/seed-004-isehara-list.json';
import { buildPlan, type ItemSpec } from '../../../test/helpers/plan-builder';
import { DEFAULT_RULES } from '../rules/config';
import { evaluatePlan } from '../rules/evaluate';
import { crossTab } from './crosstab';
import { summarise } from './summarise';

interface ListRow { code: string; unit: string; rating: string; target: string; actual: string; effectPlanned: string; effectActual: string }

describe('Isehara R5 summary from the 71-row list (seed 004 §1.2–1.3)', () => {
  const names = ['行政サービスの最適化', '公共私連携・協働', 'スマート市役所への転換', '公共施設の縮充・最適化', '健全な財政運営'];
  const specs: ItemSpec[] = (list as ListRow[]).map((r) => ({
    id: r.code, policy: r.code[0], policyName: names[Number(r.code[0]) - 1], unit: r.unit, target: r.target, actual: r.actual, rating: r.rating,
    effects: { 2023: { planned: r.effectPlanned, actual: r.effectActual } },
  }));
  const s = summarise(buildPlan(specs, { reportFy: 2023 }));

  it('reproduces the published counts and effects per 基本方針', () => {
    expect(s.scale.symbols.map((x) => x.symbol)).toEqual(['A', 'B', 'C', 'D']);
    expect(s.groups.map((g) => [g.key, ...g.counts, g.total, g.effectPlanned, g.effectActual, g.effectRatio])).toEqual([
      ['1', 4, 9, 5, 0, 18, 29273, 592300, 2023.4],
      ['2', 5, 11, 3, 0, 19, 4565, 6594, 144.4],
      ['3', 2, 6, 0, 0, 8, 4471, 5079, 113.6],
      ['4', 0, 7, 0, 0, 7, 0, 0, null],
      ['5', 6, 10, 3, 0, 19, 190211, 193760, 101.9],
    ]);
    expect([s.total.counts, s.total.unrated, s.total.total, s.total.effectPlanned, s.total.effectActual, s.total.effectRatio]).toEqual([
      [17, 43, 11, 0], 0, 71, 228520, 797733, 349.1,
    ]);
    expect(s.total.shares).toEqual([23.9, 60.6, 15.5, 0]);
  });
});

describe('summarise', () => {
  const base: ItemSpec[] = [
    { id: 'a', policy: 'p2', rating: 'A', effects: { 2023: { planned: 100, actual: 150 } } },
    { id: 'b', policy: 'p1', target: 3, actual: 3 }, // unrated, suggestion B
    { id: 'c', policy: 'p1', rating: 'C', effects: { 2023: { planned: '-', actual: '-15,173' }, 2024: { planned: 999 } } },
    { id: 'a', policy: 'p1', rating: 'A', flags: ['repost'], effects: { 2023: { planned: 100, actual: 150 } } },
    { id: 't', policy: 'p1', rating: 'D', flags: ['template'] },
  ];
  const plan = buildPlan(base, { policies: [{ key: 'p1', name: '一', order: 0 }, { key: 'p2', name: '二', order: 1 }] });

  it('groups in policy order, skips 再掲 and template, sums the report year only', () => {
    const s = summarise(plan);
    expect(s.groups.map((g) => [g.key, g.total, g.unrated, g.effectPlanned, g.effectActual, g.effectRatio])).toEqual([
      ['p1', 2, 1, 0, -15173, null],
      ['p2', 1, 0, 100, 150, 150],
    ]);
    expect(s.suggestedUsed).toEqual([]);
  });

  it('counts suggestions only when asked, and says which', () => {
    const s = summarise(plan, { includeSuggested: true, evaluations: evaluatePlan(plan, DEFAULT_RULES) });
    expect([s.groups[0].counts, s.groups[0].unrated]).toEqual([[0, 1, 1, 0], 0]);
    expect(s.suggestedUsed).toEqual(['b']);
  });

  it('groups by a class axis when asked', () => {
    const p = buildPlan([
      { id: '1', rating: 'A', classes: { 推進手段: '手段1', 基本姿勢: '姿勢1' } },
      { id: '2', rating: 'B', classes: { 推進手段: '手段2', 基本姿勢: '姿勢1' } },
      { id: '3', rating: 'B', classes: { 推進手段: '手段1', 基本姿勢: '姿勢2' } },
      { id: '4', rating: 'C' },
    ]);
    const s = summarise(p, { axis: '推進手段' });
    expect(s.groupLabel).toBe('推進手段');
    expect(s.groups.map((g) => [g.name, g.total])).toEqual([['手段1', 2], ['手段2', 1], ['未分類', 1]]);
    const x = crossTab(p, '推進手段', '基本姿勢');
    expect(x.cols.map((c) => c.name)).toEqual(['姿勢1', '姿勢2', '未分類']);
    expect(x.counts).toEqual([[1, 1, 0], [1, 0, 0], [0, 0, 1]]);
    expect([x.rowTotals, x.colTotals, x.total]).toEqual([[2, 1, 1], [2, 1, 1], 4]);
  });

  const itemArb = fc.record({
    policy: fc.constantFrom('1', '2', '3'),
    axis: fc.option(fc.constantFrom('x', 'y'), { nil: undefined }),
    rating: fc.option(fc.constantFrom('A', 'B', 'C', 'D', 'B 概ね計画どおり'), { nil: undefined }),
    planned: fc.option(fc.integer({ min: -1000, max: 100000 }), { nil: undefined }),
    actual: fc.option(fc.integer({ min: -1000, max: 100000 }), { nil: undefined }),
    repost: fc.boolean(),
  });
  type Row = typeof itemArb extends fc.Arbitrary<infer T> ? T : never;
  const toPlan = (rows: Row[]) =>
    buildPlan(
      rows.map((r, i) => ({
        id: String(i), policy: r.policy, ...(r.rating ? { rating: r.rating } : {}), flags: r.repost ? ['repost' as const] : [],
        ...(r.axis ? { classes: { k: r.axis } } : {}),
        effects: { 2023: { planned: r.planned ?? null, actual: r.actual ?? null } },
      })),
    );

  it('totals equal the sum of the groups, on any axis (property)', () => {
    fc.assert(
      fc.property(fc.array(itemArb, { maxLength: 40 }), fc.constantFrom('policy', 'k'), (rows, axis) => {
        const s = summarise(toPlan(rows), { axis });
        const sum = (f: (g: (typeof s.groups)[number]) => number) => s.groups.reduce((n, g) => n + f(g), 0);
        for (const k of [0, 1, 2, 3]) expect(sum((g) => g.counts[k])).toBe(s.total.counts[k]);
        expect(sum((g) => g.unrated)).toBe(s.total.unrated);
        expect(sum((g) => g.total)).toBe(s.total.total);
        expect(sum((g) => g.effectPlanned)).toBe(s.total.effectPlanned);
        expect(sum((g) => g.effectActual)).toBe(s.total.effectActual);
      }),
    );
  });

  it('never counts a 【再掲】 repeat (property)', () => {
    fc.assert(
      fc.property(fc.array(itemArb, { maxLength: 40 }), (rows) => {
        const p = toPlan(rows);
        const s = summarise(p);
        const originals = rows.filter((r) => !r.repost);
        expect(s.total.total).toBe(originals.length);
        expect(s.total.effectActual).toBe(originals.reduce((n, r) => n + (r.actual ?? 0), 0));
        expect(crossTab(p, 'policy', 'k').total).toBe(originals.length);
      }),
    );
  });
});
