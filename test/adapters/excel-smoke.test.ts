import { createExcelHost } from '../../src/adapters/excel/host';
import { createStandIn, installStandIn } from '../../src/standin';
import type { WorkbookGrid } from '../../src/core/grid/types';
import { readStore } from '../../src/core/settings/store';

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
    writes: [
      { sheet: '一覧', address: 'B2', value: '=A', expect: null, reason: 'rating' },
      { sheet: '一覧', address: 'C2', value: 0.7, expect: 0.5, reason: 'ratio' },
    ],
    sheets: [
      {
        name: '集計',
        owner: { role: 'summary', token: 'abcd123' },
        replace: null,
        cells: [{ sheet: '集計', address: 'A1', value: '計 [shinchoku:summary:abcd123]', expect: null, reason: 'summary' }],
        merges: ['A1:B1'],
      },
    ],
    settingsChanges: [{ op: 'upsert', key: 'ownedSheets', items: [{ role: 'summary', name: '集計', token: 'abcd123' }], identity: ['name'] }],
  });
  expect(r).toEqual({
    written: 2,
    conflicts: [],
    sheetsCreated: ['集計'],
    sheetsLeftAlone: [],
    formulaCells: [{ sheet: '一覧', address: 'C2' }],
    settingsRefused: [],
  });
  const after = si.toGrid();
  expect(after.sheets[0].values[1][1]).toBe('=A');
  expect(after.sheets[0].formulas?.[1][2]).toBe('=A2/2');
  expect(readStore(after).settings.ownedSheets).toEqual([{ role: 'summary', name: '集計', token: 'abcd123' }]);
});
