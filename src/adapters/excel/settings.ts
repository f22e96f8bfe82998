import { readSettings, writeSettings, SETTINGS_KEY } from '../../core/settings/schema';
import { rowsToSettings, settingsToRows, SETTINGS_SHEET } from '../file/settings-sheet';

/**
 * The `_shinchoku` sheet from inside a batch: queue the read with the rest of a command's first
 * sync, queue the write with its last. Same rows as the file adapter, so a file saved by either
 * host is read the same by the other.
 */
export interface SettingsProbe {
  /** After sync: the stored key/values ({} when the sheet does not exist). */
  result(): { exists: boolean; record: Record<string, string> };
}

export function queueSettingsRead(context: Excel.RequestContext): SettingsProbe {
  const ws = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
  const used = ws.getUsedRangeOrNullObject(true).load('values');
  return {
    result: () => {
      if (ws.isNullObject) return { exists: false, record: {} };
      if (used.isNullObject) return { exists: true, record: {} };
      return { exists: true, record: rowsToSettings(used.values as unknown[][]) };
    },
  };
}

/** Replaces the sheet's content with `record` (creating it very hidden when missing). */
export function queueSettingsWrite(context: Excel.RequestContext, record: Record<string, string>, exists: boolean): void {
  const sheets = context.workbook.worksheets;
  let ws: Excel.Worksheet;
  if (exists) {
    ws = sheets.getItem(SETTINGS_SHEET);
    ws.getRange().clear('Contents');
  } else {
    ws = sheets.add(SETTINGS_SHEET);
    ws.visibility = 'VeryHidden';
  }
  const rows = settingsToRows(record);
  if (rows.length === 0) return;
  const width = Math.max(...rows.map((r) => r.length));
  const padded = rows.map((r) => [...r, ...Array(width - r.length).fill('')]);
  const range = ws.getRangeByIndexes(0, 0, rows.length, width);
  // JSON is text; '@' keeps Excel from reading anything into it.
  range.numberFormat = padded.map((r) => r.map(() => '@'));
  range.values = padded;
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
