import type ExcelJS from 'exceljs';
import type { CellValue } from '../../core/grid/types';
import { settingsChangesFor, type ApplyResult, type CellWrite, type NewSheet, type WritePlan } from '../../core/plan/write-plan';
import { isOwnedBy } from '../../core/settings/ownership';
import { readStore } from '../../core/settings/store';
import { planSettingsWrite, type SettingsWrite } from '../../core/settings/update';
import { fromExcelJs } from './cell-value';
import { gridFromWorkbook } from './grid-from-workbook';

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
  const result: ApplyResult & { notes: string[] } = {
    written: 0,
    conflicts: [],
    sheetsCreated: [],
    sheetsLeftAlone: [],
    formulaCells: [],
    settingsRefused: [],
    notes: [],
  };
  const store = readStore(gridFromWorkbook(wb, ''));

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
    const { value: found, formula } = fromExcelJs(cell.value);
    if (formula) {
      // A staff formula is never overwritten, whatever its result shows ('' included).
      result.formulaCells.push({ sheet: w.sheet, address: w.address });
      continue;
    }
    if (!sameValue(found, w.expect)) {
      result.conflicts.push({ sheet: w.sheet, address: w.address, found, expected: w.expect });
      continue;
    }
    writeCell(cell, w);
    result.written++;
  }

  for (const spec of plan.sheets) {
    const existing = wb.getWorksheet(spec.name);
    if (existing) {
      const top: unknown[][] = [];
      for (let r = 1; r <= 8; r++) top.push(Array.from({ length: 30 }, (_, c) => fromExcelJs(existing.getCell(r, c + 1).value).value));
      if (!spec.replace || !isOwnedBy(top as never, spec.replace.expectToken)) {
        result.sheetsLeftAlone.push(spec.name);
        continue;
      }
      wb.removeWorksheet(existing.id);
    }
    const ws = wb.addWorksheet(spec.name, spec.visibility && spec.visibility !== 'visible' ? { state: spec.visibility } : {});
    writeSheet(ws, spec);
    result.written += spec.cells.length;
    result.sheetsCreated.push(spec.name);
    if (spec.chart) result.notes.push(`chart "${spec.chart.title}" is drawn only in Excel (the .xlsx writer cannot create charts)`);
  }

  const settings = planSettingsWrite(store, settingsChangesFor(plan, result.sheetsLeftAlone) ?? [], { by: 'shinchoku-cli' });
  result.settingsRefused = settings.refused;
  if (settings.write) writeSettingsRows(wb, settings.write);
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

function writeSettingsRows(wb: ExcelJS.Workbook, write: SettingsWrite): void {
  const ws = write.create ? wb.addWorksheet(write.sheet, { state: 'veryHidden' }) : wb.getWorksheet(write.sheet)!;
  for (const r of write.rows) {
    r.values.forEach((v, c) => {
      const cell = ws.getCell(r.row + 1, c + 1);
      cell.value = v === null ? null : (v as string | number);
      // JSON stays text even if it starts with '='.
      if (typeof v === 'string') cell.numFmt = '@';
    });
  }
}
