import type { CellValue } from '../../core/grid/types';
import { emptyStore, SETTINGS_SHEET, SETTINGS_SHEET_FALLBACK, storeFromSheet, storeSheetName, type SettingsStore } from '../../core/settings/store';
import type { SettingsWrite } from '../../core/settings/update';

/**
 * The settings sheet from inside a batch: queue the read with the rest of a command's first sync,
 * queue the row writes with its last. The core decides what the rows hold (settings/store.ts,
 * settings/update.ts); this only moves cells. Both names a store may have are probed in the one
 * sync, so finding it never costs a sync of its own.
 */
export interface StoreProbe {
  /** After sync: the store as it is now (empty when the workbook has none). */
  result(): SettingsStore;
}

export function queueStoreRead(context: Excel.RequestContext): StoreProbe {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const probes = [SETTINGS_SHEET, SETTINGS_SHEET_FALLBACK].map((name) => {
    const ws = sheets.getItemOrNullObject(name);
    const used = ws.getUsedRangeOrNullObject(true).load(['values', 'rowIndex', 'columnIndex']);
    return { name, ws, used };
  });
  return {
    result: () => {
      const createName = storeSheetName(sheets.items.map((s) => s.name));
      for (const p of probes) {
        if (p.ws.isNullObject || p.used.isNullObject) continue;
        const store = storeFromSheet({ name: p.name, values: fromOrigin(p.used) }, createName);
        if (store) return store;
      }
      return emptyStore(createName);
    },
  };
}

/** The used range starts at its first filled cell; the store's rows are addressed from A1. */
function fromOrigin(used: Excel.Range): CellValue[][] {
  const pad = (n: number) => Array<CellValue>(n).fill(null);
  const rows = (used.values as CellValue[][]).map((r) => [...pad(used.columnIndex), ...r.map((v) => (v === '' ? null : v))]);
  return [...Array.from({ length: used.rowIndex }, () => [] as CellValue[]), ...rows];
}

/** Queues the rows of a settings write; creates the very hidden sheet first when asked. */
export function queueSettingsWrite(context: Excel.RequestContext, write: SettingsWrite): void {
  const sheets = context.workbook.worksheets;
  let ws: Excel.Worksheet;
  if (write.create) {
    ws = sheets.add(write.sheet);
    ws.visibility = 'VeryHidden';
  } else ws = sheets.getItem(write.sheet);
  for (const r of write.rows) {
    if (r.values.length === 0) continue;
    const range = ws.getRangeByIndexes(r.row, 0, 1, r.values.length);
    // JSON and keys are text ('@' keeps Excel from reading '=…' or dates into them); revisions are numbers.
    range.numberFormat = [r.values.map((v) => (typeof v === 'number' ? 'General' : '@'))];
    range.values = [r.values.map((v) => (v === null ? '' : v))] as (string | number | boolean)[][];
  }
}
