import { SheetView } from '../../grid/sheet-view';
import type { WorkbookGrid } from '../../grid/types';
import { detectMappedTable } from './detect-table';
import type { LayoutMapping } from './mapping';

/**
 * The sheet a saved mapping is for: the one it names, else the visible sheet where most of its
 * header texts are found (a mapping saved without a sheet name must not claim every sheet).
 */
export function mappingSheet(wb: WorkbookGrid, mapping: LayoutMapping): string | undefined {
  if (mapping.sheet) return wb.sheets.some((s) => s.name === mapping.sheet) ? mapping.sheet : undefined;
  let best: { sheet: string; found: number } | undefined;
  const total = Object.keys(mapping.columns).length;
  for (const sheet of wb.sheets) {
    if ((sheet.visibility ?? 'visible') !== 'visible') continue;
    const { table, unmatched } = detectMappedTable(new SheetView(sheet), mapping);
    if (!table) continue;
    const found = total - unmatched.length;
    if (!best || found > best.found) best = { sheet: sheet.name, found };
  }
  return best?.sheet;
}
