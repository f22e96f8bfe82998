import { headerKey, type SheetView } from '../../grid/sheet-view';
import { MULTI_FIELDS, type Field } from '../../model/fields';
import { ownedFieldOfHeader, parseProgressHeader } from '../owned';
import { headerMoneyUnit, headerYear, isLegend, isYearOnly, strippedKey, type LabelMatcher } from './labels';
import type { DataField } from './spec';
import { normalizeWidth } from '../../values';

/**
 * Finds a table by its header text: the band of one to four rows holding its labels (spanning
 * labels above, leaves below), and which column holds which field. One implementation for every
 * layout; the labels come from the layout's spec.
 */

export interface TableColumn {
  col: number;
  field: Field;
  /** The header as shown: the leaf, prefixed by the group above when that is what names it. */
  label: string;
  /** 1 for an exact label, less for a partial one, 0 for a column nothing names. */
  strength: number;
  /** Fiscal year the header names (its own, or the group's above it). */
  fy?: number;
  /** The group header above the leaf, when the band has more than one row. */
  group?: string;
  /** Key in TableAnchor.owned when the add-in wrote (or recognises) this column: ratio, actual:2026 … */
  owned?: string;
  /** While mapping: the progress column was named by its year's group above it. */
  stacked?: boolean;
  /** Money unit the header states (効果額（円） → 円). */
  unit?: string;
  /** Headed by a year alone (2021年度 (R3)): a schedule column, or a yearly target. */
  yearOnly?: boolean;
  /** A class column's axis (基本姿勢): field is 'ignore', the text goes to `classes[axis]`. */
  axis?: string;
}

export interface TableMatch {
  sheet: string;
  /** 0-based header rows, top first. */
  headerRows: number[];
  columns: TableColumn[];
  /** Strongest match per field. */
  found: Map<DataField, number>;
  /**
   * Same field in two columns with nothing (no year) to tell them apart: the first is read; or, for an
   * effect amount split into parts under its header (歳入 | 歳出), `split`: their sum is.
   */
  ambiguous: { field: DataField; cols: number[]; split?: boolean }[];
  /** A rating given in stages (自己評価 | 最終評価): the final one is read, the columns before it are not (LAY025). */
  superseded?: { field: DataField; kept: number; cols: number[] }[];
  /** Rightmost column of the header band. */
  lastCol: number;
  /** A row of units under the labels ((単位) | (千円)), the last of headerRows. */
  unitsRow?: number;
  /** The column that splits each item into a plan row and a result row (区分: 目標 / 実績), when one does (role-rows.ts). */
  roles?: number;
}

const MAX_EXTRA_ROW_SHARE = 0.5;

/** The most rows a header spans, however its cells are merged. */
const MAX_HEADER_ROWS = 4;

/** Label cells in a row: cells naming a field, a spanning label, a year alone, or an owned column. */
function labelCount(view: SheetView, m: LabelMatcher, row: number): { labels: number; cells: number } {
  const cells = view.rowCells(row);
  let labels = 0;
  for (const c of cells) if (isLabel(m, c.text)) labels++;
  return { labels, cells: cells.length };
}

function isLabel(m: LabelMatcher, text: string): boolean {
  return m.match(text) !== undefined || m.isSpanning(text) || isYearOnly(text) || ownedFieldOfHeader(text) !== undefined || parseProgressHeader(text) !== undefined;
}

/**
 * The header band starting at `top`, if the row holds enough labels: extended down over the rows
 * that are mostly labels themselves (a merged header prints its leaves on the second and third rows).
 */
export function bandAt(view: SheetView, m: LabelMatcher, top: number): TableMatch | undefined {
  const spec = m.spec;
  const first = labelCount(view, m, top);
  if (first.labels < spec.header.minLabels) return undefined;
  const rows = [top];
  let nameCol = nameColumnIn(view, m, top);
  // The name's header cell merged down over a row makes that row part of the header, past maxRows
  // (令和6年度 > 財政効果額 > 見込 | 実績 beside 取組名 merged over all three).
  const nameMerge = nameCol !== undefined ? view.merge(top, nameCol) : undefined;
  const mergedTo = nameMerge && nameMerge.top === top ? nameMerge.bottom : top;
  while ((rows.length < spec.header.maxRows || top + rows.length <= mergedTo) && rows.length < MAX_HEADER_ROWS && top + rows.length < view.rowCount) {
    const r = top + rows.length;
    const next = labelCount(view, m, r);
    if (next.cells === 0 || next.labels === 0 || next.labels / next.cells < MAX_EXTRA_ROW_SHARE) break;
    if (isHeadingRow(view, top, r)) break;
    // Past maxRows only for the merge: a units row there is the units row (withUnitsRow), not labels.
    if (rows.length >= spec.header.maxRows && unitsRowBelow(view, r - 1, nameCol) === r) break;
    // Below the name's label only data follows: a text of its own there is the first item, whatever words it holds.
    if (nameCol !== undefined && view.text(r, nameCol) !== '' && !view.isMergeFollower(r, nameCol)) break;
    rows.push(r);
    nameCol ??= nameColumnIn(view, m, r);
  }
  return withUnitsRow(view, mapColumns(view, m, rows), nameCol);
}

/** The band with the units row under it, if there is one: part of the header, and the amount columns' unit. */
function withUnitsRow(view: SheetView, band: TableMatch, nameCol: number | undefined): TableMatch {
  const units = unitsRowBelow(view, band.headerRows[band.headerRows.length - 1], nameCol);
  if (units === undefined) return band;
  band.headerRows = [...band.headerRows, units];
  band.unitsRow = units;
  for (const c of band.columns) {
    if (c.unit !== undefined || (c.field !== 'effectPlanned' && c.field !== 'effectActual')) continue;
    const unit = /百万円|千円|万円|億円|円/.exec(view.text(units, c.col))?.[0];
    if (unit !== undefined) c.unit = unit;
  }
  return band;
}

/** What a cell of a units row holds: a unit alone, bracketed or not (（千円）, 単位：件, %, 人). */
const UNIT_ONLY = /^[(（［[]?\s*(?:単位\s*[:：]?\s*)?(?:千円|円|百万円|億円|万円|%|％|件|人|回|時間|日|分|施設|事業|枚|千枚|か所|箇所|団体|台|t|kg|km|㎡|m2)?\s*[)）］\]]?$/;

/**
 * The row right under a header that gives each column's unit ((単位) | (千円) | (%)): part of the
 * header, never an item, and the unit of the amount columns above it.
 */
function unitsRowBelow(view: SheetView, last: number, nameCol: number | undefined): number | undefined {
  const r = last + 1;
  if (r >= view.rowCount) return undefined;
  if (nameCol !== undefined && view.text(r, nameCol) !== '' && !view.isMergeFollower(r, nameCol)) return undefined;
  // A legend beside the table (「B：概ね達成」) runs on down past the header: not the table's.
  const cells = view.rowCells(r).filter((c) => !view.isMergeFollower(r, c.col) && !isLegend(c.text));
  if (cells.length === 0 || !cells.every((c) => UNIT_ONLY.test(normalizeWidth(c.text).trim()))) return undefined;
  return cells.some((c) => /[^\s()（）［\][単位:：]/.test(c.text)) ? r : undefined;
}

/**
 * A row of one text under the header (「基本方針１ 持続可能な財政運営」, merged across the table or
 * in its first column) starts the first block of items: a heading row, not a lower header row,
 * even when its words name a field. A lower header row has a leaf under each group it splits.
 */
function isHeadingRow(view: SheetView, top: number, r: number): boolean {
  const cells = view.rowCells(r);
  if (cells.length !== 1) return false;
  const c = cells[0];
  const merge = view.merge(r, c.col);
  if (merge && merge.top < r) return false; // a header cell merged down into this row
  const head = view.rowCells(top);
  if (head.length < 2) return false;
  const left = head[0].col;
  const right = head[head.length - 1].col;
  const spans = merge ? merge.right - merge.left + 1 : 1;
  return c.col <= left || spans * 2 >= right - left + 1;
}

function nameColumnIn(view: SheetView, m: LabelMatcher, r: number): number | undefined {
  return view.rowCells(r).find((c) => m.match(c.text)?.field === 'name')?.col;
}

/** The header band of a saved layout: its last row is fixed, the rows above it that hold labels join it. */
export function bandEndingAt(view: SheetView, m: LabelMatcher, last: number): TableMatch | undefined {
  if (last < 0 || last >= view.rowCount) return undefined;
  const rows = [last];
  while (rows.length < m.spec.header.maxRows && rows[0] > 0) {
    const above = labelCount(view, m, rows[0] - 1);
    if (above.labels === 0) break;
    rows.unshift(rows[0] - 1);
  }
  const band = mapColumns(view, m, rows);
  return withUnitsRow(view, band, band.columns.find((c) => c.field === 'name')?.col);
}

/** The first header band in the rows searched whose fields include every required one. */
export function findTable(view: SheetView, m: LabelMatcher, from = 0): TableMatch | undefined {
  const spec = m.spec;
  if (spec.header.row !== undefined) return bandEndingAt(view, m, spec.header.row - 1);
  const last = Math.min(view.rowCount, from + spec.header.search);
  for (let r = from; r < last; r++) {
    const band = bandAt(view, m, r);
    if (band && hasRequired(band, spec.required, spec.oneOf)) return band;
  }
  return undefined;
}

export function hasRequired(t: TableMatch, required: DataField[], oneOf: DataField[][]): boolean {
  return required.every((f) => t.found.has(f)) && oneOf.every((group) => group.some((f) => t.found.has(f)));
}

function mapColumns(view: SheetView, m: LabelMatcher, rows: number[]): TableMatch {
  const cols = new Set<number>();
  for (const r of rows) {
    for (const c of view.rowCells(r)) {
      const merge = view.merge(r, c.col);
      for (let x = c.col; x <= (merge ? merge.right : c.col); x++) cols.add(x);
    }
  }
  const columns: TableColumn[] = [];
  for (const c of [...cols].sort((a, b) => a - b)) {
    const column = mapColumn(view, m, rows, c);
    if (column) columns.push(column);
  }
  // A year's group that also holds other columns (令和6年度 / 目標 実績 自己評価) is the city's own results table, not progress columns.
  for (const c of columns) {
    if (!c.stacked) continue;
    if (columns.some((x) => x.group === c.group && !x.owned)) delete c.owned;
    delete c.stacked;
  }
  // A synonym table (no configuration) takes the lowest level it finds as the items: a list whose
  // items are headed 改革項目 or 推進項目 has no column for a second level.
  if (m.spec.partial && !columns.some((c) => c.field === 'name')) {
    const group = columns.find((c) => c.field === 'group');
    if (group) group.field = 'name';
  }
  applyTableUnit(view, rows[0], columns);
  const superseded = supersedeStages(columns);
  const found = new Map<DataField, number>();
  for (const c of columns) if (c.field !== 'ignore') found.set(c.field as DataField, Math.max(found.get(c.field as DataField) ?? 0, c.strength));
  return {
    sheet: view.name,
    headerRows: rows,
    columns,
    found,
    ambiguous: findAmbiguous(columns),
    ...(superseded.length ? { superseded } : {}),
    lastCol: columns.length ? columns[columns.length - 1].col : 0,
  };
}

/** A rating by the department first (自己評価, 一次評価, 所管課評価) … */
const FIRST_STAGE = /自己|一次|1次|所管課|所管部|担当課|担当部|内部/;
/** … and the one that decides (最終評価, 二次評価, 推進本部評価, 総合評価). */
const FINAL_STAGE = /最終|二次|2次|本部|委員会|確定|総合/;

/**
 * Where a year's rating is in two or more stages, the final one is the rating the plan reports: the
 * earlier stages are not read (LAY025 names them), instead of the leftmost being read (LAY007).
 */
function supersedeStages(columns: TableColumn[]): NonNullable<TableMatch['superseded']> {
  const out: NonNullable<TableMatch['superseded']> = [];
  const byYear = new Map<number | undefined, TableColumn[]>();
  for (const c of columns) if (c.field === 'rating') byYear.set(c.fy, [...(byYear.get(c.fy) ?? []), c]);
  for (const cs of byYear.values()) {
    if (cs.length < 2) continue;
    const final = cs.filter((c) => FINAL_STAGE.test(c.label) && !FIRST_STAGE.test(c.label));
    const first = cs.filter((c) => !final.includes(c));
    if (final.length !== 1 || !first.every((c) => FIRST_STAGE.test(c.label))) continue;
    for (const c of first) {
      c.field = 'ignore';
      c.strength = 0;
    }
    out.push({ field: 'rating', kept: final[0].col, cols: first.map((c) => c.col) });
  }
  return out;
}

/** Rows searched for the table's unit note above its header (and below its last row, one more for a blank row between). */
const UNIT_NOTE_ROWS = 3;

/**
 * 「単位：百万円」 or 「（単位：千円）」 written above the table (beside the title, or on a row of its
 * own) states the unit of every amount column whose header states none.
 */
export function applyTableUnit(view: SheetView, top: number, columns: TableColumn[]): void {
  const rows: number[] = [];
  for (let r = top - 1; r >= Math.max(0, top - UNIT_NOTE_ROWS); r--) rows.push(r);
  applyUnitNote(view, rows, columns);
}

/** The first of these rows that states a money unit gives it to the amount columns whose header states none; `word`, when given, must be in the note. */
function applyUnitNote(view: SheetView, rows: number[], columns: TableColumn[], word?: string): void {
  const effects = columns.filter((c) => (c.field === 'effectPlanned' || c.field === 'effectActual') && !c.unit);
  if (!effects.length) return;
  for (const r of rows) {
    const unit = view.rowCells(r).filter((c) => word === undefined || c.text.includes(word)).map((c) => headerMoneyUnit(c.text)).find((u) => u !== undefined);
    if (unit === undefined) continue;
    for (const c of effects) c.unit = unit;
    return;
  }
}

/**
 * A unit note under the table (「※金額の単位は百万円」, 「（単位：百万円）」 below the last row) states
 * the unit of the amount columns when neither their headers nor a note above the table did.
 */
export function applyUnitBelow(view: SheetView, lastRow: number, columns: TableColumn[]): void {
  const rows: number[] = [];
  for (let r = lastRow + 1; r <= Math.min(view.rowCount - 1, lastRow + UNIT_NOTE_ROWS + 1); r++) rows.push(r);
  applyUnitNote(view, rows, columns, '単位');
}

/**
 * A grid that came without its merges (Excel 2016/2019, ExcelApi 1.7, has no getMergedAreas): a
 * spanning label (令和5年度 over 目標 / 実績 / 評価) sits in its first column only. A blank cell of
 * an upper header row takes the label to its left when every column from that label to this one
 * has a lower label, i.e. the label spans a group of leaves rather than being a leaf of its own.
 */
function spanWithoutMerges(view: SheetView, rows: number[], r: number, col: number): string {
  if (view.grid.merges.length > 0 || r === rows[rows.length - 1]) return '';
  const below = rows.filter((x) => x > r);
  const hasLeaf = (c: number) => below.some((x) => view.text(x, c) !== '');
  for (let c = col; c >= 0; c--) {
    if (!hasLeaf(c)) return '';
    const t = view.text(r, c);
    if (t !== '') return t;
  }
  return '';
}

/** A header that says its figures are last year's (前年度, 昨年度), not a comparison with it (前年度比). */
const LAST_YEAR = /^(?:前年度|昨年度|前年|前回)(?!比|対比|との)/;
const LAST_YEAR_FIELDS: Field[] = ['actual', 'effectActual', 'effectPlanned', 'rating', 'status', 'target'];

function mapColumn(view: SheetView, m: LabelMatcher, rows: number[], col: number): TableColumn | undefined {
  // Top to bottom, a vertical merge counted once.
  const path: string[] = [];
  for (const r of rows) {
    const t = view.text(r, col) || spanWithoutMerges(view, rows, r, col);
    if (t !== '' && path[path.length - 1] !== t) path.push(t);
  }
  if (path.length === 0) return undefined;
  const leaf = path[path.length - 1];
  const above = path.slice(0, -1);
  const group = above.length ? above[above.length - 1] : undefined;
  const fy = headerYear(leaf) ?? [...above].reverse().map(headerYear).find((y) => y !== undefined);
  const unit = headerMoneyUnit(leaf) ?? [...above].reverse().map(headerMoneyUnit).find((u) => u !== undefined);
  const base = { col, ...(group !== undefined ? { group } : {}), ...(fy !== undefined ? { fy } : {}), ...(unit ? { unit } : {}) };

  // The add-in's own computed column is never staff data.
  const ownedField = path.map(ownedFieldOfHeader).find((f) => f !== undefined);
  if (ownedField) return { ...base, label: leaf, field: 'ignore', strength: 0, owned: ownedField };

  // The group and leaf together name a field more surely than the leaf alone (財政効果額 + 実績 is
  // the actual effect, not the KPI's actual); a weaker match of either gives way to a stronger one.
  let hit = m.match(leaf);
  let label = leaf;
  for (let i = above.length - 1; i >= 0; i--) {
    const joined = m.match(`${above[i]}${leaf}`);
    const adds = strippedKey(`${above[i]}${leaf}`) !== strippedKey(leaf);
    if (joined && (!hit || joined.strength > hit.strength || (adds && joined.strength === hit.strength))) {
      hit = joined;
      label = `${above[i]} ${leaf}`;
      break;
    }
  }
  // A progress column the add-in (or staff in its wording) added: 令和8年度 実績, R5取組状況.
  // Under a year's group (令和3年度 / 実績 評価 取組状況) only when the group holds nothing else (mapColumns checks).
  const own = parseProgressHeader(leaf);
  const stacked = own ? undefined : [...above].reverse().map((a) => parseProgressHeader(`${a} ${leaf}`)).find((p) => p !== undefined);
  const progress = own ?? stacked;
  const owned = progress ? { owned: `${progress.field}:${progress.fy}`, ...(stacked ? { stacked: true } : {}) } : {};
  if (!hit && progress) return { ...base, label: leaf, field: progress.field, strength: 1, fy: progress.fy, ...owned };
  if (!hit) {
    // A word that names a field only under its group's header (計画 under 財政効果額).
    const leafKey = strippedKey(leaf);
    for (const ctx of m.spec.context) {
      if (!leafKey || !above.some((a) => ctx.over.some((o) => headerKey(a).includes(headerKey(o))))) continue;
      const named = (Object.entries(ctx.labels) as [DataField, string[]][]).find(([, words]) => words.some((w) => strippedKey(w) === leafKey));
      if (named) return { ...base, label: `${group} ${leaf}`, field: named[0], strength: 1 };
    }
    if (isYearOnly(leaf)) return { ...base, label: leaf, field: m.spec.yearColumns === 'none' ? 'ignore' : 'schedule', strength: 0, yearOnly: true };
    return { ...base, label: leaf, field: 'ignore', strength: 0 };
  }
  if (hit.field === 'ignore') return { ...base, label, field: 'ignore', strength: hit.strength, ...(hit.axis ? { axis: hit.axis } : {}) };
  let field: DataField = hit.field;
  for (const ctx of m.spec.context) {
    const over = ctx.over.map(headerKey);
    if (!above.some((a) => over.some((o) => headerKey(a).includes(o)))) continue;
    const to = ctx.map[field];
    if (to) {
      field = to;
      label = `${group} ${leaf}`;
    }
  }
  // Last year's figures kept beside this year's (前年度実績効果額, 昨年度 評価) are not the year reported.
  if (fy === undefined && !progress && LAST_YEAR_FIELDS.includes(field) && path.some((p) => LAST_YEAR.test(p.trim()))) return { ...base, label, field: 'ignore', strength: hit.strength };
  return { ...base, label, field, strength: hit.strength, ...(progress ? { fy: progress.fy } : {}), ...owned };
}

/** Same field in two columns with nothing (no year) to tell which one to read. */
function findAmbiguous(columns: TableColumn[]): { field: DataField; cols: number[] }[] {
  const byKey = new Map<string, TableColumn[]>();
  for (const c of columns) {
    if (MULTI_FIELDS.includes(c.field) || c.field === 'schedule') continue;
    const k = `${c.field}|${c.fy ?? ''}`;
    byKey.set(k, [...(byKey.get(k) ?? []), c]);
  }
  return [...byKey.values()]
    .filter((cs) => cs.length > 1)
    .map((cs) => ({ field: cs[0].field as DataField, cols: cs.map((c) => c.col), ...(isSplit(cs) ? { split: true } : {}) }));
}

/** The parts an amount is split into under its header: revenue and spending, the accounts, the sources of funds. */
const PART = /歳入|歳出|一般会計|特別会計|企業会計|一般財源|特定財源|その他/;

/** Columns of one effect amount under one header, each a different part of it (効果見込額 → 歳入 | 歳出). */
function isSplit(cs: TableColumn[]): boolean {
  if (cs[0].field !== 'effectPlanned' && cs[0].field !== 'effectActual') return false;
  const parts = cs.map((c) => (c.group && c.label.startsWith(c.group) ? c.label.slice(c.group.length) : c.label).match(PART)?.[0]);
  return parts.every((p) => p !== undefined) && new Set(parts).size === parts.length && new Set(cs.map((c) => c.group ?? '')).size === 1;
}

/** Whether a row with a name follows the header within a few rows (a header alone is a title block). */
export function hasDataBelow(view: SheetView, headerLast: number, nameCol: number, lookahead = 6): boolean {
  for (let r = headerLast + 1; r < Math.min(view.rowCount, headerLast + 1 + lookahead); r++) if (view.text(r, nameCol)) return true;
  return false;
}
