import type ExcelJS from 'exceljs';
import { rangeFromA1 } from '../../core/grid/a1';
import type { CellValue, SheetGrid, WorkbookGrid } from '../../core/grid/types';
import { fromExcelJs } from './cell-value';

/**
 * An ExcelJS workbook → the core's grid. Free of node-only imports so the browser (playground,
 * task pane import of department workbooks) uses the same conversion as the CLI.
 */
export function gridFromWorkbook(wb: ExcelJS.Workbook, name: string): WorkbookGrid {
  const sheets: SheetGrid[] = [];
  wb.eachSheet((ws) => {
    const values: CellValue[][] = [];
    const formulas: (string | null)[][] = [];
    let anyFormula = false;
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const r = rowNumber - 1;
      const vr: CellValue[] = [];
      const fr: (string | null)[] = [];
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        // ExcelJS repeats a merge's value in every cell of it; the grid (like Excel) keeps it only top-left.
        if (cell.isMerged && cell.master !== cell) return;
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
  return { name, sheets };
}

