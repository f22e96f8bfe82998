import { columnName, toA1 } from '../grid/a1';
import type { MachineTable } from '../consolidate/machine-table';
import { ownerNote, type OwnedSheetTarget } from '../settings/ownership';
import { ownedSheetPlan, sheetCells } from './owned-sheet';
import type { WritePlan } from './write-plan';

/**
 * The machine-readable twin of the summary sheet. The table is the only data on the sheet: its
 * title sits in A1 and the owner note in A2 (the add-in must recognise its sheets), then one empty
 * row, then the header and the rows, with no merges, no styling that carries meaning, numbers as
 * numbers (their number format only groups digits) and empty cells where there is no value.
 */
export const MACHINE_ROLE = 'machine-readable';
export const machineSheetName = (summarySheet: string) => `${summarySheet}_機械判読用`;

export interface MachineSheetOptions {
  lang: 'ja' | 'en';
  target: OwnedSheetTarget;
  title: string;
}

export function planMachineSheet(table: MachineTable, opts: MachineSheetOptions): WritePlan {
  const s = sheetCells(opts.target.name);
  s.put(0, 0, opts.title);
  s.put(1, 0, ownerNote(opts.target.role, opts.target.token, opts.lang));
  const top = 3;
  table.header.forEach((h, c) => s.put(top, c, h));
  table.rows.forEach((row, i) => {
    row.forEach((v, c) => {
      if (v === null) return;
      // The fiscal year (first column) without digit grouping; amounts grouped; ratios to 0.1.
      const format = typeof v === 'number' && table.numeric[c] ? (c === 0 ? '0' : Number.isInteger(v) ? '#,##0' : '0.0') : undefined;
      s.put(top + 1 + i, c, v, format ? { numberFormat: format } : {});
    });
  });
  const widths = Object.fromEntries(table.header.map((h, c) => [columnName(c), Math.max(10, Math.min(24, h.length * 2))]));
  // Printed, it is a plain list: the header row on every page, the owner note (A2) left on screen.
  const last = toA1(top + table.rows.length, Math.max(0, table.header.length - 1));
  return ownedSheetPlan('machine-readable', opts.target, s, {
    columnWidths: widths,
    print: { orientation: 'landscape', paper: 'A4', fitToWidth: true, titleRows: `${top + 1}:${top + 1}`, area: `${toA1(top, 0)}:${last}` },
  });
}
