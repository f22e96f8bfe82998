import * as fs from 'node:fs';
import * as path from 'node:path';
import { createExcelHost } from '../../adapters/excel/host';
import type { WorkbookGrid } from '../../core/grid/types';
import { OWNED_RATIO_HEADER } from '../../core/layouts/owned';
import { readStore } from '../../core/settings/store';
import { createStandIn, gridFromXlsxBuffer, installStandIn, type StandIn } from '../../standin';
import { clearHighlight, highlightFindings, selectFinding } from './highlight';
import { distinctNames, importWorkbooks, writeConsolidatedSheets } from './import';
import { inspect } from './load';
import { loadSettingsView, saveSettings } from './settings';
import { runFill, previewFill } from './fill';
import { runSummary } from './summary';
import { quiet } from './types';
import { runValidate } from './validate';

const SAMPLES = path.resolve(__dirname, '../../../assets/samples');
const bytes = (f: string) => new Uint8Array(fs.readFileSync(path.join(SAMPLES, f)));
let isehara: WorkbookGrid;

beforeAll(async () => {
  isehara = await gridFromXlsxBuffer(bytes('isehara-list.xlsx'), 'isehara-list.xlsx');
});

function setup(grid: WorkbookGrid = isehara, apiVersion?: string): { si: StandIn; host: ReturnType<typeof createExcelHost> } {
  const si = createStandIn(grid, { ...(apiVersion ? { apiVersion } : {}) });
  installStandIn(globalThis as unknown as Record<string, unknown>, si);
  return { si, host: createExcelHost() };
}

const cell = (g: WorkbookGrid, sheet: string, r: number, c: number) => g.sheets.find((s) => s.name === sheet)?.values[r]?.[c] ?? null;

test('header names the Isehara list layout and the fiscal year', async () => {
  const { host } = setup();
  const h = await inspect(host, quiet);
  expect(h.layouts.map((l) => l.id)).toEqual(['isehara-list']);
  expect(h.layouts[0].reasons.length).toBeGreaterThan(0);
  expect(h.fyLabel?.ja).toBe('令和5年度');
  expect(h.items).toBe(71);
});

test('validate groups the real findings by severity and item, and passes without errors', async () => {
  const { host } = setup();
  const r = await runValidate(host, quiet);
  expect(r.counts).toEqual({ error: 0, warning: 6, info: 1 });
  expect(r.pass).toBe(true);
  expect(r.groups.map((g) => [g.severity, g.count])).toEqual([
    ['warning', 6],
    ['info', 1],
  ]);
  const first = r.groups[0].items[0];
  expect(first.itemName).toContain('PDCA');
  expect(first.findings[0]).toMatchObject({ code: 'VLD009', sheet: '取組項目一覧', cell: 'F7' });
});

test('clicking a finding selects its cell; highlighting can be removed again', async () => {
  const { si, host } = setup();
  const r = await runValidate(host, quiet);
  await selectFinding(host, r.groups[0].items[0].findings[0]);
  expect(si.selection()).toEqual({ sheet: '取組項目一覧', address: 'F7' });
  const on = await highlightFindings(host, r.findings, quiet);
  expect(on.highlighted).toBe(r.findings.filter((f) => f.cell).length);
  expect(Object.keys(si.inspect('取組項目一覧').fills)).toContain('F7');
  const off = await clearHighlight(host, quiet);
  expect(off.restored).toBe(on.highlighted);
});

test('fill writes the owned ratio column only and lists disagreements', async () => {
  const { si, host } = setup();
  const before = si.toGrid();
  const p = await previewFill(host, quiet);
  expect(p).toMatchObject({ ratings: 0, ratios: 40, headers: 1 });
  expect(p.disagreements).toHaveLength(6);
  expect(p.disagreements[0]).toMatchObject({ sheet: '取組項目一覧', address: 'F7', entered: 'C', suggested: 'B' });
  const { result } = await runFill(host, quiet);
  expect(result.written).toBe(41);
  expect(result.conflicts).toEqual([]);
  const after = si.toGrid();
  let changed = 0;
  for (const s of before.sheets) {
    s.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null) expect(cell(after, s.name, r, c)).toEqual(v);
      }),
    );
    const a = after.sheets.find((x) => x.name === s.name)!;
    a.values.forEach((row, r) => row.forEach((v, c) => (v !== null && cell(before, s.name, r, c) === null ? changed++ : 0)));
  }
  expect(changed).toBe(41);
  expect(JSON.stringify(after.sheets[0].values)).toContain(OWNED_RATIO_HEADER);
});

test('fill passes a blank column staff reserved with an input rule (Excel reports rules only when asked)', async () => {
  const { si, host } = setup();
  const plain = (await previewFill(host, quiet)).ratios;
  // Staff keep a 確認済/未確認 list in N, the column right of the table, on the item rows.
  await si.Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('取組項目一覧').getRange('N6:N76').dataValidation.rule = { list: { inCellDropDown: true, source: '確認済,未確認' } };
    await ctx.sync();
  });
  expect(await host.ruled([{ sheet: '取組項目一覧', address: 'N5:N76' }, { sheet: '取組項目一覧', address: 'O5:O76' }, { sheet: '取組項目一覧', address: 'N6:N76' }])).toEqual([true, false, true]);
  const { preview, result } = await runFill(host, quiet);
  expect(preview.ratios).toBe(plain);
  expect(result.conflicts).toEqual([]);
  const after = si.toGrid().sheets.find((x) => x.name === '取組項目一覧')!;
  expect(after.values.filter((row) => row[13] !== null && row[13] !== undefined)).toEqual([]);
  expect(after.values[4][14]).toBe(OWNED_RATIO_HEADER);
  expect(si.inspect('取組項目一覧').validations).toEqual([{ address: 'N6:N76', list: ['確認済', '未確認'] }]);

  // Below ExcelApi 1.8 no rule can be seen: the pane writes where it always did.
  const old = setup(isehara, '1.7');
  expect(await old.host.ruled([{ sheet: '取組項目一覧', address: 'N5:N76' }])).toEqual([false]);
});

test('fill reports a co-author edit instead of overwriting it', async () => {
  const { si, host } = setup();
  const originalApply = host.apply;
  // The co-author types into a planned ratio cell between the pane's read and its write.
  host.apply = async (plan, progress) => {
    const w = plan.writes.find((x) => x.reason === 'ratio')!;
    si.coauthorEdit(w.sheet, w.address, 'メモ');
    return originalApply(plan, progress);
  };
  const { result } = await runFill(host, quiet);
  expect(result.conflicts).toHaveLength(1);
  expect(result.conflicts[0].found).toBe('メモ');
});

test('fill on blank ratings: each suggestion gets a note where Excel can write one, and the result says when it cannot', async () => {
  const blank = await gridFromXlsxBuffer(fs.readFileSync(path.resolve(__dirname, '../../../test/fixtures/xlsx/isehara-list-blank-ratings.xlsx')), 'blank.xlsx');
  const { si, host } = setup(blank);
  const out = await runFill(host, quiet);
  expect(out.preview.suggestions.length).toBeGreaterThan(0);
  expect(out.result.cellNotes).toEqual({ added: out.preview.suggestions.length, updated: 0, notWritten: [] });
  expect(out.result.messages ?? []).toEqual([]);
  const s = out.preview.suggestions[0];
  expect(si.inspect(s.sheet).notes[s.address].content).toMatch(/^行革進捗アシスタント:\n評価の候補「/);

  const old = setup(blank, '1.17');
  expect(old.host.apiSupport().notes).toBe(false);
  const r = await runFill(old.host, quiet);
  expect(r.result.cellNotes?.added).toBe(0);
  expect(r.result.messages?.map((m) => m.ja)).toEqual([expect.stringContaining('この Excel ではセルのメモを書き込めないため、候補の一覧を作業ウィンドウに表示しています')]);
  expect(old.si.inspect(s.sheet).notes).toEqual({});
});

test('summary sheet reproduces the published Isehara totals', async () => {
  const { si, host } = setup();
  const out = await runSummary(host, { lang: 'ja', createdAt: '2026-11-21 12:00' }, quiet);
  expect(out.summary.total.counts).toEqual([17, 43, 11, 0]);
  expect(out.summary.total.effectPlanned).toBe(228520);
  expect(out.summary.total.effectActual).toBe(797733);
  expect(out.result.sheetsCreated).toEqual(['行革集計']);
  const sheet = si.toGrid().sheets.find((s) => s.name === '行革集計')!;
  const total = sheet.values.find((r) => r[0] === '合計')!;
  expect(total.slice(1, 5)).toEqual([17, 43, 11, 0]);
  expect(si.inspect('行革集計').charts).toHaveLength(1);
  // Refreshing replaces the add-in's own sheet.
  const again = await runSummary(host, { lang: 'ja' }, quiet);
  expect(again.result.sheetsLeftAlone).toEqual([]);
});

test('the add-in\'s own summary sheet is kept, not rebuilt, once someone put a chart, a table or a conditional format on it', async () => {
  const { si, host } = setup();
  await runSummary(host, { lang: 'ja' }, quiet);
  // One chart is the add-in's own: the sheet is rebuilt as before.
  expect((await runSummary(host, { lang: 'ja' }, quiet)).result.sheetsLeftAlone).toEqual([]);
  await si.Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem('行革集計');
    ws.charts.add('ColumnClustered', ws.getRange('B5:E6'), 'Auto');
    await ctx.sync();
  });
  si.addStaffObject('行革集計', 'conditionalFormats');
  const before = si.toGrid().sheets.find((s) => s.name === '行革集計')!;
  const out = await runSummary(host, { lang: 'ja' }, quiet);
  expect(out.result.sheetsLeftAlone).toEqual(['行革集計']);
  expect(out.result.sheetsCreated).toEqual([]);
  expect(out.result.messages?.map((m) => m.ja)).toEqual([expect.stringMatching(/^シート「行革集計」には手で加えたもの（グラフ、条件付き書式）があるため、作り直さずに残しました。/)]);
  expect(si.inspect('行革集計').charts).toHaveLength(2);
  expect(si.toGrid().sheets.find((s) => s.name === '行革集計')).toEqual(before);

  const other = setup();
  await runSummary(other.host, { lang: 'ja' }, quiet);
  other.si.addStaffObject('行革集計', 'pivotTables');
  other.si.addStaffObject('行革集計', 'tables');
  const kept = await runSummary(other.host, { lang: 'en' }, quiet);
  expect(kept.result.messages?.map((m) => m.en)).toEqual(['Sheet "行革集計" holds tables, PivotTables added by hand, so it was not rebuilt. Rename it and run again to write the new one.']);
});

test('a same-named sheet not made by the add-in is left alone; the summary goes beside it, and there again next time', async () => {
  const grid: WorkbookGrid = { ...isehara, sheets: [...isehara.sheets, { name: '行革集計', values: [['職員のメモ']], merges: [] }] };
  const { si, host } = setup(grid);
  const out = await runSummary(host, { lang: 'ja' }, quiet);
  expect([out.sheetName, out.displaced]).toEqual(['行革集計 (2)', '行革集計']);
  expect(out.result.sheetsCreated).toEqual(['行革集計 (2)']);
  expect(si.toGrid().sheets.find((s) => s.name === '行革集計')!.values).toEqual([['職員のメモ']]);
  const again = await runSummary(host, { lang: 'ja' }, quiet);
  expect(again.sheetName).toBe('行革集計 (2)');
  expect(si.toGrid().sheets.map((s) => s.name).filter((n) => n.startsWith('行革集計'))).toEqual(['行革集計', '行革集計 (2)']);
});

test('import reads department files in the pane and builds one summary; what is not a workbook is named, not fatal', async () => {
  // ExcelApi 1.12: no sheet insertion, the files are read in the pane only.
  const { host } = setup(isehara, '1.12');
  const owner = new Uint8Array(165);
  owner[0] = 6;
  const out = await importWorkbooks(
    host,
    [
      { name: 'isehara-list.xlsx', bytes: bytes('isehara-list.xlsx') },
      { name: 'nihonmatsu.xlsx', bytes: bytes('nihonmatsu.xlsx') },
      { name: 'broken.xlsx', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) },
      { name: '~$isehara-list.xlsx', bytes: owner },
      { name: 'memo.csv', bytes: new TextEncoder().encode('a,b\r\n1,2\r\n') },
    ],
    { insert: true, includeOwn: false, readGrid: gridFromXlsxBuffer },
    quiet,
  );
  expect(out.state.files.map((f) => f.inserted)).toEqual([null, null, null, null, null]);
  expect(out.consolidation.files.map((f) => [f.file, f.status])).toEqual([
    ['isehara-list.xlsx', 'used'],
    ['nihonmatsu.xlsx', 'used'],
    ['broken.xlsx', 'unreadable'],
    ['~$isehara-list.xlsx', 'owner'],
    ['memo.csv', 'not-workbook'],
  ]);
  expect(out.consolidation.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['CON009', 'CON010', 'CON011']));
  expect(out.summary!.total.total).toBe(71 + out.state.files[1].items);
});

test('two picked files of the same name stay two files', () => {
  const f = (name: string) => ({ name, bytes: new Uint8Array() });
  expect(distinctNames([f('取組項目一覧.xlsx'), f('取組項目一覧.xlsx'), f('a.xlsx')]).map((x) => x.name)).toEqual(['取組項目一覧.xlsx', '取組項目一覧 (2).xlsx', 'a.xlsx']);
});

test('this workbook and a copy of it picked again count once', async () => {
  const { host } = setup();
  const out = await importWorkbooks(host, [{ name: 'isehara-list.xlsx', bytes: bytes('isehara-list.xlsx') }], { insert: false, includeOwn: true, readGrid: gridFromXlsxBuffer }, quiet);
  expect(out.summary!.total.total).toBe(71);
  expect(out.consolidation.findings.map((f) => f.code)).toEqual(['CON001']);
  // The own sheet's cells are in the workbook; the picked copy's are not.
  const src = out.sources.find((x) => x.itemId === '1(1)①')!;
  expect(src.file).toBe('isehara-list.xlsx');
});

test('inserted sheets are named after their department, recorded as copies, and 集計/検証 do not count them again', async () => {
  const { si, host } = setup(isehara, '1.13');
  const before = await runValidate(host, quiet);
  const out = await importWorkbooks(host, [{ name: 'yuzawa.xlsx', bytes: bytes('yuzawa.xlsx') }], { insert: true, includeOwn: true, readGrid: gridFromXlsxBuffer }, quiet);
  const inserted = out.state.files[0].inserted!;
  expect(Object.keys(inserted).length).toBeGreaterThan(0);
  const names = si.toGrid().sheets.map((s) => s.name);
  for (const n of Object.values(inserted)) expect(names).toContain(n);
  expect(Object.values(inserted).every((n) => n.startsWith('yuzawa'))).toBe(true);
  const store = readStore(si.toGrid());
  expect(store.settings.ownedSheets.filter((r) => r.role === 'import').map((r) => r.name).sort()).toEqual(Object.values(inserted).sort());
  // 検証 reads this workbook's own sheets only: the same findings as before the import.
  const after = await runValidate(host, quiet);
  expect(after.counts).toEqual(before.counts);
  // 集計 counts the inserted sheets once, as Yuzawa's.
  const summary = await runSummary(host, { lang: 'ja' }, quiet);
  expect(summary.summary.total.total).toBe(out.summary!.total.total);
  expect(out.summary!.total.total).toBe(71 + out.consolidation.files.find((f) => f.file === 'yuzawa.xlsx')!.counted);
  // Importing again with this workbook included: the earlier copies and the new pick are the same content.
  const again = await importWorkbooks(host, [{ name: 'yuzawa.xlsx', bytes: bytes('yuzawa.xlsx') }], { insert: false, includeOwn: true, readGrid: gridFromXlsxBuffer }, quiet);
  expect(again.summary!.total.total).toBe(out.summary!.total.total);
});

test('a department named in its items gives the inserted sheet its name; the summary, 内訳 and hearing sheets link to the copies', async () => {
  const { si, host } = setup(isehara, '1.13');
  const dept = fs.readFileSync(path.resolve(__dirname, '../../../test/fixtures/xlsx/consolidation/r5-departments/総務部_職員課.xlsx'));
  const out = await importWorkbooks(host, [{ name: '総務部_職員課.xlsx', bytes: new Uint8Array(dept) }], { insert: true, includeOwn: false, readGrid: gridFromXlsxBuffer }, quiet);
  expect(out.state.files[0].inserted).toEqual({ 取組項目一覧: '総務部 職員課' });
  const w = await writeConsolidatedSheets(host, out, { lang: 'ja', createdAt: '2024-10-01 09:00' }, quiet);
  expect(w.sheets).toEqual(['行革集計', '行革集計_内訳', 'ヒアリング候補', '行革集計_機械判読用']);
  const links = si.inspect('行革集計_内訳').hyperlinks;
  expect(Object.values(links).length).toBe(4);
  expect(Object.values(links).every((l) => l.startsWith("'総務部 職員課'!C"))).toBe(true);
});

test('settings are validated, merged with what is stored and re-read by the next command', async () => {
  const { si, host } = setup();
  const view = await loadSettingsView(host, quiet);
  expect(view.problem).toBeUndefined();
  expect(view.items).toHaveLength(71);
  expect(view.layouts.some((l) => l.id === 'isehara-list')).toBe(true);
  const bad = await saveSettings(host, view, { rules: { ...view.settings.rules, thresholds: { ...view.settings.rules.thresholds, A: Number.NaN } } }, quiet);
  expect(bad.ok).toBe(false);
  const ok = await saveSettings(host, view, { rules: { ...view.settings.rules, ratingRule: 'thresholds' }, reportFy: 2023 }, quiet);
  expect(ok.ok).toBe(true);
  const stored = readStore(si.toGrid());
  expect(stored.settings).toMatchObject({ reportFy: 2023, rules: { ratingRule: 'thresholds' } });
  expect([stored.entries.rules.rev, stored.entries.reportFy.rev]).toEqual([1, 1]);
  const again = await loadSettingsView(host, quiet);
  expect(again.settings.rules.ratingRule).toBe('thresholds');
});

test('two people saving settings at once: different keys both survive, the same key is refused, not overwritten', async () => {
  const { si, host } = setup();
  const alice = await loadSettingsView(host, quiet);
  const bob = await loadSettingsView(host, quiet);
  expect((await saveSettings(host, alice, { rules: alice.settings.rules, reportFy: 2023 }, quiet)).ok).toBe(true);
  expect((await saveSettings(host, bob, { rules: bob.settings.rules, layout: 'isehara-list' }, quiet)).ok).toBe(true);
  expect(readStore(si.toGrid()).settings).toMatchObject({ reportFy: 2023, layout: 'isehara-list' });

  const carol = await loadSettingsView(host, quiet);
  const dave = await loadSettingsView(host, quiet);
  expect((await saveSettings(host, carol, { rules: carol.settings.rules, reportFy: 2024, layout: 'isehara-list' }, quiet)).ok).toBe(true);
  const late = await saveSettings(host, dave, { rules: dave.settings.rules, reportFy: 2025, layout: 'isehara-list' }, quiet);
  expect(late.ok).toBe(false);
  expect('refused' in late && late.refused.map((r) => [r.key, r.kind])).toEqual([['reportFy', 'conflict']]);
  expect(readStore(si.toGrid()).settings.reportFy).toBe(2024);
});

test('progress columns turn a plan workbook into the year’s progress sheet, once', async () => {
  const { runProgressColumns, currentFiscalYear } = await import('./columns');
  const nihonmatsu = await gridFromXlsxBuffer(bytes('nihonmatsu.xlsx'), 'nihonmatsu.xlsx');
  const { host } = setup(nihonmatsu);
  const first = await runProgressColumns(host, { fy: 2026, lang: 'ja' }, quiet);
  expect(first.tables).toBeGreaterThan(0);
  expect(first.headers).toBe(first.tables * 3);
  expect(first.fyLabel.ja).toBe('令和8年度');
  expect(first.result.written).toBeGreaterThan(first.headers);
  const again = await runProgressColumns(host, { fy: 2026, lang: 'ja' }, quiet);
  expect(again.result.written).toBe(0);
  expect(currentFiscalYear(new Date(2027, 2, 31))).toBe(2026);
  expect(currentFiscalYear(new Date(2027, 3, 1))).toBe(2027);
});
