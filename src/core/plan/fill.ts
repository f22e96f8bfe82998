import { fromA1, toA1 } from '../grid/a1';
import { cellAt, isBlank } from '../grid/lookup';
import type { CellValue, WorkbookGrid } from '../grid/types';
import type { Analysis } from '../engine/analyse';
import { OWNED_RATIO_HEADER } from '../layouts/owned';
import type { Item } from '../model/plan';
import type { Evaluation } from '../rules/evaluation';
import { packRef } from '../rules/packs';
import { ownsColumn, recordOwnedColumns } from '../settings/ownership';
import type { SuggestedCell } from '../settings/schema';
import type { SettingsChange } from '../settings/update';
import { DEFAULT_SCALE, type Scale } from '../values/scales';
import type { CellWrite, WritePlan } from './write-plan';

export interface FillOptions {
  ratings?: boolean;
  ratios?: boolean;
  subtotals?: boolean;
  /** Language of the cell notes on suggested ratings (the department reads them). */
  lang?: 'ja' | 'en';
}

/** A rating the add-in suggests and writes into a blank cell: the department confirms or changes it. */
export interface Suggestion {
  itemId: string;
  itemName: string;
  sheet: string;
  address: string;
  rating: string;
  reason: { ja: string; en: string };
}

export interface FillPreview {
  ratings: number;
  ratios: number;
  subtotals: number;
  headers: number;
  /** The ratings this fill writes, each to be confirmed by the department. */
  suggestions: Suggestion[];
  /** Items where staff entered a rating that differs from the suggestion (never changed, only listed). */
  disagreements: Evaluation[];
  /** Target cells holding a formula: never written, whatever the formula's result shows (even blank). */
  formulaCells: { sheet: string; address: string; formula: string; itemId?: string }[];
}

/**
 * Plans the `fill` job: suggested ratings into blank rating cells, achievement ratios into the
 * add-in's own 達成率 column, blank 〔小計〕 cells. Every write states the value it expects, so a
 * cell typed by staff (or by a co-author since the read) is never overwritten.
 */
export function planFill(wb: WorkbookGrid, a: Analysis, opts: FillOptions = {}): { plan: WritePlan; preview: FillPreview } {
  const doRatings = opts.ratings ?? true;
  const doRatios = opts.ratios ?? true;
  const doSubtotals = opts.subtotals ?? true;
  const writes: CellWrite[] = [];
  const preview: FillPreview = { ratings: 0, ratios: 0, subtotals: 0, headers: 0, suggestions: [], disagreements: [], formulaCells: [] };
  const hasFormula = (sheet: string, address: string, itemId?: string): boolean => {
    const formula = formulaAt(wb, sheet, address);
    if (formula) preview.formulaCells.push({ sheet, address, formula, ...(itemId ? { itemId } : {}) });
    return formula !== null;
  };
  const items = new Map(a.plan.items.map((i) => [i.id, i]));
  const previous = new Map(a.settings.suggested.map((s) => [`${s.sheet}!${s.address}`, s]));
  const suggested: SuggestedCell[] = [];
  const noLongerOurs: SuggestedCell[] = [];
  const ownedColumns: { sheet: string; field: string; header: string }[] = [];
  const labelStyle = ratingLabelStyle(a.plan.items, a.plan.scale ?? DEFAULT_SCALE);

  for (const ev of a.evaluations) {
    const item = items.get(ev.itemId);
    if (!item?.ratingCell) continue;
    const { sheet, address } = item.ratingCell;
    const current = cellAt(wb, sheet, address);
    const key = `${sheet}!${address}`;
    const ours = previous.get(key);
    const stillOurs = ours !== undefined && !isBlank(current) && String(current) === ours.value;
    if (ours && !stillOurs) noLongerOurs.push(ours); // staff typed over or cleared it: theirs from now on
    if (!isBlank(current) && !stillOurs) {
      if (ev.suggested && ev.entered && ev.suggested !== ev.entered) preview.disagreements.push(ev);
      continue;
    }
    // A formula whose result shows blank (=IF(I7="","",…)) is staff's all the same.
    if (hasFormula(sheet, address, item.id)) continue;
    if (!doRatings || !ev.suggested) continue;
    const value = ratingText(ev.suggested, labelStyle);
    if (stillOurs && String(current) === value) continue;
    suggested.push({ sheet, address, value });
    writes.push({ sheet, address, value, expect: normalizeExpect(current), reason: 'rating', note: suggestionNote(value, ev.reason, opts.lang ?? 'ja') });
    preview.ratings++;
    preview.suggestions.push({ itemId: item.id, itemName: item.name, sheet, address, rating: value, reason: ev.reason });
  }

  if (doRatios) {
    const byItem = new Map(a.evaluations.map((e) => [e.itemId, e]));
    for (const t of a.read.tables) {
      const rowsWithItems = Object.entries(t.rowOfItem);
      if (rowsWithItems.length === 0) continue;
      // A column headed like ours is ours only if the settings recorded it on this sheet.
      const ownedCol = t.owned.ratio !== undefined && ownsColumn(a.store, t.sheet, 'ratio') ? t.owned.ratio : undefined;
      const col = ownedCol ?? t.nextFreeCol;
      const cells: CellWrite[] = [];
      let values = 0;
      for (const [id, row] of rowsWithItems) {
        const ev = byItem.get(id);
        const addr = toA1(row, col);
        const now = cellAt(wb, t.sheet, addr);
        if (ownedCol === undefined && !isBlank(now)) continue;
        const value = ev?.ratio !== undefined ? round(ev.ratio / 100, 4) : null;
        if (value === null && isBlank(now)) continue;
        if (sameNumber(now, value)) continue;
        if (hasFormula(t.sheet, addr, id)) continue;
        cells.push({
          sheet: t.sheet,
          address: addr,
          value,
          numberFormat: '0.0%',
          expect: normalizeExpect(now),
          reason: 'ratio',
          style: { align: 'right', border: true },
        });
        if (value !== null) values++;
      }
      // A new column only where there is a ratio to put in it: a plan table gets no empty header.
      if (ownedCol === undefined) {
        if (values === 0) continue;
        const headerAddr = toA1(t.headerRows[t.headerRows.length - 1], col);
        // The planned spot is taken: never write over staff cells.
        if (!isBlank(cellAt(wb, t.sheet, headerAddr)) || hasFormula(t.sheet, headerAddr)) continue;
        writes.push({
          sheet: t.sheet,
          address: headerAddr,
          value: OWNED_RATIO_HEADER,
          expect: null,
          reason: 'owned-header',
          style: { bold: true, fill: '#DDEBF7', align: 'center', wrap: true, border: true },
        });
        preview.headers++;
        ownedColumns.push({ sheet: t.sheet, field: 'ratio', header: OWNED_RATIO_HEADER });
      }
      writes.push(...cells);
      preview.ratios += values;
    }
  }

  if (doSubtotals) {
    for (const item of a.plan.items) {
      for (const w of subtotalWrites(wb, item)) {
        if (hasFormula(w.sheet, w.address, item.id)) continue;
        writes.push(w);
        preview.subtotals++;
      }
    }
  }

  const settingsChanges: SettingsChange[] = [];
  const identity = ['sheet', 'address'];
  if (suggested.length) settingsChanges.push({ op: 'upsert', key: 'suggested', items: suggested, identity });
  if (noLongerOurs.length) settingsChanges.push({ op: 'drop', key: 'suggested', items: noLongerOurs, identity });
  // The workbook records the rule pack its ratings were suggested with, once: a later pack (the next plan period) never re-rates it.
  if (suggested.length && !a.store.entries.rulePack && a.pack) settingsChanges.push({ op: 'set', key: 'rulePack', value: packRef(a.pack), baseRev: null });
  const columns = recordOwnedColumns(ownedColumns);
  if (columns) settingsChanges.push(columns);
  return {
    plan: { label: 'fill', writes, sheets: [], ...(settingsChanges.length ? { settingsChanges } : {}) },
    preview,
  };
}

/**
 * The note on a suggested rating: says who wrote it, why, and what the department should do. Notes
 * do not print, so the printed record of unconfirmed suggestions is the summary sheet's line
 * (see unconfirmedSuggestions) and the list `fill` prints.
 */
export function suggestionNote(rating: string, reason: { ja: string; en: string }, lang: 'ja' | 'en'): string {
  return lang === 'ja'
    ? `評価の候補「${rating}」（行革進捗アシスタントが実績から計算）。所管課で確認し、違う場合は書き換えてください。書き換えた評価は変更しません。\n理由: ${reason.ja}`
    : `Suggested rating "${rating}", computed from the actual by the reform progress assistant. The department should confirm it or type its own; a rating typed over it is never changed.\nWhy: ${reason.en}`;
}

/**
 * Ratings in the workbook that are still the add-in's suggestion, as written (the settings record
 * each suggested cell; staff typing over one makes it theirs). The summary counts them like any
 * rating and says how many are unconfirmed.
 */
export function unconfirmedSuggestions(wb: WorkbookGrid, a: Pick<Analysis, 'plan' | 'settings'>): { itemId: string; sheet: string; address: string; value: string }[] {
  const out: { itemId: string; sheet: string; address: string; value: string }[] = [];
  if (a.settings.suggested.length === 0) return out;
  const recorded = new Map(a.settings.suggested.map((s) => [`${s.sheet}!${s.address}`, s.value]));
  for (const item of a.plan.items) {
    const cell = item.ratingCell;
    if (!cell || !item.rating) continue;
    const value = recorded.get(`${cell.sheet}!${cell.address}`);
    if (value === undefined) continue;
    const now = cellAt(wb, cell.sheet, cell.address);
    if (!isBlank(now) && String(now) === value) out.push({ itemId: item.id, sheet: cell.sheet, address: cell.address, value });
  }
  return out;
}

/** A blank 〔小計〕 gets the sum of its years; a filled one is staff's and only validated. */
function subtotalWrites(wb: WorkbookGrid, item: Item): CellWrite[] {
  const out: CellWrite[] = [];
  const e = item.effects;
  if (!e) return out;
  for (const kind of ['planned', 'actual'] as const) {
    const ref = item.cells[kind === 'planned' ? 'effectPlannedSubtotal' : 'effectActualSubtotal'];
    if (!ref || !isBlank(cellAt(wb, ref.sheet, ref.address))) continue;
    const nums = e.byYear.map((y) => y[kind]).filter((v) => v?.kind === 'number');
    if (nums.length === 0) continue;
    const sum = nums.reduce((s, v) => s + (v!.kind === 'number' ? v!.value : 0), 0);
    out.push({ sheet: ref.sheet, address: ref.address, value: sum, numberFormat: '#,##0', expect: null, reason: 'subtotal' });
  }
  return out;
}

/** Follow the workbook's own habit: bare letters, or letter plus the city's label wording. */
function ratingLabelStyle(items: Item[], scale: Scale): { labelled: boolean; labels: Map<string, string>; scale: Scale } {
  let withLabel = 0;
  let bare = 0;
  const labels = new Map<string, string>();
  for (const i of items) {
    if (!i.rating || i.rating.notRated) continue;
    if (i.rating.label) {
      withLabel++;
      if (!labels.has(i.rating.symbol)) labels.set(i.rating.symbol, i.rating.raw.trim());
    } else bare++;
  }
  return { labelled: withLabel > bare, labels, scale };
}

function ratingText(symbol: string, style: ReturnType<typeof ratingLabelStyle>): string {
  if (!style.labelled) return symbol;
  const label = style.scale.symbols.find((s) => s.symbol === symbol)?.label.ja;
  return style.labels.get(symbol) ?? (label && label !== symbol ? `${symbol} ${label}` : symbol);
}

function formulaAt(wb: WorkbookGrid, sheet: string, address: string): string | null {
  const s = wb.sheets.find((x) => x.name === sheet);
  if (!s?.formulas) return null;
  const { row, col } = fromA1(address);
  return s.formulas[row]?.[col] ?? null;
}

function normalizeExpect(v: CellValue): string | number | null {
  if (isBlank(v)) return null;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v;
}

function sameNumber(a: CellValue, b: number | null): boolean {
  if (b === null) return isBlank(a);
  return typeof a === 'number' && Math.abs(a - b) < 1e-9;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
