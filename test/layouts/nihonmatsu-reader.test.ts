import { readXlsx } from '../../src/adapters/file/read-xlsx';
import { detectLayouts } from '../../src/core/layouts/detect';
import { nihonmatsuLayout } from '../../src/core/layouts/nihonmatsu/action-plan';
import type { LayoutRead } from '../../src/core/layouts/types';
import { ItemSchema } from '../../src/core/model/plan';
import { fixturePath } from '../fixtures/paths';
import { NIHONMATSU_ITEMS, R8_ACTUALS, R8_UNRATED } from '../fixtures/render/nihonmatsu.fixture';

async function read(file: string): Promise<LayoutRead> {
  const wb = await readXlsx(fixturePath(file));
  const det = detectLayouts(wb);
  expect(det.chosen.map((c) => c.layout)).toEqual(['nihonmatsu']);
  return nihonmatsuLayout.read(wb, { sheets: det.chosen[0].sheets });
}

/** What must not change when staff edit a copy: everything but where the cells are. */
function essence(r: LayoutRead) {
  return r.items
    .map((i) => ({
      id: i.id,
      group: i.groupKey,
      name: i.name,
      departments: i.departments,
      flags: i.flags,
      kpis: i.indicators.map((k) => [k.name, k.baseline?.value.kind === 'number' ? k.baseline.value.value : null, k.finalTarget?.value.kind === 'number' ? k.finalTarget.value.value : null, k.direction, k.aggregation, k.actuals.map((a) => (a.value.kind === 'number' ? a.value.value : a.value.kind))]),
      rating: i.rating?.symbol,
      schedule: Object.entries(i.notes ?? {}).filter(([k]) => k.startsWith('plan:')),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

describe('Nihonmatsu action plan (seed 002)', () => {
  let plan: LayoutRead;
  beforeAll(async () => {
    plan = await read('nihonmatsu.xlsx');
  });

  it('reads 36 items under 3 重点項目 and 9 sections, ids as the seed numbers them', () => {
    expect(plan.items).toHaveLength(36);
    for (const i of plan.items) ItemSchema.parse(i);
    expect(plan.items.map((i) => i.id).sort()).toEqual(NIHONMATSU_ITEMS.map((x) => x.id).sort());
    expect(plan.policyLabel).toBe('重点項目');
    expect(plan.policies.map((p) => p.key)).toEqual(['1', '2', '3']);
    expect(plan.policies[1].name).toBe('健全な財政運営の推進');
    expect(new Set(plan.items.map((i) => i.groupKey)).size).toBe(9);
    expect(plan.items.find((i) => i.id === '2-(2)-10')?.groupName).toBe('収入アップ・支出抑制');
    expect(plan.findings).toEqual([]);
    expect(plan.reportFy).toBeUndefined();
  });

  it('flags the 31 【継続項目】 and strips the marker from the name', () => {
    const cont = plan.items.filter((i) => i.flags.includes('continuing'));
    expect(cont).toHaveLength(31);
    expect(plan.items.find((i) => i.id === '3-(2)-4')?.name).toBe('NPO法人設立支援事業');
    expect(plan.items.filter((i) => !i.flags.includes('continuing')).map((i) => i.id)).toEqual([
      '1-(1)-2', '1-(1)-3', '1-(1)-4', '2-(1)-1', '2-(2)-5',
    ]);
  });

  it('finds exactly 13 base⇒target KPIs with numeric baseline (R6) and final target (R12)', () => {
    const kpis = plan.items.flatMap((i) => i.indicators.map((k) => ({ id: i.id, k })));
    expect(kpis).toHaveLength(13);
    expect(new Set(kpis.map((x) => x.id)).size).toBe(8);
    for (const { k } of kpis) {
      expect(k.baseline?.value.kind).toBe('number');
      expect(k.finalTarget?.value.kind).toBe('number');
      expect(k.baseline?.fy).toBe(2024);
      expect(k.finalTarget?.fy).toBe(2030);
    }
    expect(kpis.filter((x) => x.k.direction === 'lower').map((x) => x.id)).toEqual(['2-(2)-8', '2-(2)-10']);
    expect(kpis.filter((x) => x.k.aggregation === 'cumulative').map((x) => x.k.name)).toEqual(['街路灯LED化更新数(累計)']);
  });

  it('keeps sub-actions and the schedule cells that refer to them', () => {
    const i = plan.items.find((x) => x.id === '1-(1)-2')!;
    expect(i.notes?.['subAction:1']).toBe('公文書のうち公印を押印する文書の明確化、条例等の署名を省略する手法の検討');
    expect(i.notes?.['plan:2027']).toBe('①');
    const withSchedule = plan.items.filter((x) => Object.keys(x.notes ?? {}).some((k) => k.startsWith('plan:')));
    expect(withSchedule).toHaveLength(17);
    expect(i.departments).toEqual(['人事行政課', '関係課']);
  });

  it('reads the edited copy the same', async () => {
    const edited = await read('nihonmatsu-edited.xlsx');
    expect(essence(edited)).toEqual(essence(plan));
    expect(edited.findings).toEqual([]);
  });
});

describe('Nihonmatsu with R8 progress columns', () => {
  let r8: LayoutRead;
  beforeAll(async () => {
    r8 = await read('nihonmatsu-r8-progress.xlsx');
  });

  it('recognises 令和8年度 実績/評価/取組状況 and reads actuals, ratings and status for FY2026', () => {
    expect(r8.reportFy).toBe(2026);
    expect(r8.items.every((i) => i.reportFy === 2026 && i.ratingCell)).toBe(true);
    const rated = r8.items.filter((i) => i.rating);
    expect(rated).toHaveLength(36 - R8_UNRATED.length);
    const letters = rated.map((i) => i.rating!.symbol);
    expect(letters.filter((l) => l === 'A')).toHaveLength(8);
    expect(letters.filter((l) => l === 'C')).toHaveLength(7);
    const e = r8.items.find((i) => i.id === '1-(1)-6')!;
    expect(e.indicators.map((k) => (k.actuals[0].value.kind === 'number' ? k.actuals[0].value.value : null))).toEqual([64, 30, 25, 6]);
    expect(r8.items.filter((i) => i.indicators.some((k) => k.actuals.length)).map((i) => i.id).sort()).toEqual(Object.keys(R8_ACTUALS).sort());
    expect(r8.items.find((i) => i.id === '2-(2)-2')?.notes?.['status:2026']).toMatch(/ふるさと納税の推進について/);
    expect(r8.tables.every((t) => t.owned['rating:2026'] === 11)).toBe(true);
    expect(r8.findings).toEqual([]);
  });

  it('reads the edited progress copy (moved columns, full-width text, letter + label) the same', async () => {
    const edited = await read('nihonmatsu-r8-progress-edited.xlsx');
    expect(essence(edited)).toEqual(essence(r8));
    expect(edited.items.find((i) => i.id === '1-(1)-1')?.rating?.label).toBe('概ね計画どおり');
  });

  it('reports a 実績 that does not give one number per KPI and a rating that is not A–D', async () => {
    const wb = await readXlsx(fixturePath('nihonmatsu-r8-progress.xlsx'));
    const sheet = wb.sheets[0];
    const row = (id: string) => r8.items.find((i) => i.id === id)!.source.row;
    sheet.values[row('1-(1)-6')][10] = '64%';
    sheet.values[row('2-(1)-1')][11] = '済';
    const r = nihonmatsuLayout.read(wb, {});
    expect(r.findings.map((f) => [f.code, f.cell, f.itemId])).toEqual([['NHM005', `K${row('1-(1)-6') + 1}`, '1-(1)-6']]);
    // Not A–D: kept as typed; the validator reports it (VLD003) as for every layout.
    expect(r.items.find((i) => i.id === '2-(1)-1')?.notes?.rating).toBe('済');
  });
});
