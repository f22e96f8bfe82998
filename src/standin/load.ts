import type { WorkbookGrid } from '../core/grid/types';
import { gridFromXlsxBytes } from '../adapters/file/read/grid';

/**
 * An .xlsx file's bytes → the grid as Excel holds it (dates as serial numbers, as `Range.values`
 * returns them), in node and in the browser, through the file adapter's browser-safe reader, so the
 * playground can open a bundled sample in the stand-in.
 */
export async function gridFromXlsxBuffer(buf: Uint8Array | ArrayBuffer, name: string): Promise<WorkbookGrid> {
  const bytes = ArrayBuffer.isView(buf) ? new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) : new Uint8Array(buf);
  return gridFromXlsxBytes(bytes, name);
}
