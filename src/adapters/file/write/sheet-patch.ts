import { columnName, rangeFromA1, rangeToA1, toA1 } from '../../../core/grid/a1';
import type { CellValue, Range } from '../../../core/grid/types';
import type { CellWrite } from '../../../core/plan/write-plan';
import { escapeAttr } from '../package/xml';
import type { Bilingual } from '../errors';
import { ProtectedSheetError } from './errors';
import { cellValue } from '../read/cell';
import { inRanges, SheetIndex, type CellAt, type RowAt } from './sheet-index';
import { qualified, splice, startTag, type Edit } from './splice';
import type { SharedStringTable } from './shared-strings';
import type { StyleBook, StyleChange } from './styles';

/** Why a write was not made: the cell (or a guard cell) changed since it was read, holds a formula, or is inside a merge. */
export type SkipReason = 'changed' | 'formula' | 'merged';

export interface Skipped {
  sheet: string;
  address: string;
  found: unknown;
  expected: unknown;
  reason: SkipReason;
}

export interface PatchContext {
  sst: SharedStringTable;
  /** The shared strings as read, to compare what a cell holds with what the plan expects. */
  strings: readonly string[];
  styles: StyleBook;
  date1904: boolean;
}

/** Worksheet children in schema order: new elements must go where Excel expects them. */
export const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges',
  'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting',
  'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks',
  'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF',
  'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
];

/**
 * Applies cell writes to one existing worksheet part. Only the rows written change (and the
 * dimension, and validations when asked); every other character of the part stays. A cell that
 * holds a formula (also inside an array formula), sits inside a merge, or no longer holds what the
 * plan expected is not written, and said so.
 */
export function patchSheet(sheet: string, part: string, xml: string, writes: CellWrite[], ctx: PatchContext): { xml: string; written: CellWrite[]; skipped: Skipped[]; notes: Bilingual[] } {
  const targets = writes.map((w) => ({ w, ...rangeFromA1(w.address) })).sort((a, b) => a.top - b.top || a.left - b.left);
  const guardRows = writes.flatMap((w) => (w.guards ?? []).map((g) => rangeFromA1(g.address).top));
  const ix = new SheetIndex(xml, part, new Set([...targets.map((t) => t.top), ...guardRows]));
  if (ix.protected) throw new ProtectedSheetError(sheet);
  const prefix = ix.sheetData?.prefix ?? ix.root.prefix;
  const q = (l: string) => qualified(prefix, l);
  const rowsByR = new Map<number, RowAt>();
  for (const r of ix.rows) if (!rowsByR.has(r.r)) rowsByR.set(r.r, r);
  const valueAt = (address: string): CellValue => {
    const { top, left } = rangeFromA1(address);
    const c = rowsByR.get(top)?.cells?.find((x) => x.col === left);
    return c ? cellValue(c.t, c.v, c.inline, ctx.strings, ctx.date1904) : null;
  };

  const written: CellWrite[] = [];
  const skipped: Skipped[] = [];
  const notes: Bilingual[] = [];
  const edits: Edit[] = [];
  const newRows = new Map<number, string[]>();
  const opened = new Map<RowAt, string[]>();
  const touchedRows = new Map<RowAt, { min: number; max: number }>();
  const bounds: Range[] = [];
  const lists = new Map<string, { values: string[]; cells: Range[] }>();

  for (const { w, top: row, left: col } of targets) {
    const row0 = rowsByR.get(row);
    const existing = row0?.cells?.find((c) => c.col === col);
    const formula = existing?.formula !== undefined ? '=' + existing.formula : inRanges(ix.arrayRanges, row, col) ? '{array formula}' : undefined;
    if (formula !== undefined) {
      skipped.push({ sheet, address: w.address, found: formula, expected: w.expect, reason: 'formula' });
      continue;
    }
    const merge = inRanges(ix.merges, row, col);
    if (merge && (merge.top !== row || merge.left !== col)) {
      skipped.push({ sheet, address: w.address, found: `merged ${rangeToA1(merge)}`, expected: w.expect, reason: 'merged' });
      continue;
    }
    const found = existing ? cellValue(existing.t, existing.v, existing.inline, ctx.strings, ctx.date1904) : null;
    if (!sameValue(found, w.expect)) {
      skipped.push({ sheet, address: w.address, found, expected: w.expect, reason: 'changed' });
      continue;
    }
    // The item's id and name cells must still be where the plan saw them (a row moved or deleted since).
    const moved = (w.guards ?? []).find((g) => !sameValue(valueAt(g.address), g.expect));
    if (moved) {
      skipped.push({ sheet, address: w.address, found: `${moved.address}: ${String(valueAt(moved.address))}`, expected: `${moved.address}: ${String(moved.expect)}`, reason: 'changed' });
      continue;
    }
    const base = existing?.s ?? rowStyle(row0) ?? ix.colStyles.find((c) => col >= c.min && col <= c.max)?.style ?? 0;
    const change = styleChange(w);
    const s = change ? ctx.styles.derive(base, change) : base;
    if (existing?.t === 's') ctx.sst.references(-1);
    const text = cellXml(q, toA1(row, col), s, w.value, ctx.sst, existing);
    if (existing) {
      edits.push({ start: existing.el.start, end: existing.end, text });
    } else if (row0?.cells) {
      const next = row0.cells.find((c) => c.col > col);
      if (row0.el.selfClosing) {
        // Opened below together with the row's start tag.
        (opened.get(row0) ?? opened.set(row0, []).get(row0)!).push(text);
      } else {
        edits.push({ start: next ? next.el.start : row0.el.closeStart, end: next ? next.el.start : row0.el.closeStart, text });
      }
      if (row0.cells.some((c) => !c.hasR)) for (const c of row0.cells) if (!c.hasR) edits.push(withRef(c, row));
    } else {
      (newRows.get(row) ?? newRows.set(row, []).get(row)!).push(text);
    }
    if (row0?.cells) {
      const t = touchedRows.get(row0) ?? { min: col, max: col };
      t.min = Math.min(t.min, col);
      t.max = Math.max(t.max, col);
      touchedRows.set(row0, t);
    }
    bounds.push({ top: row, left: col, bottom: row, right: col });
    if (w.validationList?.length) {
      const key = w.validationList.join('\u0000');
      const l = lists.get(key) ?? lists.set(key, { values: w.validationList, cells: [] }).get(key)!;
      if (inRanges(ix.validated, row, col)) notes.push({ ja: `${sheet}!${w.address} にはすでに入力規則があるため、そのまま残しました。`, en: `${sheet}!${w.address} already has an input rule; it was kept.` });
      else l.cells.push({ top: row, left: col, bottom: row, right: col });
    }
    written.push(w);
  }

  // Rows that exist: spans widened where present; self-closing rows opened for their new cells.
  for (const [row, t] of touchedRows) {
    const spans = row.el.attr('spans');
    const set: Record<string, string | undefined> = {};
    if (spans && /^\d+:\d+$/.test(spans)) {
      const [a, b] = spans.split(':').map(Number);
      if (t.min + 1 < a || t.max + 1 > b) set.spans = `${Math.min(a, t.min + 1)}:${Math.max(b, t.max + 1)}`;
    }
    if (!row.hasR) set.r = String(row.r + 1);
    const pending = opened.get(row);
    if (pending) {
      edits.push({ start: row.el.start, end: row.el.end, text: `${startTag(row.el, set, false)}${pending.join('')}</${row.el.qname}>` });
    } else if (Object.keys(set).length) {
      edits.push({ start: row.el.start, end: row.el.end, text: startTag(row.el, set) });
    }
  }

  // Rows that do not exist yet go between their neighbours, in order.
  const missing = [...newRows.entries()].sort((a, b) => a[0] - b[0]);
  if (missing.length) {
    const sd = ix.sheetData;
    if (!sd) throw new Error(`${part}: no sheetData`);
    const rowXml = (r: number, cells: string[]) => `<${q('row')} r="${r + 1}">${cells.join('')}</${q('row')}>`;
    if (sd.selfClosing) {
      edits.push({ start: sd.start, end: sd.end, text: `${startTag(sd, {}, false)}${missing.map(([r, c]) => rowXml(r, c)).join('')}</${sd.qname}>` });
    } else {
      for (const [r, cells] of missing) {
        let before: RowAt | undefined;
        for (const x of ix.rows) if (x.r < r) before = x;
        const at = before ? before.el.closeEnd : sd.end;
        edits.push({ start: at, end: at, text: rowXml(r, cells) });
      }
      // Rows without an r attribute are numbered by position; a row put before them would move them.
      for (const x of ix.rows) if (!x.hasR && !touchedRows.has(x)) edits.push({ start: x.el.start, end: x.el.end, text: startTag(x.el, { r: String(x.r + 1) }) });
    }
  }

  if (ix.dimension && bounds.length) {
    const ref = ix.dimension.attr('ref') ?? '';
    const cur = /^[A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?$/.test(ref) ? [rangeFromA1(ref)] : [];
    const u = union([...cur, ...bounds]);
    const next = rangeToA1(u);
    if (next !== ref) edits.push({ start: ix.dimension.start, end: ix.dimension.end, text: startTag(ix.dimension, { ref: next }) });
  }

  const dv = [...lists.values()].filter((l) => l.cells.length);
  if (dv.length) edits.push(...validationEdits(ix, q, dv));

  return { xml: edits.length ? splice(xml, edits) : xml, written, skipped, notes };
}

function rowStyle(row: RowAt | undefined): number | undefined {
  if (!row) return undefined;
  const cf = row.el.attr('customFormat');
  const s = row.el.attr('s');
  return (cf === '1' || cf === 'true') && s !== undefined ? Number(s) : undefined;
}

function withRef(c: CellAt, row: number): Edit {
  return { start: c.el.start, end: c.el.end, text: startTag(c.el, { r: toA1(row, c.col) }) };
}

export function styleChange(w: CellWrite): StyleChange | undefined {
  const c: StyleChange = {};
  if (w.numberFormat) c.numFmt = w.numberFormat;
  // Text that starts like a formula is stored as text; the Text format keeps it so when staff edit it.
  else if (typeof w.value === 'string' && /^[=+\-@]/.test(w.value)) c.numFmt = '@';
  if (w.style?.bold) c.bold = true;
  if (w.style?.fill) c.fill = w.style.fill;
  if (w.style?.align) c.align = w.style.align;
  if (w.style?.wrap) c.wrap = true;
  if (w.style?.border) c.border = true;
  return Object.keys(c).length ? c : undefined;
}

/** A cell element for a written value; an existing cell's other attributes (e.g. ph) are kept. */
export function cellXml(q: (l: string) => string, address: string, s: number, value: string | number | null, sst: SharedStringTable, existing?: CellAt): string {
  let t: string | undefined;
  let inner = '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new NonFiniteWriteError(address, value);
    inner = `<${q('v')}>${String(value)}</${q('v')}>`;
  } else if (typeof value === 'string') {
    t = 's';
    inner = `<${q('v')}>${sst.index(value)}</${q('v')}>`;
    sst.references(1);
  }
  const attrs: Record<string, string | undefined> = { r: address, s: s ? String(s) : existing?.s !== undefined ? String(s) : undefined, t, vm: undefined, cm: undefined };
  const open = existing ? startTag(existing.el, attrs, inner === '') : `<${q('c')} r="${address}"${attrs.s !== undefined ? ` s="${attrs.s}"` : ''}${t ? ` t="${t}"` : ''}${inner === '' ? '/>' : '>'}`;
  return inner === '' ? open : `${open}${inner}</${existing ? existing.el.qname : q('c')}>`;
}

export class NonFiniteWriteError extends Error {
  readonly reason: { ja: string; en: string };
  constructor(
    readonly address: string,
    readonly value: number,
  ) {
    super(`refusing to write ${value} into ${address}`);
    this.reason = {
      ja: `セル ${address} に書き込む値が数値として扱えません(${value})。効果額などの入力値が極端に大きくないか確かめてください。何も書き込んでいません。`,
      en: `The value for cell ${address} is not a finite number (${value}). Check for extremely large inputs such as effect amounts. Nothing was written.`,
    };
  }
}

export function sameValue(found: CellValue, expected: string | number | null): boolean {
  const blank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
  if (blank(expected)) return blank(found);
  if (typeof expected === 'number') return typeof found === 'number' && Math.abs(found - expected) < 1e-9;
  if (typeof found === 'boolean') return (found ? 'TRUE' : 'FALSE') === expected;
  return String(found) === expected;
}

function union(rs: Range[]): Range {
  return rs.reduce((u, r) => ({ top: Math.min(u.top, r.top), left: Math.min(u.left, r.left), bottom: Math.max(u.bottom, r.bottom), right: Math.max(u.right, r.right) }));
}

/** Addresses joined into ranges down each column, so a list on 500 rows is one short sqref. */
export function sqrefOf(cells: Range[]): string {
  const byCol = new Map<number, number[]>();
  for (const c of cells) (byCol.get(c.left) ?? byCol.set(c.left, []).get(c.left)!).push(c.top);
  const parts: string[] = [];
  for (const [col, rows] of [...byCol.entries()].sort((a, b) => a[0] - b[0])) {
    rows.sort((a, b) => a - b);
    let start = rows[0];
    let prev = rows[0];
    for (const r of [...rows.slice(1), -2]) {
      if (r === prev + 1) {
        prev = r;
        continue;
      }
      parts.push(start === prev ? `${columnName(col)}${start + 1}` : `${columnName(col)}${start + 1}:${columnName(col)}${prev + 1}`);
      start = prev = r;
    }
  }
  return parts.join(' ');
}

export function validationXml(q: (l: string) => string, values: string[], cells: Range[]): string {
  const list = values.map((v) => v.replace(/"/g, '""')).join(',');
  const error = `${values.join(' / ')} から選んでください`;
  return (
    `<${q('dataValidation')} type="list" allowBlank="1" showErrorMessage="1" errorTitle="${escapeAttr('入力値')}" error="${escapeAttr(error)}" sqref="${sqrefOf(cells)}">` +
    `<${q('formula1')}>${escapeAttr(`"${list}"`)}</${q('formula1')}></${q('dataValidation')}>`
  );
}

function validationEdits(ix: SheetIndex, q: (l: string) => string, lists: { values: string[]; cells: Range[] }[]): Edit[] {
  const items = lists.map((l) => validationXml(q, l.values, l.cells)).join('');
  const el = ix.dataValidations;
  if (el && !el.selfClosing) {
    const count = el.attr('count');
    return [
      ...(count !== undefined ? [{ start: el.start, end: el.end, text: startTag(el, { count: String(Number(count) + lists.length) }) }] : []),
      { start: el.closeStart, end: el.closeStart, text: items },
    ];
  }
  const text = `<${q('dataValidations')} count="${lists.length}">${items}</${q('dataValidations')}>`;
  if (el) return [{ start: el.start, end: el.end, text }];
  const mine = WORKSHEET_ORDER.indexOf('dataValidations');
  const after = ix.topLevel.find((c) => WORKSHEET_ORDER.indexOf(c.local) > mine);
  const at = after ? after.start : ix.root.closeStart;
  return [{ start: at, end: at, text }];
}
