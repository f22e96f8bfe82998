import type { CellValue } from '../../core/grid/types';
import { noteText } from '../../core/plan/notes';
import { settingsChangesFor, type ApplyResult, type CellWrite, type NewSheet, type WritePlan } from '../../core/plan/write-plan';
import { isOwnedBy, keptForObjects } from '../../core/settings/ownership';
import { planSettingsWrite, type SettingsRefusal } from '../../core/settings/update';
import { PartialWriteError, sendWrites, writeBatches, type Runner, type WriteItem } from './batches';
import { errorCode, ExcelHostError, toHostError } from './errors';
import { libraryHasNotes, noteItems, noteKey, noteReader, type NoteDecision } from './notes';
import { printBytes, queuePrint } from './print';
import { worksheet } from './proxies';
import { batchBySize, jsonBytes, rangeLoadBytes, rangeWriteBytes, PATH_BYTES, ACTION_BYTES, SYNC_BYTES } from './request-size';
import { runAddress, toRuns, type Run } from './runs';
import { queueSettingsSheet, queueStoreRead, settingsWriteItems, structureProtectedError } from './settings';

/**
 * Applies a write plan in up to three `Excel.run`s:
 *   A. outside any undo group: check — protection of every target sheet and of the workbook's
 *      structure, the settings store, the owner tag of every sheet to replace, the value and formula
 *      of every target cell and the item's id and name cells of its row (guards); then the structural
 *      steps Excel cannot undo (create the very hidden settings sheet, delete an owned sheet that is
 *      being replaced). A refusal here leaves the workbook as it was.
 *   B. in one undo group where the host offers it (ExcelApi 1.20): new sheets, cell runs (text as
 *      text), validation lists, charts and the changed settings rows, in syncs sized by the request
 *      office.js really builds, split and resent if Excel still refuses one for its size. Each write
 *      re-reads its cells, guards and settings row in its own sync just before writing: what a
 *      co-author changed after the check is put back and reported.
 *   C. outside any undo group: hiding new sheets that the plan wants hidden (not undoable on
 *      Windows and Mac).
 * A cell whose value changed since the plan was made, whose row no longer belongs to the same item,
 * or that holds a formula whatever its result shows, is never written: it is skipped and reported.
 */
export interface ApplyOptions {
  /** Estimated request bytes per sync (see request-size.ts). */
  requestBudget: number;
  /**
   * What the host offers beyond the base set: A–D lists (1.8), print setup (1.9 pageLayout and page
   * breaks), threaded comments to keep notes off (1.10), notes (1.18, and an office.js that has them).
   */
  features: { dataValidation: boolean; pageLayout?: boolean; comments?: boolean; notes?: boolean };
  progress?: (done: number, total: number) => void;
  /** Who writes, recorded beside each settings row (a per-session id). */
  by?: string;
}

/** The top-left block a sheet's owner tag lives in (settings/ownership.ts scans the same block). */
const OWNER_BLOCK = 'A1:AD8';
const VIS = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' } as const;

/** Plan values compare to what Excel shows: '' is blank, numbers by value. */
function same(found: unknown, expected: CellWrite['expect']): boolean {
  const f = found === '' || found === undefined ? null : found;
  if (f === null || expected === null) return f === expected;
  if (typeof expected === 'number') return typeof f === 'number' ? Math.abs(f - expected) < 1e-9 : String(f).trim() === String(expected);
  return String(f) === expected;
}

/** A formula, not a text cell that starts with '=' (those read the same through values and formulas). */
const isFormula = (formula: unknown, value: unknown) => typeof formula === 'string' && formula.startsWith('=') && formula !== value;

/**
 * The guard cells of some writes (their items' id and name cells) as column runs, so a thousand rows
 * cost a few range reads, not two thousand.
 */
function guardRuns(writes: CellWrite[]): Run[] {
  const cells = new Map<string, CellWrite>();
  for (const w of writes) for (const g of w.guards ?? []) cells.set(`${w.sheet}!${g.address.toUpperCase()}`, { sheet: w.sheet, address: g.address, value: null, expect: g.expect, reason: 'rating' });
  return toRuns([...cells.values()]);
}

/** Guard values as read: 'Sheet!A1' → value. */
type GuardValues = Map<string, unknown>;

function readGuards(runs: Run[], ranges: Excel.Range[], into: GuardValues): void {
  runs.forEach((r, i) => r.writes.forEach((w, k) => into.set(`${w.sheet}!${w.address.toUpperCase()}`, (ranges[i].values as unknown[][])[k][0])));
}

/** The first guard of `w` that no longer holds what the plan saw, if any. */
function brokenGuard(w: CellWrite, found: GuardValues): { address: string; found: unknown; expect: CellWrite['expect'] } | undefined {
  for (const g of w.guards ?? []) {
    const v = found.get(`${w.sheet}!${g.address.toUpperCase()}`);
    if (!same(v, g.expect)) return { address: g.address, found: v === '' || v === undefined ? null : v, expect: g.expect };
  }
  return undefined;
}

const ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const BORDER_EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal'] as const;
const CHART_TYPE = { stackedBar: 'BarStacked', clusteredColumn: 'ColumnClustered' } as const;
/** Excel's column width is in points; a character of the default font is about 7 px = 5.25 pt, plus padding. */
const charsToPoints = (chars: number) => Math.round(chars * 5.25 + 3.75);

const formatsOf = (run: Run) => run.writes.map((w) => [typeof w.value === 'string' ? '@' : (w.numberFormat ?? null)]);
const valuesOf = (run: Run) => run.writes.map((w) => [w.value === null ? '' : w.value]);

function queueRun(ws: Excel.Worksheet, run: Run, features: ApplyOptions['features']): void {
  const range = ws.getRange(runAddress(run));
  // Text is written as text: '@' first, so '=…' stays literal and '001' keeps its zeros.
  range.numberFormat = formatsOf(run) as string[][];
  range.values = valuesOf(run);
  const style = run.writes[0].style;
  if (style) {
    if (style.bold !== undefined) range.format.font.bold = style.bold;
    if (style.fill) range.format.fill.color = style.fill;
    if (style.align) range.format.horizontalAlignment = ALIGN[style.align];
    if (style.wrap !== undefined) range.format.wrapText = style.wrap;
    if (style.border) for (const e of BORDER_EDGES) range.format.borders.getItem(e).style = 'Continuous';
  }
  // Links are per cell (ExcelApi 1.7); the text shown stays the value just written.
  run.writes.forEach((w, i) => {
    const link = linkOf(w);
    if (link) ws.getRange(runAddress({ ...run, top: run.top + i, writes: [w] })).hyperlink = link;
  });
  const list = run.writes[0].validationList;
  if (list && features.dataValidation) {
    range.dataValidation.clear();
    range.dataValidation.rule = { list: { inCellDropDown: true, source: list.join(',') } };
  }
}

function linkOf(w: CellWrite): Excel.RangeHyperlink | undefined {
  if (!w.link) return undefined;
  return { documentReference: `'${w.link.sheet.replace(/'/g, "''")}'!${w.link.address}`, textToDisplay: String(w.value ?? '') };
}

/** What office.js sends for queueRun (checked against office.js in the tests). */
function runBytes(run: Run): number {
  const style = run.writes[0].style;
  const styleBytes = style ? Object.keys(style).length * (2 * PATH_BYTES + ACTION_BYTES) + (style.border ? 5 * (PATH_BYTES + ACTION_BYTES) : 0) : 0;
  const list = run.writes[0].validationList;
  const listBytes = list ? 2 * PATH_BYTES + 2 * ACTION_BYTES + jsonBytes(list) : 0;
  // A link is a getRange of its own cell and one property set.
  const linkBytes = run.writes.reduce((n, w) => {
    const link = linkOf(w);
    return link ? n + PATH_BYTES + ACTION_BYTES + jsonBytes(w.address) + jsonBytes(link) : n;
  }, 0);
  return rangeWriteBytes(runAddress(run), [formatsOf(run), valuesOf(run)]) + PATH_BYTES + styleBytes + listBytes + linkBytes;
}

/** Cells a write put back because, at the moment it wrote, they no longer held what the plan expected. */
export type Reverted = ApplyResult['conflicts'];

/**
 * A run of writes into an existing sheet. In the same sync, just before writing, it reads what the
 * cells hold at that moment: a co-author's edit that arrived after the check (Excel merges other
 * people's changes between any two syncs) shows up there, and that cell is put back as it was —
 * value or formula, and number format — and reported.
 */
export function runItem(run: Run, features: ApplyOptions['features'], existing: boolean, reverted?: Reverted): WriteItem {
  let before: Excel.Range | undefined;
  let guardRanges: Excel.Range[] = [];
  const address = runAddress(run);
  const guards = existing ? guardRuns(run.writes) : [];
  return {
    bytes:
      runBytes(run) +
      (existing ? rangeLoadBytes(address, ['values', 'formulas', 'numberFormat']) : 0) +
      guards.reduce((n, g) => n + rangeLoadBytes(runAddress(g), ['values']), 0),
    idempotent: true,
    cells: existing ? run.writes.map((w) => ({ ref: { sheet: w.sheet, address: w.address }, value: w.value })) : [],
    queue: (context) => {
      const ws = worksheet(context, run.sheet);
      if (existing) {
        before = ws.getRange(address).load('values,formulas,numberFormat');
        guardRanges = guards.map((g) => ws.getRange(runAddress(g)).load('values'));
      }
      queueRun(ws, run, features);
    },
    after: () => {
      if (!before || !reverted) return [];
      const b = before;
      const found: GuardValues = new Map();
      readGuards(guards, guardRanges, found);
      const undo: WriteItem[] = [];
      run.writes.forEach((w, k) => {
        const value = b.values[k][0];
        const formula = b.formulas[k][0];
        const moved = brokenGuard(w, found);
        if (!moved && !isFormula(formula, value) && same(value, w.expect)) return;
        // Reported with what showed the change: the guard cell when the row moved, else the cell.
        if (moved) reverted.push({ sheet: w.sheet, address: w.address, found: `${moved.address}: ${String(moved.found)}`, expected: `${moved.address}: ${String(moved.expect)}` });
        else reverted.push({ sheet: w.sheet, address: w.address, found: isFormula(formula, value) ? formula : value === '' ? null : value, expected: w.expect });
        const format = b.numberFormat[k][0];
        const restore = isFormula(formula, value) ? formula : value;
        undo.push({
          bytes: rangeWriteBytes(w.address, [[[format]], [[restore]]]),
          idempotent: true,
          cells: [],
          queue: (context) => {
            const cell = worksheet(context, w.sheet).getRange(w.address);
            cell.numberFormat = [[format as string]];
            if (isFormula(formula, value)) cell.formulas = [[formula as string]];
            else cell.values = [[value as string]];
          },
        });
      });
      return undo;
    },
  };
}

function newSheetItems(sheet: NewSheet, features: ApplyOptions['features']): { add: WriteItem; content: WriteItem[]; chart: WriteItem[] } {
  const add: WriteItem = { bytes: 2 * PATH_BYTES + jsonBytes(sheet.name), idempotent: false, cells: [], queue: (c) => void c.workbook.worksheets.add(sheet.name) };
  const items: WriteItem[] = [];
  const charts: WriteItem[] = [];
  for (const run of toRuns(sheet.cells.map((c) => ({ ...c, sheet: sheet.name })))) items.push(runItem(run, features, false));
  const layout = [...sheet.merges.map((m) => ({ merge: m })), ...Object.entries(sheet.columnWidths ?? {}).map(([col, chars]) => ({ col, chars }))];
  for (const part of batchBySize(layout, () => 2 * PATH_BYTES + ACTION_BYTES, 200_000)) {
    items.push({
      bytes: part.length * (2 * PATH_BYTES + ACTION_BYTES),
      idempotent: true,
      cells: [],
      queue: (context) => {
        const ws = worksheet(context, sheet.name);
        for (const p of part) {
          if ('merge' in p) ws.getRange(p.merge).merge(false);
          else ws.getRange(`${p.col}:${p.col}`).format.columnWidth = charsToPoints(p.chars);
        }
      },
    });
  }
  if (sheet.print && features.pageLayout) {
    const print = sheet.print;
    // Properties and breaks set twice end the same, so this may share a sync and be resent.
    items.push({ bytes: printBytes(print), idempotent: true, cells: [], queue: (context) => queuePrint(context, sheet.name, print) });
  }
  const chart = sheet.chart;
  if (chart) {
    charts.push({
      bytes: 6 * PATH_BYTES + jsonBytes(chart),
      idempotent: false,
      cells: [],
      queue: (context) => {
        const ws = worksheet(context, sheet.name);
        const c = ws.charts.add(CHART_TYPE[chart.kind], ws.getRange(chart.dataRange), 'Auto');
        c.title.text = chart.title;
        c.setPosition(chart.anchor);
      },
    });
  }
  return { add, content: items, chart: charts };
}

export async function applyPlan(runner: Runner, plan: WritePlan, opts: ApplyOptions): Promise<ApplyResult> {
  const runs = toRuns(plan.writes);
  let done = 0;
  let total = 3;
  const tick = () => opts.progress?.(++done, Math.max(total, done));

  // A: check, then the structural steps that cannot be undone.
  const checked = await runner(async (context) => {
    const sheets = context.workbook.worksheets;
    const targetNames = [...new Set(plan.writes.map((w) => w.sheet))];
    const targets = targetNames.map((n) => {
      const ws = sheets.getItemOrNullObject(n);
      ws.protection.load('protected');
      return ws;
    });
    const structure = context.workbook.protection.load('protected');
    const existing = plan.sheets.map((s) => sheets.getItemOrNullObject(s.name));
    const storeProbe = queueStoreRead(context);
    // The target cells as they are now, value and formula, and the guard cells of their rows, in
    // syncs sized by the request; the first batch rides with the checks above.
    const current = new Map<Run, { values: unknown[][]; formulas: unknown[][] }>();
    const guardFound: GuardValues = new Map();
    const loads: { run: Run; guard: boolean }[] = [...runs.map((run) => ({ run, guard: false })), ...guardRuns(plan.writes).map((run) => ({ run, guard: true }))];
    const parts = batchBySize(loads, (l) => rangeLoadBytes(runAddress(l.run), ['values', 'formulas']), opts.requestBudget - SYNC_BYTES);
    const loadPart = (part: typeof loads) => {
      const ranges = part.map((l) => worksheet(context, l.run.sheet).getRange(runAddress(l.run)).load(l.guard ? 'values' : 'values,formulas'));
      return () =>
        part.forEach((l, i) => {
          if (l.guard) readGuards([l.run], [ranges[i]], guardFound);
          else current.set(l.run, { values: ranges[i].values, formulas: ranges[i].formulas });
        });
    };
    const firstPart = parts.length ? loadPart(parts[0]) : () => undefined;
    // The notes on the noted cells (and where threads are) are read in the same sync, as far as it has room.
    const noteWrites = plan.writes.filter((w) => w.note);
    const canNote = !!opts.features.notes && (noteWrites.length > 0 || plan.sheets.some((s) => s.cells.some((c) => c.note))) && libraryHasNotes(context);
    const reader = canNote && noteWrites.length ? noteReader(context, noteWrites, !!opts.features.comments) : undefined;
    const firstBytes = parts.length ? parts[0].reduce((n, l) => n + rangeLoadBytes(runAddress(l.run), ['values', 'formulas']), 0) : 0;
    reader?.queue(opts.requestBudget - SYNC_BYTES - firstBytes);
    let missing: string[] = [];
    try {
      await context.sync();
      missing = targetNames.filter((_, i) => targets[i].isNullObject);
    } catch (e) {
      // A target sheet renamed or deleted since reading fails the loads; a second probe says which.
      if (errorCode(e) !== 'ItemNotFound') throw e;
      const again = targetNames.map((n) => sheets.getItemOrNullObject(n));
      await context.sync();
      missing = targetNames.filter((_, i) => again[i].isNullObject);
      if (missing.length === 0) throw e;
    }
    tick();

    if (missing.length > 0) {
      throw new ExcelHostError(
        'ItemNotFound',
        `シート${missing.map((n) => `「${n}」`).join('、')}が見つからないため、書き込みませんでした(何も変更していません)。名前が変わったか削除された可能性があります。読み込み直してください。`,
        `Sheet ${missing.map((n) => `"${n}"`).join(', ')} was not found, so nothing was written; it may have been renamed or deleted. Read the workbook again.`,
        { location: missing.join(',') },
      );
    }
    const locked = targetNames.filter((_, i) => targets[i].protection.protected);
    if (locked.length > 0) {
      const list = locked.map((n) => `「${n}」`).join('、');
      throw new ExcelHostError(
        'SheetProtected',
        `シート${list}は保護されているため、書き込みませんでした(何も変更していません)。[校閲]→[シート保護の解除]を行ってから、もう一度実行してください。`,
        `Sheet ${locked.map((n) => `"${n}"`).join(', ')} is protected, so nothing was written. Unprotect it (Review › Unprotect Sheet) and try again.`,
        { location: locked.join(',') },
      );
    }
    firstPart();
    for (const part of parts.slice(1)) {
      const done = loadPart(part);
      await context.sync();
      done();
    }

    // Sheets to replace must still carry the owner tag (read only when there are such sheets).
    const blocks = plan.sheets.map((s, i) => (s.replace && !existing[i].isNullObject ? existing[i].getRange(OWNER_BLOCK).load('values') : null));
    // … and what someone may have put on them that the cells do not show, counted in the same sync.
    const objects = blocks.map((b, i) => (b ? staffObjectCounts(existing[i]) : null));
    if (blocks.some((b) => b)) await context.sync();

    const conflicts: ApplyResult['conflicts'] = [];
    const formulaCells: ApplyResult['formulaCells'] = [];
    const accepted: Run[] = [];
    for (const run of runs) {
      const now = current.get(run)!;
      let piece: CellWrite[] = [];
      let pieceTop = run.top;
      const flush = () => {
        if (piece.length) accepted.push({ ...run, top: pieceTop, writes: piece });
        piece = [];
      };
      run.writes.forEach((w, k) => {
        const found = now.values[k][0];
        const formula = now.formulas[k][0];
        const moved = brokenGuard(w, guardFound);
        if (isFormula(formula, found)) {
          // A staff formula is never overwritten, whatever its result shows ('' included).
          flush();
          formulaCells.push({ sheet: w.sheet, address: w.address });
        } else if (moved) {
          // The row no longer belongs to the item the value is for (a row deleted or moved since the read).
          flush();
          conflicts.push({ sheet: w.sheet, address: w.address, found: `${moved.address}: ${String(moved.found)}`, expected: `${moved.address}: ${String(moved.expect)}` });
        } else if (same(found, w.expect)) {
          if (!piece.length) pieceTop = run.top + k;
          piece.push(w);
        } else {
          flush();
          conflicts.push({ sheet: w.sheet, address: w.address, found: found === '' ? null : found, expected: w.expect });
        }
      });
      flush();
    }

    const sheetsLeftAlone: string[] = [];
    const keptMessages: { ja: string; en: string }[] = [];
    const creating: { sheet: NewSheet; replace: boolean }[] = [];
    plan.sheets.forEach((s, i) => {
      const there = !existing[i].isNullObject;
      const block = blocks[i];
      if (!there) creating.push({ sheet: s, replace: false });
      else if (s.replace && block && isOwnedBy(block.values as CellValue[][], s.replace.expectToken)) {
        const added = objectsAddedTo(objects[i]!, s);
        if (added.length === 0) creating.push({ sheet: s, replace: true });
        else {
          // A chart, a table or a rule someone put on the add-in's sheet would go with the sheet.
          sheetsLeftAlone.push(s.name);
          keptMessages.push(keptForObjects(s.name, added));
        }
      } else sheetsLeftAlone.push(s.name);
    });

    // Notes of the cells that will be written: what is on those cells now decides add, update or leave.
    const written = new Set(accepted.flatMap((r) => r.writes.map((w) => noteKey(w.sheet, w.address))));
    const existingNoted = plan.writes.filter((w) => w.note && written.has(noteKey(w.sheet, w.address)));
    const newNoted = creating.flatMap((c) => c.sheet.cells.filter((x) => x.note).map((x) => ({ ...x, sheet: c.sheet.name })));
    let notes: NoteDecision | undefined;
    if (existingNoted.length + newNoted.length > 0) {
      if (canNote) {
        const decide = reader ? await reader.finish(opts.requestBudget - SYNC_BYTES, tick) : undefined;
        notes = decide ? decide((w) => written.has(noteKey(w.sheet, w.address))) : { add: [], update: [], notWritten: [] };
        notes.add.push(...newNoted.map((w) => ({ sheet: w.sheet, address: w.address, text: noteText(w.note!) })));
      } else {
        notes = { add: [], update: [], notWritten: [...existingNoted, ...newNoted].map((w) => ({ sheet: w.sheet, address: w.address, reason: 'unsupported' as const })) };
      }
    }
    const settingsPlan = planSettingsWrite(storeProbe.result(), settingsChangesFor(plan, sheetsLeftAlone) ?? [], { by: opts.by ?? 'shinchoku' });
    const settingsWrite = settingsPlan.write;
    const replacing = creating.filter((c) => c.replace);
    if ((creating.length > 0 || settingsWrite?.create) && structure.protected) throw structureProtectedError();

    if (settingsWrite?.create || replacing.length > 0) {
      if (settingsWrite?.create) queueSettingsSheet(context, settingsWrite.sheet);
      for (const c of replacing) sheets.getItem(c.sheet.name).delete();
      await context.sync();
    }
    tick();
    return { accepted, conflicts, formulaCells, creating, sheetsLeftAlone, keptMessages, settingsWrite, settingsRefused: settingsPlan.refused, notes };
  }, { undoGroup: false });

  // B: the writes, one undo step where the host offers it.
  const { accepted, conflicts, formulaCells, creating, sheetsLeftAlone, settingsWrite, notes } = checked;
  const settingsRefused: SettingsRefusal[] = [...checked.settingsRefused];
  const reverted: Reverted = [];
  const tally = { added: 0, updated: 0 };
  const putBack = () => new Set(reverted.map((r) => noteKey(r.sheet, r.address)));
  // Order: sheets are added first, each in a sync of its own (adding is not idempotent); then every
  // cell, layout and settings write (idempotent, batched); charts last, over the finished data.
  const sheetParts = creating.map((c) => newSheetItems(c.sheet, opts.features));
  const items: WriteItem[] = [
    ...sheetParts.map((p) => p.add),
    ...sheetParts.flatMap((p) => p.content),
    ...accepted.map((r) => runItem(r, opts.features, true, reverted)),
    ...(settingsWrite ? settingsWriteItems(settingsWrite, settingsRefused) : []),
    ...(notes ? noteItems(notes, opts.requestBudget - SYNC_BYTES, putBack, tally) : []),
    ...sheetParts.flatMap((p) => p.chart),
  ];
  total = done + Math.max(1, writeBatches(items, opts.requestBudget).length);
  if (items.length > 0) {
    try {
      await runner(
        (context) =>
          sendWrites(context, items, {
            budget: opts.requestBudget,
            beforeEach: () => context.workbook.application.suspendApiCalculationUntilNextSync(),
            onSync: tick,
          }),
        { undoGroup: true },
      );
    } catch (e) {
      throw partialError(e);
    }
  }
  // C: hide new sheets the plan wants hidden (Worksheet.visibility cannot join an undo group on Windows and Mac).
  const hidden = creating.filter((c) => c.sheet.visibility && c.sheet.visibility !== 'visible');
  if (hidden.length > 0) {
    await runner(async (context) => {
      for (const c of hidden) worksheet(context, c.sheet.name).visibility = VIS[c.sheet.visibility!];
      await context.sync();
    }, { undoGroup: false });
  }
  opts.progress?.(done, done);
  const written = accepted.reduce((n, r) => n + r.writes.length, 0) - reverted.length + creating.reduce((n, c) => n + c.sheet.cells.length, 0);
  const result: ApplyResult = { written, conflicts: [...conflicts, ...reverted], sheetsCreated: creating.map((c) => c.sheet.name), sheetsLeftAlone, formulaCells, settingsRefused };
  const messages = [...checked.keptMessages, ...outcomeMessages(notes, creating.some((c) => c.sheet.print) && !opts.features.pageLayout)];
  if (notes) result.cellNotes = { added: tally.added, updated: tally.updated, notWritten: notes.notWritten };
  if (messages.length) result.messages = messages;
  return result;
}

/** Objects on a sheet that its cells do not show, as counts (ExcelApi 1.4; conditional formats 1.6, within the required 1.7). */
function staffObjectCounts(ws: Excel.Worksheet): Record<'charts' | 'tables' | 'pivotTables' | 'conditionalFormats', OfficeExtension.ClientResult<number>> {
  return {
    charts: ws.charts.getCount(),
    tables: ws.tables.getCount(),
    pivotTables: ws.pivotTables.getCount(),
    conditionalFormats: ws.getRange().conditionalFormats.getCount(),
  };
}

const STAFF_OBJECTS = {
  charts: { ja: 'グラフ', en: 'charts' },
  tables: { ja: 'テーブル', en: 'tables' },
  pivotTables: { ja: 'ピボットテーブル', en: 'PivotTables' },
  conditionalFormats: { ja: '条件付き書式', en: 'conditional formats' },
} as const;

/** The kinds of object on the sheet beyond what the add-in's own version of it has (its one chart, if the plan draws one). */
function objectsAddedTo(counts: ReturnType<typeof staffObjectCounts>, sheet: NewSheet): { ja: string; en: string }[] {
  const own = { charts: sheet.chart ? 1 : 0, tables: 0, pivotTables: 0, conditionalFormats: 0 };
  return (Object.keys(STAFF_OBJECTS) as (keyof typeof STAFF_OBJECTS)[]).filter((k) => counts[k].value > own[k]).map((k) => STAFF_OBJECTS[k]);
}

/** What the pane says about notes and print setup it could not write, instead of dropping them silently. */
function outcomeMessages(notes: NoteDecision | undefined, noPrint: boolean): { ja: string; en: string }[] {
  const out: { ja: string; en: string }[] = [];
  const unsupported = notes?.notWritten.filter((n) => n.reason === 'unsupported') ?? [];
  const staff = notes?.notWritten.filter((n) => n.reason === 'staff-note') ?? [];
  if (unsupported.length) {
    out.push({
      ja: 'この Excel ではセルのメモを書き込めないため、候補の一覧を作業ウィンドウに表示しています(メモには ExcelApi 1.18 が必要です)。',
      en: 'This Excel cannot write cell notes, so the suggestions are listed in the task pane instead (notes need ExcelApi 1.18).',
    });
  }
  if (staff.length) {
    const cells = staff.map((n) => `${n.sheet}!${n.address}`).join(', ');
    out.push({
      ja: `${cells} には職員のメモまたはコメントがすでにあるため、そのまま残し、候補のメモは付けていません(候補は一覧に出しています)。`,
      en: `${cells} already ${staff.length === 1 ? 'has a note or comment' : 'have notes or comments'} by staff, kept as they are; no suggestion note was added (the suggestions are listed).`,
    });
  }
  if (noPrint) {
    out.push({
      ja: 'この Excel では印刷の設定(ExcelApi 1.9)を書き込めないため、集計シートは既定の設定で印刷されます。印刷前に[ページ レイアウト]で A4 横・横 1 ページに合わせてください。',
      en: 'This Excel cannot write print settings (ExcelApi 1.9), so the summary sheet prints with the defaults. Before printing, set A4 landscape, 1 page wide under Page Layout.',
    });
  }
  return out;
}

/** Names the cells a failed write left changed, in both languages, after Office's own advice. */
export function partialError(e: unknown): ExcelHostError {
  if (!(e instanceof PartialWriteError)) return toHostError(e);
  const base = toHostError(e.cause);
  const list = (refs: { sheet: string; address: string }[]) => {
    const shown = refs.slice(0, 20).map((r) => `${r.sheet}!${r.address}`).join(', ');
    return refs.length > 20 ? `${shown} … (${refs.length})` : shown;
  };
  const ja: string[] = [base.ja];
  const en: string[] = [base.en];
  if (e.written.length === 0 && e.unknown.length === 0) {
    ja.push('既存のシートのセルは変更されていません。');
    en.push('No cell of an existing sheet was changed.');
  } else {
    if (e.written.length > 0) {
      ja.push(`途中で止まったため、次の ${e.written.length} 個のセルだけが書き込まれています: ${list(e.written)}。もう一度実行すると残りを書き込みます(書き込み済みのセルはそのままです)。`);
      en.push(`It stopped part-way; only these ${e.written.length} cells were written: ${list(e.written)}. Run it again to write the rest (cells already written stay as they are).`);
    }
    if (e.unknown.length > 0) {
      ja.push(`次の ${e.unknown.length} 個のセルは書き込まれたか確認できませんでした: ${list(e.unknown)}。`);
      en.push(`Whether these ${e.unknown.length} cells were written could not be checked: ${list(e.unknown)}.`);
    }
  }
  return new ExcelHostError(base.code, ja.join(' '), en.join(' '), { ...base.detail, written: e.written, unknown: e.unknown });
}
