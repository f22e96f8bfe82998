import * as path from 'node:path';
import { readXlsx } from '../../src/adapters/file/read-xlsx';
import { analyse } from '../../src/core/engine/analyse';
import type { WorkbookGrid } from '../../src/core/grid/types';

/**
 * A city's own header, edited by a person: a remark added in brackets (達成状況（評価）, R5取組状況（実績）)
 * or 結果 after it (評価結果). The city's layout still reads the column, as on the sample.
 */
const sample = (name: string) => readXlsx(path.join(__dirname, '../../assets/samples', name));

/** The workbook with the first header cell reading `from` now reading `to`. */
function renamed(wb: WorkbookGrid, from: string, to: string): WorkbookGrid {
  const sheets = wb.sheets.map((s) => ({ ...s, values: s.values.map((r) => (r ? [...r] : r)) }));
  for (const s of sheets) {
    for (const r of s.values) {
      const c = r ? r.findIndex((v) => typeof v === 'string' && v.trim() === from) : -1;
      if (c >= 0) {
        r[c] = to;
        return { ...wb, sheets };
      }
    }
  }
  throw new Error(`no header ${from}`);
}

test.each([
  ['isehara-list.xlsx', '達成状況', '達成状況（評価）'],
  ['isehara-list.xlsx', '達成状況', '達成状況(A～D)'],
  ['tsukubamirai.xlsx', '評価', '評価結果'],
  ['tsukubamirai.xlsx', '評価', '評価（A～D）'],
  ['aizuwakamatsu.xlsx', 'R5取組状況', 'R5取組状況（実績）'],
])('%s: %s renamed %s reads as before', async (file, from, to) => {
  const wb = await sample(file);
  const before = analyse(wb);
  const after = analyse(renamed(wb, from, to));
  expect(after.detection.chosen.map((c) => c.layout)).toEqual(before.detection.chosen.map((c) => c.layout));
  expect(after.plan.reportFy).toBe(before.plan.reportFy);
  expect(after.summary.total).toEqual(before.summary.total);
  expect(after.plan.items.map((i) => [i.id, i.rating?.symbol, i.notes?.['status:2023'] ?? i.notes?.status])).toEqual(before.plan.items.map((i) => [i.id, i.rating?.symbol, i.notes?.['status:2023'] ?? i.notes?.status]));
});
