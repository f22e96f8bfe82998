import fc from 'fast-check';
import { readXlsx } from '../../src/adapters/file/read-xlsx';
import { analyse } from '../../src/core/engine/analyse';
import { rangeFromA1 } from '../../src/core/grid/a1';
import type { SheetGrid, WorkbookGrid } from '../../src/core/grid/types';
import { iseharaSheetLayout, parseDepartments } from '../../src/core/layouts/isehara/item-sheet';
import type { LayoutRead } from '../../src/core/layouts/types';
import { ItemSchema, type Item } from '../../src/core/model/plan';
import type { ParsedValue } from '../../src/core/values';
import type { SheetSpec } from '../fixtures/lib/build';
import { fixturePath } from '../fixtures/paths';
import {
  BLANK_SUBTOTAL_CODE,
  BROKEN_SUBTOTAL_CODE,
  BROKEN_SUBTOTAL_PLAN,
  EARLY_ACTUAL,
  EARLY_CODE,
  ISEHARA_SHEETS,
  OFFSET_CODE,
  renderIseharaItemSheet,
  TEMPLATE_SHEET_NAME,
} from '../fixtures/render/isehara-sheets.fixture';

function readAll(wb: WorkbookGrid): LayoutRead {
  const sheets = iseharaSheetLayout
    .detect(wb)
    .filter((d) => d.score >= 0.6)
    .map((d) => d.sheet);
  return iseharaSheetLayout.read(wb, { sheets });
}

const num = (v: ParsedValue | undefined) => (v?.kind === 'number' ? v.value : 0);
const fy23 = (it: Item) => it.effects?.byYear.find((y) => y.fy === 2023);

/** What must not change when someone edits the layout: ids, ratings and every value's meaning. */
function projection(items: Item[]) {
  const show = (v: ParsedValue | undefined) =>
    v === undefined ? 'absent' : v.kind === 'number' ? `${v.value}${v.cap ?? ''}${v.unit ?? ''}` : v.kind === 'text' ? v.text : v.kind;
  return items
    .map((it) => ({
      id: it.id,
      name: it.name,
      rating: it.rating?.symbol,
      indicator: it.indicators[0].name,
      unit: it.indicators[0].unit,
      direction: it.indicators[0].direction,
      baseline: show(it.indicators[0].baseline?.value),
      final: show(it.indicators[0].finalTarget?.value),
      targets: it.indicators[0].targets.map((t) => `${t.fy}:${show(t.value)}`),
      actuals: it.indicators[0].actuals.map((t) => `${t.fy}:${show(t.value)}`),
      effects: it.effects?.byYear.map((y) => `${y.fy}:${show(y.planned)}/${show(y.actual)}`),
      subtotals: `${show(it.effects?.plannedSubtotal)}/${show(it.effects?.actualSubtotal)}`,
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

function gridOf(spec: SheetSpec): SheetGrid {
  return {
    name: spec.name,
    values: spec.rows.map((r) => r.map((v) => (v === '' ? null : v))),
    merges: (spec.merges ?? []).map(rangeFromA1),
  };
}

let clean: LayoutRead;
let cleanWb: WorkbookGrid;

beforeAll(async () => {
  cleanWb = await readXlsx(fixturePath('isehara-sheets.xlsx'));
  clean = readAll(cleanWb);
});

describe('isehara-sheet reader on the printed sheets', () => {
  it('detects the 67 item sheets and the template, and nothing reads as a list', () => {
    const det = iseharaSheetLayout.detect(cleanWb);
    expect(det.filter((d) => d.score >= 0.6)).toHaveLength(68);
    expect(det.find((d) => d.sheet === TEMPLATE_SHEET_NAME)?.reason.en).toMatch(/template/);
  });

  it('reads 67 items with unique ids, the template excluded', () => {
    expect(clean.items).toHaveLength(67);
    expect(new Set(clean.items.map((i) => i.id)).size).toBe(67);
    expect(clean.items.some((i) => i.source.sheet === TEMPLATE_SHEET_NAME)).toBe(false);
    const t = clean.findings.find((f) => f.code === 'LAY014');
    expect(t).toMatchObject({ severity: 'info', sheet: TEMPLATE_SHEET_NAME });
    for (const it of clean.items) ItemSchema.parse(it);
  });

  it('gives A17/B39/C11 and the R5 effects 198,520 / 767,733 from the sheets alone', () => {
    const counts: Record<string, number> = {};
    for (const it of clean.items) counts[it.rating?.symbol ?? '-'] = (counts[it.rating?.symbol ?? '-'] ?? 0) + 1;
    expect(counts).toEqual({ A: 17, B: 39, C: 11 });
    const planned = clean.items.reduce((s, it) => s + num(fy23(it)?.planned), 0);
    const actual = clean.items.reduce((s, it) => s + num(fy23(it)?.actual), 0);
    expect(planned).toBe(198520);
    expect(actual).toBe(767733);
    expect(clean.reportFy).toBe(2023);
  });

  it('says which items the sheets cover and that reconciling needs the list', () => {
    const f = clean.findings.find((x) => x.code === 'ISS008')!;
    expect(f.severity).toBe('info');
    expect(f.message.ja).toContain('67');
    expect(f.params.ids).toContain('1(1)①');
    expect(f.message.ja).toContain('取組項目一覧');
  });

  it('takes the id from the sheet’s own numbers, so the 2(4)⑪ sheet reads as printed (①)', () => {
    const it = clean.items.find((i) => i.name.includes('児童コミュニティクラブ'))!;
    expect(it.id).toBe('2(4)①');
    expect(it.cells.id).toEqual({ sheet: '2(4)①', address: 'B3' });
  });

  it('every 〔小計〕 on the clean sheets equals the sum of its years', () => {
    let withAmounts = 0;
    for (const it of clean.items) {
      const e = it.effects!;
      for (const [sub, kind] of [
        [e.plannedSubtotal, 'planned'],
        [e.actualSubtotal, 'actual'],
      ] as const) {
        const sum = e.byYear.reduce((s, y) => s + num(y[kind]), 0);
        if (sub?.kind === 'number') {
          withAmounts++;
          expect({ id: it.id, kind, sub: sub.value }).toEqual({ id: it.id, kind, sub: sum });
        } else {
          expect({ id: it.id, kind, sum }).toEqual({ id: it.id, kind, sum: 0 });
        }
      }
    }
    expect(withAmounts).toBeGreaterThanOrEqual(40);
    expect(analyse(cleanWb).findings.filter((f) => f.code === 'VLD010' || f.code === 'VLD011')).toEqual([]);
  });

  it('reads a year block into targets, actuals, effects and the cells of each', () => {
    const it = clean.items.find((i) => i.id === '1(2)④')!;
    const ind = it.indicators[0];
    expect(ind).toMatchObject({ name: '可燃ごみの排出量', unit: 'トン/年', direction: 'lower', qualitative: false });
    expect(ind.baseline).toMatchObject({ fy: 2022, value: { value: 22931 } });
    expect(ind.finalTarget).toMatchObject({ fy: 2027, value: { value: 21254 } });
    expect(ind.targets.map((t) => num(t.value))).toEqual([23583, 22608, 22040, 21490, 21254]);
    expect(ind.actuals.map((t) => [t.fy, num(t.value)])).toEqual([[2023, 21872]]);
    expect(it.effects!.byYear.map((y) => num(y.planned))).toEqual([7766, 21450, 12496, 12100, 5192]);
    expect(num(fy23(it)!.actual)).toBe(37642);
    expect(it.rating).toMatchObject({ symbol: 'A' });
    expect(it.ratingCell).toEqual({ sheet: '1(2)④', address: 'G10' });
    expect(it.cells).toMatchObject({
      'target:2023': { address: 'E10' },
      'actual:2023': { address: 'I10' },
      'effectPlanned:2023': { address: 'E11' },
      'effectActual:2023': { address: 'I11' },
      effectPlannedSubtotal: { address: 'E20' },
      effectActualSubtotal: { address: 'I20' },
    });
    expect(it.notes?.status).toContain('草木類');
    expect(it.departments).toEqual(['経済環境部 清掃リサイクル課']);
    expect(it).toMatchObject({ policyKey: '1', groupKey: '(2)', groupName: '事務事業の見直し' });
  });

  it.each([
    ['5(10)①', 'cap-le', 'stated', 2022, '30億円以内; baseline 令和4年度当初予算'],
    ['5(10)④', 'cap-lt', 'stated', 2021, '91.3% (令和3年度)'],
    ['1(3)①', 'match', 'inferred', 2022, '定員管理計画上の職員数'],
    ['5(8)⑫', 'higher', 'inferred', 2022, '当期純利益 below its baseline'],
  ])('%s: direction %s (%s), baseline year %i — %s', (id, direction, source, baseFy) => {
    const ind = clean.items.find((i) => i.id === id)!.indicators[0];
    expect(ind.direction).toBe(direction);
    expect(ind.directionSource).toBe(source);
    expect(ind.baseline?.fy).toBe(baseFy);
  });

  it('marks 「-」 units with no numeric target as qualitative and keeps 1(3)④’s negative effect', () => {
    expect(clean.items.find((i) => i.id === '1(1)④')!.indicators[0].qualitative).toBe(true);
    expect(clean.items.find((i) => i.id === '1(1)③')!.indicators[0].qualitative).toBe(false);
    expect(num(fy23(clean.items.find((i) => i.id === '1(3)④')!)!.actual)).toBe(-15173);
  });
});

describe('isehara-sheet reader on edited copies', () => {
  it.each([
    ['isehara-sheets-relabelled.xlsx'],
    ['isehara-sheets-offset.xlsx'],
    ['isehara-sheets-text-numbers.xlsx'],
    ['isehara-sheets-reordered.xlsx'],
  ])('%s reads the same 67 items', async (file) => {
    const r = readAll(await readXlsx(fixturePath(file)));
    expect(r.items).toHaveLength(67);
    expect(projection(r.items)).toEqual(projection(clean.items));
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('moves the cells with the form when a sheet has an empty column and rows in front', async () => {
    const r = readAll(await readXlsx(fixturePath('isehara-sheets-offset.xlsx')));
    const it = r.items.find((i) => i.id === OFFSET_CODE)!;
    // Two lead rows, one lead column and the blank row before 年度 push G10 to H13.
    expect(it.ratingCell).toEqual({ sheet: OFFSET_CODE, address: 'H13' });
  });

  it('flags a 〔小計〕 that is not the sum of its years, and a blank one that can be filled', async () => {
    const wb = await readXlsx(fixturePath('isehara-sheets-subtotals.xlsx'));
    const r = readAll(wb);
    const checked = analyse(wb);
    const broken = checked.findings.filter((f) => f.code === 'VLD010');
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatchObject({ severity: 'error', sheet: BROKEN_SUBTOTAL_CODE, cell: 'E20', itemId: BROKEN_SUBTOTAL_CODE });
    expect(broken[0].message.ja).toContain(BROKEN_SUBTOTAL_PLAN);
    expect(broken[0].message.ja).toContain('59,004');
    const blank = checked.findings.filter((f) => f.code === 'VLD011');
    expect(blank.map((f) => [f.sheet, f.cell])).toEqual([
      [BLANK_SUBTOTAL_CODE, 'E20'],
      [BLANK_SUBTOTAL_CODE, 'I20'],
    ]);
    expect(blank[0].message.ja).toContain('357,000');
    const it = r.items.find((i) => i.id === BLANK_SUBTOTAL_CODE)!;
    expect(it.cells.effectPlannedSubtotal).toEqual({ sheet: BLANK_SUBTOTAL_CODE, address: 'E20' });
    expect(it.effects?.plannedSubtotal?.kind).toBe('blank');
  });

  it('reports a sheet it cannot read instead of guessing', () => {
    const spec = renderIseharaItemSheet(ISEHARA_SHEETS[0]);
    const g = gridOf(spec);
    // Someone cleared the item number.
    g.values[2][1] = null;
    const r = iseharaSheetLayout.read({ name: 'x.xlsx', sheets: [g] }, { sheets: [g.name] });
    expect(r.items).toEqual([]);
    expect(r.findings).toEqual([expect.objectContaining({ code: 'LAY003', severity: 'error', sheet: g.name, cell: 'A3' })]);
  });

  it('flags an unreadable rating and a duplicate item number', () => {
    const a = gridOf(renderIseharaItemSheet(ISEHARA_SHEETS[0], { sheetName: 'a' }));
    const b = gridOf(renderIseharaItemSheet(ISEHARA_SHEETS[0], { sheetName: 'b' }));
    b.values[9][6] = '済';
    const r = iseharaSheetLayout.read({ name: 'x.xlsx', sheets: [a, b] }, { sheets: ['a', 'b'] });
    expect(r.items[1].notes?.rating).toBe('済');
    expect(r.items[1].ratingCell).toEqual({ sheet: 'b', address: 'G10' });
    expect(r.findings.find((f) => f.code === 'VLD008')).toMatchObject({ sheet: 'b', cell: 'B3', itemId: '1(1)①@b', params: { id: '1(1)①' } });
    expect(r.items.map((i) => i.id)).toEqual(['1(1)①', '1(1)①@b']);
  });

  it('keeps the report year where most sheets report: one 実績 typed early for 令和6年度 is a finding, not a move (FY004)', async () => {
    const wb = await readXlsx(fixturePath('isehara-sheets-early.xlsx'));
    const r = readAll(wb);
    expect(r.reportFy).toBe(2023);
    expect(r.items.every((it) => it.reportFy === 2023)).toBe(true);
    const early = r.findings.filter((f) => f.code === 'FY004');
    expect(early).toEqual([expect.objectContaining({ severity: 'warning', sheet: EARLY_CODE, cell: 'I12', params: expect.objectContaining({ fy: EARLY_ACTUAL.fy, reportFy: 2023 }) })]);
    expect(early[0].message.ja).toContain('令和6年度');
    // The item itself still reads its 令和5年度 rating and carries the early actual as a 令和6年度 value.
    const it = r.items.find((i) => i.id === EARLY_CODE)!;
    expect(it.rating?.symbol).toBe('A');
    expect(it.ratingCell).toEqual({ sheet: EARLY_CODE, address: 'G10' });
    expect(it.indicators[0].actuals.map((a) => a.fy)).toEqual([2023, 2024]);
    expect(projection(r.items.filter((i) => i.id !== EARLY_CODE))).toEqual(projection(clean.items.filter((i) => i.id !== EARLY_CODE)));
  });

  it('honours a report year chosen by the user', () => {
    const r = iseharaSheetLayout.read(cleanWb, { sheets: ['1(2)④'], reportFy: 2024 });
    expect(r.items[0].reportFy).toBe(2024);
    expect(r.items[0].rating).toBeUndefined();
    expect(r.items[0].ratingCell).toEqual({ sheet: '1(2)④', address: 'G12' });
  });

  it('property: any offset and number typing reads to the same item', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: ISEHARA_SHEETS.length - 1 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom('number' as const, 'text' as const, 'fullwidth' as const),
        fc.boolean(),
        (i, leadRows, leadCols, numbers, relabel) => {
          const s = ISEHARA_SHEETS[i];
          const base = gridOf(renderIseharaItemSheet(s));
          const edited = gridOf(renderIseharaItemSheet(s, { leadRows, leadCols, numbers, relabel, blankRowBeforeYears: leadRows % 2 === 1 }));
          const a = iseharaSheetLayout.read({ name: 'a', sheets: [base] }, { sheets: [base.name] });
          const b = iseharaSheetLayout.read({ name: 'b', sheets: [edited] }, { sheets: [edited.name] });
          expect(projection(b.items)).toEqual(projection(a.items));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('parseDepartments', () => {
  it.each([
    ['【企画部 経営企画課】', ['企画部 経営企画課'], undefined],
    ['【企画部 経営企画課】 〔関連所属；情報政策課〕', ['企画部 経営企画課'], '情報政策課'],
    ['【総務部 職員課、企画部 経営企画課】', ['総務部 職員課', '企画部 経営企画課'], undefined],
    ['【市民生活部 市民協働課】 〔関連所属：経営企画課、公共施設マネジメント課〕', ['市民生活部 市民協働課'], '経営企画課、公共施設マネジメント課'],
    ['【経済環境部 環境対策課】 〔関係所属；全公共施設・全庁〕', ['経済環境部 環境対策課'], '全公共施設・全庁'],
    ['【企画部 公共施設マネジメント課】 【関連所属；関係施設所管課】', ['企画部 公共施設マネジメント課'], '関係施設所管課'],
    ['', [], undefined],
  ])('%s', (text, lead, related) => {
    const r = parseDepartments(text);
    expect(r.lead).toEqual(lead);
    expect(r.related).toBe(related);
  });
});
