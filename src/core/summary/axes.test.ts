import { buildPlan } from '../../../test/helpers/plan-builder';
import { availableAxes, resolveAxis } from './axes';
import { crossTab } from './crosstab';
import { summarise } from './summarise';

const plan = (() => {
  const p = buildPlan(
    [
      { id: '1', rating: 'A', classes: { 基本姿勢: '①' } },
      { id: '2', rating: 'B', classes: { 基本姿勢: '②' } },
      { id: '3', rating: 'B', classes: { 基本姿勢: '①' } },
    ],
    { policyLabel: '推進手段' },
  );
  const depts = [['財政課'], ['財政課', '企画課'], []];
  return { ...p, items: p.items.map((i, n) => ({ ...i, departments: depts[n] })), classNames: { 基本姿勢: { '①': '人・組織', '②': '財政運営' } } };
})();

describe('classification axes', () => {
  it('lists the plan level, its class axes and 所管課', () => {
    expect(availableAxes(plan).map((a) => [a.id, a.label])).toEqual([
      ['policy', '推進手段'],
      ['基本姿勢', '基本姿勢'],
      ['department', '所管課'],
    ]);
  });

  it.each([
    ['所管課', 'department'],
    ['担当課', 'department'],
    ['ＤＥＰＴ', 'department'],
    ['推進手段', 'policy'],
    ['基本方針', 'policy'],
    [' 基本姿勢 ', '基本姿勢'],
    ['部局', undefined],
  ])('%s → %s', (typed, id) => {
    expect(resolveAxis(plan, typed)?.id).toBe(id);
  });

  it('counts an item shared by two departments in both rows and once in the total; no department is 未分類', () => {
    const s = summarise(plan, { axis: 'department' });
    expect(s.groups.map((g) => [g.name, g.total])).toEqual([
      ['財政課', 2],
      ['企画課', 1],
      ['未分類', 1],
    ]);
    expect(s.total.total).toBe(3);
    expect(s.total.counts).toMatchObject({ A: 1, B: 2 });
  });

  it('names a class axis’s groups from the plan, and cross-tab totals count distinct items', () => {
    expect(summarise(plan, { axis: '基本姿勢' }).groups.map((g) => g.name)).toEqual(['人・組織', '財政運営']);
    const x = crossTab(plan, 'department', '基本姿勢');
    expect(x.cols.map((c) => c.name)).toEqual(['人・組織', '財政運営']);
    expect(x.counts).toEqual([
      [1, 1],
      [0, 1],
      [1, 0],
    ]);
    expect(x.colTotals).toEqual([2, 1]);
    expect(x.rowTotals).toEqual([2, 1, 1]);
    expect(x.total).toBe(3);
  });
});
