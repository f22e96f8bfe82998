import type ExcelJS from 'exceljs';
import type { CellValue } from '../../core/grid/types';
import type { ApplyResult, CellWrite, NewSheet, WritePlan } from '../../core/plan/write-plan';
import { readSettings, SETTINGS_KEY, writeSettings } from '../../core/settings/schema';
import { fromExcelJs } from './cell-value';
import { rowsToSettings, SETTINGS_SHEET, settingsToRows } from './settings-sheet';

export class ProtectedSheetError extends Error {
  readonly reason: { ja: string; en: string };
  constructor(readonly sheet: string) {
    super(`sheet "${sheet}" is protected`);
    this.reason = {
      ja: `シート「${sheet}」は保護されているため書き込めません。保護を解除してから実行してください。何も書き込んでいません。`,
      en: `Sheet "${sheet}" is protected; unprotect it and run again. Nothing was written.`,
    };
  }
}

/**
 * Applies a write plan to an ExcelJS workbook: refuses protected sheets before writing anything,
 * skips any cell that no longer holds what the plan expected, replaces only sheets it created.
 */
export function applyPlanToWorkbook(wb: ExcelJS.Workbook, plan: WritePlan): ApplyResult & { notes: string[] } {
  const result: ApplyResult & { notes: string[] } = { written: 0, conflicts: [], sheetsCreated: [], sheetsLeftAlone: [], notes: [] };
  const settings = readSettingsSheet(wb);

  for (const sheet of new Set(plan.writes.map((w) => w.sheet))) {
    const ws = wb.getWorksheet(sheet);
    if (ws && isProtected(ws)) throw new ProtectedSheetError(sheet);
  }

  for (const w of plan.writes) {
    const ws = wb.getWorksheet(w.sheet);
    if (!ws) {
      result.conflicts.push({ sheet: w.sheet, address: w.address, found: 'missing sheet', expected: w.expect });
      continue;
    }
    const cell = ws.getCell(w.address);
    const found = fromExcelJs(cell.value).value;
    if (!sameValue(found, w.expect)) {
      result.conflicts.push({ sheet: w.sheet, address: w.address, found, expected: w.expect });
      continue;
    }
    writeCell(cell, w);
    result.written++;
  }

  const owned = new Set(readSettings(settings).settings.ownedSheets);
  for (const spec of plan.sheets) {
    let name = spec.name;
    const existing = wb.getWorksheet(name);
    if (existing) {
      if (spec.replaceOwned && owned.has(name)) {
        wb.removeWorksheet(existing.id);
      } else {
        result.sheetsLeftAlone.push(name);
        name = freeName(wb, name);
      }
    }
    const ws = wb.addWorksheet(name);
    writeSheet(ws, { ...spec, name });
    result.written += spec.cells.length;
    result.sheetsCreated.push(name);
    owned.add(name);
    if (spec.chart) result.notes.push(`chart "${spec.chart.title}" is drawn only in Excel (the .xlsx writer cannot create charts)`);
  }

  const merged = { ...settings, ...(plan.settings ?? {}) };
  if (plan.sheets.length > 0) {
    const s = readSettings(merged).settings;
    merged[SETTINGS_KEY] = writeSettings({ ...s, ownedSheets: [...owned] })[SETTINGS_KEY];
  }
  if (plan.settings || plan.sheets.length > 0) writeSettingsSheet(wb, merged);
  return result;
}

function writeSheet(ws: ExcelJS.Worksheet, spec: NewSheet): void {
  for (const c of spec.cells) writeCell(ws.getCell(c.address), c);
  for (const m of spec.merges) ws.mergeCells(m);
  for (const [col, width] of Object.entries(spec.columnWidths ?? {})) ws.getColumn(col).width = width;
}

function writeCell(cell: ExcelJS.Cell, w: CellWrite): void {
  // A string is stored as a string even when it starts with '=': text is never turned into a formula.
  cell.value = w.value;
  if (w.numberFormat) cell.numFmt = w.numberFormat;
  else if (typeof w.value === 'string' && /^[=+\-@]/.test(w.value)) cell.numFmt = '@';
  if (w.style) {
    if (w.style.bold) cell.font = { ...(cell.font ?? {}), bold: true };
    if (w.style.fill) {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + w.style.fill.replace('#', '') } };
    }
    if (w.style.align || w.style.wrap) {
      cell.alignment = { ...(cell.alignment ?? {}), horizontal: w.style.align, wrapText: w.style.wrap, vertical: 'middle' };
    }
    if (w.style.border) {
      const thin = { style: 'thin' as const };
      cell.border = { top: thin, left: thin, bottom: thin, right: thin };
    }
  }
  if (w.validationList) {
    cell.dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${w.validationList.join(',')}"`],
      showErrorMessage: true,
      errorTitle: '入力値',
      error: `${w.validationList.join(' / ')} から選んでください`,
    };
  }
}

function sameValue(found: CellValue, expected: string | number | null): boolean {
  const blank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
  if (blank(expected)) return blank(found);
  if (typeof expected === 'number') return typeof found === 'number' && Math.abs(found - expected) < 1e-9;
  return String(found) === expected;
}

function isProtected(ws: ExcelJS.Worksheet): boolean {
  return Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet);
}

function freeName(wb: ExcelJS.Workbook, base: string): string {
  for (let i = 2; ; i++) {
    const n = `${base.slice(0, 27)}(${i})`;
    if (!wb.getWorksheet(n)) return n;
  }
}

function readSettingsSheet(wb: ExcelJS.Workbook): Record<string, string> {
  const ws = wb.getWorksheet(SETTINGS_SHEET);
  if (!ws) return {};
  const rows: unknown[][] = [];
  ws.eachRow((row) => {
    const r: unknown[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      r[col - 1] = fromExcelJs(cell.value).value;
    });
    rows.push(r);
  });
  return rowsToSettings(rows);
}

function writeSettingsSheet(wb: ExcelJS.Workbook, settings: Record<string, string>): void {
  const old = wb.getWorksheet(SETTINGS_SHEET);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(SETTINGS_SHEET, { state: 'veryHidden' });
  settingsToRows(settings).forEach((row, r) => row.forEach((v, c) => (ws.getCell(r + 1, c + 1).value = v)));
}
