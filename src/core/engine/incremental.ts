import { SheetView } from '../grid/sheet-view';
import { withoutStrayCells } from '../grid/stray';
import type { SheetGrid, WorkbookGrid } from '../grid/types';
import { detectLayouts } from '../layouts/detect';
import { bandAt, findTable, hasRequired } from '../layouts/kit/find-table';
import { RowView, type ItemRow, type SheetWalk, type TableWalk } from '../layouts/kit/rows';
import { viewOf } from '../layouts/kit/shared';
import { readTraces, type ReadTrace } from '../layouts/kit/trace';
import { mayBeLoneEffect } from '../layouts/kit/define';
import type { DataField } from '../layouts/kit/spec';
import type { Item, Plan } from '../model/plan';
import { evaluateItem } from '../rules/evaluate';
import type { Evaluation } from '../rules/evaluation';
import { readStore, type SettingsStore } from '../settings/store';
import { summarise } from '../summary/summarise';
import type { Finding } from '../validation/finding';
import { validatePlan } from '../validation/validate';
import { findingParts, nonFiniteFindings, sortFindings, type Analysis } from './analyse';
import { importedSheets, staffData } from './staff-sheets';

/**
 * The analysis after a few cells were edited, worked out from the one before by rebuilding only the
 * items whose own rows the edit touched — or undefined, and the caller runs the full analyse().
 *
 * It answers only when it can show the edit stayed local, and shows it by running again, on the new
 * cells, each decision of the full read the edit could reach, and comparing: the settings store, the
 * add-in's own sheets, stray cells, layout detection, each header band of the sheet, the layout's
 * row hook around the row, the row still read as an item (not a heading, header, note or total), the
 * report year and rating scale decided from all items, and the item rebuilt from the old cells equal
 * to the item the full read made. Columns whose field shapes more than its item (name, number,
 * policy, group, what is carried down, a column a rating may be found in by its values) are never
 * taken, nor merged or formula cells, nor rows that are not an item's own first row, nor layouts that
 * link items after reading. Everything after the read (evaluation, validation, summary) is per item
 * except what is cheap to recompute whole (the summary) or checked to be unchanged (VLD016).
 *
 * `prev` must be analyse(prevGrid, { incremental: true }) (the pane's call) or an answer of this
 * function; `next` shares every sheet
 * object with `prev` but the edited ones (a copy-on-write patch); `changed` lists every cell whose
 * value or formula differs.
 */
export interface CellChange {
  sheet: string;
  /** 0-based. */
  row: number;
  col: number;
}

/** More cells than this is not an edit of a few cells: the full path is as quick and surely right. */
export const MAX_CHANGED_CELLS = 64;

const NEVER_LOCAL: DataField[] = ['name', 'id', 'policy', 'group'];
/** Fields a partial (synonym) table may turn into its rating by their values (promoteRating). */
const PROMOTABLE = new Set(['status', 'ignore', 'rating']);

export function reanalyse(prev: Analysis, prevGrid: WorkbookGrid, next: WorkbookGrid, changed: CellChange[]): Analysis | undefined {
  // Only an analysis that kept its parts (opts.incremental, no other option: it cannot tell) has what this needs.
  const parts = findingParts.get(prev);
  if (!parts || prev.reads.length !== 1 || prev.read !== prev.reads[0]) return undefined;
  const trace = readTraces.get(prev.read);
  if (!trace || trace.after || prev.strayCells.length) return undefined;
  const settings = prev.settings;
  if (settings.layoutSpec !== undefined || settings.mapping !== undefined) return undefined;

  // The settings store may differ only in the sheets the add-in owns (a summary written since), never in what reading depends on.
  const store = readStore(next);
  if (!sameForReading(store, prev.store)) return undefined;
  const before = staffData(prevGrid, prev.store).wb;
  const staff = staffData(next, store);
  const data = staff.wb;

  // The staff's sheets: the same list; those not edited the very objects they were. The store's own
  // sheet is the add-in's: it was checked above, and no layout reads it (detection below).
  const storeSheets = new Set([prev.store.sheet, store.sheet]);
  const theirs = (wb: WorkbookGrid) => wb.sheets.filter((s) => !storeSheets.has(s.name));
  const was = theirs(before);
  const is = theirs(data);
  if (was.length !== is.length) return undefined;
  const touched = new Set<string>();
  for (let i = 0; i < is.length; i++) {
    const a = was[i];
    const b = is[i];
    if (a.name !== b.name) return undefined;
    if (a === b) continue;
    if (a.merges !== b.merges || a.visibility !== b.visibility || a.protected !== b.protected) return undefined;
    touched.add(a.name);
  }
  const edits = changed.filter((c) => touched.has(c.sheet));
  if ([...touched].some((name) => !edits.some((c) => c.sheet === name)) || edits.length > MAX_CHANGED_CELLS) return undefined;

  // Views of the edited sheets that keep what the old ones worked out for the rows not edited.
  const sheetOf = (wb: WorkbookGrid, name: string) => wb.sheets.find((s) => s.name === name)!;
  for (const name of touched) {
    const b = sheetOf(next, name);
    viewOf.seed(b, new SheetView(b, { view: viewOf(sheetOf(prevGrid, name)), cells: edits.filter((c) => c.sheet === name) }));
  }

  // Stray cells (none before) and detection: as they were.
  for (const b of data.sheets) {
    const a = before.sheets.find((s) => s.name === b.name);
    if (a === b) continue;
    const filledChanged = !a || !touched.has(b.name) || edits.some((c) => c.sheet === b.name && filled(a, c.row, c.col) !== filled(b, c.row, c.col));
    if (filledChanged && withoutStrayCells({ name: next.name, sheets: [b] }).stray.length) return undefined;
  }
  if (!same(detectLayouts(data, settings.layout ? { force: settings.layout } : {}), prev.detection)) return undefined;
  const kept = { ...prev, workbook: next.name, store, settings: store.settings, skippedSheets: staff.skipped };
  if (edits.length === 0) {
    const analysis: Analysis = kept;
    findingParts.set(analysis, parts);
    return analysis;
  }

  // Each touched row: an item's own row, still read as that item, its cells local to it.
  const items = prev.plan.items;
  const walks = trace.walks.map((w) => (touched.has(w.view.name) ? { view: viewOf(next.sheets.find((s) => s.name === w.view.name)!), walk: w.walk } : w));
  const rebuilt = new Map<number, Item>();
  let decidedDespite = true;
  for (const name of touched) {
    const w = trace.walks.findIndex((x) => x.view.name === name);
    if (w < 0 || trace.hookedSheets.includes(name)) return undefined;
    const pv = trace.walks[w].view;
    if (pv.grid !== prevGrid.sheets.find((s) => s.name === name)) return undefined;
    const nv = walks[w].view;
    const walk = trace.walks[w].walk;
    if (!sameStructure(trace, walk, pv, nv)) return undefined;
    const rows = new Map<number, number[]>();
    for (const c of edits) if (c.sheet === name) rows.set(c.row, [...(rows.get(c.row) ?? []), c.col]);
    for (const [r, cols] of rows) {
      const at = itemRows(walk).get(r);
      // Items on a plan row and a result row are read by the role column's values: a full read decides them.
      if (!at || at.tw.table.roles !== undefined) return undefined;
      if (!rowStaysItem(trace, at.tw, pv, nv, r, cols)) return undefined;
      for (const col of cols) {
        const column = at.tw.table.columns.find((c) => c.col === col)!;
        if (!trace.decidedDespite(column, pv.text(r, col), nv.text(r, col))) decidedDespite = false;
      }
      const item = rebuild(trace, at.tw, at.ir, pv, nv, before, data, items);
      if (!item) return undefined;
      rebuilt.set(item.index, item.item);
    }
  }

  // The report year and scale, decided again from every item of the new cells (unless no edit can move them).
  if (!decidedDespite && !same(trace.decide(walks), trace.decided)) return undefined;

  // Evaluation and validation of the rebuilt items only; the summary whole (cheap).
  const nextItems = items.slice();
  for (const [i, item] of rebuilt) nextItems[i] = item;
  const read = { ...prev.read, items: nextItems };
  const plan: Plan = { ...prev.plan, items: nextItems };
  const evaluations = prev.evaluations.slice();
  let validation = parts.validation;
  for (const i of [...rebuilt.keys()].sort((a, b) => b - a)) {
    evaluations[i] = evaluateItem(nextItems[i], plan, settings.rules, prev.pack);
    const v = replaceItemFindings(validation, plan, items, i, prev.plan, prev.evaluations[i], nextItems[i], evaluations[i], settings.rules);
    if (!v) return undefined;
    validation = v;
  }
  const summary = summarise(plan, { evaluations });
  const findings = sortFindings([...parts.head, ...validation, ...nonFiniteFindings(plan, summary)]);
  const analysis: Analysis = { ...kept, reads: [read], read, plan, evaluations, findings, summary };
  findingParts.set(analysis, { head: parts.head, validation });
  readTraces.set(read, { ...trace, walks, ctx: { ...trace.ctx, wb: data } });
  return analysis;
}

/**
 * Two stores read the same way: the same settings, problems and entries but for which sheets the
 * add-in owns (its summary, its 内訳), and the same sheets imported from other files (those are
 * left out of this workbook's data). The store's sheet and format may be new (the first write made
 * them): analysis reads neither, only what they hold.
 */
function sameForReading(a: SettingsStore, b: SettingsStore): boolean {
  const { ownedSheets: _a, ...sa } = a.settings;
  const { ownedSheets: _b, ...sb } = b.settings;
  const { ownedSheets: _ea, ...ea } = a.entries;
  const { ownedSheets: _eb, ...eb } = b.entries;
  return a.legacy === b.legacy && same(sa, sb) && same(ea, eb) && same(a.problems, b.problems) && same(importedSheets(a), importedSheets(b));
}

function filled(s: SheetGrid, r: number, c: number): boolean {
  const v = s.values[r]?.[c];
  return v !== null && v !== undefined && v !== '';
}

const rowIndex = new WeakMap<SheetWalk, Map<number, { tw: TableWalk; ir: ItemRow }>>();

/** Item rows of a walk by their own (first) row. */
function itemRows(walk: SheetWalk): Map<number, { tw: TableWalk; ir: ItemRow }> {
  let m = rowIndex.get(walk);
  if (!m) {
    m = new Map();
    for (const tw of walk.tables) for (const ir of tw.items) m.set(ir.row.row, { tw, ir });
    rowIndex.set(walk, m);
  }
  return m;
}

/** Every header band the walk met, and the first table detection finds, read the same from the new cells; the sheet's start sections too. */
function sameStructure(trace: ReadTrace, walk: SheetWalk, pv: SheetView, nv: SheetView): boolean {
  for (const t of trace.tables) if (!same(findTable(pv, t.labels), findTable(nv, t.labels))) return false;
  for (const tw of walk.tables) {
    const t = trace.tables[tw.specIndex];
    if (!same(bandAt(pv, t.labels, tw.headerRows[0]), bandAt(nv, t.labels, tw.headerRows[0]))) return false;
  }
  if (trace.start && !same(trace.start(pv), trace.start(nv))) return false;
  return true;
}

/** Whether any of the layout's tables starts a header at row r (what the walk asks of a row of labels). */
function headerAt(trace: ReadTrace, view: SheetView, r: number) {
  return trace.tables.map((t) => {
    const band = bandAt(view, t.labels, r);
    return band && hasRequired(band, t.spec.required, t.spec.oneOf) ? band : undefined;
  });
}

/**
 * Row r was an item of table `tw`; it still is one, with the sections and carried cells it had, and
 * the rows around it are read as before: its name cell untouched and filled; at least three cells
 * (one or two may be a heading); not a header, nor the lower row of a header above it; the layout's
 * row hook says nothing of it and the same of its neighbours; the edited columns are the table's
 * own, unmerged, formula-free, and not ones whose text shapes other rows or items.
 */
function rowStaysItem(trace: ReadTrace, tw: TableWalk, pv: SheetView, nv: SheetView, r: number, cols: number[]): boolean {
  const spec = trace.tables[tw.specIndex].spec;
  const nameCol = tw.table.columns.find((c) => c.field === 'name');
  if (!nameCol || pv.text(r, nameCol.col) === '' || pv.isMergeFollower(r, nameCol.col)) return false;
  const free = pv.firstFreeColumn(tw.headerRows);
  // A rating column named by its header leaves none to be found by values.
  const promotes = spec.partial && !bandAt(pv, trace.tables[tw.specIndex].labels, tw.headerRows[0])?.found.has('rating');
  for (const col of cols) {
    const column = tw.table.columns.find((c) => c.col === col);
    if (!column || col >= free) return false;
    if (NEVER_LOCAL.includes(column.field as DataField) || spec.carryDown.includes(column.field as DataField)) return false;
    if (promotes && PROMOTABLE.has(column.field)) return false;
    if (spec.partial && mayBeLoneEffect(column)) return false;
    if (pv.merge(r, col) || pv.formula(r, col) !== null || nv.formula(r, col) !== null) return false;
  }
  const cells = nv.rowCells(r);
  if (cells.length < 2 || (cells.length === 2 && spec.headings.rules.length > 0)) return false;
  if (spec.minCells > 1 && nv.rowTexts(r).length < spec.minCells) return false;
  if (headerAt(trace, nv, r).some((b) => b)) return false;
  const maxRows = Math.max(...trace.tables.map((t) => t.spec.header.maxRows));
  for (let h = Math.max(0, r - maxRows + 1); h < r; h++) if (!same(headerAt(trace, pv, h), headerAt(trace, nv, h))) return false;
  if (trace.row) {
    for (let x = Math.max(0, r - 2); x <= r + 2; x++) {
      // The walk asks the hook only of rows that show something.
      if (pv.rowCells(x).length === 0 && nv.rowCells(x).length === 0) continue;
      const a = trace.row(pv, x, pv.rowCells(x));
      const b = trace.row(nv, x, nv.rowCells(x));
      if ((x === r && (a !== undefined || b !== undefined)) || !same(a, b)) return false;
    }
  }
  return true;
}

/**
 * The item of row `ir` built again by the read's own code from the old cells and from the new: the
 * old must equal the item the full read made (else something beyond the row shaped it), and the
 * two must agree on all that places the item among the others (its number, flags, policy, group,
 * source) and on the findings the layout's hook made. A hook that keeps state across items
 * (numbering within groups) cannot be run for one item alone: touching its state is a refusal.
 */
function rebuild(
  trace: ReadTrace,
  tw: TableWalk,
  ir: ItemRow,
  pv: SheetView,
  nv: SheetView,
  prevData: WorkbookGrid,
  nextData: WorkbookGrid,
  items: Item[],
): { index: number; item: Item } | undefined {
  const on = (view: SheetView): ItemRow => ({ ...ir, row: new RowView(view, ir.row.row, ir.row.table), more: ir.more.map((m) => new RowView(view, m.row, m.table)) });
  const run = (view: SheetView, wb: WorkbookGrid) => {
    const state = watchedState();
    const ctx = { ...trace.ctx, wb, findings: [] as Finding[], state: state.map };
    const item = trace.itemOf(on(view), tw, ctx);
    return state.touched() ? undefined : item && { item, findings: ctx.findings };
  };
  const before = run(pv, prevData);
  const after = run(nv, nextData);
  if (!before || !after) return undefined;
  const index = items.findIndex((it) => it.source.sheet === pv.name && it.source.row === ir.row.row);
  if (index < 0) return undefined;
  const old = items[index];
  if (items.some((it, i) => i !== index && it.id === old.id)) return undefined;
  if (before.item.id !== after.item.id || !same({ ...before.item, id: old.id }, old)) return undefined;
  const placed = (it: Item) => [it.flags, it.policyKey, it.policyName, it.groupKey, it.groupName, it.source];
  if (!same(placed(before.item), placed(after.item)) || !same(before.findings, after.findings)) return undefined;
  return { index, item: { ...after.item, id: old.id } };
}

/** A hook's state map that tells whether it was used at all. */
function watchedState(): { map: Map<string, unknown>; touched: () => boolean } {
  let touched = false;
  const map = new Proxy(new Map<string, unknown>(), {
    get(target, p) {
      touched = true;
      const v = Reflect.get(target, p, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  return { map, touched: () => touched };
}

/**
 * Validation's list with item i's findings replaced. Validation goes item by item in plan order,
 * each item's findings carrying its id, then VLD016 (one per sheet, said of the sheet's first
 * item without a rating place); the item's part is found by its id (no other item has it) and
 * checked to be what validating the old item alone gives, and VLD016 must not change.
 */
function replaceItemFindings(
  validation: Finding[],
  plan: Plan,
  items: Item[],
  i: number,
  prevPlan: Plan,
  oldEv: Evaluation,
  item: Item,
  ev: Evaluation,
  rules: Analysis['settings']['rules'],
): Finding[] | undefined {
  const alone = (p: Plan, it: Item, e: Evaluation) => validatePlan({ ...p, items: [it] }, [e], rules);
  const oldAll = alone(prevPlan, items[i], oldEv);
  const newAll = alone(plan, item, ev);
  const said = (fs: Finding[]) => fs.some((f) => f.code === 'VLD016');
  if (said(oldAll) !== said(newAll)) return undefined;
  const oldOwn = oldAll.filter((f) => f.code !== 'VLD016');
  const newOwn = newAll.filter((f) => f.code !== 'VLD016');
  if ([...oldOwn, ...newOwn].some((f) => f.itemId !== items[i].id)) return undefined;
  const id = items[i].id;
  let start = validation.findIndex((f) => f.itemId === id);
  let end = start;
  if (start >= 0) {
    while (end < validation.length && validation[end].itemId === id) end++;
    if (validation.slice(end).some((f) => f.itemId === id)) return undefined;
  } else {
    // No findings before: they go after those of the items above it, before those below.
    const first = new Map<string, number>();
    const last = new Map<string, number>();
    items.forEach((it, k) => {
      if (!first.has(it.id)) first.set(it.id, k);
      last.set(it.id, k);
    });
    start = validation.findIndex((f) => f.itemId === undefined || (first.get(f.itemId) ?? -1) > i);
    if (start < 0) start = validation.length;
    const before = validation[start - 1];
    if (before && (before.itemId === undefined || (last.get(before.itemId) ?? Infinity) > i)) return undefined;
    end = start;
  }
  if (!same(validation.slice(start, end), oldOwn)) return undefined;
  return [...validation.slice(0, start), ...newOwn, ...validation.slice(end)];
}

/**
 * Structural equality of what readers and analyses make: plain objects (a key holding undefined
 * counts as absent), arrays, Maps, Sets, and class instances by their own fields; functions by
 * identity.
 */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return typeof a === 'number' && Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  if (a instanceof Map) {
    if (!(b instanceof Map) || a.size !== b.size) return false;
    for (const [k, v] of a) if (!b.has(k) || !same(v, b.get(k))) return false;
    return true;
  }
  if (a instanceof Set) {
    if (!(b instanceof Set) || a.size !== b.size) return false;
    for (const v of a) if (!b.has(v)) return false;
    return true;
  }
  if (a instanceof RegExp) return b instanceof RegExp && String(a) === String(b);
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}
