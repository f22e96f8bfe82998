import type { WorkbookGrid } from '../src/core/grid/types';
import { readStore } from '../src/core/settings/store';
import { createStandIn, installStandIn, PAYLOAD_LIMIT_BYTES, StandInError, type RequestContext } from '../src/standin';
import { settingsSheet } from './helpers/settings';

const wb = (): WorkbookGrid => ({
  name: 'b.xlsx',
  sheets: [
    { name: 'S', values: [['見出し', '見出し'], [1, 2], [null, '=x']], formulas: [[], [null, '=A2+1']], merges: [{ top: 0, left: 0, bottom: 0, right: 1 }] },
    { name: 'T', values: [], merges: [], protected: true, visibility: 'hidden' },
  ],
});

type Ctx = RequestContext;


describe('stand-in enforces the proxy rules', () => {
  test('reading before load, or after load but before sync, throws PropertyNotLoaded', async () => {
    const si = createStandIn(wb());
    await si.Excel.run(async (ctx: Ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1:B3');
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      r.load('values,formulas,address');
      expect(() => r.values).toThrow(StandInError);
      await ctx.sync();
      expect(r.values).toEqual([['見出し', ''], [1, 2], ['', '=x']]);
      expect(r.formulas).toEqual([['見出し', ''], [1, '=A2+1'], ['', '=x']]);
      expect(r.address).toBe('S!A1:B3');
    });
  });

  test('writes are applied at sync, not before', async () => {
    const si = createStandIn(wb());
    await si.Excel.run(async (ctx: Ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A3').values = [['新']];
      expect(si.toGrid().sheets[0].values[2][0]).toBeNull();
      await ctx.sync();
      expect(si.toGrid().sheets[0].values[2][0]).toBe('新');
    });
    expect(si.stats.syncs).toBe(1);
  });

  test("'=…' becomes a formula unless the cell is text ('@'); numeric text becomes a number unless '@'", async () => {
    const si = createStandIn(wb());
    await si.Excel.run(async (ctx: Ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.getRange('C1:C2').values = [['=1+1'], ['007']];
      const t = ws.getRange('D1:D2');
      t.numberFormat = [['@'], ['@']];
      t.values = [['=1+1'], ['007']];
      await ctx.sync();
    });
    const s = si.toGrid().sheets[0];
    expect(s.formulas?.[0][2]).toBe('=1+1');
    expect(s.values[1][2]).toBe(7);
    expect(s.values[0][3]).toBe('=1+1');
    expect(s.formulas?.[0][3] ?? null).toBeNull();
    expect(s.values[1][3]).toBe('007');
  });

  test('missing sheets, protected sheets and wrong shapes fail at sync with Office codes', async () => {
    const si = createStandIn(wb());
    const codeOf = (f: (ctx: Ctx) => void) =>
      si.Excel.run(async (ctx: Ctx) => {
        f(ctx);
        await ctx.sync();
      }).then(() => 'ok', (e: StandInError) => e.code);
    expect(await codeOf((c) => c.workbook.worksheets.getItem('無い').load('name'))).toBe('ItemNotFound');
    expect(await codeOf((c) => (c.workbook.worksheets.getItem('T').getRange('A1').values = [[1]]))).toBe('AccessDenied');
    expect(await codeOf((c) => (c.workbook.worksheets.getItem('S').getRange('A1:B1').values = [[1]]))).toBe('InvalidArgument');
    expect(await codeOf((c) => c.workbook.worksheets.add('S'))).toBe('ItemAlreadyExists');
  });

  test('*OrNullObject, used ranges, merged areas, collections', async () => {
    const si = createStandIn(wb());
    await si.Excel.run(async (ctx: Ctx) => {
      const none = ctx.workbook.worksheets.getItemOrNullObject('無い');
      const used = ctx.workbook.worksheets.getItem('S').getUsedRange(true).load('address');
      const empty = ctx.workbook.worksheets.getItem('T').getUsedRangeOrNullObject(true);
      const merged = ctx.workbook.worksheets.getItem('S').getRange('A1:B3').getMergedAreasOrNullObject().load('address');
      const sheets = ctx.workbook.worksheets.load('items/name,items/visibility');
      await ctx.sync();
      expect(none.isNullObject).toBe(true);
      expect(used.address).toBe('S!A1:B3');
      expect(empty.isNullObject).toBe(true);
      expect(merged.address).toBe('S!A1:B1');
      expect(sheets.items.map((s) => [s.name, s.visibility])).toEqual([['S', 'Visible'], ['T', 'Hidden']]);
    });
  });

  test('a batch over 5 MB is refused (request and response)', async () => {
    const si = createStandIn(wb());
    const big = Array.from({ length: 20_000 }, (_, i) => Array.from({ length: 10 }, (_, j) => `長い文字列の値です${i}-${j}`.repeat(2)));
    const err = await si.Excel.run(async (ctx: Ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1:J20000').values = big;
      await ctx.sync();
    }).catch((e) => e);
    expect(err.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(si.stats.maxRequestBytes).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
    expect(si.toGrid().sheets[0].values.length).toBe(3);
  });

  test('ExcelApi version gates newer methods (ApiNotFound at sync) and isSetSupported', async () => {
    const si = createStandIn(wb(), { apiVersion: '1.12', displayLanguage: 'en-US' });
    const g: Record<string, unknown> = {};
    installStandIn(g, si);
    expect(si.Office.context.requirements.isSetSupported('ExcelApi', '1.12')).toBe(true);
    expect(si.Office.context.requirements.isSetSupported('ExcelApi', '1.13')).toBe(false);
    expect(si.Office.context.displayLanguage).toBe('en-US');
    expect(await si.Office.onReady()).toEqual({ host: 'Excel', platform: 'OfficeOnline' });
    expect(g.Excel).toBe(si.Excel);
    const err = await si.Excel.run(async (ctx: Ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1').getMergedAreasOrNullObject();
      await ctx.sync();
    }).catch((e) => e);
    expect(err.code).toBe('ApiNotFound');
  });

  test('onChange fires after a sync that wrote, settings round-trip through the very hidden sheet', async () => {
    const stored = settingsSheet({ reportFy: 2023 });
    const si = createStandIn({ ...wb(), sheets: [...wb().sheets, stored] });
    let n = 0;
    const off = si.onChange(() => n++);
    await si.Excel.run(async (ctx: Ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A3').values = [['x']];
      await ctx.sync();
    });
    off();
    si.coauthorEdit('S', 'A3', 'y');
    expect(n).toBe(1);
    expect(readStore(si.toGrid()).settings.reportFy).toBe(2023);
    expect(si.toGrid().sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['S', 'visible'],
      ['T', 'hidden'],
      ['_shinchoku', 'veryHidden'],
    ]);
  });
});
