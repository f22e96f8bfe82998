import type ExcelJS from 'exceljs';
import type { CellValue } from '../../core/grid/types';

/** ExcelJS's many cell value shapes → the core's CellValue, plus the formula text when there is one. */
export function fromExcelJs(v: ExcelJS.CellValue): { value: CellValue; formula: string | null } {
  if (v === null || v === undefined) return { value: null, formula: null };
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return { value: v, formula: null };
  if (v instanceof Date) return { value: v.toISOString(), formula: null };
  const o = v as unknown as Record<string, unknown>;
  if (Array.isArray(o.richText)) {
    return { value: (o.richText as { text: string }[]).map((r) => r.text).join(''), formula: null };
  }
  if ('formula' in o || 'sharedFormula' in o) {
    const res = o.result as ExcelJS.CellValue | undefined;
    const inner = res === undefined ? { value: null } : fromExcelJs(res);
    return { value: inner.value, formula: `=${String(o.formula ?? o.sharedFormula)}` };
  }
  if ('error' in o) return { value: String(o.error), formula: null };
  if ('text' in o) return { value: String(o.text), formula: null };
  return { value: String(v), formula: null };
}
