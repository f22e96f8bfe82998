import { fromA1 } from './a1';
import type { CellValue, WorkbookGrid } from './types';

/** The value stored in one cell of a workbook grid (null when the sheet or cell is absent). */
export function cellAt(wb: WorkbookGrid, sheet: string, address: string): CellValue {
  const s = wb.sheets.find((x) => x.name === sheet);
  if (!s) return null;
  const { row, col } = fromA1(address);
  const v = s.values[row]?.[col];
  return v === undefined ? null : v;
}

export function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}
