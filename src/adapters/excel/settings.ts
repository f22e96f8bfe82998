import type { CellValue } from '../../core/grid/types';
import { emptyStore, SETTINGS_HEADER, SETTINGS_SHEET, SETTINGS_SHEET_FALLBACK, storeFromSheet, storeSheetName, type SettingsStore } from '../../core/settings/store';
import type { SettingsRefusal, SettingsRowWrite, SettingsWrite } from '../../core/settings/update';
import type { WriteItem } from './batches';
import { ExcelHostError } from './errors';
import { worksheet } from './proxies';
import { ACTION_BYTES, jsonBytes, PATH_BYTES, rangeLoadBytes } from './request-size';

/**
 * The settings store (docs/settings.md: one row per key with a revision, in a very hidden sheet found
 * by its marker) from inside a batch. The core decides what the rows hold (settings/store.ts,
 * settings/update.ts); this only moves cells: the read is queued with a command's first sync (both
 * names a store may have are probed at once), the row writes go with its writes.
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

/**
 * Creates the very hidden settings sheet. Adding a sheet is undoable but hiding it is not (Windows,
 * Mac: Microsoft's undo table), and it fails while the workbook's structure is protected, so this
 * runs outside any undo group, after the caller has checked protection.
 */
export function queueSettingsSheet(context: Excel.RequestContext, name: string, opts: { header?: boolean } = {}): void {
  const ws = context.workbook.worksheets.add(name);
  ws.visibility = 'VeryHidden';
  // With its header (the marker row), the sheet is a store from now on: an empty one.
  if (opts.header) {
    const width = Math.max(...SETTINGS_HEADER.map((r) => r.length));
    const rows = SETTINGS_HEADER.map((r) => [...r, ...Array<CellValue>(width - r.length).fill(null)]);
    const range = ws.getRangeByIndexes(0, 0, rows.length, width);
    range.numberFormat = rows.map((r) => r.map((v) => (typeof v === 'number' ? 'General' : '@')));
    range.values = rows.map((r) => r.map((v) => (v === null ? '' : v))) as (string | number | boolean)[][];
  }
}

const text = (v: CellValue | undefined) => (v === null || v === undefined || v === '' ? null : v);

function keyOfRow(values: readonly CellValue[], fallback: number): string {
  const k = values[0];
  return typeof k === 'string' && k !== '' ? k : `row ${fallback + 1}`;
}

/**
 * One settings row: in the same sync, just before writing, it reads the row's key and revision. If
 * they are not what the store held when the change was planned (a co-author saved that key in
 * between), the row is put back as it was and the change is reported as refused; every other row
 * stands. JSON and keys are text ('@' keeps Excel from reading '=…' or dates into them), revisions numbers.
 */
function rowItem(sheet: string, r: SettingsRowWrite, refused: SettingsRefusal[]): WriteItem {
  let before: Excel.Range | undefined;
  const width = r.values.length;
  return {
    bytes: rangeLoadBytes('A1:ZZ1', ['values', 'numberFormat']) + PATH_BYTES + 2 * ACTION_BYTES + 2 * jsonBytes(r.values) + 8 * width,
    idempotent: true,
    cells: [],
    queue: (context) => {
      const ws = worksheet(context, sheet);
      before = ws.getRangeByIndexes(r.row, 0, 1, width).load('values,numberFormat');
      const range = ws.getRangeByIndexes(r.row, 0, 1, width);
      range.numberFormat = [r.values.map((v) => (typeof v === 'number' ? 'General' : '@'))];
      range.values = [r.values.map((v) => (v === null ? '' : v))] as (string | number | boolean)[][];
    },
    after: () => {
      if (!before) return [];
      const old = (before.values as CellValue[][])[0];
      const key = text(old[0]);
      const rev = text(old[1]);
      if (key === r.expect.key && rev === r.expect.rev) return [];
      refused.push({
        key: keyOfRow(r.values, r.row),
        kind: 'conflict',
        message: {
          ja: `設定「${keyOfRow(r.values, r.row)}」は保存の直前に別の人が変更したため、保存しませんでした(その人の変更を残しています)。読み込み直してから、もう一度保存してください。`,
          en: `Setting "${keyOfRow(r.values, r.row)}" was changed by someone else just before saving, so it was not saved (their change is kept). Reload, then save again.`,
        },
      });
      const formats = (before.numberFormat as string[][])[0];
      return [
        {
          bytes: PATH_BYTES + 2 * ACTION_BYTES + jsonBytes(old) + jsonBytes(formats),
          idempotent: true,
          cells: [],
          queue: (context) => {
            const range = worksheet(context, sheet).getRangeByIndexes(r.row, 0, 1, width);
            range.numberFormat = [formats];
            range.values = [old.map((v) => (v === null ? '' : v))] as (string | number | boolean)[][];
          },
        },
      ];
    },
  };
}

/** Write items for a planned settings write (the sheet must exist: see queueSettingsSheet). */
export function settingsWriteItems(write: SettingsWrite, refused: SettingsRefusal[]): WriteItem[] {
  return write.rows.filter((r) => r.values.length > 0).map((r) => rowItem(write.sheet, r, refused));
}

export function structureProtectedError(): ExcelHostError {
  return new ExcelHostError(
    'WorkbookProtected',
    'ブックの構成が保護されているため、シートを追加・削除できません(何も変更していません)。[校閲]→[ブックの保護]を解除してから、もう一度実行してください。',
    'The workbook structure is protected, so sheets cannot be added or deleted (nothing was changed). Turn off Review › Protect Workbook, then try again.',
  );
}
