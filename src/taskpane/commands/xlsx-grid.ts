import { gridFromXlsxBytes } from '../../adapters/file/read/grid';
import type { WorkbookGrid } from '../../core/grid/types';

/**
 * A picked file's bytes → grid, in the browser, through the file adapter's streaming reader (the
 * same conversion as the CLI). Loaded on demand (dynamic import): only the 取り込み tab needs it.
 */
export async function readGridFromBytes(bytes: Uint8Array, name: string): Promise<WorkbookGrid> {
  return gridFromXlsxBytes(bytes, name);
}
