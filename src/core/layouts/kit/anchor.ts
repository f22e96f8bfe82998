import type { SheetView } from '../../grid/sheet-view';
import type { WorkbookGrid } from '../../grid/types';
import { PROGRESS_FIELDS } from '../owned';
import type { TableAnchor } from '../types';
import { viewOf } from './shared';

/** The most columns the add-in adds beside a table at once (a year's progress columns): none of them may land on an input rule. */
export const ADDED_WIDTH = PROGRESS_FIELDS.length;

/**
 * Where a table is, for the writes that add to it (the add-in's ratio column, a year's progress
 * columns): its header and item rows, its owned columns, and the next free column.
 *
 * The next free column is the one rule every layout uses: the first column right of everything the
 * table's header and item rows show, merged cells included. Never a gap between staff's columns, so
 * nothing the add-in writes lands inside a table someone else keeps.
 */
export function anchorOf(
  view: SheetView,
  headerRows: number[],
  dataRows: number[],
  owned: Record<string, number>,
  rowOfItem: Record<string, number>,
): TableAnchor {
  return { sheet: view.name, headerRows, dataRows, nextFreeCol: view.firstFreeColumn([...headerRows, ...dataRows], ADDED_WIDTH), owned, rowOfItem };
}

/** Tables on one sheet add their columns at the same place, so a repeated table's columns line up. */
export function alignAnchors(anchors: TableAnchor[]): TableAnchor[] {
  const bySheet = new Map<string, number>();
  for (const a of anchors) bySheet.set(a.sheet, Math.max(bySheet.get(a.sheet) ?? 0, a.nextFreeCol));
  return anchors.map((a) => ({ ...a, nextFreeCol: bySheet.get(a.sheet)! }));
}

/**
 * The anchors again once the host found input rules it could not report with the cells (Excel is
 * asked about the candidate columns only, after a read): each sheet's next free column moves past them.
 */
export function reanchor(anchors: TableAnchor[], grid: WorkbookGrid): TableAnchor[] {
  return alignAnchors(
    anchors.map((a) => {
      const sheet = grid.sheets.find((s) => s.name === a.sheet);
      if (!sheet?.ruled?.length) return a;
      return { ...a, nextFreeCol: Math.max(a.nextFreeCol, viewOf(sheet).firstFreeColumn([...a.headerRows, ...a.dataRows], ADDED_WIDTH)) };
    }),
  );
}
