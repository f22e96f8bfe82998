import { createExcelHost } from '../../src/adapters/excel/host';
import { createStandIn, installStandIn } from '../../src/standin';
import type { WorkbookGrid } from '../../src/core/grid/types';

const wb: WorkbookGrid = {
  name: 'smoke.xlsx',
  sheets: [
    { name: '一覧', values: [['No', '評価', '率'], [1, null, 0.5], [2, 'B', '=x']], formulas: [[], [null, null, '=A2/2']], merges: [], protected: false, visibility: 'visible' },
  ],
};

test('read and apply on the stand-in', async () => {
  const si = createStandIn(wb);
  installStandIn(globalThis as unknown as Record<string, unknown>, si);
  const host = createExcelHost();
  const g = await host.read();
  expect(g).toEqual(si.toGrid());
  const r = await host.apply({
    label: 'fill',
    writes: [{ sheet: '一覧', address: 'B2', value: '=A', expect: null, reason: 'rating' }],
    sheets: [{ name: '集計', replaceOwned: true, cells: [{ sheet: '集計', address: 'A1', value: '計', expect: null, reason: 'summary' }], merges: ['A1:B1'] }],
  });
  expect(r).toEqual({ written: 2, conflicts: [], sheetsCreated: ['集計'], sheetsLeftAlone: [] });
  const after = si.toGrid();
  expect(after.sheets[0].values[1][1]).toBe('=A');
  expect(after.settings?.['shinchoku.settings']).toContain('集計');
});
