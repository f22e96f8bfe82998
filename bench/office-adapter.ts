import { createExcelHost } from '../src/adapters/excel/host';
import { analyse } from '../src/core/engine/analyse';
import { planFill } from '../src/core/plan/fill';
import { DEFAULT_SUMMARY_SHEET, planSummarySheet } from '../src/core/plan/summary-sheet';
import { planOwnedSheet } from '../src/core/settings/ownership';
import { createStandIn, installStandIn } from '../src/standin';
import { syntheticWorkbook } from './synthetic';

/**
 * The Office.js adapter on the in-memory stand-in: syncs and largest request/response per command
 * for 10 to 10,000 items. Syncs are what cost time in Excel on the web (each is a round trip);
 * the stand-in's wall time is not Excel's and is not reported.
 */
export async function benchOfficeAdapter(): Promise<void> {
  console.log('\n## Office.js adapter on the stand-in: syncs (round trips) and largest payload per command');
  console.log('items | read: syncs / max response | fill: cells / syncs / max request | summary sheet: syncs');
  for (const n of [10, 1000, 10000]) {
    const grid = syntheticWorkbook(n);
    const si = createStandIn(grid);
    installStandIn(globalThis as unknown as Record<string, unknown>, si);
    const host = createExcelHost();
    si.resetStats();
    const read = await host.read();
    const readStats = { ...si.stats };
    const a = analyse(read);
    const { plan } = planFill(read, a);
    si.resetStats();
    await host.apply(plan);
    const fillStats = { ...si.stats };
    si.resetStats();
    await host.apply(planSummarySheet(a.summary, { lang: 'ja', sources: [grid.name], target: planOwnedSheet(read, a.store, 'summary', DEFAULT_SUMMARY_SHEET) }));
    const sumStats = { ...si.stats };
    const kb = (b: number) => `${Math.round(b / 1024)} KB`;
    console.log(
      `${n} | ${readStats.syncs} / ${kb(readStats.maxResponseBytes)} | ${plan.writes.length} / ${fillStats.syncs} / ${kb(fillStats.maxRequestBytes)} | ${sumStats.syncs}`,
    );
  }
}
