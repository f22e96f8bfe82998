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

test('onChange hears a co-author’s edit; readRanges re-reads just that range; unsubscribing stops it', async () => {
  const si = createStandIn(wb);
  installStandIn(globalThis as unknown as Record<string, unknown>, si);
  const host = createExcelHost();
  const seen: { worksheetId: string; address: string; remote: boolean; type: string }[] = [];
  const off = await host.onChange((c) => seen.push(c));
  si.coauthorEdit('一覧', 'B2', 'C');
  await new Promise((r) => setTimeout(r, 10));
  expect(seen).toEqual([{ worksheetId: expect.any(String), address: 'B2', remote: true, type: 'RangeEdited' }]);
  const [again] = await host.readRanges([{ sheet: seen[0].worksheetId, address: seen[0].address }]);
  expect(again.values).toEqual([['C']]);
  expect(again.name).toBe('一覧');
  await off();
  si.coauthorEdit('一覧', 'B3', 'D');
  await new Promise((r) => setTimeout(r, 10));
  expect(seen).toHaveLength(1);
});

test('below ExcelApi 1.9 onChange never calls and costs nothing', async () => {
  const si = createStandIn(wb, { apiVersion: '1.8' });
  installStandIn(globalThis as unknown as Record<string, unknown>, si);
  const host = createExcelHost();
  const seen: unknown[] = [];
  const off = await host.onChange((c) => seen.push(c));
  si.coauthorEdit('一覧', 'B2', 'C');
  await new Promise((r) => setTimeout(r, 10));
  expect(seen).toEqual([]);
  expect(si.stats.syncs).toBe(0);
  await off();
});
