import { createExcelHost } from '../../src/adapters/excel/host';
import { createStandIn } from '../../src/standin';
import type { WorkbookGrid } from '../../src/core/grid/types';
import { installOfficeJs } from '../helpers/officejs';

const wb: WorkbookGrid = {
  name: 'smoke.xlsx',
  sheets: [
    { name: '一覧', values: [['No', '評価', '率'], [1, null, 0.5], [2, 'B', '=x']], formulas: [[], [null, null, '=A2/2']], merges: [{ top: 0, left: 0, bottom: 0, right: 1 }], protected: false, visibility: 'visible' },
  ],
};

test('read and apply through office.js', async () => {
  const si = createStandIn(wb);
  installOfficeJs(globalThis as unknown as Record<string, unknown>, si);
  const host = createExcelHost();
  const g = await host.read().catch((e) => { console.log(e.code, e.detail, e.stack); throw e; });
  expect(g).toEqual(si.toGrid());
  console.log(si.richApi.exchanges);
});
