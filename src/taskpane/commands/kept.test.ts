import * as fs from 'node:fs';
import * as path from 'node:path';
import { createExcelHost } from '../../adapters/excel/host';
import type { WorkbookGrid } from '../../core/grid/types';
import { createStandIn, gridFromXlsxBuffer, installStandIn, type StandIn } from '../../standin';
import { runFill } from './fill';
import { keepingHost, MAX_EDITED_RANGES } from './kept';
import { inspect, loadAndAnalyse } from './load';
import { quiet, type PaneHost } from './types';
import { runSummary } from './summary';
import { runValidate } from './validate';

/**
 * The pane answers a command from what it read last only while nothing can have changed: every
 * case below that changes the workbook makes the next command read it again, and the answer
 * follows the change.
 */
const SAMPLES = path.resolve(__dirname, '../../../assets/samples');
let isehara: WorkbookGrid;

beforeAll(async () => {
  isehara = await gridFromXlsxBuffer(new Uint8Array(fs.readFileSync(path.join(SAMPLES, 'isehara-list.xlsx'))), 'isehara-list.xlsx');
});

function setup(apiVersion = '1.20'): { si: StandIn; host: ReturnType<typeof keepingHost>; reads: () => number; sheetsRead: string[] } {
  const si = createStandIn(isehara, { apiVersion });
  installStandIn(globalThis as unknown as Record<string, unknown>, si);
  const raw = createExcelHost();
  let n = 0;
  const sheetsRead: string[] = [];
  const counted: typeof raw = {
    ...raw,
    read: (p?: (done: number, total: number) => void) => {
      n++;
      return raw.read(p);
    },
    readSheets: async (pick, p) => {
      const r = await raw.readSheets(pick, p);
      sheetsRead.push(...r.grid.sheets.map((x) => x.name));
      return r;
    },
  };
  return { si, host: keepingHost(counted), reads: () => n, sheetsRead };
}

/** What a pane that kept nothing would answer, on the workbook as the stand-in now holds it. */
async function afresh<T>(si: StandIn, run: (host: PaneHost) => Promise<T>): Promise<T> {
  const fresh = createStandIn(si.toGrid());
  installStandIn(globalThis as unknown as Record<string, unknown>, fresh);
  try {
    return await run(createExcelHost());
  } finally {
    installStandIn(globalThis as unknown as Record<string, unknown>, si);
  }
}

const freshValidate = (si: StandIn) => afresh(si, (h) => runValidate(h, quiet));

/** Lets the stand-in deliver change events (Excel raises them after the current task). */
const settle = () => new Promise((r) => setTimeout(r, 5));

describe('what the pane read is kept while nothing changed', () => {
  test('opening, then 検証, then 検証 again: one read', async () => {
    const { host, reads } = setup();
    await inspect(host, quiet);
    const a = await runValidate(host, quiet);
    const b = await runValidate(host, quiet);
    expect(reads()).toBe(1);
    expect(b.counts).toEqual(a.counts);
  });

  test('a command that reads costs no sync more than without keeping (the read gives the outline)', async () => {
    const { si, host } = setup();
    si.resetStats();
    await runValidate(host, quiet);
    const kept = si.stats.syncs;
    const raw = createStandIn(isehara);
    installStandIn(globalThis as unknown as Record<string, unknown>, raw);
    await runValidate(createExcelHost(), quiet);
    expect(kept).toBe(raw.stats.syncs);
  });

  test('a co-author’s edit: only that cell is read again, and the answer has it', async () => {
    const { si, host, reads } = setup();
    const before = await runValidate(host, quiet);
    expect(before.counts.warning).toBe(6);
    const { analysis } = await loadAndAnalyse(host, quiet);
    // 1(1)②'s rating typed as the suggestion B: its VLD009 warning goes.
    si.coauthorEdit('取組項目一覧', 'F7', 'B');
    await settle();
    si.resetStats();
    const after = await runValidate(host, quiet);
    expect(reads()).toBe(1);
    // The outline probe (two syncs) and the edited cell's one.
    expect(si.stats.syncs).toBe(3);
    // Answered incrementally: the detection it checked is kept (a full analysis makes its own).
    expect((await loadAndAnalyse(host, quiet)).analysis.detection).toBe(analysis.detection);
    expect(after.counts.warning).toBe(5);
    expect(after).toEqual(await freshValidate(si));
  });

  test('an edit whose event is still on its way when the command starts: heard, and the answer has it', async () => {
    const { si, host, reads } = setup();
    await runValidate(host, quiet);
    si.coauthorEdit('取組項目一覧', 'F7', 'B');
    const after = await runValidate(host, quiet);
    expect(reads()).toBe(1);
    expect(after.counts.warning).toBe(5);
  });

  test('edits one after another, each command answering from the last: the same as reading afresh', async () => {
    const { si, host, reads } = setup();
    await runValidate(host, quiet);
    for (const [cell, value] of [
      ['F7', 'A'],
      ['I7', 123],
      ['F7', null],
      ['K8', 5000],
      ['G9', '計画どおり実施した'],
    ] as const) {
      si.coauthorEdit('取組項目一覧', cell, value);
      await settle();
      expect(await runValidate(host, quiet)).toEqual(await freshValidate(si));
    }
    expect(reads()).toBe(1);
  });

  test('an edit the fast path cannot vouch for (an item’s name): the edited cell is read, the analysis done in full, the answer right', async () => {
    const { si, host, reads } = setup();
    await runValidate(host, quiet);
    si.coauthorEdit('取組項目一覧', 'C7', '合計');
    await settle();
    expect(await runValidate(host, quiet)).toEqual(await freshValidate(si));
    expect(reads()).toBe(1);
  });

  test('a row inserted by a co-author moves every cell below: read again', async () => {
    const { si, host, reads } = setup();
    await runValidate(host, quiet);
    si.beforeSync(si.stats.syncs + 1, (co) => co.insertRow('取組項目一覧', 8));
    await si.Excel.run(async (ctx) => ctx.sync());
    await settle();
    expect(await runValidate(host, quiet)).toEqual(await freshValidate(si));
    expect(reads()).toBe(2);
  });

  test('more edited ranges than a few: read again', async () => {
    const { si, host, reads } = setup();
    await runValidate(host, quiet);
    for (let r = 0; r <= MAX_EDITED_RANGES; r++) si.coauthorEdit('取組項目一覧', `G${r + 6}`, 'メモ');
    await settle();
    expect(await runValidate(host, quiet)).toEqual(await freshValidate(si));
    expect(reads()).toBe(2);
  });

  test('the pane’s own write (計算): the sheets it wrote are read again, and the answer has what it wrote', async () => {
    const { si, host, reads } = setup();
    await runValidate(host, quiet);
    await runFill(host, quiet);
    const after = await runValidate(host, quiet);
    expect(reads()).toBe(1);
    expect(after).toEqual(await freshValidate(si));
    // The grid kept is the one a whole read gives now, the written column included.
    const whole = await afresh(si, (h) => h.read());
    const { grid } = await loadAndAnalyse(host, quiet);
    expect(grid).toEqual(whole);
    expect(grid).not.toEqual(isehara);
  });

  test('集計, an edited rating, 集計 again, 検証: one read, the same answers as reading afresh', async () => {
    const { si, host, reads, sheetsRead } = setup();
    const opts = { lang: 'ja' as const, createdAt: '2026-12-02 08:00' };
    const { analysis } = await loadAndAnalyse(host, quiet);
    const first = await runSummary(host, opts, quiet);
    si.coauthorEdit('取組項目一覧', 'F7', 'A');
    await settle();
    const again = await runSummary(host, opts, quiet);
    expect(reads()).toBe(1);
    // The incremental analysis answered (it keeps the detection it checked; the full one makes its own), the settings sheet the first 集計 made notwithstanding.
    expect((await loadAndAnalyse(host, quiet)).analysis.detection).toBe(analysis.detection);
    // Only the sheets the write changed were read whole (the summary and the settings); the list's edited cell alone.
    expect(new Set(sheetsRead)).toEqual(new Set([again.sheetName, '_shinchoku']));
    expect(again.summary).toEqual((await afresh(si, (h) => runSummary(h, opts, quiet))).summary);
    expect(again.summary.total.counts).not.toEqual(first.summary.total.counts);
    expect(await runValidate(host, quiet)).toEqual(await freshValidate(si));
    expect(reads()).toBe(1);
  });

  test('a sheet added without any cell event: read again', async () => {
    const { si, host, reads } = setup();
    await runValidate(host, quiet);
    await si.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.add('メモ');
      await ctx.sync();
    });
    await runValidate(host, quiet);
    expect(reads()).toBe(2);
  });

  test('a sheet protected in between: read again', async () => {
    const { si, host, reads } = setup();
    await runValidate(host, quiet);
    si.setProtected('取組項目一覧', true);
    await runValidate(host, quiet);
    expect(reads()).toBe(2);
  });

  test('an Excel without change events (ExcelApi 1.8): every command reads', async () => {
    const { host, reads } = setup('1.8');
    await runValidate(host, quiet);
    await runValidate(host, quiet);
    expect(reads()).toBe(2);
  });
});
