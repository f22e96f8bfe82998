import { readXlsx } from '../../src/adapters/file/read-xlsx';
import { analyse } from '../../src/core/engine/analyse';
import type { WorkbookGrid } from '../../src/core/grid/types';
import { detectLayouts } from '../../src/core/layouts/detect';
import { iseharaListLayout } from '../../src/core/layouts/isehara/list';
import type { LayoutRead } from '../../src/core/layouts/types';
import type { Item } from '../../src/core/model/plan';
import type { ParsedValue } from '../../src/core/values/types';
import { fixturePath } from '../fixtures/paths';
import { BLANK_RATING_CODES, ISEHARA_LIST_ROWS } from '../fixtures/render/isehara-list.fixture';
import published from '../fixtures/seed-data/isehara-published-summary.json';

/** `(29,273)` / `592,300` as printed → number (parentheses mark a planned amount, not a minus). */
function printed(s: string): number {
  return Number(s.replace(/[(),]/g, ''));
}

function num(v: ParsedValue | undefined): number | undefined {
  return v?.kind === 'number' ? v.value : undefined;
}

/** What must survive any edit of the sheet: everything but cell addresses. */
function projection(it: Item) {
  const ind = it.indicators[0];
  const eff = it.effects?.byYear[0];
  const show = (v: ParsedValue | undefined) =>
    v === undefined ? undefined : v.kind === 'number' ? { n: v.value, cap: v.cap, sec: v.secondary } : v.kind === 'text' ? { t: v.text } : { k: v.kind };
  return {
    id: it.id,
    policyKey: it.policyKey,
    policyName: it.policyName,
    groupKey: it.groupKey,
    name: it.name,
    rating: it.rating?.symbol,
    unit: ind.unit,
    indicator: ind.name,
    direction: ind.direction,
    qualitative: ind.qualitative,
    target: show(ind.targets[0]?.value),
    actual: show(ind.actuals[0]?.value),
    planned: show(eff?.planned),
    effectActual: show(eff?.actual),
    departments: it.departments,
    reportFy: it.reportFy,
  };
}

function byId(items: Item[]) {
  return [...items].map(projection).sort((a, b) => a.id.localeCompare(b.id));
}

const cache = new Map<string, { wb: WorkbookGrid; read: LayoutRead }>();
async function load(file: string) {
  if (!cache.has(file)) {
    const wb = await readXlsx(fixturePath(file));
    cache.set(file, { wb, read: iseharaListLayout.read(wb, {}) });
  }
  return cache.get(file)!;
}

function ratingCounts(items: Item[]) {
  const c = { A: 0, B: 0, C: 0, D: 0 };
  for (const it of items) if (it.rating) c[it.rating.symbol as keyof typeof c]++;
  return c;
}

function effectSums(items: Item[]) {
  let planned = 0;
  let actual = 0;
  for (const it of items) {
    planned += num(it.effects?.byYear[0].planned) ?? 0;
    actual += num(it.effects?.byYear[0].actual) ?? 0;
  }
  return { planned, actual };
}

describe('isehara-list on the clean fixture (as printed)', () => {
  it('reads all 71 items with the published ratings and effect totals', async () => {
    const { read } = await load('isehara-list.xlsx');
    expect(read.layout).toBe('isehara-list');
    expect(read.reportFy).toBe(2023);
    expect(read.items).toHaveLength(71);
    expect(new Set(read.items.map((i) => i.id)).size).toBe(71);
    expect(read.findings).toEqual([]);
    const t = published.total;
    expect(ratingCounts(read.items)).toEqual({ A: t.A, B: t.B, C: t.C, D: t.D });
    expect(ratingCounts(read.items)).toEqual({ A: 17, B: 43, C: 11, D: 0 });
    expect(effectSums(read.items)).toEqual({ planned: printed(t.planned), actual: printed(t.actual) });
    expect(effectSums(read.items)).toEqual({ planned: 228520, actual: 797733 });
  });

  it.each(published.policies.map((p) => [p.label, p] as const))('reproduces the printed row for %s', async (_label, p) => {
    const { read } = await load('isehara-list.xlsx');
    const items = read.items.filter((i) => i.policyKey === p.key);
    expect(items).toHaveLength(p.total);
    expect(ratingCounts(items)).toEqual({ A: p.A, B: p.B, C: p.C, D: p.D });
    expect(effectSums(items)).toEqual({ planned: printed(p.planned), actual: printed(p.actual) });
    expect(p.label).toBe(`${p.key} ${read.policies.find((x) => x.key === p.key)!.name}`);
  });

  it('reads every seed row back (code, rating, values as typed, departments)', async () => {
    const { read } = await load('isehara-list.xlsx');
    expect(read.items.map((i) => i.id)).toEqual(ISEHARA_LIST_ROWS.map((r) => r.code));
    for (const r of ISEHARA_LIST_ROWS) {
      const it = read.items.find((i) => i.id === r.code)!;
      const ind = it.indicators[0];
      expect([it.id, it.rating?.symbol, ind.name, ind.unit]).toEqual([r.code, r.rating, r.indicator, r.unit]);
      // Compare on the raw text so '23,583' (typed) and 23583 (a number cell) both check out.
      const same = (v: ParsedValue | undefined, typed: string) =>
        /^-?[\d,.]+$/.test(typed)
          ? expect(v).toMatchObject({ kind: 'number', value: Number(typed.replace(/,/g, '')) })
          : expect(v?.raw).toBe(typed);
      same(ind.targets[0].value, r.target);
      same(ind.actuals[0].value, r.actual);
      // A row with no amount typed (「-」 in both) has no effects rather than a year of blanks.
      if (it.effects) {
        same(it.effects.byYear[0].planned, r.effectPlanned);
        same(it.effects.byYear[0].actual, r.effectActual);
      } else expect([r.effectPlanned, r.effectActual]).toEqual(['-', '-']);
      expect(it.departments[0].startsWith(r.bureau)).toBe(true);
      expect(it.name).toBe(r.name);
    }
  });

  it('reads the quirks of individual items', async () => {
    const { read } = await load('isehara-list.xlsx');
    const get = (id: string) => read.items.find((i) => i.id === id)!;
    expect(num(get('1(3)④').effects!.byYear[0].actual)).toBe(-15173);
    expect(get('1(3)⑥').departments).toEqual(['総務部 職員課', '企画部 経営企画課']);
    expect(get('5(10)①').departments).toEqual(['企画部']);
    expect(get('5(8)⑪').departments).toEqual(['教育部 図書館・子ども科学館']);
    expect(get('5(10)①').indicators[0]).toMatchObject({ direction: 'cap-le', directionSource: 'stated' });
    expect(get('5(10)④').indicators[0]).toMatchObject({ direction: 'cap-lt', directionSource: 'stated' });
    expect(get('1(2)④').indicators[0]).toMatchObject({ direction: 'lower', directionSource: 'inferred' });
    expect(get('1(3)①').indicators[0].direction).toBe('match');
    expect(get('5(8)③').indicators[0].aggregation).toBe('cumulative');
    expect(get('1(1)④').indicators[0].qualitative).toBe(true);
    expect(get('1(2)⑧').indicators[0]).toMatchObject({ qualitative: true, unit: '-' });
    expect(get('1(1)①').indicators[0].qualitative).toBe(false);
    const t = get('2(5)⑤').indicators[0].targets[0].value;
    expect(t).toMatchObject({ kind: 'number', value: 2, secondary: 78 });
    expect(get('5(8)①')).toMatchObject({ policyName: '健全な財政運営', groupKey: '(8)', groupName: '歳入改革(歳入の確保)' });
    expect(get('5(9)②').groupName).toBe('歳出改革(歳出の節減合理化)');
  });

  it('points every field at its cell, the merged 区分 at its top-left', async () => {
    const { read } = await load('isehara-list.xlsx');
    const first = read.items[0];
    expect(first.cells).toMatchObject({
      policy: { address: 'A6' },
      group: { address: 'B6' },
      name: { address: 'C6' },
      indicator: { address: 'D6' },
      unit: { address: 'E6' },
      rating: { address: 'F6' },
      'status:2023': { address: 'G6' },
      'target:2023': { address: 'H6' },
      'actual:2023': { address: 'I6' },
      'effectPlanned:2023': { address: 'J6' },
      'effectActual:2023': { address: 'K6' },
      department: { address: 'M6' },
    });
    const third = read.items[2];
    expect(third.cells.policy?.address).toBe('A6');
    expect(third.cells.name?.address).toBe('C8');
    expect(third.ratingCell).toEqual({ sheet: '取組項目一覧', address: 'F8' });
  });

  it('anchors the table for owned columns', async () => {
    const { read } = await load('isehara-list.xlsx');
    expect(read.tables).toHaveLength(1);
    const t = read.tables[0];
    expect(t.headerRows).toEqual([2, 3, 4]);
    expect(t.dataRows).toHaveLength(71);
    expect(t.dataRows[0]).toBe(5);
    expect(t.nextFreeCol).toBe(13);
    expect(t.owned).toEqual({});
    for (const it of read.items) expect(t.rowOfItem[it.id]).toBe(it.source.row);
  });
});

const EDITED = [
  'isehara-list-offset.xlsx',
  'isehara-list-repeated.xlsx',
  'isehara-list-blank-rows.xlsx',
  'isehara-list-shuffled.xlsx',
  'isehara-list-text-numbers.xlsx',
  'isehara-list-fullwidth.xlsx',
  'isehara-list-header-variants.xlsx',
  'isehara-list-moved.xlsx',
  'isehara-list-extra-sheet.xlsx',
  'isehara-list-owned.xlsx',
];

describe('isehara-list on edited copies', () => {
  it.each(EDITED)('%s gives the same items as the clean list', async (file) => {
    const clean = await load('isehara-list.xlsx');
    const { read } = await load(file);
    expect(read.findings).toEqual([]);
    expect(byId(read.items)).toEqual(byId(clean.read.items));
  });

  it.each(['isehara-list.xlsx', ...EDITED, 'isehara-list-blank-ratings.xlsx'])('%s: the list sheet scores ≥ 0.6 and goes to isehara-list', async (file) => {
    const { wb } = await load(file);
    const det = iseharaListLayout.detect(wb);
    expect(det).toHaveLength(1);
    expect(det[0].score).toBeGreaterThanOrEqual(0.6);
    expect(det[0].reason.ja).toContain('取組番号');
    expect(det[0].reason.en).toContain('12 of 12 columns');
    const choice = detectLayouts(wb).chosen.find((c) => c.layout === 'isehara-list');
    expect(choice?.sheets).toEqual([det[0].sheet]);
  });

  it('scores the unrelated memo sheet 0 (not listed)', async () => {
    const { wb } = await load('isehara-list-extra-sheet.xlsx');
    expect(wb.sheets.map((s) => s.name)).toEqual(['集計メモ', '【参考①】取組項目一覧']);
    expect(iseharaListLayout.detect(wb).map((d) => d.sheet)).toEqual(['【参考①】取組項目一覧']);
  });

  it('keeps the negative effect whether typed -15,173 or ▲１５，１７３', async () => {
    for (const file of ['isehara-list-text-numbers.xlsx', 'isehara-list-fullwidth.xlsx']) {
      const { read } = await load(file);
      const v = read.items.find((i) => i.id === '1(3)④')!.effects!.byYear[0].actual;
      expect(v).toMatchObject({ kind: 'number', value: -15173 });
    }
    const { wb } = await load('isehara-list-fullwidth.xlsx');
    expect(wb.sheets[0].values.flat()).toContain('▲１５，１７３');
  });

  it('reads 令和5年度 in the edited header as 2023', async () => {
    const { read, wb } = await load('isehara-list-header-variants.xlsx');
    expect(wb.sheets[0].values.flat()).toContain('令和5年度');
    expect(read.reportFy).toBe(2023);
  });

  it('finds its own 達成率 column and reads labelled ratings', async () => {
    const { read } = await load('isehara-list-owned.xlsx');
    expect(read.tables[0].owned).toEqual({ ratio: 13 });
    expect(read.tables[0].nextFreeCol).toBe(14);
    const it = read.items.find((i) => i.id === '2(5)③')!;
    expect(it.rating).toMatchObject({ symbol: 'B', label: '概ね計画どおり' });
  });

  it('offsets the anchor with the table in the offset copy', async () => {
    const { read } = await load('isehara-list-offset.xlsx');
    expect(read.tables[0].headerRows).toEqual([4, 5, 6]);
    expect(read.tables[0].nextFreeCol).toBe(15);
    expect(read.items[0].ratingCell?.address).toBe('H8');
  });
});

describe('isehara-list with blank ratings', () => {
  it('leaves the rating absent but keeps the cell to fill', async () => {
    const clean = await load('isehara-list.xlsx');
    const { read } = await load('isehara-list-blank-ratings.xlsx');
    expect(read.items).toHaveLength(71);
    expect(read.findings).toEqual([]);
    const blank = read.items.filter((i) => !i.rating).map((i) => i.id);
    expect(blank.sort()).toEqual([...BLANK_RATING_CODES].sort());
    for (const id of BLANK_RATING_CODES) {
      const it = read.items.find((i) => i.id === id)!;
      expect(it.ratingCell).toEqual(clean.read.items.find((i) => i.id === id)!.ratingCell);
    }
    const c = ratingCounts(read.items);
    expect(c.A + c.B + c.C + c.D).toBe(71 - BLANK_RATING_CODES.length);
  });
});

describe('isehara-list through analyse()', () => {
  // The published tables are computed from the list alone (DOMAIN §6), so the full pipeline must give them.
  it('summarise reproduces the published 分野別内訳表 and 実績効果額', async () => {
    const { wb } = await load('isehara-list.xlsx');
    const a = analyse(wb);
    expect(a.plan.layouts).toContain('isehara-list');
    expect(a.plan.items).toHaveLength(71);
    const s = a.summary;
    expect(s.groupLabel).toBe('基本方針');
    expect(s.groups.map((g) => g.key)).toEqual(published.policies.map((p) => p.key));
    for (const p of published.policies) {
      const g = s.groups.find((x) => x.key === p.key)!;
      expect({ key: g.key, name: g.name, counts: g.counts, total: g.total, planned: g.effectPlanned, actual: g.effectActual }).toEqual({
        key: p.key,
        name: p.label.slice(2),
        counts: [p.A, p.B, p.C, p.D],
        total: p.total,
        planned: printed(p.planned),
        actual: printed(p.actual),
      });
    }
    const t = published.total;
    expect(s.total).toMatchObject({
      counts: [t.A, t.B, t.C, t.D],
      unrated: 0,
      total: t.total,
      effectPlanned: printed(t.planned),
      effectActual: printed(t.actual),
    });
    expect(s.groups.find((g) => g.key === '4')!.effectRatio).toBeNull();
  });
});
