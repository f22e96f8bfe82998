import { buildPlan } from '../../../test/helpers/plan-builder';
import type { Item, Plan } from '../model/plan';
import { finding } from './finding';
import { verdictOf } from './verdict';

/** A plan table: nowhere to put a rating (the builder gives every item a rating cell). */
function asPlanTable(item: Item): Item {
  const { ratingCell: _r, ...rest } = item;
  const { rating: _c, ...cells } = item.cells;
  return { ...rest, cells };
}

const two = (rated: boolean): Plan => {
  const plan = buildPlan([{ id: '1', ...(rated ? { rating: 'B' } : {}) }, { id: '2', ...(rated ? { rating: 'A' } : {}) }]);
  return rated ? plan : { ...plan, items: plan.items.map(asPlanTable) };
};

describe('verdictOf', () => {
  const at = { sheet: '進捗', cell: 'A1' };
  const errors = (n: number) => Array.from({ length: n }, () => finding('VLD004', 'error', at, 'x', 'x'));
  const warnings = (n: number) => Array.from({ length: n }, () => finding('VLD009', 'warning', at, 'x', 'x'));

  it('a rated sheet with warnings only is ready', () => {
    expect(verdictOf(two(true), warnings(2))).toMatchObject({ ready: true, items: 2, warnings: 2, planItems: 0 });
  });

  it('an error blocks submission', () => {
    expect(verdictOf(two(true), errors(1))).toMatchObject({ ready: false, errors: 1, planItems: 0 });
  });

  it('a plan with no rating column is not ready, with no error at all, and says which sheet', () => {
    expect(verdictOf(two(false), [])).toMatchObject({ ready: false, errors: 0, planItems: 2, planSheets: ['進捗'] });
  });

  it('a 【再掲】 repeat and the blank template are not items to rate', () => {
    const plan = buildPlan([{ id: '1', rating: 'A' }, { id: '1', flags: ['repost'] }, { id: 'tpl', flags: ['template'] }]);
    const p = { ...plan, items: plan.items.map((i) => (i.flags.length ? asPlanTable(i) : i)) };
    expect(verdictOf(p, [])).toMatchObject({ ready: true, items: 1, planItems: 0 });
  });

  it('nothing read is not ready', () => {
    expect(verdictOf(buildPlan([]), [])).toMatchObject({ ready: false, items: 0 });
  });
});
