import ExcelJS from 'exceljs';
import type { WorkbookGrid } from '../core/grid/types';
import { gridFromWorkbook } from '../adapters/file/read-xlsx';

/**
 * An .xlsx file's bytes → the core's grid, in node and in the browser (ExcelJS `load` takes a
 * buffer in both), so the playground can open a bundled sample in the stand-in.
 */
export async function gridFromXlsxBuffer(buf: Uint8Array | ArrayBuffer, name: string): Promise<WorkbookGrid> {
  const wb = new ExcelJS.Workbook();
  const bytes = buf instanceof Uint8Array ? buf : new Uint8Array(buf);
  // ExcelJS's typings ask for a node Buffer; at run time any ArrayBuffer view works (JSZip underneath).
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return gridFromWorkbook(wb, name);
}
