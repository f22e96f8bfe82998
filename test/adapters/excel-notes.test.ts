import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createExcelHost, ExcelHostError, type ExcelHost } from '../../src/adapters/excel/host';
import { readXlsx } from '../../src/adapters/file/read-xlsx';
import { analyse } from '../../src/core/engine/analyse';
import type { WorkbookGrid } from '../../src/core/grid/types';
import { planFill } from '../../src/core/plan/fill';
import { isAssistantNote, NOTE_AUTHOR, noteText } from '../../src/core/plan/notes';
import { planSummarySheet } from '../../src/core/plan/summary-sheet';
import type { WritePlan } from '../../src/core/plan/write-plan';
import { planOwnedSheet } from '../../src/core/settings/ownership';
import { bytesToBase64, createStandIn, type Platform, type StandIn } from '../../src/standin';
import { fixturePath } from '../fixtures/paths';
import { runCli } from '../helpers/cli';
import { installOfficeJs } from '../helpers/officejs';

/**
 * Notes on suggested ratings and print setup of owned sheets, through office.js's own runtime
 * answered by the stand-in: what Excel has (requirement sets, platform, the client library's own
 * classes) decides what is written, and what is not is said.
 */
const g = globalThis as unknown as Record<string, unknown>;

function setup(wb: WorkbookGrid, o: { api?: string; platform?: Platform; libraryNotes?: boolean } = {}): { si: StandIn; host: ExcelHost } {
  const si = createStandIn(wb, { apiVersion: o.api ?? '1.20', platform: o.platform ?? 'web' });
  installOfficeJs(g, si, { libraryNotes: o.libraryNotes });
  return { si, host: createExcelHost() };
}

const blankRatings = () => readXlsx(fixturePath('isehara-list-blank-ratings.xlsx'));

async function fillOf(host: ExcelHost): Promise<{ plan: WritePlan; grid: WorkbookGrid }> {
  const grid = await host.read();
  return { plan: planFill(grid, analyse(grid)).plan, grid };
}

describe('notes on suggested ratings (ExcelApi 1.18)', () => {
  test('each written suggestion gets the add-in’s note; a cell with a staff note or a thread keeps it and gets none', async () => {
    const { si, host } = setup(await blankRatings());
    const { plan } = await fillOf(host);
    const noted = plan.writes.filter((w) => w.note);
    expect(noted.length).toBeGreaterThanOrEqual(3);
    const [withNote, withThread] = noted;
    si.addNote(withNote.sheet, withNote.address, '経営企画課:\n確認中', '経営企画課');
    si.addThread(withThread.sheet, withThread.address, '実績は9月末時点', '山田 花子');
    const res = await host.apply(plan);
    expect(res.cellNotes).toEqual({
      added: noted.length - 2,
      updated: 0,
      notWritten: [
        { sheet: withNote.sheet, address: withNote.address, reason: 'staff-note' },
        { sheet: withThread.sheet, address: withThread.address, reason: 'staff-note' },
      ],
    });
    expect(res.messages?.map((m) => m.ja).join()).toContain(`${withNote.sheet}!${withNote.address}, ${withThread.sheet}!${withThread.address} には職員のメモまたはコメントがすでにある`);
    const look = si.inspect(withNote.sheet);
    expect(look.notes[withNote.address]).toEqual({ content: '経営企画課:\n確認中', author: '経営企画課' });
    expect(look.threads[withThread.address]).toEqual({ content: '実績は9月末時点', author: '山田 花子' });
    expect(look.notes[withThread.address]).toBeUndefined();
    for (const w of noted.slice(2)) {
      // Excel makes the signed-in user the author; the note's first line says whose note it is.
      expect(look.notes[w.address]).toEqual({ content: noteText(w.note!), author: '山田 花子' });
      expect(isAssistantNote(look.notes[w.address].content)).toBe(true);
    }
    // Every value was written, the noted cells included.
    const after = si.toGrid();
    for (const w of noted) expect(after.sheets.find((s) => s.name === w.sheet)!.values[Number(w.address.slice(1)) - 1][w.address.charCodeAt(0) - 65]).toBe(w.value);
  });

  test('a suggestion replaced later updates the add-in’s note in place, never a second note', async () => {
    const { si, host } = setup(await blankRatings());
    const { plan } = await fillOf(host);
    await host.apply(plan);
    const w = plan.writes.find((x) => x.note)!;
    const again: WritePlan = { label: 'fill', sheets: [], writes: [{ ...w, value: 'C', expect: w.value, note: '評価の候補「C」。' }] };
    const res = await host.apply(again);
    expect(res.cellNotes).toEqual({ added: 0, updated: 1, notWritten: [] });
    expect(si.inspect(w.sheet).notes[w.address].content).toBe(noteText('評価の候補「C」。'));
    // The same again changes nothing.
    const same = await host.apply({ ...again, writes: [{ ...again.writes[0], value: 'C', expect: 'C' }] });
    expect(same.cellNotes).toEqual({ added: 0, updated: 0, notWritten: [] });
    expect(Object.keys(si.inspect(w.sheet).notes)).toHaveLength(plan.writes.filter((x) => x.note).length);
  });

  test('a cell a co-author typed into between the check and the write is put back and gets no note', async () => {
    const { si, host } = setup(await blankRatings());
    const { plan } = await fillOf(host);
    const target = plan.writes.find((w) => w.note)!;
    si.resetStats();
    // 1 the check (the notes as they are ride with it), 2 the settings sheet, 3 the cell writes: the edit arrives just before 3.
    si.beforeSync(3, (co) => co.edit(target.sheet, target.address, '入力中'));
    const res = await host.apply(plan);
    expect(res.conflicts).toContainEqual({ sheet: target.sheet, address: target.address, found: '入力中', expected: null });
    expect(si.inspect(target.sheet).notes[target.address]).toBeUndefined();
    expect(res.cellNotes!.added).toBe(plan.writes.filter((w) => w.note).length - 1);
  });

  test.each(['web', 'windows', 'mac'] as const)('notes join the command’s single undo group on %s (not in Microsoft’s list of APIs that cannot be undone)', async (platform) => {
    const { si, host } = setup(await blankRatings(), { platform });
    const { plan } = await fillOf(host);
    const res = await host.apply(plan);
    expect(res.cellNotes!.added).toBeGreaterThan(0);
    expect(host.apiSupport().mergeUndoGroup).toBe(true);
    expect(si.richApi.exchanges.filter((x) => x.error)).toEqual([]);
  });

  test.each([
    ['ExcelApi 1.17 (Office 2024)', { api: '1.17' }],
    ['office.js without notes (the npm build a self-hosted pane serves)', { libraryNotes: false }],
  ])('%s: values written, no note attempted, and the result says why', async (_, o) => {
    const { si, host } = setup(await blankRatings(), o);
    expect(host.apiSupport().notes).toBe(false);
    const { plan } = await fillOf(host);
    const noted = plan.writes.filter((w) => w.note);
    const res = await host.apply(plan);
    expect(res.conflicts).toEqual([]);
    expect(res.cellNotes).toEqual({ added: 0, updated: 0, notWritten: noted.map((w) => ({ sheet: w.sheet, address: w.address, reason: 'unsupported' })) });
    expect(res.messages).toContainEqual({ ja: expect.stringContaining('この Excel ではセルのメモを書き込めないため、候補の一覧を作業ウィンドウに表示しています'), en: expect.stringContaining('cannot write cell notes') });
    expect(si.inspect(noted[0].sheet).notes).toEqual({});
    expect(si.richApi.exchanges.filter((x) => x.error)).toEqual([]);
  });

  test('highlighting and clearing the highlight leave every note as it is', async () => {
    const { si, host } = setup(await blankRatings());
    const { plan } = await fillOf(host);
    await host.apply(plan);
    const w = plan.writes.find((x) => x.note)!;
    si.addNote(w.sheet, 'A3', 'staff', '経営企画課');
    const before = si.inspect(w.sheet).notes;
    await host.highlight([{ sheet: w.sheet, address: w.address, severity: 'warning' }, { sheet: w.sheet, address: 'A3', severity: 'error' }]);
    await host.clearHighlight();
    expect(si.inspect(w.sheet).notes).toEqual(before);
  });
});

describe('print setup of the summary sheet (ExcelApi 1.9)', () => {
  async function summaryOn(api: string) {
    const { si, host } = setup(await readXlsx(fixturePath('isehara-list.xlsx')), { api });
    const grid = await host.read();
    const a = analyse(grid);
    const plan = planSummarySheet(a.summary, { lang: 'ja', sources: ['x'], target: planOwnedSheet(grid, a.store, 'summary', '行革集計') });
    return { si, res: await host.apply(plan), print: plan.sheets[0].print! };
  }

  test('A4 landscape, one page wide, title rows, print area and a break before each table, in the undo group', async () => {
    const { si, res, print } = await summaryOn('1.20');
    expect(res.sheetsCreated).toEqual(['行革集計']);
    const look = si.inspect('行革集計');
    const [a, b] = print.titleRows!.split(':');
    expect(look.pageLayout).toEqual({ orientation: 'Landscape', paperSize: 'A4', zoom: { horizontalFitToPages: 1 }, printTitleRows: `$${a}:$${b}`, printArea: print.area });
    expect(look.rowBreaks).toEqual(print.rowBreaks);
    expect(res.messages ?? []).toEqual([]);
    expect(si.richApi.exchanges.filter((x) => x.error)).toEqual([]);
  });

  test('below 1.9 the sheet is made with the default print setup, and the result says so', async () => {
    const { si, res } = await summaryOn('1.8');
    expect(res.sheetsCreated).toEqual(['行革集計']);
    expect(si.inspect('行革集計').pageLayout.orientation).toBe('Portrait');
    expect(res.messages).toContainEqual({ ja: expect.stringContaining('印刷の設定(ExcelApi 1.9)を書き込めない'), en: expect.stringContaining('cannot write print settings') });
  });
});

describe('取り込み of a department file that carries the add-in’s notes', () => {
  test('Excel on the web refuses to insert its sheets; the message names the notes, the add-in’s own included', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinchoku-import-'));
    const filled = path.join(dir, 'dept.xlsx');
    const r = await runCli('fill', fixturePath('isehara-list-blank-ratings.xlsx'), '-o', filled, '--json');
    expect(JSON.parse(r.out).notes.added).toBeGreaterThan(0);
    const { host } = setup({ name: 'empty', sheets: [{ name: 'Sheet1', values: [], merges: [] }] });
    const grid = await readXlsx(filled);
    const err = (await host.insertWorkbook(bytesToBase64(new Uint8Array(fs.readFileSync(filled))), { sheets: [grid.sheets[0].name] }).catch((e) => e)) as ExcelHostError;
    expect(err).toBeInstanceOf(ExcelHostError);
    expect(err.code).toBe('UnsupportedFeature');
    expect(err.ja).toContain('セルのメモ');
    expect(err.ja).toContain(NOTE_AUTHOR);
    expect(err.en).toMatch(/notes/);
  });
});
