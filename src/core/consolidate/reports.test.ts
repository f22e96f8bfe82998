import fc from 'fast-check';
import { buildPlan, type ItemSpec } from '../../../test/helpers/plan-builder';
import type { WorkbookGrid } from '../grid/types';
import { fromA1 } from '../grid/a1';
import type { Plan } from '../model/plan';
import { breakdownSheetName, planBreakdownSheet } from '../plan/breakdown-sheet';
import { planOwnedSheet } from '../settings/ownership';
import { readStore } from '../settings/store';
import { DEFAULT_RULES } from '../rules/config';
import { evaluatePlan } from '../rules/evaluate';
import { DEPARTMENT_AXIS } from '../summary/axes';
import { summarise } from '../summary/summarise';
import { readBreakdown } from './breakdown-read';
import { compareYears, signedJa } from './compare';
import { hearingList } from './hearing';
import { machineCsv, machineTable, machineText } from './machine-table';
import { checkSources, itemSources, type ItemSource } from './provenance';
import { reconcile } from './reconcile';

const item = (id: string, over: Partial<ItemSpec> = {}): ItemSpec => ({ id, name: `取組 ${id} の推進`, rating: 'B', target: 10, actual: 10, ...over });
const sourcesOf = (plan: Plan, file = 'x.xlsx') => itemSources(plan, { workbook: file, evaluations: evaluatePlan(plan, DEFAULT_RULES) });

describe('reconcile against the plan', () => {
  const plan = buildPlan([
    item('1', { departments: ['企画課'] }),
    item('2', { departments: ['財政課'] }),
    item('3', { departments: ['税務課'] }),
    item('4', { policy: '2', departments: ['市民課'] }),
  ]);
  it('names what no file submitted, what is not in the plan, and what changed', () => {
    const submitted = buildPlan([
      item('1', { departments: ['企画課'] }),
      item('2', { name: '取組 2 の推進と見直し', departments: ['財政課'] }),
      item('4', { policy: '3', policyName: '基本方針3', departments: ['市民 課'] }),
      item('9', { name: '新しい取組', departments: ['企画課'] }),
      item('3b', { name: '取組 3 の推進', departments: ['総務課'] }),
    ]);
    const r = reconcile(sourcesOf(submitted, 'dept.xlsx'), sourcesOf(plan, 'plan.xlsx'), 'plan.xlsx');
    expect(r.missing.map((m) => m.itemId)).toEqual([]);
    expect(r.extra.map((m) => m.itemId)).toEqual(['9']);
    expect(r.changed.map((c) => [c.plan.itemId, c.changes.map((x) => x.field)])).toEqual([
      ['2', ['name']],
      ['4', ['policy']],
      ['3', ['id', 'department']],
    ]);
    expect(r.findings.find((f) => f.code === 'REC002')!.message.ja).toBe('「dept.xlsx」の取組 9「新しい取組」は計画の一覧にありません。');
  });
  it('an item nobody submitted is REC001 with its department', () => {
    const r = reconcile(sourcesOf(buildPlan([item('1')])), sourcesOf(plan, 'plan.xlsx'), 'plan.xlsx');
    expect(r.missing.map((m) => m.itemId)).toEqual(['2', '3', '4']);
    expect(r.findings.filter((f) => f.code === 'REC001').map((f) => f.params.department)).toEqual(['財政課', '税務課', '市民課']);
  });
});

describe('compare with last year', () => {
  const last = buildPlan([item('1', { rating: 'A' }), item('2'), item('3', { policy: '2', effects: { 2023: { planned: 100, actual: 50 } } })]);
  const now = buildPlan([item('1', { rating: 'C' }), item('2', { rating: 'A' }), item('5', { policy: '2', effects: { 2023: { planned: 80, actual: 90 } } })]);
  const s = summarise(now);
  const cmp = compareYears(s, sourcesOf(now), sourcesOf(last), { thisFy: 2024, lastFy: 2023, lastFile: 'R5.xlsx' });
  it('gives 今年度/前年度/増減 per group and rating and for the amounts', () => {
    const p1 = cmp.rows.find((r) => r.key === '1')!;
    expect(p1.counts.A).toEqual({ now: 1, last: 1, delta: 0 });
    expect(p1.counts.C).toEqual({ now: 1, last: 0, delta: 1 });
    expect(p1.counts.B).toEqual({ now: 0, last: 1, delta: -1 });
    const p2 = cmp.rows.find((r) => r.key === '2')!;
    expect(p2.effectActual).toEqual({ now: 90, last: 50, delta: 40 });
    expect(cmp.rows.at(-1)!.key).toBe('total');
  });
  it('lists the items whose rating fell, the new ones and the dropped ones', () => {
    expect(cmp.fell.map((f) => [f.now.itemId, f.from, f.to])).toEqual([['1', 'A', 'C']]);
    expect(cmp.rose.map((f) => f.now.itemId)).toEqual(['2']);
    expect(cmp.added.map((a) => a.itemId)).toEqual(['5']);
    expect(cmp.dropped.map((a) => a.itemId)).toEqual(['3']);
  });
  it('writes a decrease with ▲', () => {
    expect([signedJa(-1234, (n) => n.toLocaleString('en-US')), signedJa(5), signedJa(0)]).toEqual(['▲1,234', '5', '0']);
  });
});

describe('hearing list', () => {
  const plan = buildPlan([
    item('1', { rating: 'A', target: 10, actual: 10 }), // rule says B
    item('2', { rating: 'B', baseline: 20, target: 25, actual: 15 }), // worse than baseline, short of target, rated B
    item('3', { rating: 'B', target: 10, actual: null }), // no actual
    item('4', { rating: 'A', target: 10, actual: 12, departments: ['税務課'] }),
    item('5', { rating: 'A', target: 10, actual: 11, departments: ['税務課'] }),
    item('6', { rating: 'B', baseline: 20, target: 15, actual: 15 }), // a planned decline that is met: not asked
    item('7', { rating: 'C', target: 10, actual: 5, departments: ['市民課'] }),
  ]);
  const last = buildPlan([item('7', { rating: 'B', departments: ['市民課'] })]);
  const evaluations = evaluatePlan(plan, DEFAULT_RULES);
  const summary = summarise(plan, { evaluations });
  const sources = itemSources(plan, { workbook: 'a.xlsx', evaluations });
  const comparison = compareYears(summary, sources, sourcesOf(last), { lastFile: 'R5.xlsx' });
  const h = hearingList({ plan, evaluations, sources, summary, comparison });
  const reasons = Object.fromEntries(h.entries.map((e) => [e.itemId, e.reasons.map((r) => r.code)]));
  it('gives each item every reason it is on the list, and nothing else', () => {
    expect(reasons).toEqual({
      '1': ['HRG001'],
      '2': ['HRG001', 'HRG003'],
      '3': ['HRG004'],
      '4': ['HRG005'],
      '5': ['HRG005'],
      '7': ['HRG002'],
    });
    expect(h.counts).toEqual({ HRG001: 2, HRG002: 1, HRG003: 1, HRG004: 1, HRG005: 2 });
  });
  it('says why in both languages', () => {
    const e = h.entries.find((x) => x.itemId === '4')!;
    expect(e.reasons[0].message).toEqual({ ja: '税務課の評価は 2 件すべて A です。', en: 'All 2 ratings of 税務課 are A.' });
    expect(h.entries.find((x) => x.itemId === '2')!.reasons[1].message.ja).toBe('実績 15 が現状値 20 より悪化していますが、評価は B です。');
  });
});

describe('machine-readable table', () => {
  const plan = buildPlan([item('1', { policyName: '行政サービス①の最適化', effects: { 2023: { planned: '1,000', actual: 1500 } } }), item('2', { policy: '2', policyName: 'Ⅱ 協働', rating: undefined })]);
  const s = summarise(plan);
  const t = machineTable(s, { lang: 'ja', municipality: '伊勢原市' });
  it('one value per cell, numbers as numbers, units in the header, the year in both forms', () => {
    expect(t.header).toEqual([
      '年度（西暦）', '年度（和暦）', '団体名', '基本方針番号', '基本方針名',
      '評価Aの取組数（件）', '評価Bの取組数（件）', '評価Cの取組数（件）', '評価Dの取組数（件）',
      '未評価の取組数（件）', '取組数（件）', '効果見込額（千円）', '実績効果額（千円）', '達成割合（％）',
    ]);
    for (const row of t.rows) {
      row.forEach((v, c) => expect(v === null || typeof v === (t.numeric[c] ? 'number' : 'string')).toBe(true));
    }
    expect(t.rows[0].slice(0, 5)).toEqual([2023, '令和5年度', '伊勢原市', '1', '行政サービス1の最適化']);
    expect(t.rows[0].slice(-3)).toEqual([1000, 1500, 150]);
    // No ratio for 0/0: an empty cell, not 「-」.
    expect(t.rows[1].at(-1)).toBeNull();
    expect(t.rows.at(-1)!.slice(3, 5)).toEqual(['合計', '合計']);
  });
  it('folds platform-dependent characters and layout spacing', () => {
    expect(machineText('Ⅲ　㈱\n①')).toBe('III (株) 1');
  });
  it('CSV: UTF-8 with a BOM, CRLF, RFC 4180 quoting, no digit grouping', () => {
    const csv = machineCsv({ header: ['a', 'b,c'], numeric: [true, false], rows: [[1234567, 'say "hi"'], [null, 'x\ny']] });
    expect(csv).toBe('\uFEFFa,"b,c"\r\n1234567,"say ""hi"""\r\n,"x\ny"\r\n');
  });
});

describe('sources add up to the summary on any plan', () => {
  const ratings = fc.constantFrom('A', 'B', 'C', 'D', undefined);
  const amount = fc.oneof(fc.integer({ min: -50000, max: 500000 }), fc.constantFrom('-', null, '1,234', '▲2,000'));
  it('checkSources finds nothing to report', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ policy: fc.constantFrom('1', '2', '3'), rating: ratings, planned: amount, actual: amount, repost: fc.boolean() }), { maxLength: 25 }),
        (rows) => {
          const plan = buildPlan(
            rows.map((r, i) =>
              item(String(i + 1), { policy: r.policy, rating: r.rating, flags: r.repost && i > 0 ? ['repost'] : [], effects: { 2023: { planned: r.planned, actual: r.actual } } }),
            ),
          );
          const s = summarise(plan);
          expect(checkSources(s, sourcesOf(plan))).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('the 内訳 sheet reads back as the items it lists', () => {
  it('round trip: sources → sheet cells → readBreakdown', () => {
    const plan = buildPlan([item('1(1)①', { rating: 'A', effects: { 2023: { planned: 100, actual: '-15,173' } } }), item('1(1)②', { rating: undefined }), item('2-1', { policy: '2', policyName: '協働' })]);
    const s = summarise(plan);
    const sources = sourcesOf(plan, '経営企画課.xlsx');
    const empty: WorkbookGrid = { name: 'out.xlsx', sheets: [] };
    const target = planOwnedSheet(empty, readStore(empty), 'breakdown', breakdownSheetName('行革集計'));
    const wp = planBreakdownSheet(s, sources, { lang: 'ja', target });
    const values: (string | number | null)[][] = [];
    for (const c of wp.sheets[0].cells) {
      const { row, col } = fromA1(c.address);
      (values[row] ??= [])[col] = c.value;
    }
    const grid: WorkbookGrid = { name: 'out.xlsx', sheets: [{ name: target.name, values: values.map((r) => Array.from(r ?? [], (v) => v ?? null)), merges: [] }] };
    const back = readBreakdown(grid)!;
    expect(back.reportFy).toBe(2023);
    const strip = (x: ItemSource) => ({ ...x, cells: null, suggested: false });
    expect(back.items.map(strip)).toEqual(sources.map(strip));
  });
});

describe('provenance on the department axis', () => {
  it('an item two departments share is a source of both rows and of the total once; the 内訳 names both and reads back', () => {
    const plan = buildPlan([
      item('1', { departments: ['企画課', '財政課'], effects: { 2024: { planned: 10, actual: 5 } } }),
      item('2', { departments: ['財政課'], rating: 'A', effects: { 2024: { planned: 3, actual: 3 } } }),
    ]);
    const evaluations = evaluatePlan(plan, DEFAULT_RULES);
    const s = summarise(plan, { evaluations, axis: DEPARTMENT_AXIS });
    const src = itemSources(plan, { workbook: 'x.xlsx', evaluations, axis: DEPARTMENT_AXIS });
    expect(s.groups.map((g) => [g.key, g.total])).toEqual([
      ['企画課', 1],
      ['財政課', 2],
    ]);
    expect(s.total.total).toBe(2);
    expect(src.find((x) => x.itemId === '1')!.groups).toEqual(['企画課', '財政課']);
    expect(checkSources(s, src)).toEqual([]);
    const wb: WorkbookGrid = { name: 'x.xlsx', sheets: [] };
    const target = planOwnedSheet(wb, readStore(wb), 'breakdown', breakdownSheetName('行革集計'));
    const sheet = planBreakdownSheet(s, src, { lang: 'ja', target }).sheets[0];
    const values: (string | number | null)[][] = [];
    for (const c of sheet.cells) {
      const { row, col } = fromA1(c.address);
      (values[row] ??= [])[col] = c.value;
    }
    const back = readBreakdown({ name: 'out.xlsx', sheets: [{ name: sheet.name, values, merges: [] }] })!;
    expect(back.items.find((x) => x.itemId === '1')!.groups).toEqual(['企画課', '財政課']);
    // Last year as read back from that 内訳: compared row by row on the same axis.
    const cmp = compareYears(s, src, back.items, { lastFile: 'out.xlsx' });
    expect(cmp.rows.map((r) => [r.key, r.total.last])).toEqual([
      ['企画課', 1],
      ['財政課', 2],
      ['total', 2],
    ]);
  });
});
