import type { WorkbookGrid } from '../../core/grid/types';
import type { WorkbookHost } from '../../core/host';
import type { ApplyResult, WritePlan } from '../../core/plan/write-plan';
import { applyPlan } from './apply';
import { ExcelHostError, toHostError } from './errors';
import { setHighlight, type HighlightCell, type HighlightResult } from './highlight';
import { DEFAULT_READ_BUDGET, readWorkbook, type ReadBudget } from './read';

/**
 * The task pane's door to Excel. The only module (with its siblings) that touches the global
 * `Excel`/`Office`, so the same code runs in Excel and on the stand-in. The manifest requires
 * ExcelApi 1.7; everything newer is detected at run time and reported by apiSupport().
 */
export interface ApiSupport {
  /** Highest ExcelApi set reported (checked from 1.20 down to 1.1); null outside Office. */
  excelApi: string | null;
  /** ExcelApi 1.13: merged areas come back with read(). */
  mergedAreas: boolean;
  /** ExcelApi 1.13: insertWorkbook(). */
  insertWorksheets: boolean;
  /** ExcelApi 1.8: A–D drop-down lists on written cells. */
  dataValidation: boolean;
  /** ExcelApi 1.6: calculation suspended during bulk writes. */
  suspendCalculation: boolean;
  /** Run option delayForCellEdit: batches wait while the user edits a cell instead of failing. */
  delayForCellEdit: boolean;
  /** ExcelApi 1.20: one undo step per command. */
  mergeUndoGroup: boolean;
}

export interface ExcelHost extends WorkbookHost {
  select(sheet: string, address: string): Promise<void>;
  /** Colours the cells by severity, replacing earlier marks; originals are kept in the settings sheet. */
  highlight(cells: HighlightCell[]): Promise<HighlightResult>;
  clearHighlight(): Promise<HighlightResult>;
  /**
   * Inserts sheets of a base64 .xlsx (ExcelApi 1.13): all of them, or `sheets`; each is then given
   * its name from `names` (by its name in the file). Returns the new sheets' ids and final names.
   */
  insertWorkbook(base64: string, opts?: { sheets?: string[]; names?: Record<string, string> }): Promise<{ id: string; name: string }[]>;
  apiSupport(): ApiSupport;
}

export interface ExcelHostOptions {
  readBudget?: Partial<ReadBudget>;
  /** Estimated request bytes per write sync. */
  writeBatchBytes?: number;
  /** Recorded beside each settings row this session writes; a random id per pane session by default. */
  by?: string;
}

function sessionId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  return `pane-${c?.randomUUID ? c.randomUUID().slice(0, 8) : Date.now().toString(36)}`;
}

const VERSIONS = Array.from({ length: 20 }, (_, i) => `1.${20 - i}`);

export const REQUIRED_EXCEL_API = '1.7';

function isSet(version: string): boolean {
  try {
    return typeof Office !== 'undefined' && !!Office.context?.requirements?.isSetSupported('ExcelApi', version);
  } catch {
    return false;
  }
}

export function detectApiSupport(): ApiSupport {
  const excelApi = VERSIONS.find(isSet) ?? null;
  return {
    excelApi,
    mergedAreas: isSet('1.13'),
    insertWorksheets: isSet('1.13'),
    dataValidation: isSet('1.8'),
    suspendCalculation: isSet('1.6'),
    // The typings name no set for RunOptions; 1.11 hosts (2020 on) are known to accept it. A guess,
    // kept conservative because an older host could take the options object for something else.
    delayForCellEdit: isSet('1.11'),
    mergeUndoGroup: isSet('1.20'),
  };
}

export function createExcelHost(opts: ExcelHostOptions = {}): ExcelHost {
  const budget: ReadBudget = { ...DEFAULT_READ_BUDGET, ...opts.readBudget };
  const by = opts.by ?? sessionId();
  let support: ApiSupport | undefined;
  const api = () => (support ??= detectApiSupport());

  async function run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    if (typeof Excel === 'undefined') {
      throw new ExcelHostError(
        'NoExcel',
        'Excel が見つかりません。このアドインは Excel の作業ウィンドウから開いてください。',
        'Excel is not available. Open this add-in from the Excel task pane.',
      );
    }
    const s = api();
    if (s.excelApi === null || !isSet(REQUIRED_EXCEL_API)) {
      throw new ExcelHostError(
        'ApiNotFound',
        `この Excel は ExcelApi ${REQUIRED_EXCEL_API} に対応していないため使えません。Microsoft 365 の Excel か Excel on the web をお使いください。`,
        `This Excel does not support ExcelApi ${REQUIRED_EXCEL_API}. Use Microsoft 365 Excel or Excel on the web.`,
      );
    }
    try {
      if (s.delayForCellEdit) {
        const options: Excel.RunOptions = { delayForCellEdit: true, ...(s.mergeUndoGroup ? { mergeUndoGroup: true } : {}) };
        return await Excel.run(options, batch);
      }
      return await Excel.run(batch);
    } catch (e) {
      throw toHostError(e);
    }
  }

  return {
    read: (progress?: (done: number, total: number) => void): Promise<WorkbookGrid> =>
      run((ctx) => readWorkbook(ctx, { budget, mergedAreas: api().mergedAreas, progress })),

    apply: (plan: WritePlan, progress?: (done: number, total: number) => void): Promise<ApplyResult> =>
      run((ctx) =>
        applyPlan(ctx, plan, { maxBatchBytes: opts.writeBatchBytes, features: { dataValidation: api().dataValidation }, progress, by }),
      ),

    select: (sheet, address) =>
      run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(address).select();
        await ctx.sync();
      }),

    highlight: (cells) => run((ctx) => setHighlight(ctx, cells)),
    clearHighlight: () => run((ctx) => setHighlight(ctx, [])),

    insertWorkbook: (base64, opts) => {
      if (!api().insertWorksheets) {
        return Promise.reject(
          new ExcelHostError(
            'ApiNotFound',
            'この Excel ではブックからのシート挿入(ExcelApi 1.13)が使えません。サンプルのファイルを Excel で直接開いてください。',
            'This Excel cannot insert sheets from a workbook (ExcelApi 1.13). Open the sample file in Excel directly.',
          ),
        );
      }
      return run(async (ctx) => {
        const inserted = ctx.workbook.insertWorksheetsFromBase64(base64, opts?.sheets?.length ? { sheetNamesToInsert: opts.sheets } : undefined);
        await ctx.sync();
        const sheets = inserted.value.map((id) => ctx.workbook.worksheets.getItem(id).load(['id', 'name']));
        await ctx.sync();
        const names = opts?.names;
        if (names && sheets.length) {
          // Excel renames a clash on insert ('取組項目一覧 (2)'); the file's own name is what `names` is keyed by.
          for (const ws of sheets) {
            const want = names[ws.name] ?? names[ws.name.replace(/ \(\d+\)$/, '')];
            if (want && want !== ws.name) ws.name = want;
          }
          await ctx.sync();
          for (const ws of sheets) ws.load('name');
          await ctx.sync();
        }
        return sheets.map((ws) => ({ id: ws.id, name: ws.name }));
      });
    },

    apiSupport: () => ({ ...api() }),
  };
}

export type { HighlightCell, HighlightResult } from './highlight';
export { ExcelHostError } from './errors';
