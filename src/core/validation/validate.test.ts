import { buildPlan, type ItemSpec } from '../../../test/helpers/plan-builder';
import { DEFAULT_RULES } from '../rules/config';
import { evaluatePlan } from '../rules/evaluate';
import { FindingSchema } from './finding';
import { validatePlan } from './validate';

const run = (specs: ItemSpec[]) => {
  const plan = buildPlan(specs);
  return validatePlan(plan, evaluatePlan(plan, DEFAULT_RULES), DEFAULT_RULES);
};

const clean: ItemSpec = {
  id: '1(1)①', name: '業務改善', indicatorName: '業務改善件数', unit: '件', baseline: 2, target: 3, actual: 3, rating: 'B',
  effects: { 2023: { planned: '1,000', actual: '1,200' }, 2024: { planned: '1,000' } },
  plannedSubtotal: '2,000', actualSubtotal: '1,200',
};

describe('validatePlan', () => {
  it('stays silent on a clean sheet (numeric and qualitative items)', () => {
    expect(run([clean, { id: '1(1)②', unit: '-', target: '-', actual: '-', rating: 'A 計画を上回る' }])).toEqual([]);
  });

  it('names an item typed over two lines in its cell on one line', () => {
    const [f] = run([{ ...clean, name: '業務改善の\n推進', unit: '-', target: '-', actual: '-', rating: undefined }]);
    expect(f.code).toBe('VLD004');
    expect(f.message.ja).toContain('1(1)① 業務改善の 推進');
    expect(f.message.ja).not.toContain('\n');
  });

  // Each row: a minimal change to the clean item, the code it must raise, severity, the cell, a quote.
  test.each<[string, Partial<ItemSpec>, string, string, string, string]>([
    ['text actual', { actual: '集計中' }, 'VLD001', 'error', '進捗!R2', '集計中'],
    ['text target', { target: '検討' }, 'VLD001', 'error', '進捗!Q2', '検討'],
    ['text effect', { effects: { 2023: { planned: '1,000', actual: '未確定' } }, plannedSubtotal: '1,000', actualSubtotal: undefined }, 'VLD002', 'error', '進捗!T2', '未確定'],
    ['rating not A–D', { rating: 'S' }, 'VLD003', 'error', '進捗!F2', 'S'],
    ['qualitative item unrated', { unit: '-', target: '-', actual: '-', rating: undefined }, 'VLD004', 'error', '進捗!F2', '1(1)①'],
    ['numeric item unrated, suggestion available', { rating: undefined }, 'VLD005', 'warning', '進捗!F2', 'B'],
    ['actual missing', { actual: null }, 'VLD006', 'error', '進捗!R2', '令和5年度'],
    ['unit in value contradicts 単位', { actual: '5回', target: 5 }, 'VLD007', 'warning', '進捗!R2', '5回'],
    ['% under 件', { baseline: '2%' }, 'VLD007', 'warning', '進捗!D2', '%'],
    ['rating disagrees with suggestion', { actual: 5, rating: 'C' }, 'VLD009', 'warning', '進捗!F2', '入力 C / 候補 A'],
    ['planned subtotal wrong', { plannedSubtotal: '2,500' }, 'VLD010', 'error', '進捗!G2', '2,000'],
    ['actual subtotal wrong', { actualSubtotal: '1,000' }, 'VLD010', 'error', '進捗!H2', '1,200'],
    ['actual subtotal blank while years sum', { actualSubtotal: '-' }, 'VLD011', 'warning', '進捗!H2', '1,200'],
    ['negative effect', { effects: { 2023: { planned: '1,000', actual: '-15,173' }, 2024: { planned: '1,000' } }, actualSubtotal: '-15,173' }, 'VLD012', 'info', '進捗!T2', '-15,173'],
    ['effect actual without a plan', { effects: { 2023: { planned: '-', actual: '500' }, 2024: { planned: '2,000' } }, actualSubtotal: 500 }, 'VLD013', 'warning', '進捗!T2', '500'],
    ['actual without target', { target: null }, 'VLD014', 'warning', '進捗!Q2', '3'],
    ['actual annotated with another year', { actual: '3件(令和3年度)' }, 'VLD015', 'warning', '進捗!R2', '令和3年度'],
  ])('%s → %s', (_label, change, code, severity, cell, quote) => {
    const found = run([{ ...clean, ...change }]);
    for (const f of found) FindingSchema.parse(f);
    const hit = found.filter((f) => f.code === code);
    expect(hit).toHaveLength(1);
    expect(`${hit[0].sheet}!${hit[0].cell}`).toBe(cell);
    expect(hit[0].severity).toBe(severity);
    expect(hit[0].itemId).toBe('1(1)①');
    expect(hit[0].message.ja).toContain(quote);
    expect(hit[0].message.en.length).toBeGreaterThan(10);
  });

  it('asks for no planned effect where the sheet has no planned amount to type (a results sheet of 歳入増加額 | 歳出削減額)', () => {
    const found = run([{ ...clean, effects: { 2023: { actual: '500' } }, plannedSubtotal: undefined, actualSubtotal: '500' }]);
    expect(found.filter((f) => f.code === 'VLD013')).toEqual([]);
  });

  it('reports duplicate ids at the second occurrence, but not for 【再掲】 repeats', () => {
    const dup = run([clean, { ...clean, row: 7 }]).filter((f) => f.code === 'VLD008');
    expect(dup.map((f) => f.cell)).toEqual(['B8']);
    expect(run([clean, { ...clean, row: 7, flags: ['repost'] }])).toEqual([]);
  });

  it('ignores the blank template sheet', () => {
    expect(run([clean, { id: 'tmpl', rating: undefined, actual: null, flags: ['template'] }])).toEqual([]);
  });

  it('returns every finding at once', () => {
    const found = run([
      { ...clean, actual: '集計中', rating: 'S', plannedSubtotal: '9' },
      { id: '2', unit: '-', target: '-', actual: '-' },
    ]);
    expect(found.map((f) => f.code).sort()).toEqual(['VLD001', 'VLD003', 'VLD004', 'VLD010']);
  });
});

describe('plan sheets without a rating column', () => {
  it('say once per sheet that progress columns are missing, instead of an error per item', () => {
    const plan = buildPlan([
      { ...clean, id: '1', rating: undefined },
      { id: '2', unit: '-', target: '-', actual: '-', rating: undefined },
    ]);
    for (const item of plan.items) {
      delete item.ratingCell;
      delete item.cells.rating;
    }
    const found = validatePlan(plan, evaluatePlan(plan, DEFAULT_RULES), DEFAULT_RULES);
    expect(found.filter((f) => f.code === 'VLD004' || f.code === 'VLD005')).toEqual([]);
    const info = found.filter((f) => f.code === 'VLD016');
    expect(info).toHaveLength(1);
    expect(info[0].severity).toBe('info');
    expect(info[0].message.ja).toContain('2件');
  });

  it('still requires a rating where the sheet has a rating cell', () => {
    expect(run([{ id: '2', unit: '-', target: '-', actual: '-', rating: undefined }]).map((f) => f.code)).toContain('VLD004');
  });
});
