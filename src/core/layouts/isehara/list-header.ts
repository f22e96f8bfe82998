import { headerKey, type SheetView } from '../../grid/sheet-view';
import { parseFiscalYear } from '../../values';
import { ownedFieldOfHeader } from '../owned';

/**
 * Finds the 取組項目一覧 header by its text: the band of up to four rows holding its labels, and which
 * column holds which field. Labels are compared by `headerKey` with brackets dropped, so 【取組番号】,
 * 目標（値）, 指標の\n内容 and 区\u3000分 all match.
 */

export type ListField =
  | 'policy'
  | 'group'
  | 'item'
  | 'indicator'
  | 'unit'
  | 'rating'
  | 'comment'
  | 'target'
  | 'actual'
  | 'effectPlanned'
  | 'effectActual'
  | 'bureau'
  | 'section';

export const LIST_FIELDS: readonly ListField[] = [
  'policy', 'group', 'item', 'indicator', 'unit', 'rating', 'comment',
  'target', 'actual', 'effectPlanned', 'effectActual', 'bureau', 'section',
];

/** Leaf labels per field; the first is the printed one. */
const FIELD_LABELS: Record<ListField, string[]> = {
  policy: ['区分', '基本方針'],
  group: ['取組番号', '改革の推進項目', '推進項目'],
  item: ['取組項目', '実施項目'],
  indicator: ['指標の内容', '指標', '指標名', '成果指標の内容'],
  unit: ['単位'],
  rating: ['達成状況', '評価', '達成度'],
  comment: ['取組内容', '取組実績', '取組状況'],
  target: ['目標値', '目標'],
  actual: ['実績値', '実績'],
  effectPlanned: ['見込額', '効果見込額'],
  effectActual: ['実績額', '実績効果額'],
  bureau: ['部局'],
  section: ['所属名', '所属', '所管課', '担当課'],
};

/** Spanning labels above the leaves; they belong to the header but name no field. */
const GROUP_LABELS = ['取組と位置付け', '成果指標', '効果額千円', '効果額', '取組主管'];

export function labelKey(text: string): string {
  return headerKey(text).replace(/[()]/g, '');
}

const LABEL_TO_FIELD = new Map<string, ListField>();
for (const f of LIST_FIELDS) for (const l of FIELD_LABELS[f]) LABEL_TO_FIELD.set(labelKey(l), f);
const GROUP_KEYS = new Set(GROUP_LABELS.map(labelKey));

/** `R5年度`, `令和5年度`, `2023年度(R5)`; short, so that comments mentioning a year are not taken. */
function isYearLabel(text: string): boolean {
  const k = labelKey(text);
  return k.length <= 14 && /年度/.test(k) && parseFiscalYear(text) !== undefined;
}

/** True when a cell's text is one of the list's header labels (leaf, spanning or year). */
export function isHeaderLabel(text: string): boolean {
  if (text === '') return false;
  const k = labelKey(text);
  return LABEL_TO_FIELD.has(k) || GROUP_KEYS.has(k) || isYearLabel(text) || ownedFieldOfHeader(text) !== undefined;
}

export interface ListHeader {
  /** 0-based header rows, top to bottom. */
  rows: number[];
  columns: Partial<Record<ListField, number>>;
  /** Header text of each matched column as typed, for detection reasons. */
  labels: Partial<Record<ListField, string>>;
  /** Fields matched by more than one column: field → the extra columns (the first one is used). */
  duplicates: Partial<Record<ListField, number[]>>;
  owned: Record<string, number>;
  /** The fiscal year the header names (R5年度 → 2023), with the cell it was read from. */
  fy?: { value: number; row: number; col: number };
  /** Rightmost column that belongs to the table. */
  lastCol: number;
}

const MAX_SCAN_ROWS = 40;
const MAX_HEADER_ROWS = 4;

function rawText(view: SheetView, r: number, c: number): string {
  const v = view.raw(r, c);
  return v === null ? '' : String(v).trim();
}

function labelsInRow(view: SheetView, r: number): number {
  let n = 0;
  for (let c = 0; c < view.colCount; c++) if (isHeaderLabel(rawText(view, r, c))) n++;
  return n;
}

/**
 * The header band: the first row (within the top 40) with at least three labels, extended down over
 * the following rows that still hold labels of their own (the 3-row merged header prints its leaves
 * on the second and third rows).
 */
export function findListHeader(view: SheetView): ListHeader | undefined {
  const scan = Math.min(view.rowCount, MAX_SCAN_ROWS);
  for (let top = 0; top < scan; top++) {
    if (labelsInRow(view, top) < 3) continue;
    let bottom = top;
    while (bottom + 1 < view.rowCount && bottom - top + 1 < MAX_HEADER_ROWS && labelsInRow(view, bottom + 1) > 0) bottom++;
    const header = mapColumns(view, top, bottom);
    if (header.columns.item !== undefined) return header;
  }
  return undefined;
}

function mapColumns(view: SheetView, top: number, bottom: number): ListHeader {
  const rows: number[] = [];
  for (let r = top; r <= bottom; r++) rows.push(r);
  const columns: Partial<Record<ListField, number>> = {};
  const labels: Partial<Record<ListField, string>> = {};
  const duplicates: Partial<Record<ListField, number[]>> = {};
  const owned: Record<string, number> = {};
  let fy: ListHeader['fy'];
  let lastCol = -1;

  for (let c = 0; c < view.colCount; c++) {
    // Bottom-up: the leaf names the field, the labels above only disambiguate it.
    const path = rows.map((r) => view.text(r, c)).reverse();
    for (let i = 0; i < rows.length; i++) {
      const t = view.text(rows[i], c);
      if (fy === undefined && isYearLabel(t)) fy = { value: parseFiscalYear(t)!, row: rows[i], col: c };
    }
    const ownedField = path.map(ownedFieldOfHeader).find((f) => f !== undefined);
    if (ownedField) {
      owned[ownedField] ??= c;
      lastCol = Math.max(lastCol, c);
      continue;
    }
    let field: ListField | undefined;
    let label = '';
    for (const t of path) {
      field = LABEL_TO_FIELD.get(labelKey(t));
      if (field) {
        label = t;
        break;
      }
    }
    if (!field) {
      if (path.some((t) => isHeaderLabel(t))) lastCol = Math.max(lastCol, c);
      continue;
    }
    // 目標 / 実績 under 効果額 are the amounts, not the indicator.
    const underEffect = path.some((t) => labelKey(t).startsWith('効果額'));
    if (underEffect && field === 'target') field = 'effectPlanned';
    if (underEffect && field === 'actual') field = 'effectActual';
    lastCol = Math.max(lastCol, c);
    if (columns[field] === undefined) {
      columns[field] = c;
      labels[field] = label;
    } else {
      (duplicates[field] ??= []).push(c);
    }
  }
  return { rows, columns, labels, duplicates, owned, fy, lastCol };
}
