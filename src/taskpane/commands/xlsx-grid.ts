import ExcelJS from 'exceljs';
import { gridFromWorkbook } from '../../adapters/file/grid-from-workbook';
import type { WorkbookGrid } from '../../core/grid/types';

/**
 * A picked file's bytes → grid, in the browser. Loaded on demand (dynamic import) because ExcelJS
 * is the largest dependency by far and only the 取り込み tab needs it.
 */
export async function readGridFromBytes(bytes: Uint8Array, name: string): Promise<WorkbookGrid> {
  const wb = new ExcelJS.Workbook();
  // ExcelJS's typings ask for a node Buffer; JSZip underneath takes any ArrayBuffer view.
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return gridFromWorkbook(wb, name);
}
