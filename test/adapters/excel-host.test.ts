import * as fs from 'node:fs';
import * as path from 'node:path';
import { createExcelHost, ExcelHostError, type ExcelHost } from '../../src/adapters/excel/host';
import { trimGrid } from '../../src/adapters/excel/trim';
import { readXlsx } from '../../src/adapters/file/read-xlsx';
import type { CellValue, SheetGrid, WorkbookGrid } from '../../src/core/grid/types';
import { fromA1, toA1 } from '../../src/core/grid/a1';
import type { CellWrite, WritePlan } from '../../src/core/plan/write-plan';
import { ownerNote } from '../../src/core/settings/ownership';
import { readStore } from '../../src/core/settings/store';
import { settingsSheet } from '../helpers/settings';
import { bytesToBase64, createStandIn, gridFromXlsxBuffer, PAYLOAD_LIMIT_BYTES, type StandIn } from '../../src/standin';
import { FIXTURE_DIR } from '../fixtures/paths';
import { installOfficeJs } from '../helpers/officejs';

const g = globalThis as unknown as Record<string, unknown>;

/** The adapter through office.js's own client runtime, answered by the stand-in. */
function setup(wb: WorkbookGrid, apiVersion?: string): { si: StandIn; host: ExcelHost } {
  const si = createStandIn(wb, { apiVersion });
  installOfficeJs(g, si);
  return { si, host: createExcelHost() };
}

/** Excel shows nothing in the non-anchor cells of a merge; the file adapter repeats the anchor's value. */
function asExcelShowsIt(wb: WorkbookGrid): WorkbookGrid {
  return {
    ...wb,
    sheets: wb.sheets.map((s) => {
      const values = s.values.map((r) => [...r]);
      const formulas = (s.formulas ?? []).map((r) => [...r]);
      for (const m of s.merges) {
        for (let r = m.top; r <= m.bottom; r++) {
          for (let c = m.left; c <= m.right; c++) {
            if ((r !== m.top || c !== m.left) && values[r]) {
              values[r][c] = null;
              if (formulas[r]) formulas[r][c] = null;
            }
          }
        }
      }
      const t = trimGrid(values, formulas);
      const out: SheetGrid = { ...s, values: t.values, merges: sortMerges(s.merges) };
      if (t.anyFormula) out.formulas = t.formulas;
      else delete out.formulas;
      return out;
    }),
  };
}

const sortMerges = (ms: SheetGrid['merges']) => [...ms].sort((a, b) => a.top - b.top || a.left - b.left);
const withSortedMerges = (wb: WorkbookGrid): WorkbookGrid => ({ ...wb, sheets: wb.sheets.map((s) => ({ ...s, merges: sortMerges(s.merges) })) });

/** Every cell whose value or formula differs between two grids, as 'Sheet!A1'. */
function changedCells(a: WorkbookGrid, b: WorkbookGrid): string[] {
  const out: string[] = [];
  const names = new Set([...a.sheets, ...b.sheets].map((s) => s.name));
  for (const n of names) {
    const x = a.sheets.find((s) => s.name === n);
    const y = b.sheets.find((s) => s.name === n);
    const rows = Math.max(x?.values.length ?? 0, y?.values.length ?? 0);
    for (let r = 0; r < rows; r++) {
      const cols = Math.max(x?.values[r]?.length ?? 0, y?.values[r]?.length ?? 0);
      for (let c = 0; c < cols; c++) {
        const vx = x?.values[r]?.[c] ?? null;
        const vy = y?.values[r]?.[c] ?? null;
        const fx = x?.formulas?.[r]?.[c] ?? null;
        const fy = y?.formulas?.[r]?.[c] ?? null;
        if (vx !== vy || fx !== fy) out.push(`${n}!${toA1(r, c)}`);
      }
    }
  }
  return out.sort();
}

const fixtures = fs.existsSync(FIXTURE_DIR) ? fs.readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.xlsx')).sort() : [];

describe('read() on the stand-in equals the file adapter', () => {
  test('fixtures exist to compare against', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  test.each(fixtures)('%s', async (file) => {
    const fileGrid = await readXlsx(path.join(FIXTURE_DIR, file));
    const { si, host } = setup(fileGrid);
    const read = await host.read();
    expect(withSortedMerges(read)).toEqual(asExcelShowsIt(fileGrid));
    // A constant number of syncs: list, used ranges, formulas (one batch at these sizes), values of formulas, merges.
    expect(si.stats.syncs).toBeLessThanOrEqual(5);
  });

  test('gridFromXlsxBuffer gives the same grid as readXlsx', async () => {
    const file = path.join(FIXTURE_DIR, fixtures[0]);
    expect(await gridFromXlsxBuffer(fs.readFileSync(file), fixtures[0])).toEqual(await readXlsx(file));
  });
});

/** A progress list of n items, shaped like a city's 取組項目一覧. */
function itemsWorkbook(n: number, opts: { longText?: boolean; cols?: number } = {}): WorkbookGrid {
  const header = ['No.', '基本方針', '取組項目', '指標', '目標値', '実績値', '達成率', '評価', '所管課'];
  const long = (i: number, c: number) => `令和5年度の取組状況(${i}-${c}):窓口業務の見直しと電子申請の拡充を進め、手続の所要時間を短縮した。`;
  const values: CellValue[][] = [['取組項目一覧'], header];
  const formulas: (string | null)[][] = [[], []];
  for (let i = 1; i <= n; i++) {
    const row: CellValue[] = [i, `${(i % 5) + 1} 行政運営の効率化`, `取組${i}`, '件数', 100, 80 + (i % 40), 0.8, i % 3 === 0 ? 'B' : null, '行政経営課'];
    if (opts.longText) for (let c = row.length; c < (opts.cols ?? 12); c++) row.push(long(i, c));
    values.push(row);
    formulas.push([null, null, null, null, null, null, `=F${i + 2}/E${i + 2}`]);
  }
  return {
    name: `items-${n}.xlsx`,
    sheets: [
      { name: '一覧', values, formulas, merges: [{ top: 0, left: 0, bottom: 0, right: 8 }], protected: false, visibility: 'visible' },
      { name: 'メモ', values: [['備考'], ['=このセルは文字列']], merges: [], protected: false, visibility: 'hidden' },
      settingsSheet({ reportFy: 2023 }),
    ],
  };
}

function fillPlan(wb: WorkbookGrid): WritePlan {
  const s = wb.sheets[0];
  const writes: CellWrite[] = [];
  s.values.forEach((row, r) => {
    if (r < 2) return;
    if (row[7] === null) writes.push({ sheet: '一覧', address: toA1(r, 7), value: 'A', expect: null, reason: 'rating', validationList: ['A', 'B', 'C', 'D'] });
    writes.push({ sheet: '一覧', address: toA1(r, 9), value: 0.95, numberFormat: '0.0%', expect: null, reason: 'ratio' });
  });
  writes.push({ sheet: '一覧', address: 'J2', value: '達成率(参考)', expect: null, reason: 'owned-header', style: { bold: true } });
  return { label: 'fill', writes, sheets: [] };
}

/** `replace`: the token of the sheet made last time (what planOwnedSheet says once the settings record it). */
function summaryPlan(rows: number, replace: string | null = null): WritePlan {
  const cells: CellWrite[] = [
    { sheet: '集計', address: 'A1', value: '基本方針別集計', expect: null, reason: 'summary', style: { bold: true } },
    { sheet: '集計', address: 'A2', value: ownerNote('summary', 'tok1234', 'ja'), expect: null, reason: 'summary' },
  ];
  for (let i = 0; i < rows; i++) {
    cells.push({ sheet: '集計', address: `A${i + 3}`, value: `=方針${i}`, expect: null, reason: 'summary' });
    cells.push({ sheet: '集計', address: `B${i + 3}`, value: i, expect: null, reason: 'summary' });
  }
  return {
    label: 'summary',
    writes: [],
    sheets: [
      {
        name: '集計',
        owner: { role: 'summary', token: 'tok1234' },
        replace: replace === null ? null : { expectToken: replace },
        cells,
        merges: ['A1:C1'],
        columnWidths: { A: 30 },
        chart: { title: '評価の内訳', dataRange: `A3:B${rows + 2}`, anchor: 'E3', kind: 'stackedBar' },
      },
    ],
    settingsChanges: [{ op: 'upsert', key: 'ownedSheets', items: [{ role: 'summary', name: '集計', token: 'tok1234' }], identity: ['name'] }],
  };
}

describe('sync budget does not grow with the number of items', () => {
  async function syncsFor(n: number) {
    const wb = itemsWorkbook(n);
    const { si, host } = setup(wb);
    const out: Record<string, number> = {};
    si.resetStats();
    const grid = await host.read();
    out.read = si.stats.syncs;
    si.resetStats();
    const fill = await host.apply(fillPlan(grid));
    out.fill = si.stats.syncs;
    si.resetStats();
    await host.apply(summaryPlan(n));
    out.newSheet = si.stats.syncs;
    return { out, fill, si, grid };
  }

  test('10 and 10,000 items: a handful of syncs per command, every request and response under 5 MB', async () => {
    const small = await syncsFor(10);
    const large = await syncsFor(10_000);
    // read: list, used ranges, formulas, values of formulas, merges; fill: check, write; summary:
    // check, add sheet, content and settings, chart. The 10,000-item fill needs one more write sync:
    // syncs follow the request size office.js builds, not the number of items.
    expect(small.out).toEqual({ read: 5, fill: 2, newSheet: 4 });
    expect(large.out).toEqual({ read: 5, fill: 3, newSheet: 4 });
    expect(large.fill.written).toBe(10_000 + 6_667 + 1);
    const exchanges = large.si.richApi.exchanges;
    expect(Math.max(...exchanges.map((x) => x.requestBytes))).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    expect(Math.max(...exchanges.map((x) => x.responseBytes))).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    expect(exchanges.filter((x) => x.error)).toEqual([]);
  }, 120_000);
});

describe('apply()', () => {
  test('changes exactly the planned cells, text as text, with formats, validation and settings', async () => {
    const wb = itemsWorkbook(10);
    const { si, host } = setup(wb);
    const before = si.toGrid();
    const plan = fillPlan(await host.read());
    plan.writes.push({ sheet: 'メモ', address: 'A3', value: '=SUM(A1:A2)', expect: null, reason: 'summary' });
    const res = await host.apply(plan);
    expect(res.conflicts).toEqual([]);
    expect(res.written).toBe(plan.writes.length);
    const after = si.toGrid();
    expect(changedCells(before, after)).toEqual(plan.writes.map((w) => `${w.sheet}!${w.address}`).sort());
    for (const w of plan.writes) {
      const { row, col } = fromA1(w.address);
      const s = after.sheets.find((x) => x.name === w.sheet)!;
      expect(s.values[row][col]).toBe(w.value);
      expect(s.formulas?.[row]?.[col] ?? null).toBeNull();
    }
    const look = si.inspect('一覧');
    expect(look.numberFormats.J3).toBe('0.0%');
    expect(look.numberFormats.H3).toBe('@');
    expect(look.validations.some((v) => v.list.join() === 'A,B,C,D')).toBe(true);
    expect(after.sheets.find((s) => s.name === '_shinchoku')).toEqual(before.sheets.find((s) => s.name === '_shinchoku'));
  });

  test('a protected target sheet is refused before anything is written, naming the sheet', async () => {
    const wb = itemsWorkbook(10);
    const { si, host } = setup(wb);
    const plan = fillPlan(await host.read());
    si.setProtected('一覧', true);
    const before = si.toGrid();
    si.resetStats();
    const err = (await host.apply(plan).catch((e) => e)) as ExcelHostError;
    expect(err).toBeInstanceOf(ExcelHostError);
    expect(err.code).toBe('SheetProtected');
    expect(err.ja).toContain('「一覧」');
    expect(err.en).toContain('"一覧"');
    expect(si.stats.syncs).toBe(1);
    expect(si.toGrid()).toEqual(before);
  });

  test('a cell changed by a co-author after reading is skipped and reported', async () => {
    const wb = itemsWorkbook(10);
    const { si, host } = setup(wb);
    const plan = fillPlan(await host.read());
    si.coauthorEdit('一覧', 'H3', 'C');
    const res = await host.apply(plan);
    expect(res.conflicts).toEqual([{ sheet: '一覧', address: 'H3', found: 'C', expected: null }]);
    expect(res.written).toBe(plan.writes.length - 1);
    const after = si.toGrid();
    expect(after.sheets[0].values[2][7]).toBe('C');
    expect(after.sheets[0].values[3][7]).toBe('A');
  });

  test('a same-named sheet without the owner tag is left alone, even when asked to replace it; one it created is replaced', async () => {
    const wb = itemsWorkbook(3);
    wb.sheets.push({ name: '集計', values: [['職員が作った表']], merges: [], protected: false, visibility: 'visible' });
    const { si, host } = setup(wb);
    for (const replace of [null, 'tok1234']) {
      const first = await host.apply(summaryPlan(3, replace));
      expect(first).toMatchObject({ sheetsCreated: [], sheetsLeftAlone: ['集計'], written: 0 });
    }
    expect(si.toGrid().sheets.find((s) => s.name === '集計')!.values).toEqual([['職員が作った表']]);
    expect(readStore(si.toGrid()).settings.ownedSheets).toEqual([]);

    const { si: si2, host: host2 } = setup(itemsWorkbook(3));
    expect((await host2.apply(summaryPlan(3))).sheetsCreated).toEqual(['集計']);
    const owned = readStore(si2.toGrid()).settings;
    expect(owned.ownedSheets).toEqual([{ role: 'summary', name: '集計', token: 'tok1234' }]);
    expect(owned.reportFy).toBe(2023);
    const again = await host2.apply(summaryPlan(2, 'tok1234'));
    expect(again).toMatchObject({ sheetsCreated: ['集計'], sheetsLeftAlone: [] });
    const sheet = si2.toGrid().sheets.find((s) => s.name === '集計')!;
    expect(sheet.values.length).toBe(4);
    expect(sheet.values[2][0]).toBe('=方針0');
    expect(sheet.formulas).toBeUndefined();
    expect(sheet.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
    expect(si2.inspect('集計').charts).toEqual([
      { name: 'Chart 1', type: 'BarStacked', source: '集計!A3:B4', title: '評価の内訳', anchor: 'E3' },
    ]);
    // Someone put a PivotTable on it: through office.js the counts come back, and the sheet stays.
    si2.addStaffObject('集計', 'pivotTables');
    const kept = await host2.apply(summaryPlan(3, 'tok1234'));
    expect(kept).toMatchObject({ sheetsCreated: [], sheetsLeftAlone: ['集計'], messages: [{ en: 'Sheet "集計" holds PivotTables added by hand, so it was not rebuilt. Rename it and run again to write the new one.' }] });
    expect(si2.toGrid().sheets.find((s) => s.name === '集計')!.values.length).toBe(4);
  });
});

describe('payload limit', () => {
  test('a 10,000-row read of long text stays under 5 MB per sync only because it is chunked', async () => {
    const wb = itemsWorkbook(10_000, { longText: true, cols: 14 });
    const { si } = setup(wb);
    const read = await createExcelHost().read();
    expect(read.sheets[0].values.length).toBe(10_002);
    expect(read.sheets[0].values[10_001][13]).toContain('10000-13');
    expect(read.sheets[0].merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 8 }]);
    expect(si.stats.maxResponseBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    const chunkedSyncs = si.stats.syncs;
    expect(chunkedSyncs).toBeGreaterThan(4);

    si.resetStats();
    const unchunked = createExcelHost({ readBudget: { maxBatchBytes: Number.MAX_SAFE_INTEGER, maxRowsPerChunk: 1e9, retrySplits: 0 } });
    const err = (await unchunked.read().catch((e) => e)) as ExcelHostError;
    expect(err.code).toBe('ResponsePayloadSizeLimitExceeded');
    expect(err.ja).toContain('5MB');
    expect(si.stats.maxResponseBytes).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
  }, 60_000);
});

test('merged areas survive a data batch that Excel refused and that was retried in halves', async () => {
  const wb = itemsWorkbook(4_000, { longText: true, cols: 14 });
  wb.sheets[0].formulas = undefined;
  const { si } = setup(wb);
  const read = await createExcelHost().read();
  expect(read.sheets[0].merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 8 }]);
  expect(read.sheets[0].formulas).toBeUndefined();
  expect(si.stats.maxResponseBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
}, 60_000);

describe('highlight, selection, settings, insert, feature detection', () => {
  test('highlight remembers original fills in the settings sheet; another session restores them', async () => {
    const { si, host } = setup(itemsWorkbook(5));
    await host.apply({ label: 'x', writes: [{ sheet: '一覧', address: 'C4', value: '取組2', expect: '取組2', reason: 'rating', style: { fill: '#00FF00' } }], sheets: [] });
    const res = await host.highlight([
      { sheet: '一覧', address: 'C3', severity: 'error' },
      { sheet: '一覧', address: 'C4', severity: 'warning' },
    ]);
    expect(res.highlighted).toBe(2);
    expect(si.inspect('一覧').fills).toMatchObject({ C3: '#FFC7CE', C4: '#FFEB9C' });
    expect(JSON.stringify(readStore(si.toGrid()).settings.highlight)).toContain('#00FF00');

    // A new session (e.g. a co-author) only has the workbook.
    const other = createExcelHost();
    si.coauthorEdit('一覧', 'C5', 'x');
    const cleared = await other.clearHighlight();
    expect(cleared.restored).toBe(2);
    expect(si.inspect('一覧').fills).toEqual({ C4: '#00FF00' });
    expect(readStore(si.toGrid()).settings.highlight).toBeUndefined();
  });

  test('highlight skips protected sheets', async () => {
    const { si, host } = setup(itemsWorkbook(2));
    si.setProtected('一覧', true);
    const res = await host.highlight([{ sheet: '一覧', address: 'A3', severity: 'info' }]);
    expect(res).toMatchObject({ highlighted: 0, skipped: [{ sheet: '一覧', address: 'A3', reason: 'protected' }] });
  });

  test('select activates the sheet and selects the cell', async () => {
    const { si, host } = setup(itemsWorkbook(2));
    await host.select('一覧', 'H4');
    expect(si.selection()).toEqual({ sheet: '一覧', address: 'H4' });
  });

  test('settings rows: text stays text, other keys and unknown fields are kept, a moved revision is refused', async () => {
    const wb = itemsWorkbook(2);
    const store = wb.sheets.find((s) => s.name === '_shinchoku')!;
    store.values[4] = ['layout', 7, 'someone', JSON.stringify('=not a formula')];
    store.values[3] = ['rules', 2, 'newer', JSON.stringify({ ratingRule: 'thresholds', futureField: { x: 1 } })];
    const { si, host } = setup(wb);
    const set = (key: 'layout' | 'rules', value: unknown, baseRev: number | null): WritePlan => ({
      label: 'settings',
      writes: [],
      sheets: [],
      settingsChanges: [{ op: 'set', key, value, baseRev }],
    });
    expect((await host.apply(set('rules', { ...readStore(si.toGrid()).settings.rules, ratingRule: 'direction-vs-baseline' }, 2))).settingsRefused).toEqual([]);
    const after = readStore(si.toGrid());
    expect(after.settings.layout).toBe('=not a formula');
    expect(after.entries.rules.json).toMatchObject({ ratingRule: 'direction-vs-baseline', futureField: { x: 1 } });
    expect(after.settings.reportFy).toBe(2023);
    const late = await host.apply(set('layout', 'generic', 6));
    expect(late.settingsRefused.map((r) => [r.key, r.kind])).toEqual([['layout', 'conflict']]);
    expect(readStore(si.toGrid()).settings.layout).toBe('=not a formula');
  });

  test('insertWorkbook adds the sheets of a base64 .xlsx on 1.13+, and says why not below', async () => {
    const file = path.join(FIXTURE_DIR, fixtures[0]);
    const b64 = bytesToBase64(new Uint8Array(fs.readFileSync(file)));
    const { si, host } = setup({ name: 'empty', sheets: [{ name: 'Sheet1', values: [], merges: [] }] });
    const ids = await host.insertWorkbook(b64, { sheets: (await readXlsx(file)).sheets.map((s) => s.name) });
    const fileGrid = await readXlsx(file);
    expect(ids.length).toBe(fileGrid.sheets.length);
    expect(si.toGrid().sheets.map((s) => s.name)).toEqual(['Sheet1', ...fileGrid.sheets.map((s) => s.name)]);

    const old = setup({ name: 'empty', sheets: [{ name: 'Sheet1', values: [], merges: [] }] }, '1.12');
    const err = (await old.host.insertWorkbook(b64, { sheets: ['x'] }).catch((e) => e)) as ExcelHostError;
    expect(err.code).toBe('ApiNotFound');
    expect(err.ja).toContain('1.13');
  });

  test('on ExcelApi 1.7 the optional features are off and reads still work (without merges)', async () => {
    const wb = itemsWorkbook(3);
    const { si, host } = setup(wb, '1.7');
    expect(host.apiSupport()).toEqual({
      excelApi: '1.7',
      platform: 'web',
      mergedAreas: false,
      insertWorksheets: false,
      dataValidation: false,
      suspendCalculation: true,
      fillPattern: false,
      pageLayout: false,
      comments: false,
      notes: false,
      delayForCellEdit: true,
      mergeUndoGroup: false,
    });
    const read = await host.read();
    expect(read.sheets[0].merges).toEqual([]);
    expect(si.lastRunOptions()).toEqual({ delayForCellEdit: true, mergeUndoGroup: false });
    const res = await host.apply(fillPlan(read));
    expect(res.conflicts).toEqual([]);
    expect(si.inspect('一覧').validations).toEqual([]);
  });

  test('every batch waits for cell edit mode: office.js sets the request flag wherever the host has the capability', async () => {
    for (const api of ['1.7', '1.13', '1.20']) {
      const { si, host } = setup(itemsWorkbook(1), api);
      await host.read();
      expect(si.richApi.exchanges.length).toBeGreaterThan(0);
      // 64 is office.js's DelayForCellEdit request flag.
      for (const x of si.richApi.exchanges) expect(x.flags & 64).toBe(64);
      expect(host.apiSupport().excelApi).toBe(api);
    }
  });

  test('below ExcelApi 1.7 the host refuses with a message saying what to use', async () => {
    const { host } = setup(itemsWorkbook(1), '1.6');
    const err = (await host.read().catch((e) => e)) as ExcelHostError;
    expect(err.code).toBe('ApiNotFound');
    expect(err.ja).toContain('Excel on the web');
  });

  test('progress reaches total', async () => {
    const { host } = setup(itemsWorkbook(5));
    const seen: [number, number][] = [];
    await host.read((d, t) => seen.push([d, t]));
    expect(seen.length).toBeGreaterThan(0);
    const [d, t] = seen[seen.length - 1];
    expect(d).toBe(t);
  });
});

describe('outline() and onChange() through office.js', () => {
  const sheet = (name: string): SheetGrid => ({ name, values: [['取組名', '評価'], ['窓口改革', 'A']], merges: [] });

  test('the outline changes with a sheet added or protected, and not with a value written', async () => {
    const { si, host } = setup({ name: 'w.xlsx', sheets: [sheet('一覧')] });
    const first = await host.outline();
    expect(first).toBe('一覧|visible|0|0,0,1,1');
    await host.apply({ label: 'fill', writes: [{ sheet: '一覧', address: 'B2', value: 'B', expect: 'A', reason: 'rating' }], sheets: [] });
    expect(await host.outline()).toBe(first);
    si.setProtected('一覧', true);
    expect(await host.outline()).toBe('一覧|visible|1|0,0,1,1');
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.add('メモ');
      await ctx.sync();
    });
    expect((await host.outline()).split('\n')).toEqual(['一覧|visible|1|0,0,1,1', 'メモ|visible|0|-']);
  });

  test('onChange says whether Excel took the handler', async () => {
    const { host } = setup({ name: 'w.xlsx', sheets: [sheet('一覧')] }, '1.8');
    const off = await host.onChange(() => undefined);
    expect(off.live).toBe(false);
    await off();
  });
});
