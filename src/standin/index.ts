import { fromA1, toA1 } from '../core/grid/a1';
import type { CellValue, WorkbookGrid } from '../core/grid/types';
import { apiAtLeast, RequestContextCore, type Env, type StandInStats } from './context';
import { gridFromModel, modelFromGrid, type ChartModel, type ValidationModel } from './model';
import { RequestContext } from './objects';

export { StandInError } from './errors';
export type { RequestContext } from './objects';
export { PAYLOAD_LIMIT_BYTES, jsonBytes } from './context';
export { gridFromXlsxBuffer } from './load';
export { bytesToBase64, base64ToBytes } from './decode';

/**
 * An in-memory Excel for tests and the browser playground: the subset of the Excel JavaScript API
 * the adapter uses, with Office's proxy rules (load before read, writes applied at sync), sync
 * counting and the 5 MB payload limit of Excel on the web.
 */
export interface StandInOptions {
  /** Highest ExcelApi requirement set the fake host supports; default '1.17'. */
  apiVersion?: string;
  displayLanguage?: 'ja-JP' | 'en-US';
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
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
  };
  HostType: { Excel: 'Excel' };
  PlatformType: { OfficeOnline: 'OfficeOnline' };
}

/** What a test or the playground can look at beyond cell values. */
export interface SheetInspection {
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
  toGrid(): WorkbookGrid;
  selection(): { sheet: string; address: string } | null;
  onChange(cb: () => void): () => void;
  /** Another user's edit, applied directly (co-authoring), as if it arrived between two syncs. */
  coauthorEdit(sheet: string, address: string, value: CellValue): void;
  setProtected(sheet: string, on: boolean): void;
  inspect(sheet: string): SheetInspection;
  /** Run options of the most recent Excel.run call. */
  lastRunOptions(): RunOptions | undefined;
}

export function createStandIn(wb: WorkbookGrid, opts: StandInOptions = {}): StandIn {
  const [maj, min] = (opts.apiVersion ?? '1.17').split('.').map(Number);
  const listeners = new Set<() => void>();
  const stats: StandInStats = { syncs: 0, maxRequestBytes: 0, maxResponseBytes: 0 };
  const env: Env = {
    model: modelFromGrid(wb),
    stats,
    api: [maj, min || 0],
    changed: () => listeners.forEach((cb) => cb()),
  };
  let runOptions: RunOptions | undefined;

  async function run<T>(a: RunOptions | Batch<T>, b?: Batch<T>): Promise<T> {
    const batch = typeof a === 'function' ? a : b;
    if (!batch) throw new TypeError('Excel.run needs a batch function');
    runOptions = typeof a === 'function' ? undefined : { ...a };
    const core = new RequestContextCore(env);
    const ctx = new RequestContext(core);
    const result = await batch(ctx);
    // Excel.run flushes whatever the batch queued after its last sync.
    if (core.pending > 0) await core.sync();
    return result;
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
  const info = { host: 'Excel', platform: 'OfficeOnline' };
  const Office: StandInOffice = {
    onReady: (cb) => {
      cb?.(info);
      return Promise.resolve(info);
    },
    context: {
      displayLanguage: opts.displayLanguage ?? 'ja-JP',
      contentLanguage: opts.displayLanguage ?? 'ja-JP',
      requirements: {
        isSetSupported: (name, minVersion) => name === 'ExcelApi' && apiAtLeast(env.api, minVersion ?? '1.1'),
      },
    },
    HostType: { Excel: 'Excel' },
    PlatformType: { OfficeOnline: 'OfficeOnline' },
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
    toGrid: () => gridFromModel(env.model),
    selection: () => (env.model.selection ? { ...env.model.selection } : null),
    onChange: (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    coauthorEdit: (sheet, address, value) => {
      const { row, col } = fromA1(address);
      sheetOf(sheet).setCell(row, col, value, null);
      env.changed();
    },
    setProtected: (sheet, on) => {
      sheetOf(sheet).protected = on;
      env.changed();
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
      return {
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

