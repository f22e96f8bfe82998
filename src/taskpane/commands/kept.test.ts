import * as fs from 'node:fs';
import * as path from 'node:path';
import { createExcelHost } from '../../adapters/excel/host';
import type { WorkbookGrid } from '../../core/grid/types';
import { createStandIn, gridFromXlsxBuffer, installStandIn, type StandIn } from '../../standin';
import { runFill } from './fill';
import { keepingHost } from './kept';
import { inspect } from './load';
import { quiet } from './types';
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

function setup(apiVersion = '1.20'): { si: StandIn; host: ReturnType<typeof keepingHost>; reads: () => number } {
  const si = createStandIn(isehara, { apiVersion });
  installStandIn(globalThis as unknown as Record<string, unknown>, si);
  const raw = createExcelHost();
  let n = 0;
  const counted = {
    ...raw,
    read: (p?: (done: number, total: number) => void) => {
      n++;
      return raw.read(p);
    },
  };
  return { si, host: keepingHost(counted), reads: () => n };
}

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

  test('a co-author’s edit: read again, and the answer has it', async () => {
    const { si, host, reads } = setup();
    const before = await runValidate(host, quiet);
    expect(before.counts.warning).toBe(6);
    // 1(1)②'s rating typed as the suggestion B: its VLD009 warning goes.
    si.coauthorEdit('取組項目一覧', 'F7', 'B');
    await settle();
    const after = await runValidate(host, quiet);
    expect(reads()).toBe(2);
    expect(after.counts.warning).toBe(5);
  });

  test('an edit whose event is still on its way when the command starts: read again', async () => {
    const { si, host, reads } = setup();
    await runValidate(host, quiet);
    si.coauthorEdit('取組項目一覧', 'F7', 'B');
    const after = await runValidate(host, quiet);
    expect(reads()).toBe(2);
    expect(after.counts.warning).toBe(5);
  });

  test('the pane’s own write (計算): read again', async () => {
    const { host, reads } = setup();
    await runValidate(host, quiet);
    await runFill(host, quiet);
    const n = reads();
    await runValidate(host, quiet);
    expect(reads()).toBe(n + 1);
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
