import { fromA1, toA1 } from '../core/grid/a1';
import type { CellValue, WorkbookGrid } from '../core/grid/types';
import { apiAtLeast, RequestContextCore, type Env, type StandInStats } from './context';
import { cellKey, gridFromModel, modelFromGrid, type ChartModel, type NoteModel, type PageLayoutModel, type ValidationModel } from './model';
import { SETTINGS_SHEET, SETTINGS_SHEET_FALLBACK } from '../core/settings/store';
import { RequestContext } from './objects';
import { RichApiServer } from './richapi';
import type { Platform } from './undo';

export { StandInError } from './errors';
export type { RequestContext } from './objects';
export { PAYLOAD_LIMIT_BYTES, jsonBytes } from './context';
export { gridFromXlsxBuffer } from './load';
export { bytesToBase64, base64ToBytes, sheetsWithUnsupportedParts } from './decode';
export { RichApiServer, type RichApiExchange, type RichApiRequestBody, type RichApiResponseBody } from './richapi';
export { UNDO_UNSUPPORTED, undoSupported, type Platform } from './undo';
export { MAX_MERGED_AREAS } from './objects';

/**
 * An in-memory Excel for tests and the browser playground: the subset of the Excel JavaScript API
 * the adapter uses, with Office's proxy rules (load before read, writes applied at sync), sync
 * counting and the 5 MB payload limit of Excel on the web.
 */
export interface StandInOptions {
  /**
   * Highest ExcelApi requirement set the fake host supports; default '1.20', what Excel on the web and
   * Microsoft 365 on Windows (2509+) and Mac report today.
   */
  apiVersion?: string;
  /** Default 'web': the 5 MB payload limits apply; undo support differs per platform. */
  platform?: Platform;
  /** Whether the host reports the DelayForCellEdit capability office.js checks; default true. */
  delayForCellEdit?: boolean;
  displayLanguage?: 'ja-JP' | 'en-US';
  /** The signed-in user (author of notes added through the API); default 山田 花子. */
  userName?: string;
}

export interface RunOptions {
  delayForCellEdit?: boolean;
  mergeUndoGroup?: boolean;
}

type Batch<T> = (context: RequestContext) => Promise<T>;

export interface StandInExcel {
  run<T>(batch: Batch<T>): Promise<T>;
  run<T>(options: RunOptions, batch: Batch<T>): Promise<T>;
  SheetVisibility: { visible: 'Visible'; hidden: 'Hidden'; veryHidden: 'VeryHidden' };
  ChartType: { barStacked: 'BarStacked'; columnClustered: 'ColumnClustered' };
  ChartSeriesBy: { auto: 'Auto'; columns: 'Columns'; rows: 'Rows' };
  ClearApplyTo: { all: 'All'; formats: 'Formats'; contents: 'Contents' };
}

export interface StandInOffice {
  onReady(cb?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }>;
  context: {
    displayLanguage: string;
    contentLanguage: string;
    platform: string;
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
  };
  HostType: { Excel: 'Excel' };
  PlatformType: { OfficeOnline: 'OfficeOnline'; PC: 'PC'; Mac: 'Mac' };
}

/** What a test or the playground can look at beyond cell values. */
export interface SheetInspection {
  /** Notes and threaded comments by address, with their author. */
  notes: Record<string, NoteModel>;
  threads: Record<string, NoteModel>;
  pageLayout: PageLayoutModel;
  /** 0-based rows that start a page (manual breaks). */
  rowBreaks: number[];
  fills: Record<string, string>;
  numberFormats: Record<string, string>;
  hyperlinks: Record<string, string>;
  charts: ChartModel[];
  validations: (Omit<ValidationModel, 'range'> & { address: string })[];
  columnWidths: Record<number, number>;
  protected: boolean;
}

export interface StandIn {
  Excel: StandInExcel;
  Office: StandInOffice;
  stats: StandInStats;
  resetStats(): void;
  /** The workbook as a grid; with `limit`, each sheet's first rows and columns only. */
  toGrid(limit?: { rows: number; cols: number }): WorkbookGrid;
  selection(): { sheet: string; address: string } | null;
  onChange(cb: () => void): () => void;
  /** Another user's edit, applied directly (co-authoring), as if it arrived between two syncs. */
  coauthorEdit(sheet: string, address: string, value: CellValue): void;
  /**
   * The co-author model: `edit` runs before the given sync (counted from 1 across all runs since
   * the last resetStats), i.e. between that sync and the one before it, the way other people's
   * changes reach a workbook with AutoSave on. Returns a function that cancels it.
   */
  beforeSync(syncNo: number, edit: (co: CoAuthor) => void): () => void;
  setProtected(sheet: string, on: boolean): void;
  /** An Excel table, PivotTable or conditional format someone made on the sheet (counted only). */
  addStaffObject(sheet: string, kind: 'tables' | 'pivotTables' | 'conditionalFormats'): void;
  /** A note or a threaded comment someone put on a cell (as Excel holds it). */
  addNote(sheet: string, address: string, content: string, author: string): void;
  addThread(sheet: string, address: string, content: string, author: string): void;
  /** Review › Protect Workbook (structure). */
  setStructureProtected(on: boolean): void;
  /** The RichApi server that answers office.js (tests run the adapter through the real client library). */
  richApi: RichApiServer;
  /** Options of the Excel.run in progress, for a protocol front end that runs Excel.run elsewhere. */
  setRunOptions(options: RunOptions | undefined): void;
  inspect(sheet: string): SheetInspection;
  /** Run options of the most recent Excel.run call. */
  lastRunOptions(): RunOptions | undefined;
}

/** What a co-author can do between two syncs. */
export interface CoAuthor {
  edit(sheet: string, address: string, value: CellValue): void;
  deleteRow(sheet: string, row: number): void;
  insertRow(sheet: string, row: number): void;
  /** Sets a key of the settings sheet as another session's add-in would. */
  setSettingsCell(row: number, col: number, value: CellValue): void;
}

export function createStandIn(wb: WorkbookGrid, opts: StandInOptions = {}): StandIn {
  const [maj, min] = (opts.apiVersion ?? '1.20').split('.').map(Number);
  const platform = opts.platform ?? 'web';
  const listeners = new Set<() => void>();
  const stats: StandInStats = { syncs: 0, maxRequestBytes: 0, maxResponseBytes: 0 };
  const pending = new Map<number, ((co: CoAuthor) => void)[]>();
  const env: Env = {
    model: modelFromGrid(wb),
    stats,
    api: [maj, min || 0],
    platform,
    userName: opts.userName ?? '山田 花子',
    changeHandlers: new Set(),
    changed: () => listeners.forEach((cb) => cb()),
    beforeSync: (n) => {
      const edits = pending.get(n);
      if (!edits) return;
      pending.delete(n);
      for (const e of edits) e(coauthor);
      env.changed();
    },
  };
  let runOptions: RunOptions | undefined;

  async function run<T>(a: RunOptions | Batch<T>, b?: Batch<T>): Promise<T> {
    const batch = typeof a === 'function' ? a : b;
    if (!batch) throw new TypeError('Excel.run needs a batch function');
    runOptions = typeof a === 'function' ? undefined : { ...a };
    env.runOptions = runOptions;
    try {
      const core = new RequestContextCore(env);
      const ctx = new RequestContext(core);
      const result = await batch(ctx);
      // Excel.run flushes whatever the batch queued after its last sync.
      if (core.pending > 0) await core.sync();
      return result;
    } finally {
      env.runOptions = undefined;
    }
  }

  const sheetOf = (name: string) => {
    const s = env.model.find(name);
    if (!s) throw new Error(`stand-in: no sheet ${name}`);
    return s;
  };

  const Excel: StandInExcel = {
    run: run as StandInExcel['run'],
    SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
    ChartType: { barStacked: 'BarStacked', columnClustered: 'ColumnClustered' },
    ChartSeriesBy: { auto: 'Auto', columns: 'Columns', rows: 'Rows' },
    ClearApplyTo: { all: 'All', formats: 'Formats', contents: 'Contents' },
  };
  const platformType = platform === 'web' ? 'OfficeOnline' : platform === 'mac' ? 'Mac' : 'PC';
  const info = { host: 'Excel', platform: platformType };
  const Office: StandInOffice = {
    onReady: (cb) => {
      cb?.(info);
      return Promise.resolve(info);
    },
    context: {
      displayLanguage: opts.displayLanguage ?? 'ja-JP',
      contentLanguage: opts.displayLanguage ?? 'ja-JP',
      platform: platformType,
      requirements: {
        isSetSupported: (name, minVersion) =>
          (name === 'ExcelApi' && apiAtLeast(env.api, minVersion ?? '1.1')) || (name === 'DelayForCellEdit' && opts.delayForCellEdit !== false),
      },
    },
    HostType: { Excel: 'Excel' },
    PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac' },
  };

  /** Tells onChanged handlers, after the current task, as Excel does when another person's edit arrives. */
  const remote = (sheet: string, address: string, changeType: string) => {
    const worksheetId = sheetOf(sheet).id;
    for (const h of env.changeHandlers) setTimeout(() => void h({ type: 'WorksheetChanged', worksheetId, address, source: 'Remote', changeType }), 0);
  };
  const coauthor: CoAuthor = {
    edit: (sheet, address, value) => {
      const { row, col } = fromA1(address);
      sheetOf(sheet).setCell(row, col, value, null);
      remote(sheet, address.toUpperCase(), 'RangeEdited');
    },
    deleteRow: (sheet, row) => {
      sheetOf(sheet).deleteRow(row);
      remote(sheet, `${row + 1}:${row + 1}`, 'RowDeleted');
    },
    insertRow: (sheet, row) => {
      sheetOf(sheet).insertRow(row);
      remote(sheet, `${row + 1}:${row + 1}`, 'RowInserted');
    },
    setSettingsCell: (row, col, value) => {
      const s = env.model.find(SETTINGS_SHEET) ?? env.model.find(SETTINGS_SHEET_FALLBACK);
      if (!s) throw new Error('stand-in: no settings sheet');
      s.setCell(row, col, value, null);
      s.numberFormats.set(cellKey(row, col), '@');
    },
  };

  return {
    Excel,
    Office,
    stats,
    resetStats: () => {
      stats.syncs = 0;
      stats.maxRequestBytes = 0;
      stats.maxResponseBytes = 0;
    },
    toGrid: (limit) => gridFromModel(env.model, limit),
    selection: () => (env.model.selection ? { ...env.model.selection } : null),
    onChange: (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    coauthorEdit: (sheet, address, value) => {
      coauthor.edit(sheet, address, value);
      env.changed();
    },
    beforeSync: (syncNo, edit) => {
      const list = pending.get(syncNo) ?? [];
      list.push(edit);
      pending.set(syncNo, list);
      return () => {
        const l = pending.get(syncNo);
        if (l) pending.set(syncNo, l.filter((f) => f !== edit));
      };
    },
    addStaffObject: (sheet, kind) => {
      sheetOf(sheet).counted[kind]++;
    },
    setProtected: (sheet, on) => {
      sheetOf(sheet).protected = on;
      env.changed();
    },
    addNote: (sheet, address, content, author) => {
      const { row, col } = fromA1(address);
      sheetOf(sheet).notes.set(cellKey(row, col), { content, author });
    },
    addThread: (sheet, address, content, author) => {
      const { row, col } = fromA1(address);
      sheetOf(sheet).threads.set(cellKey(row, col), { content, author });
    },
    setStructureProtected: (on) => {
      env.model.structureProtected = on;
      env.changed();
    },
    richApi: new RichApiServer(env),
    setRunOptions: (o) => {
      if (o) runOptions = { ...o };
      env.runOptions = o ? { ...o } : undefined;
    },
    inspect: (sheet) => {
      const s = sheetOf(sheet);
      const byAddress = (m: Map<string, string>) =>
        Object.fromEntries(
          [...m].map(([k, v]) => {
            const [r, c] = k.split(',').map(Number);
            return [toA1(r, c), v];
          }),
        );
      const notesBy = (m: Map<string, NoteModel>) =>
        Object.fromEntries(
          [...m].map(([k, v]) => {
            const [r, c] = k.split(',').map(Number);
            return [toA1(r, c), { ...v }];
          }),
        );
      return {
        notes: notesBy(s.notes),
        threads: notesBy(s.threads),
        pageLayout: { ...s.pageLayout, zoom: { ...s.pageLayout.zoom } },
        rowBreaks: [...s.rowBreaks],
        fills: byAddress(s.fills),
        numberFormats: byAddress(s.numberFormats),
        hyperlinks: byAddress(s.hyperlinks),
        charts: s.charts.map((c) => ({ ...c })),
        validations: s.validations.map((v) => ({
          list: [...v.list],
          address: v.range.top === v.range.bottom && v.range.left === v.range.right ? toA1(v.range.top, v.range.left) : `${toA1(v.range.top, v.range.left)}:${toA1(v.range.bottom, v.range.right)}`,
        })),
        columnWidths: Object.fromEntries(s.columnWidths),
        protected: s.protected,
      };
    },
    lastRunOptions: () => runOptions,
  };
}

/** Puts the stand-in where office.js would put Excel and Office (globalThis, a window). */
export function installStandIn(target: Record<string, unknown>, standIn: StandIn): void {
  target.Excel = standIn.Excel;
  target.Office = standIn.Office;
}

