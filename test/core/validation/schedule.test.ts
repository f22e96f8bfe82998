import type { Item } from '../../../src/core/model/plan';
import { checkSchedule } from '../../../src/core/validation/schedule';
import { buildItem } from '../../helpers/plan-builder';

/** An item with schedule year columns (G, H, I for 2022–2024) holding these texts. */
function scheduled(plan: Record<number, string>, extra: { status?: Record<number, string>; rating?: string; actual?: string | number } = {}): Item {
  const item = buildItem({ id: '1', name: '窓口業務の見直し', reportFy: 2023, ...(extra.rating ? { rating: extra.rating } : {}), ...(extra.actual !== undefined ? { actual: extra.actual, target: 10 } : {}) });
  [2022, 2023, 2024].forEach((fy, i) => {
    item.cells[`schedule:${fy}`] = { sheet: '工程表', address: `${'GHI'[i]}2` };
    if (plan[fy] !== undefined) item.notes = { ...item.notes, [`plan:${fy}`]: plan[fy] };
  });
  for (const [fy, text] of Object.entries(extra.status ?? {})) {
    item.cells[`status:${fy}` as `status:${number}`] = { sheet: '工程表', address: 'K2' };
    item.notes = { ...item.notes, [`status:${fy}`]: text };
  }
  return item;
}

const codes = (item: Item, fy = 2023) => checkSchedule(item, fy).map((f) => `${f.code}@${f.cell}`);

describe('schedule cells', () => {
  it('marks, arrows and phases in words pass; an entry that is no step is SCH001 at its cell', () => {
    expect(codes(scheduled({ 2022: '検討', 2023: '●', 2024: '→' }, { status: { 2023: '実施した' } }))).toEqual([]);
    const f = checkSchedule(scheduled({ 2022: '検討', 2023: '5', 2024: '×' }, { status: { 2023: '実施した' } }), 2023);
    expect(f.map((x) => `${x.code}@${x.cell}`)).toEqual(['SCH001@H2', 'SCH001@I2']);
    expect(f[0].params).toMatchObject({ fy: 2023, raw: '5' });
    expect(f[0].message.ja).toContain('「5」');
  });

  it('a status for a year before the schedule starts is SCH002 at the status', () => {
    expect(codes(scheduled({ 2024: '●' }, { status: { 2023: '実施した' } }))).toEqual(['SCH002@K2']);
    // A schedule that ended before the report year: work carrying on is not questioned.
    expect(codes(scheduled({ 2022: '●' }, { status: { 2023: '引き続き実施した' } }))).toEqual([]);
    // Nothing reported (or a dash), nothing to say; an empty schedule says nothing about any year.
    expect(codes(scheduled({ 2024: '●' }))).toEqual([]);
    expect(codes(scheduled({ 2024: '●' }, { status: { 2023: '-' } }))).toEqual([]);
    // A two-row schedule: the year is planned when any of its lines is.
    expect(codes(scheduled({ 2022: '-----→ / -----', 2024: '→ / 研修の実施' }, { status: { 2023: '計画どおり実施' } }))).toEqual([]);
    expect(codes(scheduled({}, { status: { 2023: '実施した' } }))).toEqual([]);
  });

  it('a step planned by the report year whose status says not started is SCH003', () => {
    expect(codes(scheduled({ 2022: '検討', 2023: '実施' }, { status: { 2023: '未着手' } }))).toEqual(['SCH003@K2']);
    // Planned only after the report year: not yet late.
    expect(codes(scheduled({ 2024: '実施' }, { status: { 2023: '未着手' } })).filter((c) => c.startsWith('SCH003'))).toEqual([]);
    expect(codes(scheduled({ 2022: '検討', 2023: '実施' }, { status: { 2023: '取組中' } }))).toEqual([]);
  });

  describe('a step outside the plan period is SCH004 at its cell', () => {
    const period = { from: 2023, to: 2027 };
    it.each([
      ['every step inside the period', { 2023: '検討', 2024: '実施' }, period, []],
      ['a step in the year before the period', { 2022: '検討', 2023: '実施' }, period, ['SCH004@G2']],
      ['a step in the year after the period', { 2023: '実施', 2024: '●' }, { from: 2021, to: 2023 }, ['SCH004@I2']],
      ['steps on both sides', { 2022: '●', 2023: '●', 2024: '●' }, { from: 2023, to: 2023 }, ['SCH004@G2', 'SCH004@I2']],
      ['a blank or 「－」 year outside the period plans nothing', { 2022: '－', 2023: '実施' }, period, []],
      ['an unreadable entry outside the period is SCH001 only', { 2022: '5', 2023: '実施' }, period, ['SCH001@G2']],
      ['no period known: nothing is said', { 2022: '検討', 2023: '実施' }, undefined, []],
    ] as const)('%s', (_, plan, p, expected) => {
      const item = scheduled(plan, { status: { 2023: '実施した' } });
      expect(checkSchedule(item, 2023, p).map((f) => `${f.code}@${f.cell}`)).toEqual(expected);
    });

    it('names the year and the period', () => {
      const [f] = checkSchedule(scheduled({ 2022: '検討', 2023: '実施' }), 2023, period);
      expect(f.params).toMatchObject({ fy: 2022, from: 2023, to: 2027 });
      expect(f.message.ja).toContain('計画期間');
    });
  });
});
