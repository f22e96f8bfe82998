import { skipReasonOf } from '../../adapters/file/errors';
import { readBreakdown } from '../../core/consolidate/breakdown-read';
import { compareYears, type Comparison } from '../../core/consolidate/compare';
import { consolidate, consolidatedIds } from '../../core/consolidate/consolidate';
import { hearingList, type HearingList } from '../../core/consolidate/hearing';
import { machineTable } from '../../core/consolidate/machine-table';
import { checkSources, itemSources, nonFiniteGroups, type ItemSource } from '../../core/consolidate/provenance';
import { reconcile, type Reconciliation } from '../../core/consolidate/reconcile';
import type { Consolidation, ConsolidationInput } from '../../core/consolidate/types';
import { fileInput, importSheetNames, recordImportedSheets, workbookSources } from '../../core/consolidate/workbook-inputs';
import { analyse } from '../../core/engine/analyse';
import type { WorkbookGrid } from '../../core/grid/types';
import { layoutById } from '../../core/layouts/registry';
import { planConsolidatedSheets } from '../../core/plan/consolidated-sheets';
import { DEFAULT_SUMMARY_SHEET } from '../../core/plan/summary-sheet';
import type { ApplyResult } from '../../core/plan/write-plan';
import { unconfirmedSuggestions } from '../../core/plan/fill';
import { isSettingsSheet, readStore } from '../../core/settings/store';
import { summarise } from '../../core/summary/summarise';
import type { Summary } from '../../core/summary/types';
import type { Lang } from '../i18n';
import { errorText } from './errors';
import { nowStamp } from './summary';
import type { OnStep, PaneHost } from './types';

/**
 * 取り込み: department workbooks picked in the pane, consolidated with this workbook's own sheets
 * (when the user says so) and with sheets inserted earlier. Each file is analysed on its own grid;
 * inserted sheets are named after their department and recorded as copies, so that 集計 and 検証
 * never count them again as this workbook's data. Reading (slow, touches Excel) and consolidating
 * (pure, instant) are separate steps, so choosing between conflicting copies re-runs only the latter.
 */
export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

export type ReadGrid = (bytes: Uint8Array, name: string) => Promise<WorkbookGrid>;

export interface ImportedFile {
  name: string;
  layouts: { ja: string; en: string }[];
  items: number;
  errors: number;
  /** Sheets inserted into this workbook: their name in the file → their name here. Null when not inserted. */
  inserted: Record<string, string> | null;
  /** Set when the file could not be read, or is not a workbook: it is then left out and named. */
  failure?: { ja: string; en: string };
}

/** Everything read once; consolidating it again (with choices) needs no Excel call. */
export interface ImportState {
  inputs: ConsolidationInput[];
  files: ImportedFile[];
  /** Where each source's sheets are in this workbook: file → sheet in the file → sheet here. */
  sheetMap: Record<string, Record<string, string>>;
  /** This workbook's name, when its own sheets take part. */
  own: string | null;
  /** Items of this workbook whose rating is still the add-in's unconfirmed suggestion (its own ids). */
  ownUnconfirmed: string[];
  last?: { file: string; reportFy?: number; items: ItemSource[] };
  master?: { file: string; items: ItemSource[] };
}

export interface ImportOutcome {
  state: ImportState;
  consolidation: Consolidation;
  /** Null while conflicting copies wait for a choice. */
  summary: Summary | null;
  /** Counted items whose rating is still the add-in's unconfirmed suggestion (consolidated ids). */
  unconfirmed: string[];
  sources: ItemSource[];
  hearing: HearingList | null;
  comparison?: Comparison;
  reconciliation?: Reconciliation;
}

export interface ImportOptions {
  insert: boolean;
  /** Count this workbook's own sheets (and the sheets inserted earlier) with the picked files. */
  includeOwn: boolean;
  readGrid: ReadGrid;
  /** Last year's workbook(s) or consolidated file, for 前年度 / 増減. */
  last?: ImportFile[];
  /** The plan's list of items, to reconcile against. */
  master?: ImportFile[];
}

export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) bin += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(bin);
}

/**
 * A picked file → an input for consolidation, without throwing: what the reader refuses (owner
 * files, CSVs, .xls …, recognised from the bytes by the file adapter) is named, not fatal.
 */
async function readPicked(f: ImportFile, readGrid: ReadGrid): Promise<{ input: ConsolidationInput; grid?: WorkbookGrid; file: ImportedFile }> {
  const failed = (reason: { ja: string; en: string }) => ({ name: f.name, layouts: [], items: 0, errors: 0, inserted: null, failure: reason });
  let grid: WorkbookGrid;
  try {
    grid = await readGrid(f.bytes, f.name);
  } catch (e) {
    const reason = errorText(e);
    return { input: { file: f.name, skipped: skipReasonOf((e as { kind?: string } | null)?.kind, reason) }, file: failed(reason) };
  }
  const a = analyse(grid);
  return {
    input: fileInput(f.name, a),
    grid,
    file: {
      name: f.name,
      layouts: a.detection.chosen.map((c) => layoutById(c.layout)?.label ?? { ja: c.layout, en: c.layout }),
      items: a.plan.items.length,
      errors: a.findings.filter((x) => x.severity === 'error').length,
      inserted: null,
    },
  };
}

/** Last year's figures or the plan's list, from workbooks in any layout or a consolidated file's 内訳 sheet. */
async function readReference(files: ImportFile[], readGrid: ReadGrid): Promise<{ file: string; reportFy?: number; items: ItemSource[] } | undefined> {
  if (!files.length) return undefined;
  const read = await Promise.all(files.map((f) => readPicked(f, readGrid)));
  const c = consolidate(read.map((r) => r.input));
  const name = files.map((f) => f.name).join(', ');
  if (c.plan.items.length) {
    return { file: name, ...(c.reportFy !== undefined ? { reportFy: c.reportFy } : {}), items: itemSources(c.plan, { origins: c.origins, workbook: name, evaluations: c.evaluations }) };
  }
  for (const r of read) {
    const b = r.grid ? readBreakdown(r.grid) : undefined;
    if (b) return { file: name, ...(b.reportFy !== undefined ? { reportFy: b.reportFy } : {}), items: b.items };
  }
  throw Object.assign(new Error('no items in the reference file'), {
    ja: `「${name}」から取組を読み取れませんでした(進捗管理表も、このアドインが作った内訳シートもありません)。`,
    en: `No items could be read from "${name}" (no progress table, and no breakdown sheet made by this add-in).`,
  });
}

/**
 * Files are told apart by name in messages and in consolidation; two picked files of the same name
 * (each department's 取組項目一覧.xlsx) must not look like one file given twice.
 */
export function distinctNames(files: ImportFile[]): ImportFile[] {
  const seen = new Map<string, number>();
  return files.map((f) => {
    const n = (seen.get(f.name) ?? 0) + 1;
    seen.set(f.name, n);
    return n === 1 ? f : { ...f, name: f.name.replace(/(\.[^.]+)?$/, ` (${n})$1`) };
  });
}

export async function readImports(host: PaneHost, files: ImportFile[], opts: ImportOptions, onStep: OnStep): Promise<ImportState> {
  const picked = distinctNames(files);
  const insert = opts.insert && host.apiSupport().insertWorksheets;
  const state: ImportState = { inputs: [], files: [], sheetMap: {}, own: null, ownUnconfirmed: [] };
  let grid: WorkbookGrid | undefined;
  if (opts.includeOwn || insert) grid = await host.read((done, total) => onStep('read', { done, total }));
  if (opts.includeOwn && grid) {
    onStep('analyse');
    for (const src of workbookSources(grid)) {
      if (src.analysis.plan.items.length === 0 && src.own) continue;
      state.inputs.push(fileInput(src.file, src.analysis));
      // Inserted sheets keep their own names here; this workbook's sheets are themselves.
      state.sheetMap[src.file] = Object.fromEntries(src.analysis.detection.chosen.flatMap((c) => c.sheets).map((s) => [s, s]));
      if (src.own) {
        state.own = src.file;
        state.ownUnconfirmed = unconfirmedSuggestions(grid, src.analysis).map((u) => u.itemId);
      }
    }
  }
  const read: Awaited<ReturnType<typeof readPicked>>[] = [];
  for (const [i, f] of picked.entries()) {
    onStep('importRead', { done: i, total: picked.length }, f.name);
    const r = await readPicked(f, opts.readGrid);
    state.inputs.push(r.input);
    state.files.push(r.file);
    read.push(r);
  }
  if (insert) {
    // Only files the consolidation counts are inserted: a second copy or another year's file is not.
    const counted = new Set(consolidate(state.inputs).files.filter((f) => f.status === 'used').map((f) => f.file));
    const taken = grid ? grid.sheets.map((s) => s.name) : [];
    const toInsert = read.filter((r) => r.grid && counted.has(r.file.name));
    for (const [i, r] of toInsert.entries()) {
      const f = picked.find((p) => p.name === r.file.name)!;
      onStep('insert', { done: i, total: toInsert.length }, f.name);
      const a = analyse(r.grid!);
      // The file's data sheets, and only staff sheets: never its settings sheet or a sheet Shinchoku made in it.
      const owned = new Set(a.store.settings.ownedSheets.map((o) => o.name));
      const settings = new Set(r.grid!.sheets.filter(isSettingsSheet).map((x) => x.name));
      const sheets = a.detection.chosen.flatMap((c) => c.sheets).filter((x) => !owned.has(x) && !settings.has(x));
      const names = importSheetNames(f.name, a.plan, sheets, taken);
      const made = await host.insertWorkbook(bytesToBase64(f.bytes), { sheets, names });
      taken.push(...made.map((m) => m.name));
      // What Excel ended up calling each sheet, by its name in the file.
      const final: Record<string, string> = {};
      sheets.forEach((s, k) => (final[s] = made[k]?.name ?? names[s]));
      const record = recordImportedSheets(f.name, final);
      if (record) await host.apply({ label: 'import', writes: [], sheets: [], settingsChanges: [record] });
      r.file.inserted = final;
      state.sheetMap[f.name] = final;
    }
  }
  if (opts.last?.length) state.last = await readReference(opts.last, opts.readGrid);
  if (opts.master?.length) {
    const m = await readReference(opts.master, opts.readGrid);
    if (m) state.master = m;
  }
  return state;
}

/** Pure: the consolidation of what was read, with the user's choices between conflicting copies. */
export function consolidateImports(state: ImportState, choices: Record<string, string> = {}): ImportOutcome {
  const c = consolidate(state.inputs, { choices });
  if (c.unresolved.length || c.plan.items.length === 0) return { state, consolidation: c, summary: null, unconfirmed: [], sources: [], hearing: null };
  const summary = summarise(c.plan, { evaluations: c.evaluations });
  const overflow = nonFiniteGroups(summary);
  if (overflow.length) {
    throw Object.assign(new Error('non-finite effect totals'), {
      ja: `「${overflow[0] === 'total' ? '合計' : overflow[0]}」の効果額の合計が数値として扱えません。桁違いの入力がないか、そのファイルを検証して SUM001 の指摘で確かめてください。`,
      en: `The effect amounts of "${overflow[0] === 'total' ? 'Total' : overflow[0]}" add up beyond what a number can hold. Check that file for a mistyped amount (検証 reports it as SUM001).`,
    });
  }
  const sources = itemSources(c.plan, { origins: c.origins, workbook: state.own ?? '', evaluations: c.evaluations });
  const problems = checkSources(summary, sources);
  if (problems.length) throw new Error(`internal: the summary and its sources disagree: ${problems.join('; ')}`);
  const comparison = state.last
    ? compareYears(summary, sources, state.last.items, {
        ...(c.reportFy !== undefined ? { thisFy: c.reportFy } : {}),
        ...(state.last.reportFy !== undefined ? { lastFy: state.last.reportFy } : {}),
        lastFile: state.last.file,
      })
    : undefined;
  return {
    state,
    consolidation: c,
    summary,
    unconfirmed: state.own ? consolidatedIds(c, state.own, state.ownUnconfirmed) : [],
    sources,
    hearing: hearingList({ plan: c.plan, evaluations: c.evaluations, sources, summary, ...(comparison ? { comparison } : {}) }),
    ...(comparison ? { comparison } : {}),
    ...(state.master ? { reconciliation: reconcile(sources, state.master.items, state.master.file) } : {}),
  };
}

export async function importWorkbooks(host: PaneHost, picked: ImportFile[], opts: ImportOptions, onStep: OnStep): Promise<ImportOutcome> {
  return consolidateImports(await readImports(host, picked, opts, onStep));
}

/** Where an item's cell is in this workbook (inserted copy or own sheet), if it is here at all. */
export function cellHere(state: ImportState, s: { file: string; sheet: string; cell: string }): { sheet: string; address: string } | null {
  const sheet = state.sheetMap[s.file]?.[s.sheet];
  return sheet && s.cell ? { sheet, address: s.cell } : null;
}

export interface ConsolidatedWrite {
  result: ApplyResult;
  sheets: string[];
  /** Staff sheets that had a wanted name: left alone, the add-in's sheet took another name. */
  displaced: string[];
}

/** The summary, its 内訳, the hearing list and the machine-readable twin, written into this workbook. */
export async function writeConsolidatedSheets(host: PaneHost, outcome: ImportOutcome, opts: { lang: Lang; createdAt?: string }, onStep: OnStep): Promise<ConsolidatedWrite> {
  if (!outcome.summary || !outcome.hearing) throw new Error('nothing to write: the consolidation is not complete');
  const grid = await host.read((done, total) => onStep('read', { done, total }));
  const here = new Set(grid.sheets.map((s) => s.name));
  const { state } = outcome;
  const linkTo = (file: string, sheet: string, cell: string) => {
    const at = cellHere(state, { file, sheet, cell });
    return at && here.has(at.sheet) ? at : null;
  };
  const { plan, displaced } = planConsolidatedSheets(grid, readStore(grid), {
    lang: opts.lang,
    summary: outcome.summary,
    sources: outcome.sources,
    hearing: outcome.hearing,
    machine: machineTable(outcome.summary, { lang: opts.lang }),
    ...(outcome.comparison ? { comparison: outcome.comparison } : {}),
    summarySheet: DEFAULT_SUMMARY_SHEET,
    files: outcome.consolidation.files.filter((f) => f.status === 'used').map((f) => f.file),
    createdAt: opts.createdAt ?? nowStamp(),
    unconfirmed: outcome.unconfirmed,
    linkTo,
  });
  onStep('apply');
  const result = await host.apply(plan, (done, total) => onStep('apply', { done, total }));
  return { result, sheets: result.sheetsCreated, displaced: [...new Set([...displaced, ...result.sheetsLeftAlone])] };
}
