import fc from 'fast-check';
import { readXlsx } from '../../adapters/file/read-xlsx';
import { fixturePath } from '../../../test/fixtures/paths';
import { fromA1 } from '../grid/a1';
import { SheetView } from '../grid/sheet-view';
import type { WorkbookGrid } from '../grid/types';
import { nihonmatsuLayout } from '../layouts/nihonmatsu/action-plan';
import type { LayoutRead, TableAnchor } from '../layouts/types';
import { planProgressColumns, RATING_CHOICES } from './progress-columns';
import { WritePlanSchema, type WritePlan } from './write-plan';

/** What a host does with the plan, on the in-memory grid: write values where the cell holds what was expected. */
function apply(wb: WorkbookGrid, plan: WritePlan): WorkbookGrid {
  const sheets = wb.sheets.map((s) => ({ ...s, values: s.values.map((r) => [...r]) }));
  for (const w of plan.writes) {
    const sheet = sheets.find((s) => s.name === w.sheet)!;
    const { row, col } = fromA1(w.address);
    while (sheet.values.length <= row) sheet.values.push([]);
    const r = sheet.values[row];
    const found = r[col] ?? null;
    if (found !== w.expect) throw new Error(`conflict at ${w.address}: ${String(found)}`);
    if (w.value !== null) r[col] = w.value;
  }
  return { ...wb, sheets };
}

const read = (wb: WorkbookGrid): LayoutRead => nihonmatsuLayout.read(wb, {});

describe('planProgressColumns on the Nihonmatsu plan', () => {
  let wb: WorkbookGrid;
  beforeAll(async () => {
    wb = await readXlsx(fixturePath('nihonmatsu.xlsx'));
  });

  it('adds 令和8年度 実績/評価/取組状況 right of every table, writing only empty cells', () => {
    const r = read(wb);
    const plan = WritePlanSchema.parse(planProgressColumns(r, 2026, 'ja'));
    const headers = plan.writes.filter((w) => w.reason === 'owned-header');
    expect(r.tables).toHaveLength(13);
    expect(headers).toHaveLength(13 * 3);
    expect(new Set(headers.map((h) => h.value))).toEqual(new Set(['令和8年度 実績', '令和8年度 評価', '令和8年度 取組状況']));
    expect(plan.writes.filter((w) => w.reason === 'progress-column')).toHaveLength(36 * 3);
    const view = new SheetView(wb.sheets[0]);
    for (const w of plan.writes) {
      expect(w.expect).toBeNull();
      const { row, col } = fromA1(w.address);
      expect(view.value(row, col)).toBeNull();
      expect(col).toBeGreaterThanOrEqual(10); // right of 実施担当 (column J)
    }
    const ratingCells = plan.writes.filter((w) => w.validationList);
    expect(ratingCells).toHaveLength(36);
    for (const w of ratingCells) expect(w.validationList).toEqual(RATING_CHOICES);
    expect(new Set(plan.writes.map((w) => `${w.sheet}!${w.address}`)).size).toBe(plan.writes.length);
  });

  it('finds its columns again: the result reads as an R8 progress sheet and planning again plans nothing', () => {
    const after = apply(wb, planProgressColumns(read(wb), 2026, 'ja'));
    const again = read(after);
    expect(again.reportFy).toBe(2026);
    expect(again.items).toHaveLength(36);
    for (const item of again.items) expect(item.ratingCell?.address).toMatch(/^L\d+$/);
    expect(planProgressColumns(again, 2026, 'ja').writes).toEqual([]);
    expect(planProgressColumns(again, 2026, 'en').writes).toEqual([]);
  });

  it('adds another year beside the first, and English headers are recognised too', () => {
    const r8 = apply(wb, planProgressColumns(read(wb), 2026, 'en'));
    const r9plan = planProgressColumns(read(r8), 2027, 'en');
    const cols = new Set(r9plan.writes.map((w) => fromA1(w.address).col));
    expect([...cols].sort()).toEqual([13, 14, 15]);
    expect(r9plan.writes.find((w) => w.reason === 'owned-header')?.value).toBe('FY2027 Actual');
    const both = read(apply(r8, r9plan));
    expect(planProgressColumns(both, 2026, 'ja').writes).toEqual([]);
    expect(planProgressColumns(both, 2027, 'ja').writes).toEqual([]);
  });

  it('plans nothing on a copy whose R8 columns staff already filled in', async () => {
    const filled = await readXlsx(fixturePath('nihonmatsu-r8-progress.xlsx'));
    expect(planProgressColumns(read(filled), 2026, 'ja').writes).toEqual([]);
    const edited = await readXlsx(fixturePath('nihonmatsu-r8-progress-edited.xlsx'));
    expect(planProgressColumns(read(edited), 2026, 'ja').writes).toEqual([]);
  });
});

describe('planProgressColumns on any reader’s tables', () => {
  const anchor = fc.record({
    sheet: fc.constantFrom('S1', 'S2'),
    header: fc.integer({ min: 0, max: 5 }),
    rows: fc.uniqueArray(fc.integer({ min: 6, max: 60 }), { maxLength: 12 }),
    nextFreeCol: fc.integer({ min: 1, max: 20 }),
    owned: fc.subarray(['actual', 'rating', 'status']),
  });

  const empty: LayoutRead = { layout: 'x', policyLabel: '', policies: [], items: [], findings: [], tables: [] };

  it('writes only right of the table, never over a column that exists, never a cell twice', () => {
    fc.assert(
      fc.property(fc.array(anchor, { maxLength: 5 }), fc.integer({ min: 2019, max: 2030 }), (specs, fy) => {
        const tables: TableAnchor[] = specs.map((s) => ({
          sheet: s.sheet,
          headerRows: [s.header],
          dataRows: s.rows,
          nextFreeCol: s.nextFreeCol,
          owned: Object.fromEntries(s.owned.map((f, i) => [`${f}:${fy}`, s.nextFreeCol - 1 - i])),
          rowOfItem: {},
        }));
        const plan = planProgressColumns({ ...empty, tables }, fy, 'ja');
        const keys = plan.writes.map((w) => `${w.sheet}!${w.address}`);
        expect(new Set(keys).size).toBe(keys.length);
        for (const w of plan.writes) expect(w.expect).toBeNull();
        tables.forEach((t, i) => {
          const missing = 3 - specs[i].owned.length;
          const solo = planProgressColumns({ ...empty, tables: [t] }, fy, 'ja');
          expect(solo.writes.filter((w) => w.reason === 'owned-header')).toHaveLength(missing);
          expect(solo.writes).toHaveLength(missing * (1 + t.dataRows.length));
          for (const w of solo.writes) {
            const col = fromA1(w.address).col;
            expect(col).toBeGreaterThanOrEqual(t.nextFreeCol);
            expect(Object.values(t.owned)).not.toContain(col);
          }
        });
      }),
    );
  });
});

describe('progress columns go on plan tables only', () => {
  it('a results sheet with its own rating column (Isehara 達成状況) gets none', async () => {
    const { analyse } = await import('../engine/analyse');
    const { planTables } = await import('./progress-columns');
    const a = analyse(await readXlsx(fixturePath('isehara-list.xlsx')));
    expect(planTables(a.read)).toEqual([]);
    expect(planProgressColumns(a.read, 2026, 'ja').writes).toEqual([]);
  });

  it('a plan table whose rating column is a year’s progress column (Tsukubamirai R3) takes the next year', async () => {
    const { analyse } = await import('../engine/analyse');
    const { planTables } = await import('./progress-columns');
    const a = analyse(await readXlsx(fixturePath('tsukubamirai.xlsx')));
    expect(planTables(a.read)).toHaveLength(1);
    const headers = planProgressColumns(a.read, 2026, 'ja').writes.filter((w) => w.reason === 'owned-header');
    expect(headers.map((h) => h.value)).toEqual(['令和8年度 実績', '令和8年度 評価', '令和8年度 取組状況']);
  });
});
