import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { createExcelHost, ExcelHostError, type ExcelHost } from '../../src/adapters/excel/host';
import { analyse } from '../../src/core/engine/analyse';
import type { CellValue, WorkbookGrid } from '../../src/core/grid/types';
import { planFill } from '../../src/core/plan/fill';
import { DEFAULT_SUMMARY_SHEET, planSummarySheet } from '../../src/core/plan/summary-sheet';
import type { Summary } from '../../src/core/summary/types';
import { planOwnedSheet } from '../../src/core/settings/ownership';
import { readStore } from '../../src/core/settings/store';
import { settingsSheet } from '../helpers/settings';
import type { WritePlan } from '../../src/core/plan/write-plan';
import { bytesToBase64, createStandIn, gridFromXlsxBuffer, PAYLOAD_LIMIT_BYTES, type Platform, type StandIn } from '../../src/standin';
import { syntheticWorkbook } from '../../bench/synthetic';
import { installOfficeJs } from '../helpers/officejs';

/**
 * Each fault found by checking the adapter against Microsoft's documentation and office.js
 * (/work/shared/research/office-js-audit.md), as a test through office.js's own client runtime at
 * the requirement sets real hosts report: 1.7 (Office 2019), 1.13 (Office 2021) and 1.20 (Excel on
 * the web and Microsoft 365 today).
 */
const g = globalThis as unknown as Record<string, unknown>;
const SAMPLES = path.join(__dirname, '..', '..', 'assets', 'samples');
const API_SETS = ['1.7', '1.13', '1.20'] as const;

function setup(wb: WorkbookGrid, apiVersion: string = '1.20', platform: Platform = 'web'): { si: StandIn; host: ExcelHost } {
  const si = createStandIn(wb, { apiVersion, platform });
  installOfficeJs(g, si);
  return { si, host: createExcelHost() };
}

const maxRequest = (si: StandIn) => Math.max(...si.richApi.exchanges.map((x) => x.requestBytes));
const maxResponse = (si: StandIn) => Math.max(...si.richApi.exchanges.map((x) => x.responseBytes));
const refused = (si: StandIn) => si.richApi.exchanges.filter((x) => x.error).map((x) => x.error);

/** The summary sheet as the pane plans it: its target decided from the workbook as it is now. */
async function summaryPlan(host: ExcelHost, summary: Summary): Promise<WritePlan> {
  const now = await host.read();
  return planSummarySheet(summary, { lang: 'ja', sources: [now.name], target: planOwnedSheet(now, readStore(now), 'summary', DEFAULT_SUMMARY_SHEET) });
}

async function sample(name: string): Promise<WorkbookGrid> {
  return gridFromXlsxBuffer(fs.readFileSync(path.join(SAMPLES, name)), name);
}

describe.each(API_SETS)('ExcelApi %s through office.js', (api) => {
  test('undo: the first fill on a workbook without _shinchoku, then 集計 twice (the second replaces the owned sheet)', async () => {
    for (const platform of ['web', 'windows', 'mac'] as const) {
      const { si, host } = setup(await sample('isehara-list.xlsx'), api, platform);
      const grid = await host.read();
      expect(readStore(grid).sheet).toBeNull();
      const a = analyse(grid);
      const fill = await host.apply(planFill(grid, a).plan);
      expect(fill.written).toBeGreaterThan(0);
      const first = await host.apply(await summaryPlan(host, a.summary));
      expect(first.sheetsCreated).toHaveLength(1);
      const again = await host.apply(await summaryPlan(host, a.summary));
      // The second run replaces the sheet the first made (same name), which means deleting it.
      expect(again.sheetsCreated).toEqual(first.sheetsCreated);
      expect(again.sheetsLeftAlone).toEqual([]);
      expect(refused(si)).toEqual([]);
      // Where Excel offers undo groups, the writes ran in one.
      expect(si.lastRunOptions()?.mergeUndoGroup).toBe(api === '1.20');
    }
  });

  test('formula cells are never written, whatever their result shows', async () => {
    const wb: WorkbookGrid = {
      name: 'f.xlsx',
      sheets: [{ name: 'S', values: [['評価'], [null], [null]], formulas: [[], ['=IF(B2="","",B2)'], []], merges: [] }],
    };
    const { si, host } = setup(wb, api);
    const plan: WritePlan = {
      label: 'fill',
      writes: [
        { sheet: 'S', address: 'A2', value: 'B', expect: null, reason: 'rating' },
        { sheet: 'S', address: 'A3', value: 'B', expect: null, reason: 'rating' },
      ],
      sheets: [],
    };
    const res = await host.apply(plan);
    expect(res.formulaCells).toEqual([{ sheet: 'S', address: 'A2' }]);
    expect(res.conflicts).toEqual([]);
    expect(si.toGrid().sheets[0].formulas?.[1][0]).toBe('=IF(B2="","",B2)');
    expect(si.toGrid().sheets[0].values[2][0]).toBe('B');
  });

  test('a co-author edit between the check and the write is put back as it was and reported', async () => {
    const { si, host } = setup(await sample('isehara-list.xlsx'), api);
    const grid = await host.read();
    const { plan } = planFill(grid, analyse(grid));
    const target = plan.writes.find((w) => w.expect === null)!;
    si.resetStats();
    // Sync 1 is the check; the co-author's value arrives after it, before the write.
    si.beforeSync(2, (co) => co.edit(target.sheet, target.address, '入力中'));
    const res = await host.apply(plan);
    // Check, create the settings sheet (the fill records its suggestions), write (which saw the
    // edit), and one more sync putting the cell back.
    expect(si.stats.syncs).toBe(4);
    expect(res.conflicts).toContainEqual({ sheet: target.sheet, address: target.address, found: '入力中', expected: null });
    const s = si.toGrid().sheets.find((x) => x.name === target.sheet)!;
    const { row, col } = { row: Number(target.address.replace(/^[A-Z]+/, '')) - 1, col: target.address.charCodeAt(0) - 65 };
    expect(s.values[row][col]).toBe('入力中');
  });

  test('workbook structure protection: refused before anything changes, in both languages', async () => {
    const { si, host } = setup(await sample('isehara-list.xlsx'), api);
    const grid = await host.read();
    const a = analyse(grid);
    si.setStructureProtected(true);
    const before = si.toGrid();
    const plan = await summaryPlan(host, a.summary);
    const err = (await host.apply(plan).catch((e) => e)) as ExcelHostError;
    expect(err.code).toBe('WorkbookProtected');
    expect(err.ja).toContain('ブックの保護');
    expect(si.toGrid()).toEqual(before);
  });
});

describe('payload: 10,000 and 20,000 items on Excel on the web (5 MB per request and response)', () => {
  test.each([10_000, 20_000])('%i items: read, fill, summary, highlight and clear stay under 5 MB in every sync', async (n) => {
    const { si, host } = setup(syntheticWorkbook(n));
    const grid = await host.read();
    const a = analyse(grid);
    const { plan } = planFill(grid, a);
    const fill = await host.apply(plan);
    expect(fill.conflicts).toEqual([]);
    await host.apply(await summaryPlan(host, a.summary));
    const cells = a.findings.filter((f) => f.sheet && f.cell).map((f) => ({ sheet: f.sheet, address: f.cell, severity: f.severity }));
    expect(cells.length).toBeGreaterThan(n / 4);
    const hl = await host.highlight(cells);
    expect(hl.highlighted).toBe(new Set(cells.map((c) => `${c.sheet}!${c.address}`)).size);
    const cleared = await host.clearHighlight();
    expect(cleared.restored).toBe(hl.highlighted);
    expect(refused(si)).toEqual([]);
    expect(maxRequest(si)).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    expect(maxResponse(si)).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  }, 240_000);

  test('a write Excel refuses for its size anyway is split and resent', async () => {
    const { si, host } = setup(syntheticWorkbook(2_000));
    const grid = await host.read();
    const { plan } = planFill(grid, analyse(grid));
    // An estimate far too optimistic: the first write sync is refused, then split until it passes.
    const naive = createExcelHost({ requestBudget: 20 * 1024 * 1024 });
    si.richApi.exchanges.length = 0;
    const res = await naive.apply(plan);
    expect(res.conflicts).toEqual([]);
    expect(res.written).toBe(plan.writes.length);
    void host;
  }, 60_000);
});

describe('merged areas: at most 512 per getMergedAreasOrNullObject call', () => {
  function mergedList(rows: number): WorkbookGrid {
    const values: CellValue[][] = [['No.', '取組', '所管課']];
    const merges = [];
    for (let r = 1; r <= rows; r += 2) {
      values.push([r, `取組${r}`, '課'], []);
      merges.push({ top: r, left: 2, bottom: r + 1, right: 2 });
    }
    return { name: 'merged.xlsx', sheets: [{ name: '一覧', values, merges }] };
  }

  test.each(['1.13', '1.20'])('a merge every two rows over 20,000 rows reads every merge (ExcelApi %s)', async (api) => {
    const wb = mergedList(20_000);
    const { si, host } = setup(wb, api);
    const grid = await host.read();
    expect(grid.sheets[0].merges).toHaveLength(wb.sheets[0].merges.length);
    expect(refused(si)).toEqual([]);
  }, 60_000);

  test('the stand-in refuses one call over 512 areas, as Excel documents', async () => {
    const { si } = setup(mergedList(2_000));
    const err = await Excel.run(async (ctx) => {
      const m = ctx.workbook.worksheets.getItem('一覧').getRange('A1:C2001').getMergedAreasOrNullObject();
      m.load('areaCount');
      await ctx.sync();
    }).catch((e) => e);
    expect(err).toMatchObject({ code: 'GeneralException' });
    expect(refused(si)).toEqual(['GeneralException']);
  });

  test('on ExcelApi 1.7 merges are not asked for at all', async () => {
    const { si, host } = setup(mergedList(100), '1.7');
    expect((await host.read()).sheets[0].merges).toEqual([]);
    expect(refused(si)).toEqual([]);
  });
});

describe('undo groups: what the stand-in refuses, and how the adapter answers', () => {
  test('a sheet delete inside mergeUndoGroup fails with UndoNotSupported (Microsoft’s table)', async () => {
    const { si } = setup({ name: 'x', sheets: [{ name: 'A', values: [[1]], merges: [] }, { name: 'B', values: [[1]], merges: [] }] });
    const err = await Excel.run({ mergeUndoGroup: true } as Excel.RunOptions, async (ctx) => {
      ctx.workbook.worksheets.getItem('B').delete();
      await ctx.sync();
    }).catch((e) => e);
    expect(err).toMatchObject({ code: 'UndoNotSupported' });
    expect(si.toGrid().sheets.map((s) => s.name)).toEqual(['A', 'B']);
  });

  test('visibility inside a group: refused on Windows and Mac, accepted on the web', async () => {
    for (const [platform, code] of [['windows', 'UndoNotSupported'], ['mac', 'UndoNotSupported'], ['web', undefined]] as const) {
      setup({ name: 'x', sheets: [{ name: 'A', values: [[1]], merges: [] }, { name: 'B', values: [[1]], merges: [] }] }, '1.20', platform);
      const err = await Excel.run({ mergeUndoGroup: true } as Excel.RunOptions, async (ctx) => {
        ctx.workbook.worksheets.getItem('B').visibility = 'Hidden';
        await ctx.sync();
      }).catch((e) => e);
      expect(err?.code).toBe(code);
    }
  });

  test('if Excel still refuses a group, the message says so and the next run goes ungrouped', async () => {
    const { si, host } = setup({ name: 'x', sheets: [{ name: 'A', values: [['a'], [null]], merges: [] }] }, '1.20', 'windows');
    // Make the grouped write fail as an unknown non-undoable API would.
    const plan: WritePlan = { label: 'x', writes: [{ sheet: 'A', address: 'A2', value: 'B', expect: null, reason: 'rating' }], sheets: [] };
    const realRun = (g.Excel as { run: (...a: unknown[]) => Promise<unknown> }).run;
    let first = true;
    (g.Excel as { run: unknown }).run = (opts: Excel.RunOptions, batch: (c: Excel.RequestContext) => Promise<unknown>) =>
      realRun(opts, async (ctx: Excel.RequestContext) => {
        if (opts.mergeUndoGroup && first) {
          first = false;
          ctx.workbook.worksheets.getItem('A').delete();
        }
        return batch(ctx);
      });
    const err = (await host.apply(plan).catch((e) => e)) as ExcelHostError;
    expect(err.code).toBe('UndoNotSupported');
    expect(err.ja).toContain('元に戻す');
    expect(host.apiSupport().mergeUndoGroup).toBe(false);
    const res = await host.apply(plan);
    expect(res.written).toBe(1);
    expect(si.lastRunOptions()?.mergeUndoGroup).toBe(false);
    (g.Excel as { run: unknown }).run = realRun;
  });
});

/** A copy of a sample with a chart drawn on its first sheet, as Excel would store it. */
async function withChart(file: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(fs.readFileSync(path.join(SAMPLES, file)));
  const rels = 'xl/worksheets/_rels/sheet1.xml.rels';
  const existing = (await zip.file(rels)?.async('string')) ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  zip.file(rels, existing.replace('</Relationships>', '<Relationship Id="rIdChart9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing9.xml"/></Relationships>'));
  zip.file('xl/drawings/drawing9.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>');
  zip.file(
    'xl/drawings/_rels/drawing9.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/></Relationships>',
  );
  return zip.generateAsync({ type: 'uint8array' });
}

describe('import (insertWorksheetsFromBase64)', () => {
  test('a sheet with a chart: UnsupportedFeature on the web, explained; inserted on desktop', async () => {
    const bytes = await withChart('isehara-list.xlsx');
    const names = (await gridFromXlsxBuffer(bytes, 'x.xlsx')).sheets.map((s) => s.name);
    const web = setup({ name: 'book', sheets: [{ name: 'Sheet1', values: [], merges: [] }] }, '1.20', 'web');
    const err = (await web.host.insertWorkbook(bytesToBase64(bytes), { sheets: names }).catch((e) => e)) as ExcelHostError;
    expect(err.code).toBe('UnsupportedFeature');
    expect(err.ja).toContain('グラフ');
    expect(err.en).toContain('Excel desktop');
    const desk = setup({ name: 'book', sheets: [{ name: 'Sheet1', values: [], merges: [] }] }, '1.20', 'windows');
    expect(await desk.host.insertWorkbook(bytesToBase64(bytes), { sheets: names })).toHaveLength(names.length);
  });

  test('only the sheets named are inserted: never the settings sheet of the other file', async () => {
    // A department file on which Shinchoku already ran: it has _shinchoku and an owned summary sheet.
    const dept = createStandIn(await sample('isehara-list.xlsx'));
    installOfficeJs(g, dept);
    const deptHost = createExcelHost();
    const grid = await deptHost.read();
    const a = analyse(grid);
    await deptHost.apply(await summaryPlan(deptHost, a.summary));
    const file = dept.toGrid();
    expect(readStore(file).sheet).not.toBeNull();
    // The pane names the staff sheets from its own read of the file (the settings sheet is not one).
    const { si, host } = setup({ name: 'book', sheets: [{ name: 'Sheet1', values: [], merges: [] }] });
    const staff = [grid.sheets[0].name];
    const b64 = bytesToBase64(fs.readFileSync(path.join(SAMPLES, 'isehara-list.xlsx')));
    await host.insertWorkbook(b64, { sheets: staff });
    expect(si.toGrid().sheets.map((s) => s.name)).toEqual(['Sheet1', ...staff]);
    expect(readStore(si.toGrid()).sheet).toBeNull();
  });

  test('a file too large for one web request is refused before sending, with what to do', async () => {
    const { si, host } = setup({ name: 'book', sheets: [{ name: 'Sheet1', values: [], merges: [] }] });
    const err = (await host.insertWorkbook('A'.repeat(6 * 1024 * 1024), { sheets: ['x'] }).catch((e) => e)) as ExcelHostError;
    expect(err.code).toBe('FileTooLargeForWeb');
    expect(err.ja).toContain('デスクトップ');
    expect(si.richApi.exchanges).toEqual([]);
  });
});

describe('highlight restores fills exactly', () => {
  test('No Fill comes back as No Fill, a white fill as white (ExcelApi 1.9+)', async () => {
    const { si, host } = setup({ name: 'x', sheets: [{ name: 'S', values: [['a', 'b', 'c']], merges: [] }] });
    await host.apply({
      label: 'x',
      writes: [
        { sheet: 'S', address: 'B1', value: 'b', expect: 'b', reason: 'rating', style: { fill: '#FFFFFF' } },
        { sheet: 'S', address: 'C1', value: 'c', expect: 'c', reason: 'rating', style: { fill: '#00B050' } },
      ],
      sheets: [],
    });
    const cells = ['A1', 'B1', 'C1'].map((address) => ({ sheet: 'S', address, severity: 'error' as const }));
    await host.highlight(cells);
    expect(si.inspect('S').fills).toEqual({ A1: '#FFC7CE', B1: '#FFC7CE', C1: '#FFC7CE' });
    await host.clearHighlight();
    expect(si.inspect('S').fills).toEqual({ B1: '#FFFFFF', C1: '#00B050' });
  });
});

describe('settings under co-authoring (docs/settings.md: one row per key with a revision)', () => {
  const book = (): WorkbookGrid => ({
    name: 'x',
    sheets: [{ name: 'S', values: [[1]], merges: [] }, settingsSheet({ layout: 'isehara-list', reportFy: 2023 })],
  });
  const set = (key: 'layout' | 'reportFy', value: unknown, baseRev: number | null): WritePlan => ({
    label: 'settings',
    writes: [],
    sheets: [],
    settingsChanges: [{ op: 'set', key, value, baseRev }],
  });
  const row = (key: string) => readStore(book()).entries[key];

  test('a co-author saves another key between this session’s check and its write: both survive', async () => {
    const { si, host } = setup(book());
    const reportFy = row('reportFy');
    // apply: the check (sync 1), then the write (sync 2); the other session's save lands in between.
    si.beforeSync(si.stats.syncs + 2, (co) => {
      co.setSettingsCell(reportFy.row, 1, reportFy.rev + 1);
      co.setSettingsCell(reportFy.row, 3, '2024');
    });
    const res = await host.apply(set('layout', 'generic', row('layout').rev));
    expect(res.settingsRefused).toEqual([]);
    expect(readStore(si.toGrid()).settings).toMatchObject({ layout: 'generic', reportFy: 2024 });
  });

  test('a co-author saves the same key between the check and the write: theirs is kept, this save is refused and said', async () => {
    const { si, host } = setup(book());
    const layout = row('layout');
    si.beforeSync(si.stats.syncs + 2, (co) => {
      co.setSettingsCell(layout.row, 1, layout.rev + 1);
      co.setSettingsCell(layout.row, 3, JSON.stringify('nihonmatsu'));
    });
    const res = await host.apply(set('layout', 'generic', layout.rev));
    expect(res.settingsRefused.map((r) => [r.key, r.kind])).toEqual([['layout', 'conflict']]);
    expect(res.settingsRefused[0].message.ja).toContain('別の人');
    expect(readStore(si.toGrid()).settings.layout).toBe('nihonmatsu');
  });

  test('a save whose base revision is already stale is refused at the check, nothing written', async () => {
    const { si, host } = setup(book());
    const before = si.toGrid();
    const res = await host.apply(set('layout', 'generic', row('layout').rev - 1));
    expect(res.settingsRefused.map((r) => r.kind)).toEqual(['conflict']);
    expect(si.toGrid()).toEqual(before);
  });
});

describe('rows that moved: each write checks that its row still belongs to the same item', () => {
  const list = (): WorkbookGrid => ({
    name: 'x',
    sheets: [{ name: '一覧', values: [['No.', '取組', '評価'], [1, '取組1', null], [2, '取組2', null], [3, '取組3', null]], merges: [] }],
  });
  const plan = (): WritePlan => ({
    label: 'fill',
    writes: [2, 3, 4].map((r) => ({
      sheet: '一覧',
      address: `C${r}`,
      value: ['A', 'B', 'C'][r - 2],
      expect: null,
      reason: 'rating' as const,
      guards: [
        { address: `A${r}`, expect: r - 1 },
        { address: `B${r}`, expect: `取組${r - 1}` },
      ],
    })),
    sheets: [],
  });

  test.each(API_SETS)('a row deleted before the check: the shifted rows are not written (ExcelApi %s)', async (api) => {
    const { si, host } = setup(list(), api);
    si.beforeSync(si.stats.syncs + 1, (co) => co.deleteRow('一覧', 1));
    const res = await host.apply(plan());
    // 取組2 and 取組3 moved up: their cells hold another item's row, and row 4 is now empty.
    expect(res.written).toBe(0);
    expect(res.conflicts.map((c) => c.address)).toEqual(['C2', 'C3', 'C4']);
    expect(si.toGrid().sheets[0].values).toEqual([['No.', '取組', '評価'], [2, '取組2'], [3, '取組3']]);
  });

  test.each(API_SETS)('a row deleted between the check and the write: what was written is put back and reported (ExcelApi %s)', async (api) => {
    const { si, host } = setup(list(), api);
    si.beforeSync(si.stats.syncs + 2, (co) => co.deleteRow('一覧', 1));
    const res = await host.apply(plan());
    expect(res.written).toBe(0);
    expect(res.conflicts.map((c) => c.address).sort()).toEqual(['C2', 'C3', 'C4']);
    expect(res.conflicts[0].found).toMatch(/^A\d: /);
    expect(si.toGrid().sheets[0].values).toEqual([['No.', '取組', '評価'], [2, '取組2'], [3, '取組3']]);
  });
});
