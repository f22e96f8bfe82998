import type { WorkbookGrid } from '../../core/grid/types';
import type { WorkbookHost } from '../../core/host';
import type { ApplyResult, WritePlan } from '../../core/plan/write-plan';
import { applyPlan, partialError } from './apply';
import type { Runner } from './batches';
import { errorCode, ExcelHostError, toHostError } from './errors';
import { setHighlight, type HighlightCell, type HighlightResult } from './highlight';
import { DEFAULT_READ_BUDGET, loadSheetMetas, readWorkbook, type ReadBudget, type SheetMeta } from './read';
import { worksheet } from './proxies';
import { batchBySize, DEFAULT_REQUEST_BUDGET, rangeLoadBytes, REQUEST_LIMIT_BYTES, SYNC_BYTES } from './request-size';

/**
 * The task pane's door to Excel. The only module (with its siblings) that touches the global
 * `Excel`/`Office`, so the same code runs in Excel, on the stand-in, and through office.js's own
 * client library in the tests. The manifest requires ExcelApi 1.13; the adapter itself refuses below
 * 1.7 and degrades safely in between; everything newer is detected at run time (apiSupport()).
 */
export interface ApiSupport {
  /** Highest ExcelApi set reported (checked from 1.21 down to 1.1); null outside Office. */
  excelApi: string | null;
  /** Where Excel runs, from Office.context.platform: 'web' has the 5 MB request limit. */
  platform: 'web' | 'desktop' | 'mobile' | null;
  /** ExcelApi 1.13: merged areas come back with read(). */
  mergedAreas: boolean;
  /** ExcelApi 1.13: insertWorkbook(). */
  insertWorksheets: boolean;
  /** ExcelApi 1.8: A–D drop-down lists on written cells. */
  dataValidation: boolean;
  /** ExcelApi 1.6: calculation suspended during bulk writes. */
  suspendCalculation: boolean;
  /** ExcelApi 1.9: fill patterns tell No Fill from a white fill, so highlight restores exactly. */
  fillPattern: boolean;
  /** ExcelApi 1.9: print setup of the sheets the add-in makes (orientation, paper, fit, titles, area, breaks). */
  pageLayout: boolean;
  /** ExcelApi 1.10: threaded comments can be found, so no note is put on a cell that has one. */
  comments: boolean;
  /**
   * ExcelApi 1.18 and an office.js that has `Worksheet.notes` (the CDN build; the npm build a
   * self-hosted pane serves does not): suggested ratings get a cell note.
   */
  notes: boolean;
  /**
   * Run option delayForCellEdit: always passed. No requirement set names it; office.js applies it
   * only where the host reports the DelayForCellEdit capability, and ignores it elsewhere.
   */
  delayForCellEdit: true;
  /** ExcelApi 1.20: one undo step per command (until Excel said UndoNotSupported in this session). */
  mergeUndoGroup: boolean;
}

export interface ExcelHost extends WorkbookHost {
  select(sheet: string, address: string): Promise<void>;
  /** Colours the cells by severity, replacing earlier marks; originals are kept in the settings sheet. */
  highlight(cells: HighlightCell[]): Promise<HighlightResult>;
  clearHighlight(): Promise<HighlightResult>;
  /**
   * Inserts the given sheets of a base64 .xlsx at the end (ExcelApi 1.13); each is then given its
   * name from `names` (keyed by its name in the file). Returns the new sheets' ids and final names.
   * Name the staff sheets: the settings sheet and sheets the add-in made are never inserted.
   */
  insertWorkbook(base64: string, opts: { sheets: string[]; names?: Record<string, string> }): Promise<{ id: string; name: string }[]>;
  /**
   * Calls `cb` when cells change (ExcelApi 1.9 WorksheetCollection.onChanged), another person's
   * edits included; returns the unsubscribe. Below 1.9, or where Excel refuses, it never calls.
   * Handlers must only refresh passive state (Microsoft: events fire for every co-author).
   */
  onChange(cb: (change: WorkbookChange) => void): Promise<ChangeSubscription>;
  /**
   * What changes without a cell-change event: each sheet's name, visibility, protection and the
   * extent of its values, in two small syncs. The pane compares it before answering from what it read.
   */
  outline(): Promise<string>;
  /** The outline as the last read() found it (undefined before any): what a kept read is compared with later. */
  readOutline(): string | undefined;
  /**
   * Reads only the sheets `pick` chooses, by each sheet's line of the outline (its name first):
   * after the pane's own write, the sheets it wrote and any that changed. The outline of all is
   * kept as read() keeps it; `ids` maps each sheet's name to Excel's id.
   */
  readSheets(pick: (line: string) => boolean, progress?: (done: number, total: number) => void): Promise<{ grid: WorkbookGrid; ids: Record<string, string> }>;
  /**
   * Values and formulas of a few ranges (a changed range from onChange, by sheet name or id), in
   * syncs sized by the request: what a refresh re-reads instead of the whole workbook.
   */
  readRanges(ranges: { sheet: string; address: string }[]): Promise<RangeRead[]>;
  /**
   * Which of these areas hold an input rule (Range.dataValidation.type, ExcelApi 1.8; below it none is
   * seen). A read does not report rules, so the pane asks only where it would add a column. One sync.
   */
  ruled(areas: { sheet: string; address: string }[]): Promise<boolean[]>;
  apiSupport(): ApiSupport;
}

/** Unsubscribes; `live` says whether Excel took the handler (ExcelApi 1.9 and no refusal). */
export interface ChangeSubscription {
  (): Promise<void>;
  live: boolean;
}

export interface WorkbookChange {
  /** Excel's worksheet id (getItem takes it like a name). */
  worksheetId: string;
  address: string;
  /** Another person's edit (co-authoring) rather than this session's. */
  remote: boolean;
  /** Excel's changeType: RangeEdited for typed or pasted cells; rows or cells inserted or deleted move others. */
  type: string;
}

/** A range as readRanges read it: the sheet as asked (name or id) and its name now. */
export interface RangeRead {
  sheet: string;
  /** The sheet's name when read. */
  name: string;
  address: string;
  values: unknown[][];
  formulas: unknown[][];
}

export interface ExcelHostOptions {
  readBudget?: Partial<ReadBudget>;
  /** Estimated request bytes per write sync (as office.js serialises it). */
  requestBudget?: number;
  /** Recorded beside each settings row this session writes; a random id per pane session by default. */
  by?: string;
}

function sessionId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  return `pane-${c?.randomUUID ? c.randomUUID().slice(0, 8) : Date.now().toString(36)}`;
}

const VERSIONS = Array.from({ length: 21 }, (_, i) => `1.${21 - i}`);

export const REQUIRED_EXCEL_API = '1.7';

function isSet(version: string): boolean {
  try {
    return typeof Office !== 'undefined' && !!Office.context?.requirements?.isSetSupported('ExcelApi', version);
  } catch {
    return false;
  }
}

function platformOf(): ApiSupport['platform'] {
  try {
    const p = typeof Office !== 'undefined' ? String(Office.context?.platform ?? '') : '';
    if (p === 'OfficeOnline') return 'web';
    if (p === 'PC' || p === 'Mac' || p === 'Universal') return 'desktop';
    if (p === 'iOS' || p === 'Android') return 'mobile';
    return null;
  } catch {
    return null;
  }
}

/** office.js defines a class per Excel object; one without `Worksheet.notes` predates ExcelApi 1.18. */
function libraryDefinesNotes(): boolean {
  try {
    const W = typeof Excel !== 'undefined' ? (Excel as unknown as { Worksheet?: { prototype: object } }).Worksheet : undefined;
    // The stand-in (the playground) has no classes; it answers for the requirement set itself.
    return !W || 'notes' in W.prototype;
  } catch {
    return false;
  }
}

export function detectApiSupport(): ApiSupport {
  const excelApi = VERSIONS.find(isSet) ?? null;
  return {
    excelApi,
    platform: platformOf(),
    mergedAreas: isSet('1.13'),
    insertWorksheets: isSet('1.13'),
    dataValidation: isSet('1.8'),
    suspendCalculation: isSet('1.6'),
    fillPattern: isSet('1.9'),
    pageLayout: isSet('1.9'),
    comments: isSet('1.10'),
    notes: isSet('1.18') && libraryDefinesNotes(),
    delayForCellEdit: true,
    mergeUndoGroup: isSet('1.20'),
  };
}

/** Base64 of a file Excel on the web would refuse: the string alone travels in one request. */
const MAX_INSERT_BASE64 = REQUEST_LIMIT_BYTES - 64 * 1024;

/** Each sheet's name, visibility, protection and values extent, one line per sheet. */
function outlineOf(metas: SheetMeta[]): string {
  return metas.map(outlineLine).join('\n');
}

function outlineLine(m: SheetMeta): string {
  return `${m.name}|${m.visibility}|${m.protected ? 1 : 0}|${m.used ? `${m.used.top},${m.used.left},${m.used.bottom},${m.used.right}` : '-'}`;
}

/** The sheet name of an outline line (a name may hold '|'; the three fields after it do not). */
export function outlineName(line: string): string {
  return line.split('|').slice(0, -3).join('|');
}

export function createExcelHost(opts: ExcelHostOptions = {}): ExcelHost {
  const budget: ReadBudget = { ...DEFAULT_READ_BUDGET, ...opts.readBudget };
  const requestBudget = opts.requestBudget ?? DEFAULT_REQUEST_BUDGET;
  const by = opts.by ?? sessionId();
  let support: ApiSupport | undefined;
  /** Set once Excel refused an undo group: later runs go ungrouped rather than fail again. */
  let undoGroupRefused = false;
  const api = () => (support ??= detectApiSupport());

  const runner: Runner = async (batch, { undoGroup }) => {
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
    // Only batches that Excel can undo go into a group: Microsoft's undo table lists sheet delete,
    // insertWorksheetsFromBase64 and (Windows, Mac) sheet visibility among those that cannot.
    const group = undoGroup && s.mergeUndoGroup && !undoGroupRefused;
    const options = { delayForCellEdit: true, ...(group ? { mergeUndoGroup: true } : {}) } as Excel.RunOptions;
    try {
      return await Excel.run(options, batch);
    } catch (e) {
      const inner = (e as { cause?: unknown })?.cause ?? e;
      if (group && errorCode(inner) === 'UndoNotSupported') undoGroupRefused = true;
      throw e;
    }
  };
  let lastOutline: string | undefined;
  const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>, undoGroup = false): Promise<T> =>
    runner(batch, { undoGroup }).catch((e) => {
      throw toHostError(e);
    });

  return {
    read: (progress?: (done: number, total: number) => void): Promise<WorkbookGrid> =>
      run((ctx) =>
        readWorkbook(ctx, {
          budget,
          mergedAreas: api().mergedAreas,
          progress,
          onSheets: (metas) => {
            lastOutline = outlineOf(metas);
          },
        }),
      ),

    readSheets: async (pick, progress) => {
      let ids: Record<string, string> = {};
      const grid = await run((ctx) =>
        readWorkbook(ctx, {
          budget,
          mergedAreas: api().mergedAreas,
          progress,
          pick: (m) => pick(outlineLine(m)),
          onSheets: (metas) => {
            lastOutline = outlineOf(metas);
            ids = Object.fromEntries(metas.map((m) => [m.name, m.id]));
          },
        }),
      );
      return { grid, ids };
    },

    apply: (plan: WritePlan, progress?: (done: number, total: number) => void): Promise<ApplyResult> =>
      applyPlan(runner, plan, { requestBudget, features: { dataValidation: api().dataValidation, pageLayout: api().pageLayout, comments: api().comments, notes: api().notes }, progress, by }).catch((e) => {
        throw partialError(e);
      }),

    ruled: async (areas) => {
      if (areas.length === 0 || !api().dataValidation) return areas.map(() => false);
      return run(async (ctx) => {
        const rules = areas.map((a) => ctx.workbook.worksheets.getItem(a.sheet).getRange(a.address).dataValidation.load('type'));
        await ctx.sync();
        return rules.map((r) => r.type !== 'None');
      });
    },

    select: (sheet, address) =>
      run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(address).select();
        await ctx.sync();
      }),

    highlight: (cells) =>
      setHighlight(runner, cells, { requestBudget, fillPattern: api().fillPattern, by }).catch((e) => {
        throw partialError(e);
      }),
    clearHighlight: () =>
      setHighlight(runner, [], { requestBudget, fillPattern: api().fillPattern, by }).catch((e) => {
        throw partialError(e);
      }),

    insertWorkbook: async (base64, { sheets, names }) => {
      const s = api();
      if (!s.insertWorksheets) {
        throw new ExcelHostError(
          'ApiNotFound',
          'この Excel ではブックからのシート挿入(ExcelApi 1.13)が使えません。集計は挿入せずに行えます。シートが必要なら、ファイルを Excel で直接開いてください。',
          'This Excel cannot insert sheets from a workbook (ExcelApi 1.13). The summary works without inserting; to see the sheets, open the file in Excel directly.',
        );
      }
      if (s.platform === 'web' && base64.length > MAX_INSERT_BASE64) {
        const mb = (base64.length * 0.75) / 1024 / 1024;
        throw new ExcelHostError(
          'FileTooLargeForWeb',
          `このファイル(約 ${mb.toFixed(1)} MB)は Excel on the web で一度に送れる大きさ(5 MB、ファイルでは約 3.7 MB)を超えるため、シートとして挿入できません。集計は挿入せずに行えます。シートも必要なら Excel デスクトップ版で取り込んでください。`,
          `This file (about ${mb.toFixed(1)} MB) is larger than Excel on the web can receive at once (5 MB, about 3.7 MB of file), so its sheets cannot be inserted. The summary works without inserting; use Excel desktop to insert the sheets.`,
        );
      }
      if (sheets.length === 0) return [];
      // Inserting cannot be undone, so it never runs inside an undo group.
      return run(async (ctx) => {
        const inserted = ctx.workbook.insertWorksheetsFromBase64(base64, { sheetNamesToInsert: sheets, positionType: 'End' });
        await ctx.sync();
        const made = inserted.value.map((id) => ctx.workbook.worksheets.getItem(id).load(['id', 'name']));
        await ctx.sync();
        if (names) {
          // Excel renames a clash on insert ('取組項目一覧 (2)'); the file's own name is what `names` is keyed by.
          let renamed = false;
          for (const ws of made) {
            const want = names[ws.name] ?? names[ws.name.replace(/ \(\d+\)$/, '')];
            if (want && want !== ws.name) {
              ws.name = want;
              ws.load('name');
              renamed = true;
            }
          }
          if (renamed) await ctx.sync();
        }
        return made.map((ws) => ({ id: ws.id, name: ws.name }));
      });
    },

    onChange: async (cb) => {
      const none: ChangeSubscription = Object.assign(async () => undefined, { live: false });
      if (typeof Excel === 'undefined' || !isSet('1.9')) return none;
      try {
        const registered = await Excel.run(async (ctx) => {
          const r = ctx.workbook.worksheets.onChanged.add(async (e: Excel.WorksheetChangedEventArgs) => {
            cb({ worksheetId: e.worksheetId, address: e.address, remote: e.source === 'Remote', type: String(e.changeType) });
          });
          await ctx.sync();
          return r;
        });
        const off = async () => {
          await Excel.run(registered.context, async (ctx) => {
            registered.remove();
            await ctx.sync();
          }).catch(() => undefined);
        };
        return Object.assign(off, { live: true });
      } catch {
        // Events are a convenience: every command re-reads the workbook anyway.
        return none;
      }
    },

    outline: () => run(async (ctx) => outlineOf((await loadSheetMetas(ctx)).metas)),

    readOutline: () => lastOutline,

    readRanges: (ranges) =>
      run(async (ctx) => {
        const out: RangeRead[] = [];
        for (const part of batchBySize(ranges, (r) => rangeLoadBytes(r.address, ['values', 'formulas']), requestBudget - SYNC_BYTES)) {
          // With each sheet's name: an event names its sheet by id, the grid by name.
          const sheets = new Map(part.map((r) => [r.sheet, worksheet(ctx, r.sheet).load('name')]));
          const loaded = part.map((r) => worksheet(ctx, r.sheet).getRange(r.address).load('values,formulas'));
          await ctx.sync();
          part.forEach((r, i) => out.push({ ...r, name: sheets.get(r.sheet)!.name, values: loaded[i].values, formulas: loaded[i].formulas }));
        }
        return out;
      }),

    apiSupport: () => ({ ...api(), mergeUndoGroup: api().mergeUndoGroup && !undoGroupRefused }),
  };
}

export type { HighlightCell, HighlightResult } from './highlight';
export { ExcelHostError } from './errors';
