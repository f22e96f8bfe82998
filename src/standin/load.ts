import ExcelJS from 'exceljs';
import type { WorkbookGrid } from '../core/grid/types';
import { gridFromWorkbook } from '../adapters/file/grid-from-workbook';

/**
 * An .xlsx file's bytes → the core's grid, in node and in the browser (ExcelJS `load` takes a
 * buffer in both), so the playground can open a bundled sample in the stand-in.
 */
export async function gridFromXlsxBuffer(buf: Uint8Array | ArrayBuffer, name: string): Promise<WorkbookGrid> {
  const wb = new ExcelJS.Workbook();
  const bytes = ArrayBuffer.isView(buf) ? new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) : new Uint8Array(buf);
  // JSZip recognises a node Buffer by duck typing but a Uint8Array only by instanceof, which fails
  // across realms (jest's sandbox); in the browser there is no Buffer and instanceof holds.
  const input = typeof Buffer !== 'undefined' ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes;
  await wb.xlsx.load(input as unknown as ArrayBuffer);
  return gridFromWorkbook(wb, name);
}
