import type { CellValue, WorkbookGrid } from '../../src/core/grid/types';
import { analyse } from '../../src/core/engine/analyse';
import { suggestMapping } from '../../src/core/layouts/generic/suggest';

/**
 * The list on one sheet and the effect amounts of some of its items on another (No. | 取組名 | 効果見込額 |
 * 効果実績額): the same number and name is one item, its amounts taken from the second sheet and
 * traceable to its cells (LAY022), never counted twice or failed as a duplicate (VLD008).
 */
const LIST: CellValue[][] = [
  ['令和6年度 行財政改革 取組状況'],
  ['No.', '取組名', '担当課', '指標', '目標値', '実績値', '評価'],
  ['1-1', '事務事業の見直し', '行政改革課', '見直し数', 10, 8, 'B'],
  ['1-2', '補助金の適正化', '財政課', '廃止件数', 3, 4, 'A'],
  ['2-1', '窓口業務の委託', '市民課', '委託数', 2, 0, 'C'],
  ['2-2', '電子申請の拡充', 'DX推進課', '手続数', 50, 62, 'A'],
];
const effects = (rows: CellValue[][]): CellValue[][] => [['令和6年度 財政効果額（単位：千円）'], ['No.', '取組名', '効果見込額', '効果実績額'], ...rows];
const book = (second: CellValue[][]): WorkbookGrid => ({
  name: 'e.xlsx',
  sheets: [
    { name: '取組一覧', values: LIST, merges: [] },
    { name: '財政効果', values: second, merges: [] },
  ],
});

test('the amounts join their items; each figure points at the 財政効果 sheet', () => {
  const a = analyse(book(effects([['1-1', '事務事業の見直し', 5000, 4200], ['1-2', '補助金の適正化', 12000, 15000], ['2-1', '窓口業務の委託', 8000, 0], [null, '合計', 25000, 19200]])));
  expect(a.plan.items.map((i) => [i.id, i.rating?.symbol, i.indicators.length])).toEqual([
    ['1-1', 'B', 1],
    ['1-2', 'A', 1],
    ['2-1', 'C', 1],
    ['2-2', 'A', 1],
  ]);
  expect([a.summary.total.total, a.summary.total.effectPlanned, a.summary.total.effectActual]).toEqual([4, 25000, 19200]);
  expect(a.plan.items[0].cells['effectPlanned:2024']).toEqual({ sheet: '財政効果', address: 'C3' });
  const codes = a.findings.map((f) => f.code);
  expect(codes).toContain('LAY022');
  expect(codes).not.toContain('VLD008');
  expect(codes).not.toContain('LAY006');
  expect(a.findings.filter((f) => f.severity === 'error')).toEqual([]);
});

test('a name typed a little differently on the second sheet (a space, a line break) is still the same item', () => {
  const a = analyse(book(effects([['1-2', '補助金の\n適正化 ', 12000, 15000]])));
  expect(a.plan.items).toHaveLength(4);
  expect(a.plan.items[1].effects?.byYear[0]).toMatchObject({ fy: 2024, planned: { value: 12000 }, actual: { value: 15000 } });
});

test('an item only on the second sheet stays an item; the same number with another name is a duplicate, as before', () => {
  const a = analyse(book(effects([['3-1', '公共施設の再編', 9000, 7000], ['2-2', '証明書のコンビニ交付', 100, 100]])));
  expect(a.plan.items.map((i) => i.id)).toEqual(['1-1', '1-2', '2-1', '2-2', '3-1', '2-2@財政効果!4']);
  expect(a.findings.map((f) => f.code)).toContain('VLD008');
  expect(a.findings.map((f) => f.code)).not.toContain('LAY022');
});

test('a copy that adds nothing (the same columns, the same values) is an item typed twice, as before', () => {
  const a = analyse(book([['令和6年度 取組状況（再掲）'], LIST[1], LIST[3]]));
  expect(a.findings.map((f) => f.code)).toContain('VLD008');
  expect(a.findings.map((f) => f.code)).not.toContain('LAY022');
});

test('a layout saved for the list still reads the amounts on the 財政効果 sheet (as without it)', () => {
  const wb = book(effects([['1-1', '事務事業の見直し', 5000, 4200], ['1-2', '補助金の適正化', 12000, 15000], ['2-1', '窓口業務の委託', 8000, 0], [null, '合計', 25000, 19200]]));
  const spec = suggestMapping(wb)!.spec;
  expect(spec.sheet).toBe('取組一覧');
  const a = analyse(wb, { mapping: spec });
  expect(a.plan.items.map((i) => i.id)).toEqual(['1-1', '1-2', '2-1', '2-2']);
  expect([a.summary.total.total, a.summary.total.effectPlanned, a.summary.total.effectActual]).toEqual([4, 25000, 19200]);
  expect(a.plan.items[1].cells['effectActual:2024']).toEqual({ sheet: '財政効果', address: 'D4' });
  expect(a.findings.map((f) => f.code)).toContain('LAY022');
  expect(a.findings.filter((f) => f.severity === 'error')).toEqual([]);
});
