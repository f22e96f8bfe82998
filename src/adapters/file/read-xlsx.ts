import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { WorkbookGrid } from '../../core/grid/types';
import { gridFromWorkbook } from './grid-from-workbook';

export { gridFromWorkbook };

export class FileReadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: { ja: string; en: string },
  ) {
    super(`${file}: ${reason.en}`);
  }
}

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  if (!fs.existsSync(file)) {
    throw new FileReadError(file, { ja: 'ファイルが見つかりません。', en: 'File not found.' });
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new FileReadError(file, { ja: 'ファイルが見つかりません。', en: 'File not found.' });
    }
    throw new FileReadError(file, {
      ja: `.xlsx ファイルとして読み込めません(${(e as Error).message})。Excel で「.xlsx」形式で保存し直してください。`,
      en: `Cannot read as an .xlsx workbook (${(e as Error).message}). Save it as .xlsx in Excel.`,
    });
  }
  return wb;
}

/** Reads an .xlsx file into the core's grid; throws FileReadError with a bilingual reason. */
export async function readXlsx(file: string): Promise<WorkbookGrid> {
  return gridFromWorkbook(await loadWorkbook(file), path.basename(file));
}
