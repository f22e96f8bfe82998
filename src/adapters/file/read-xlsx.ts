import * as fs from 'node:fs';
import * as path from 'node:path';
import type { WorkbookGrid } from '../../core/grid/types';
import { FileReadError } from './errors';
import { nodeCodec } from './package/node-codec';
import { gridFromXlsxBytes, type ReadOptions } from './read/grid';

export { FileReadError };

/** The file's bytes, with file-system failures turned into the one line a person gets. */
export function readFileBytes(file: string): Uint8Array {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new FileReadError(file, 'not-found');
    if (code === 'EISDIR') throw new FileReadError(file, 'is-directory');
    if (code === 'EACCES' || code === 'EPERM') throw new FileReadError(file, 'no-permission');
    throw new FileReadError(file, 'io', code);
  }
}

/** Reads an .xlsx/.xlsm file into the core's grid; throws FileReadError with a bilingual reason. */
export async function readXlsx(file: string, opts: ReadOptions = {}): Promise<WorkbookGrid> {
  return gridFromXlsxBytes(readFileBytes(file), path.basename(file), { codec: nodeCodec, ...opts });
}
