import type { CellValue, SheetGrid, WorkbookGrid } from '../../src/core/grid/types';
import type { Settings, SettingsKey } from '../../src/core/settings/schema';
import { emptyStore, readStore, SETTINGS_SHEET } from '../../src/core/settings/store';
import { planSettingsWrite } from '../../src/core/settings/update';

/** A format-2 settings sheet holding `values`, written by the same code a host uses. */
export function settingsSheet(values: Partial<Record<SettingsKey, unknown>>): SheetGrid {
  const changes = Object.entries(values).map(([key, value]) => ({ op: 'set' as const, key: key as SettingsKey, value, baseRev: null }));
  const write = planSettingsWrite(emptyStore(SETTINGS_SHEET), changes, { by: 'test' }).write!;
  const rows: CellValue[][] = [];
  for (const r of write.rows) rows[r.row] = r.values;
  return { name: write.sheet, values: Array.from(rows, (r) => r ?? []), merges: [], visibility: 'veryHidden' };
}

/** `grid` with its settings sheet replaced by one holding `values`. */
export function withSettings(grid: WorkbookGrid, values: Partial<Record<SettingsKey, unknown>>): WorkbookGrid {
  return { ...grid, sheets: [...grid.sheets.filter((s) => s.name !== SETTINGS_SHEET), settingsSheet(values)] };
}

export function storedSettings(grid: WorkbookGrid): Settings {
  return readStore(grid).settings;
}
