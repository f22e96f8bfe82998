import * as fs from 'node:fs';
import * as path from 'node:path';
import { createExcelHost } from '../src/adapters/excel/host';
import { analyse } from '../src/core/engine/analyse';
import type { WorkbookGrid } from '../src/core/grid/types';
import { planFill } from '../src/core/plan/fill';
import { DEFAULT_SUMMARY_SHEET, planSummarySheet } from '../src/core/plan/summary-sheet';
import { planOwnedSheet } from '../src/core/settings/ownership';
import { readStore } from '../src/core/settings/store';
import { createStandIn, gridFromXlsxBuffer } from '../src/standin';
import { installOfficeJs, OFFICE_JS_VERSION } from '../test/helpers/officejs';
import { syntheticWorkbook } from './synthetic';

/**
 * The Office.js adapter driven through office.js's own client runtime (npm @microsoft/office-js,
 * the Excel on the web build), answered by the stand-in as Excel on the web (ExcelApi 1.20, 5 MB
 * limits). Per command: syncs (round trips) and the largest request and response body in bytes,
 * as office.js serialises them. Wall time is the stand-in's, not Excel's, and is not reported.
 * Run alone: npx tsx bench/office-adapter.ts
 */
interface Row {
  workbook: string;
  items: number;
  command: string;
  syncs: number;
  maxRequest: number;
  maxResponse: number;
  refused: number;
}

async function measure(name: string, grid: WorkbookGrid): Promise<Row[]> {
  const si = createStandIn(grid, { apiVersion: '1.20', platform: 'web' });
  installOfficeJs(globalThis as unknown as Record<string, unknown>, si);
  const host = createExcelHost();
  const rows: Row[] = [];
  let items = 0;
  const step = async <T>(command: string, f: () => Promise<T>): Promise<T> => {
    const from = si.richApi.exchanges.length;
    const out = await f();
    const xs = si.richApi.exchanges.slice(from);
    rows.push({
      workbook: name,
      items,
      command,
      syncs: xs.length,
      maxRequest: Math.max(0, ...xs.map((x) => x.requestBytes)),
      maxResponse: Math.max(0, ...xs.map((x) => x.responseBytes)),
      refused: xs.filter((x) => x.error).length,
    });
    return out;
  };
  const read = await step('read', () => host.read());
  const a = analyse(read);
  items = a.plan.items.length;
  rows[0].items = items;
  await step('fill (計算)', () => host.apply(planFill(read, a).plan));
  // As the pane does: the summary's target is decided from the workbook as it is now.
  const summaryPlan = async () => {
    const now = await host.read();
    return planSummarySheet(a.summary, { lang: 'ja', sources: [read.name], target: planOwnedSheet(now, readStore(now), 'summary', DEFAULT_SUMMARY_SHEET) });
  };
  const first = await summaryPlan();
  await step('summary (集計)', () => host.apply(first));
  const again = await summaryPlan();
  await step('summary again', () => host.apply(again));
  const cells = a.findings.filter((f) => f.sheet && f.cell).map((f) => ({ sheet: f.sheet, address: f.cell, severity: f.severity }));
  await step(`highlight (${cells.length} findings)`, () => host.highlight(cells));
  await step('clear highlight', () => host.clearHighlight());
  return rows;
}

const kb = (b: number) => (b >= 1024 * 1024 ? `${(b / 1024 / 1024).toFixed(2)} MB` : `${(b / 1024).toFixed(1)} KB`);

export async function benchOfficeAdapter(): Promise<void> {
  console.log(`\n## Office.js adapter through office.js ${OFFICE_JS_VERSION} (Excel on the web: ExcelApi 1.20, 5 MB = ${5 * 1024 * 1024} bytes per request/response)`);
  console.log('workbook | items | command | syncs | largest request | largest response | refused');
  const dir = path.join(__dirname, '..', 'assets', 'samples');
  const books: [string, () => Promise<WorkbookGrid>][] = [
    ...fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.xlsx'))
      .sort()
      .map((f) => [f, () => gridFromXlsxBuffer(fs.readFileSync(path.join(dir, f)), f)] as [string, () => Promise<WorkbookGrid>]),
    ['synthetic 10,000', async () => syntheticWorkbook(10_000)],
    ['synthetic 20,000', async () => syntheticWorkbook(20_000)],
  ];
  for (const [name, load] of books) {
    for (const r of await measure(name, await load())) {
      console.log(`${r.workbook} | ${r.items} | ${r.command} | ${r.syncs} | ${kb(r.maxRequest)} | ${kb(r.maxResponse)} | ${r.refused}`);
    }
  }
}


if (require.main === module) {
  benchOfficeAdapter().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
