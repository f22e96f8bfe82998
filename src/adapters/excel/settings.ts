import { readSettings, writeSettings, SETTINGS_KEY } from '../../core/settings/schema';
import { rowsToSettings, SETTINGS_CHUNK, SETTINGS_SHEET } from '../file/settings-sheet';
import type { WriteItem } from './batches';
import { ExcelHostError } from './errors';
import { jsonBytes, PATH_BYTES, ACTION_BYTES } from './request-size';
import { worksheet } from './proxies';

/**
 * The `_shinchoku` sheet from inside a batch: one row per key (column A the key, B… the value in
 * cell-sized chunks), the same rows the file adapter reads. A save rewrites only the rows of the keys
 * it changes and never clears the sheet first, so a co-author's change to another key survives and a
 * failure part-way leaves every other setting as it was.
 */
export interface StoredSettings {
  exists: boolean;
  record: Record<string, string>;
  /** 0-based sheet row of each key, and how many cells its row used. */
  rows: Map<string, { row: number; width: number }>;
  /** First row below everything in the sheet. */
  nextRow: number;
}

export interface SettingsProbe {
  /** After sync. */
  result(): StoredSettings;
}

export function queueSettingsRead(context: Excel.RequestContext): SettingsProbe {
  const ws = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
  const used = ws.getUsedRangeOrNullObject(true).load('values,rowIndex,columnIndex');
  return {
    result: () => {
      const empty: StoredSettings = { exists: !ws.isNullObject, record: {}, rows: new Map(), nextRow: 0 };
      if (ws.isNullObject || used.isNullObject) return empty;
      const values = used.values as unknown[][];
      const top = used.rowIndex;
      const left = used.columnIndex;
      const rows = new Map<string, { row: number; width: number }>();
      // Rows as the file adapter reads them: from column A.
      const full = values.map((r) => [...Array(left).fill(''), ...r]);
      full.forEach((r, i) => {
        const k = r[0];
        if (typeof k === 'string' && k !== '') rows.set(k, { row: top + i, width: r.length });
      });
      return { exists: true, record: rowsToSettings(full), rows, nextRow: top + values.length };
    },
  };
}

/** The cells of one key's row: key, chunks, then blanks over what the row held before. */
function rowCells(key: string, value: string | null, oldWidth: number): string[] {
  const chunks: string[] = [];
  if (value !== null) for (let i = 0; i < value.length; i += SETTINGS_CHUNK) chunks.push(value.slice(i, i + SETTINGS_CHUNK));
  const cells = value === null ? [''] : [key, ...(chunks.length ? chunks : [''])];
  while (cells.length < oldWidth) cells.push('');
  return cells;
}

/**
 * Write items that bring the stored settings to `next`: a changed key's row is rewritten in place,
 * a new key goes below the last row, a removed key's row is blanked. Nothing else is touched.
 */
export function settingsWrites(stored: StoredSettings, next: Record<string, string>): WriteItem[] {
  const items: WriteItem[] = [];
  let free = stored.nextRow;
  const keys = new Set([...Object.keys(stored.record), ...Object.keys(next)]);
  for (const key of [...keys].sort()) {
    const before = stored.record[key];
    const after = next[key];
    if (before === after) continue;
    const at = stored.rows.get(key);
    const row = at ? at.row : free++;
    const cells = rowCells(key, after ?? null, at?.width ?? 0);
    items.push({
      bytes: PATH_BYTES + 2 * ACTION_BYTES + 2 * jsonBytes(cells) + 20,
      idempotent: true,
      cells: [],
      queue: (context) => {
        const range = worksheet(context, SETTINGS_SHEET).getRangeByIndexes(row, 0, 1, cells.length);
        // JSON is text: '@' keeps Excel from reading a leading '=' or digits into it.
        range.numberFormat = [cells.map(() => '@')];
        range.values = [cells];
      },
    });
  }
  return items;
}

/**
 * Creates the very hidden settings sheet. Adding a sheet is undoable but hiding it is not (Windows,
 * Mac), and it fails while the workbook's structure is protected, so this runs on its own, outside
 * any undo group, after the caller has checked protection.
 */
export function queueSettingsSheet(context: Excel.RequestContext): void {
  const ws = context.workbook.worksheets.add(SETTINGS_SHEET);
  ws.visibility = 'VeryHidden';
}

export function structureProtectedError(): ExcelHostError {
  return new ExcelHostError(
    'WorkbookProtected',
    'ブックの構成が保護されているため、シートを追加・削除できません(何も変更していません)。[校閲]→[ブックの保護]を解除してから、もう一度実行してください。',
    'The workbook structure is protected, so sheets cannot be added or deleted (nothing was changed). Turn off Review › Protect Workbook, then try again.',
  );
}

/** `record` with `names` added to the settings' ownedSheets, other settings kept as they are. */
export function withOwnedSheets(record: Record<string, string>, names: string[]): Record<string, string> {
  if (names.length === 0) return record;
  const current = readSettings(record).settings;
  const owned = [...new Set([...current.ownedSheets, ...names])];
  return { ...record, [SETTINGS_KEY]: writeSettings({ ...current, ownedSheets: owned })[SETTINGS_KEY] };
}

export function ownedSheets(record: Record<string, string>): string[] {
  return readSettings(record).settings.ownedSheets;
}
