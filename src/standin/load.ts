import ExcelJS from 'exceljs';
import type { WorkbookGrid } from '../core/grid/types';
import { gridFromWorkbook } from '../adapters/file/grid-from-workbook';

/** Excel's serial date: days since 1899-12-30 (the 1900 system), time as the fraction of a day. */
export function toSerialDate(d: Date, date1904 = false): number {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return (d.getTime() - epoch) / 86_400_000;
}

/**
 * An .xlsx file's bytes → the grid as Excel holds it, in node and in the browser (ExcelJS `load` takes
 * a buffer in both), so the playground can open a bundled sample in the stand-in. Dates are Excel's
 * serial numbers, as `Range.values` returns them (Microsoft: "Dates … are stored as numbers"), not
 * the ISO text the file adapter hands the core.
 */
export async function gridFromXlsxBuffer(buf: Uint8Array | ArrayBuffer, name: string): Promise<WorkbookGrid> {
  const wb = new ExcelJS.Workbook();
  const bytes = ArrayBuffer.isView(buf) ? new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) : new Uint8Array(buf);
  // JSZip recognises a node Buffer by duck typing but a Uint8Array only by instanceof, which fails
  // across realms (jest's sandbox); in the browser there is no Buffer and instanceof holds.
  const input = typeof Buffer !== 'undefined' ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes;
  await wb.xlsx.load(input as unknown as ArrayBuffer);
  const grid = gridFromWorkbook(wb, name);
  const date1904 = !!(wb.properties as { date1904?: boolean } | undefined)?.date1904;
  for (const ws of wb.worksheets) {
    const sheet = grid.sheets.find((s) => s.name === ws.name);
    if (!sheet) continue;
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const v = cell.value as unknown;
        const d = v instanceof Date ? v : v && typeof v === 'object' && (v as { result?: unknown }).result instanceof Date ? (v as { result: Date }).result : null;
        if (d && sheet.values[r - 1] && !Number.isNaN(d.getTime())) sheet.values[r - 1][c - 1] = toSerialDate(d, date1904);
      }),
    );
  }
  return grid;
}
