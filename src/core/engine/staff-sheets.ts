import type { WorkbookGrid } from '../grid/types';
import { ownerTokenOf } from '../settings/ownership';
import type { SettingsStore } from '../settings/store';

/**
 * Which sheets of a workbook are staff data, decided in this one place for every command:
 * - a sheet whose top-left block carries an owner tag is one of the add-in's own (summary, 内訳,
 *   検証結果, ヒアリング候補, 機械判読用): its text and numbers must never be read as items or findings;
 * - a sheet the 取り込み tab inserted from another department's file is that department's data: it is
 *   counted by consolidation, per source, not as this workbook's own (or it would be counted twice).
 */
export const IMPORT_ROLE = 'import';

export interface SkippedSheet {
  sheet: string;
  kind: 'owned' | 'imported';
  /** The owner role, or the file an imported sheet came from. */
  detail: string;
}

export interface ImportedSheet {
  name: string;
  /** The file the sheet came from, as the user picked it. */
  source: string;
  /** The sheet's name in that file (how its items' cells are addressed there). */
  sheet: string;
}

/** Inserted sheets as the settings record them (ownedSheets, role 'import'). */
export function importedSheets(store: SettingsStore): ImportedSheet[] {
  return store.settings.ownedSheets
    .filter((r) => r.role === IMPORT_ROLE)
    .map((r) => {
      const extra = r as { source?: unknown; sheet?: unknown };
      return { name: r.name, source: typeof extra.source === 'string' ? extra.source : r.name, sheet: typeof extra.sheet === 'string' ? extra.sheet : r.name };
    });
}

export function staffData(wb: WorkbookGrid, store: SettingsStore): { wb: WorkbookGrid; skipped: SkippedSheet[] } {
  const imported = new Map(importedSheets(store).map((i) => [i.name.toLowerCase(), i]));
  const skipped: SkippedSheet[] = [];
  const sheets = wb.sheets.filter((s) => {
    const tag = ownerTokenOf(s.values);
    if (tag) {
      skipped.push({ sheet: s.name, kind: 'owned', detail: tag.role });
      return false;
    }
    const imp = imported.get(s.name.toLowerCase());
    if (imp) {
      skipped.push({ sheet: s.name, kind: 'imported', detail: imp.source });
      return false;
    }
    return true;
  });
  return { wb: skipped.length ? { ...wb, sheets } : wb, skipped };
}
