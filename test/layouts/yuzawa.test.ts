import { readXlsx } from '../../src/adapters/file/read-xlsx';
import { analyse } from '../../src/core/engine/analyse';
import type { WorkbookGrid } from '../../src/core/grid/types';
import { detectLayouts } from '../../src/core/layouts/detect';
import type { LayoutRead } from '../../src/core/layouts/types';
import { yuzawaLayout } from '../../src/core/layouts/yuzawa/strategy';
import { PlanSchema, type Item } from '../../src/core/model/plan';
import { summarise } from '../../src/core/summary/summarise';
import type { ParsedValue } from '../../src/core/values/types';
import { fixturePath } from '../fixtures/paths';
import { YUZAWA_KPIS, YUZAWA_MEASURE_ROWS } from '../fixtures/render/yuzawa.fixture';

const FILES = ['yuzawa.xlsx', 'yuzawa-edited.xlsx', 'yuzawa-onesheet.xlsx', 'yuzawa-progress-r5.xlsx'] as const;
const books: Record<string, WorkbookGrid> = {};
const reads: Record<string, LayoutRead> = {};

beforeAll(async () => {
  for (const f of FILES) {
    books[f] = await readXlsx(fixturePath(f));
    reads[f] = yuzawaLayout.read(books[f], {});
  }
});

const kind = (it: Item) => it.classes?.種別;
const counted = (items: Item[]) => items.filter((it) => !it.flags.includes('repost'));
const num = (v: ParsedValue | undefined) => (v?.kind === 'number' ? v.value : undefined);
const romanOf = (heading: string) => (/基本方針\s*(IV|III|II|I|Ⅲ|Ⅳ)/.exec(heading)![1] as string).replace('Ⅲ', 'III').replace('Ⅳ', 'IV');

/** Everything that must survive an edit of the workbook (ids, classes, values; not cell addresses). */
function projection(it: Item) {
  const ind = it.indicators[0];
  return {
    id: it.id,
    policy: it.policyKey,
    policyName: it.policyName,
    group: it.groupKey,
    name: it.name,
    departments: it.departments,
    flags: it.flags,
    classes: it.classes,
    plan: Object.fromEntries(Object.entries(it.notes ?? {}).filter(([k]) => k.startsWith('plan:') || k.startsWith('再掲'))),
    indicator: ind && {
      name: ind.name,
      unit: ind.unit,
      baseline: num(ind.baseline?.value) ?? ind.baseline?.value.kind,
      baselineFy: ind.baseline?.fy,
      final: num(ind.finalTarget?.value),
      finalFy: ind.finalTarget?.fy,
      aggregation: ind.aggregation,
    },
  };
}

describe('Yuzawa strategy (seed 000), clean workbook', () => {
  it('is detected as yuzawa on every sheet, 目次 included, and nothing else claims them', () => {
    const d = detectLayouts(books['yuzawa.xlsx']);
    expect(d.chosen.map((c) => c.layout)).toEqual(['yuzawa']);
    expect(d.chosen[0].sheets).toEqual(['目次', 'I 地域経営', 'II 公共施設', 'Ⅲ 行政経営', 'Ⅳ リスク']);
    expect(d.unclaimed).toEqual([]);
  });

  it('reads 20 KPIs, 84 実施項目 and 7 【再掲】 rows', () => {
    const items = reads['yuzawa.xlsx'].items;
    expect(items.filter((it) => kind(it) === 'KPI')).toHaveLength(20);
    expect(counted(items).filter((it) => kind(it) === '実施項目')).toHaveLength(84);
    const reposts = items.filter((it) => it.flags.includes('repost'));
    expect(reposts).toHaveLength(7);
    expect(reposts.every((it) => it.classes?.取組事項 === '25' && it.policyKey === 'III')).toBe(true);
    expect(new Set(items.map((it) => it.id)).size).toBe(items.length);
    expect(() => PlanSchema.parse({ layouts: ['yuzawa'], policyLabel: '基本方針', policies: reads['yuzawa.xlsx'].policies, items })).not.toThrow();
  });

  it('links every 【再掲】 row to the 実施項目 it repeats (取組事項 8, 9, 13 of 基本方針 II)', () => {
    const items = reads['yuzawa.xlsx'].items;
    const byId = new Map(items.map((it) => [it.id, it]));
    const reposts = items.filter((it) => it.flags.includes('repost'));
    expect(reposts.map((it) => byId.get(it.notes!.repostId!)!.classes!.取組事項)).toEqual(['8', '8', '9', '9', '9', '13', '13']);
    for (const r of reposts) expect(byId.get(r.notes!.repostId!)!.policyKey).toBe('II');
    expect(reads['yuzawa.xlsx'].findings.filter((f) => f.code === 'LAY018')).toEqual([]);
  });

  it('matches the seed transcription row for row: names, 担当課 filled downward, 取組事項 numbers', () => {
    const got = reads['yuzawa.xlsx'].items.filter((it) => kind(it) === '実施項目');
    const squash = (s: string) => s.replace(/\s+/g, '');
    expect(got.map((it) => [it.classes!.取組事項, squash(it.name), it.departments.join('、'), it.flags.includes('repost')])).toEqual(
      YUZAWA_MEASURE_ROWS.map((r) => [String(r.取組事項No), squash(r.実施項目), squash(r.担当課).replace('・', '、'), r.再掲元 !== null]),
    );
  });

  it('reads each KPI with its baseline year, final target and compound values', () => {
    const kpis = reads['yuzawa.xlsx'].items.filter((it) => kind(it) === 'KPI');
    expect(kpis.map((k) => k.name)).toEqual(YUZAWA_KPIS.map((k) => k.指標名));
    expect(kpis.map((k) => k.policyKey)).toEqual(YUZAWA_KPIS.map((k) => romanOf(k.基本方針_本文)));
    const by = (name: string) => kpis.find((k) => k.name === name)!.indicators[0];
    expect(by('地方債現在高')).toMatchObject({ unit: '億円', baseline: { fy: 2019 }, finalTarget: { fy: 2026 } });
    expect(num(by('地方債現在高').baseline!.value)).toBe(329);
    expect(num(by('簡易水道・下水道事業に対する経常的繰出金 (人件費を除く)').finalTarget!.value)).toBe(8.41);
    expect(by('公共施設の延べ床面積')).toMatchObject({ unit: 'm²', baseline: { value: { value: 299963 } } });
    const drill = by('インシデント発生を想定した訓練の実施回数');
    expect(drill.baseline).toMatchObject({ fy: 2020, value: { value: 1, perYear: true, secondary: 6 } });
    expect(drill.finalTarget!.value).toMatchObject({ value: 2, perYear: true, secondary: 12 });
    expect(drill.aggregation).toBe('annual');
    // 「—」: no baseline (a new initiative), kept as not-applicable rather than zero.
    expect(by('新たに民間活力を活用した件数').baseline!.value.kind).toBe('na');
    expect(kpis.filter((k) => k.indicators[0].baseline?.value.kind === 'na')).toHaveLength(8);
    expect(kpis.every((k) => k.indicators[0].targets.length === 0 && !k.indicators[0].qualitative)).toBe(true);
  });

  it('takes the 目次 as the authority for No.14 and says so (LAY012)', () => {
    const it14 = reads['yuzawa.xlsx'].items.find((it) => it.classes?.取組事項 === '14')!;
    expect(it14.groupKey).toBe('II-3');
    expect(reads['yuzawa.xlsx'].findings.map((f) => f.code)).toEqual(['LAY012']);
    // Without a 目次 the body order decides.
    expect(reads['yuzawa-onesheet.xlsx'].items.find((it) => it.classes?.取組事項 === '14')!.groupKey).toBe('II-2');
  });

  it('summarises by 基本方針 I–IV counting every 【再掲】 row once', () => {
    const read = reads['yuzawa.xlsx'];
    const plan = PlanSchema.parse({ layouts: ['yuzawa'], policyLabel: read.policyLabel, policies: read.policies, items: read.items });
    const s = summarise(plan);
    expect(s.groupLabel).toBe('基本方針');
    expect(s.groups.map((g) => [g.key, g.name, g.total])).toEqual([
      ['I', '地域経営マネジメント', 6 + 10],
      ['II', '公共施設マネジメント', 4 + 31],
      ['III', '行政経営マネジメント', 6 + 29],
      ['IV', 'リスクマネジメント', 4 + 14],
    ]);
    expect(s.total.total).toBe(104);
    const byKind = summarise(plan, { axis: '種別' });
    expect(Object.fromEntries(byKind.groups.map((g) => [g.key, g.total]))).toEqual({ KPI: 20, 実施項目: 84 });
  });
});

describe('Yuzawa, edited copies read the same', () => {
  it.each(['yuzawa-edited.xlsx', 'yuzawa-progress-r5.xlsx'])('%s', (f) => {
    expect(reads[f].items.map(projection)).toEqual(reads['yuzawa.xlsx'].items.map(projection));
  });

  it('one sheet without the 目次: the same except No.14, which follows the body order', () => {
    const a = reads['yuzawa.xlsx'].items.map(projection);
    const b = reads['yuzawa-onesheet.xlsx'].items.map(projection);
    expect(b.map((p) => (p.classes?.取組事項 === '14' ? { ...p, group: 'II-3' } : p))).toEqual(a);
  });

  it('the edited copy is still detected sheet by sheet, extra sheets left unclaimed', () => {
    const d = detectLayouts(books['yuzawa-edited.xlsx']);
    expect(d.chosen.map((c) => c.layout)).toEqual(['yuzawa']);
    expect(d.unclaimed.sort()).toEqual(['メモ', '集計']);
  });
});

describe('Yuzawa with 令和5年度 progress columns', () => {
  it('reads ratings, actuals and 取組状況 for 2023 and points at their cells', () => {
    const read = reads['yuzawa-progress-r5.xlsx'];
    expect(read.reportFy).toBe(2023);
    const items = read.items;
    expect(items.every((it) => it.reportFy === 2023 && it.ratingCell !== undefined)).toBe(true);
    expect(items.filter((it) => it.rating).map((it) => it.rating!.symbol).slice(0, 4)).toEqual(['B', 'A', 'B', 'C']);
    const kpi = items.find((it) => it.name === '地域課題の解決に向けた講座の参加者数')!;
    expect(kpi.indicators[0].actuals).toEqual([expect.objectContaining({ fy: 2023, value: expect.objectContaining({ value: 139 }) })]);
    const measure = items.find((it) => it.id === '1-1')!;
    expect(measure.notes!['status:2023']).toBe('計画どおり実施');
    expect(measure.ratingCell!.address).toMatch(/^J\d+$/);
    // KPI tables carry the add-in's own header form (令和5年度 実績/評価): found again as owned columns.
    const kpiTable = read.tables.find((t) => t.rowOfItem[kpi.id] !== undefined)!;
    expect(Object.keys(kpiTable.owned).sort()).toEqual(['actual:2023', 'rating:2023']);
  });

  it('goes through analyse end to end', () => {
    const a = analyse(books['yuzawa-progress-r5.xlsx']);
    expect(a.plan.layouts).toEqual(['yuzawa']);
    expect(a.summary.total.total).toBe(104);
    expect(a.summary.total.counts.reduce((s, n) => s + n, 0)).toBe(104);
  });
});
