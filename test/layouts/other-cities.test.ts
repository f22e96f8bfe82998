import { readXlsx } from '../../src/adapters/file/read-xlsx';
import { analyse, type Analysis } from '../../src/core/engine/analyse';
import type { WorkbookGrid } from '../../src/core/grid/types';
import { suggestMapping } from '../../src/core/layouts/generic/suggest';
import { LayoutSpecSchema } from '../../src/core/layouts/kit/spec';
import { PlanSchema } from '../../src/core/model/plan';
import { fixturePath } from '../fixtures/paths';
import { KIZUGAWA_GROUPS, KYOTANABE_PILLARS, MIYAKOJIMA_GROUPS, TAIKO2_GROUPS } from '../fixtures/render/other-cities.fixture';

/**
 * Layouts modelled on other cities' published progress tables (test/fixtures/render/other-cities.fixture.ts),
 * read with no configuration, then with the layout a person would save from what was read. Each is
 * summarised in the city's own scale, group by group, as the city published it.
 */

interface Expected {
  file: string;
  layout: 'generic';
  scale: string;
  symbols: string[];
  policyLabel: string;
  /** Items read (【再掲】 rows included) and items counted. */
  rows: number;
  counted: number;
  groups: { name: string; counts: number[]; notRated?: number }[];
}

const CASES: Expected[] = [
  {
    file: 'kizugawa-r2.xlsx',
    layout: 'generic',
    scale: 'S-C',
    symbols: ['S', 'A', 'B', 'C'],
    policyLabel: '重点改革項目',
    rows: 116,
    counted: 116,
    groups: KIZUGAWA_GROUPS.map((g) => ({ name: g.name, counts: [g.S, g.A, g.B, g.C], notRated: g.na })),
  },
  {
    file: 'miyakojima-h19.xlsx',
    layout: 'generic',
    scale: 'stages',
    symbols: ['5', '4', '3', '2', '1'],
    policyLabel: '部局',
    rows: 110,
    counted: 107,
    groups: MIYAKOJIMA_GROUPS.map((g) => ({ name: g.name, counts: [...g.stages] })),
  },
  {
    file: 'kyotanabe-h22.xlsx',
    layout: 'generic',
    scale: 'completion',
    symbols: ['完了', '一部実施', 'その他'],
    policyLabel: '基本方針',
    rows: 479,
    counted: 479,
    groups: KYOTANABE_PILLARS.map((p) => ({ name: p.name, counts: [p.done, p.partly, p.other] })),
  },
  {
    file: 'taiko2-h26.xlsx',
    layout: 'generic',
    scale: 'attainment',
    symbols: ['達成', '一部達成', '未達成'],
    policyLabel: '重点項目',
    rows: 69,
    counted: 69,
    groups: TAIKO2_GROUPS.map((g) => ({ name: g.name, counts: [g.achieved, g.partly, g.not] })),
  },
];

const books: Record<string, WorkbookGrid> = {};
const zero: Record<string, Analysis> = {};

beforeAll(async () => {
  for (const c of CASES) {
    books[c.file] = await readXlsx(fixturePath(c.file));
    zero[c.file] = analyse(books[c.file]);
  }
});

function expectSummary(a: Analysis, c: Expected): void {
  expect(a.plan.items).toHaveLength(c.rows);
  expect(a.plan.scale?.id).toBe(c.scale);
  expect(a.summary.scale.symbols.map((x) => x.symbol)).toEqual(c.symbols);
  expect(a.summary.groups.map((g) => ({ name: g.name, counts: g.counts, ...(g.notRated ? { notRated: g.notRated } : {}) }))).toEqual(
    c.groups.map((g) => ({ name: g.name, counts: g.counts, ...(g.notRated ? { notRated: g.notRated } : {}) })),
  );
  expect(a.summary.total.total).toBe(c.counted);
  expect(a.summary.total.unrated).toBe(0);
}

describe.each(CASES)('$file, modelled on a published progress table', (c) => {
  it('is read with no configuration: every item, each group counted in the city’s own scale', () => {
    const a = zero[c.file];
    expect(a.detection.chosen.map((x) => x.layout)).toEqual([c.layout]);
    expectSummary(a, c);
    expect(a.plan.policyLabel).toBe(c.policyLabel);
    expect(() => PlanSchema.parse(a.plan)).not.toThrow();
    // Nothing the reader could not place, no rating it could not read, no "not rated" error for the scale.
    // Schedule marks (●, 実施, 検討, →) are read as steps, never as unreadable entries.
    expect(a.findings.filter((f) => ['LAY010', 'LAY011', 'VLD003', 'VLD004', 'LAY003', 'LAY004', 'SCH001'].includes(f.code))).toEqual([]);
    // The scale is said once, with the values that showed it.
    expect(a.findings.filter((f) => f.code === 'LAY019')).toHaveLength(1);
  });

  it('reads the same with the layout saved from what was read (a spec, through JSON)', () => {
    const s = suggestMapping(books[c.file])!;
    expect(s.spec.scale).toBe(c.scale);
    const saved = LayoutSpecSchema.parse(JSON.parse(JSON.stringify(s.spec)));
    const a = analyse(books[c.file], { mapping: saved });
    expect(a.detection.chosen.map((x) => x.layout)).toEqual(['generic']);
    expectSummary(a, c);
    expect(a.plan.items.map((i) => i.id)).toEqual(zero[c.file].plan.items.map((i) => i.id));
  });
});

describe('what each modelled city shows', () => {
  it('木津川市: 「－」 and 「対象外」 are counted apart as 評価対象外, never as an unread rating; labels in brackets read', () => {
    const a = zero['kizugawa-r2.xlsx'];
    const notRated = a.plan.items.filter((i) => i.rating?.notRated);
    expect(notRated).toHaveLength(30);
    expect(new Set(notRated.map((i) => i.rating!.raw))).toEqual(new Set(['－', '対象外']));
    expect(a.plan.items.find((i) => i.rating?.raw.includes('（'))?.rating).toMatchObject({ label: expect.any(String) });
    expect(a.plan.items.map((i) => i.id)).toEqual(expect.arrayContaining(['R1-1', 'R2-4']));
    expect(a.plan.reportFy).toBe(2020);
  });

  it('宮古島市: the 部 title rows give the top level, 【再掲】 rows are read and counted once, the report year is the title’s date', () => {
    const a = zero['miyakojima-h19.xlsx'];
    expect(a.plan.items.filter((i) => i.flags.includes('repost'))).toHaveLength(3);
    expect(a.plan.reportFy).toBe(2007);
    expect(a.plan.policies.map((p) => p.name)).toEqual(MIYAKOJIMA_GROUPS.map((g) => g.name));
    const stage = a.plan.items.find((i) => i.rating?.label)!.rating!;
    expect(['5', '4', '3', '2', '1']).toContain(stage.symbol);
  });

  it('京田辺市: the 取組結果 column is the rating because its values are a scale, and the reason says so', () => {
    const a = zero['kyotanabe-h22.xlsx'];
    const field = a.read.fields!.find((f) => f.field === 'rating')!;
    expect(field.header).toBe('取組結果');
    expect(field.reason.ja).toContain('完了・一部実施・その他');
    expect(a.plan.policies).toHaveLength(3);
    // The 行動計画 year columns are the schedule, one cell per year H18–H22.
    expect(Object.keys(a.plan.items[0].cells).filter((k) => k.startsWith('schedule:')).sort()).toEqual(['schedule:2006', 'schedule:2007', 'schedule:2008', 'schedule:2009', 'schedule:2010']);
  });

  it('第二次大綱: 達成度 is the rating beside the 実施状況 text; 効果額 typed in 円 is summed in 千円 and the sheet’s unit is named', () => {
    const a = zero['taiko2-h26.xlsx'];
    const yen = a.plan.items.flatMap((i) => i.effects?.byYear ?? []).reduce((s, y) => s + (y.planned?.kind === 'number' ? y.planned.value : 0), 0);
    expect(a.summary.total.effectPlanned).toBeCloseTo(yen / 1000, 6);
    expect(a.summary.effectUnits).toEqual(['円']);
    expect(a.findings.filter((f) => f.code === 'LAY020').map((f) => f.params.unit)).toEqual(['円', '円']);
    expect(a.plan.items.every((i) => i.notes?.[`status:2014`] === '取組中' || i.notes?.[`status:2014`] === '完了')).toBe(true);
  });
});
