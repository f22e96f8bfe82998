import { fromA1, toA1 } from '../grid/a1';
import type { Item } from '../model/plan';
import { PROGRESS_FIELDS, progressFieldKey, progressHeader, type ProgressField } from '../layouts/owned';
import type { LayoutRead, TableAnchor } from '../layouts/types';
import type { CellWrite, WritePlan } from './write-plan';

/**
 * Adds the progress columns of one fiscal year (実績 / 評価 / 取組状況) right of every table a
 * reader found, so a plan workbook (Nihonmatsu, Yuzawa, Tsukubamirai …) becomes the year's
 * progress sheet. Only empty cells are written (expect: null) at the table's first free column;
 * a table that already has a field for that year (added by us or typed by staff, as readers
 * report in `owned`) gets nothing for it, so planning again on the result plans nothing; a table
 * that is already a progress report (its own rating column) gets nothing at all.
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

/**
 * A table of results, not a plan: its items have a rating column of the city's own (Isehara's
 * 達成状況), not one of the progress columns added for a year. Such a table gets no progress columns.
 */
export function isResultsTable(table: TableAnchor, items: readonly Item[]): boolean {
  const ids = new Set(Object.keys(table.rowOfItem));
  const progressCols = new Set(Object.entries(table.owned).filter(([k]) => k.startsWith('rating:')).map(([, c]) => c));
  return items.some((item) => {
    if (!ids.has(item.id)) return false;
    const cell = item.ratingCell ?? item.cells.rating;
    return cell !== undefined && cell.sheet === table.sheet && !progressCols.has(fromA1(cell.address).col);
  });
}

/** The tables `planProgressColumns` would extend: plan tables with a header, results tables never. */
export function planTables(read: LayoutRead): TableAnchor[] {
  return read.tables.filter((t) => t.headerRows.length > 0 && !isResultsTable(t, read.items));
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
  for (const table of planTables(read)) {
    const fields = missingFields(table, fy);
    if (fields.length === 0) continue;
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
