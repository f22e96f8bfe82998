import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rangeFromA1 } from '../../core/grid/a1';
import type { CellValue, SheetGrid, WorkbookGrid } from '../../core/grid/types';
import { fromExcelJs } from './cell-value';
import { rowsToSettings, SETTINGS_SHEET } from './settings-sheet';

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

export function gridFromWorkbook(wb: ExcelJS.Workbook, name: string): WorkbookGrid {
  const sheets: SheetGrid[] = [];
  let settings: Record<string, string> | undefined;
  wb.eachSheet((ws) => {
    const values: CellValue[][] = [];
    const formulas: (string | null)[][] = [];
    let anyFormula = false;
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const r = rowNumber - 1;
      const vr: CellValue[] = [];
      const fr: (string | null)[] = [];
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        const { value, formula } = fromExcelJs(cell.value);
        vr[colNumber - 1] = value;
        if (formula) {
          fr[colNumber - 1] = formula;
          anyFormula = true;
        }
      });
      values[r] = Array.from(vr, (v) => (v === undefined ? null : v));
      formulas[r] = Array.from(fr, (v) => (v === undefined ? null : v));
    });
    for (let i = 0; i < values.length; i++) {
      if (!values[i]) values[i] = [];
      if (!formulas[i]) formulas[i] = [];
    }
    if (ws.name === SETTINGS_SHEET) {
      settings = rowsToSettings(values);
      return;
    }
    const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).map(rangeFromA1);
    sheets.push({
      name: ws.name,
      values,
      ...(anyFormula ? { formulas } : {}),
      merges,
      protected: Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet),
      visibility: (ws.state as SheetGrid['visibility']) ?? 'visible',
    });
  });
  return { name, sheets, ...(settings ? { settings } : {}) };
}

/** Reads an .xlsx file into the core's grid; throws FileReadError with a bilingual reason. */
export async function readXlsx(file: string): Promise<WorkbookGrid> {
  return gridFromWorkbook(await loadWorkbook(file), path.basename(file));
}
