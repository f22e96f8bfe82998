import { toA1 } from '../grid/a1';
import { PROGRESS_FIELDS, progressFieldKey, progressHeader, type ProgressField } from '../layouts/owned';
import type { LayoutRead, TableAnchor } from '../layouts/types';
import type { CellWrite, WritePlan } from './write-plan';

/**
 * Adds the progress columns of one fiscal year (実績 / 評価 / 取組状況) right of every table a
 * reader found, so a plan workbook (Nihonmatsu, Yuzawa, Tsukubamirai …) becomes the year's
 * progress sheet. Only empty cells are written (expect: null) at the table's first free column;
 * a table that already has a field for that year (added by us or typed by staff, as readers
 * report in `owned`) gets nothing for it, so planning again on the result plans nothing.
 */

export const RATING_CHOICES = ['A', 'B', 'C', 'D'];

const HEADER_STYLE: CellWrite['style'] = { bold: true, fill: '#DDEBF7', align: 'center', wrap: true, border: true };
const CELL_STYLE: Record<ProgressField, CellWrite['style']> = {
  actual: { align: 'right', border: true },
  rating: { align: 'center', border: true },
  status: { align: 'left', wrap: true, border: true },
};

function missingFields(table: TableAnchor, fy: number): ProgressField[] {
  return PROGRESS_FIELDS.filter((f) => table.owned[progressFieldKey(f, fy)] === undefined);
}

export function planProgressColumns(read: LayoutRead, fy: number, lang: 'ja' | 'en'): WritePlan {
  const writes: CellWrite[] = [];
  const seen = new Set<string>();
  const write = (w: CellWrite) => {
    // Repeated headers of one table, or two anchors sharing a row, must not write a cell twice.
    const key = `${w.sheet}!${w.address}`;
    if (seen.has(key)) return;
    seen.add(key);
    writes.push(w);
  };
  for (const table of read.tables) {
    const fields = missingFields(table, fy);
    if (fields.length === 0 || table.headerRows.length === 0) continue;
    const headerRow = table.headerRows[table.headerRows.length - 1];
    fields.forEach((field, i) => {
      const col = table.nextFreeCol + i;
      write({
        sheet: table.sheet,
        address: toA1(headerRow, col),
        value: progressHeader(fy, field, lang),
        expect: null,
        reason: 'owned-header',
        style: HEADER_STYLE,
      });
      for (const row of table.dataRows) {
        write({
          sheet: table.sheet,
          address: toA1(row, col),
          value: null,
          expect: null,
          reason: 'progress-column',
          style: CELL_STYLE[field],
          ...(field === 'rating' ? { validationList: RATING_CHOICES } : {}),
        });
      }
    });
  }
  return { label: 'progress-columns', writes, sheets: [] };
}
