import { headerKey, type SheetView } from '../../grid/sheet-view';
import type { CellRef } from '../../grid/types';
import type { CellMap, NoteMap } from '../../model/plan';
import type { Rating } from '../../values/types';
import { normalizeWidth, parseFiscalYear, parseRating } from '../../values';
import { ownedFieldOfHeader, parseProgressHeader, progressFieldKey } from '../owned';

/**
 * Header helpers shared by the Yuzawa and Tsukubamirai readers: plan tables with progress columns
 * (実績 / 評価 / 取組状況 for a year) that staff add next to the printed plan.
 */

export type ProgressField = 'actual' | 'rating' | 'status' | 'comment';

export interface ProgressColumn {
  col: number;
  field: ProgressField;
  /** Fiscal year the column reports on, from its own header or a year header above it. */
  fy?: number;
  header: string;
}

/** Order matters: 評価 before 実績 so that 「実績評価」 is a rating, 状況 before 実績 so 「実績・取組状況」 is text. */
const FIELD_WORDS: [ProgressField, RegExp][] = [
  ['rating', /評価|達成状況|達成度|判定/],
  ['status', /取組状況|進捗状況|実施状況|推進状況|取組実績|取組内容|進捗/],
  ['actual', /実績/],
  ['comment', /課題|今後|改善|方向性|備考|要因|action/],
];

export function progressFieldOf(header: string): ProgressField | undefined {
  const k = headerKey(header);
  if (k === '' || /達成率/.test(k)) return undefined;
  for (const [field, re] of FIELD_WORDS) if (re.test(k)) return field;
  return undefined;
}

/**
 * A header that names a year and nothing else (`2021年度 (R3)`, `R5`, `令和5年度`, `2023`): a schedule
 * or plan column. `令和5年度 評価` is not one: it is a progress column for that year.
 */
export function pureYearHeader(text: string): number | undefined {
  const fy = parseFiscalYear(text);
  if (fy === undefined) return undefined;
  const rest = normalizeWidth(text)
    .replace(/(?:19|20|21)\d{2}\s*年?度?/g, '')
    .replace(/(?:令和|平成|R|H)\s*(?:元|\d{1,2})\s*年?度?/g, '')
    .replace(/[()（）\s~～-]/g, '');
  return rest === '' ? fy : undefined;
}

/** Text of one column across header rows, merge-aware, duplicates from vertical merges dropped. */
export function stackedHeader(view: SheetView, rows: number[], col: number): string {
  const parts: string[] = [];
  for (const r of rows) {
    const t = view.text(r, col);
    if (t !== '' && parts[parts.length - 1] !== t) parts.push(t);
  }
  return parts.join(' ');
}

export interface ExtraColumns {
  progress: ProgressColumn[];
  owned: Record<string, number>;
}

/** Progress and owned columns among the columns a reader has not already assigned. */
export function extraColumns(view: SheetView, headerRows: number[], taken: Set<number>): ExtraColumns {
  const progress: ProgressColumn[] = [];
  const owned: Record<string, number> = {};
  for (let c = 0; c < view.colCount; c++) {
    if (taken.has(c)) continue;
    const last = view.text(headerRows[headerRows.length - 1], c);
    const ownedField = ownedFieldOfHeader(last);
    if (ownedField) {
      owned[ownedField] = c;
      continue;
    }
    const header = stackedHeader(view, headerRows, c);
    // The add-in's own progress headers (令和5年度 実績 …) are owned as well as read: staff fill them in.
    const own = parseProgressHeader(header);
    if (own) owned[progressFieldKey(own.field, own.fy)] = c;
    const field = own?.field ?? progressFieldOf(header);
    if (!field) continue;
    const fy = own?.fy ?? parseFiscalYear(header);
    progress.push({ col: c, field, header, ...(fy !== undefined ? { fy } : {}) });
  }
  return { progress, owned };
}

/** The year progress is reported for: the one asked for, else the latest year with a progress column. */
export function chooseReportFy(progress: ProgressColumn[], asked: number | undefined): number | undefined {
  if (asked !== undefined) return asked;
  const years = progress.map((p) => p.fy).filter((y): y is number => y !== undefined);
  return years.length ? Math.max(...years) : undefined;
}

/** The column for a field in the report year; a column without a year counts for any year. */
export function columnFor(progress: ProgressColumn[], field: ProgressField, fy: number | undefined): ProgressColumn | undefined {
  return (
    progress.find((p) => p.field === field && fy !== undefined && p.fy === fy) ??
    progress.find((p) => p.field === field && p.fy === undefined)
  );
}

/**
 * Department cells: `企画課、 団体所管課`, `生涯学習課 ・関係課`. A 「・」 splits only after an office
 * suffix, so names like 子育て・健康課 stay whole.
 */
export function splitDepartments(text: string): string[] {
  return normalizeWidth(text)
    .split(/[、,\n/]|(?<=[課室局部所])\s*・/)
    .map((s) => s.replace(/\s+/g, ''))
    .filter((s) => s !== '');
}

/** Line-wrap spaces from the PDF (「地域経営 マネジメント」) removed between Japanese characters. */
export function joinWrapped(text: string): string {
  return text.trim().replace(/(?<=[^\u0020-\u007e\s])\s+(?=[^\u0020-\u007e\s])/g, '');
}

/**
 * Rating, status and comment cells of one item: text of every year into notes (`status:2023` …), the
 * rating of the report year into item.rating. `textActuals` keeps 実績 as text too (schedule items).
 */
export function readProgress(
  view: SheetView,
  progress: ProgressColumn[],
  rows: number[],
  reportFy: number | undefined,
  notes: NoteMap,
  cells: CellMap,
  opts: { textActuals: boolean },
): { rating?: Rating; ratingCell?: CellRef } {
  const firstText = (c: number): { row: number; text: string } => {
    for (const r of rows) {
      const t = view.text(r, c);
      if (t !== '') return { row: r, text: t };
    }
    return { row: rows[0], text: '' };
  };
  for (const p of progress) {
    if (p.field === 'rating' || (p.field === 'actual' && !opts.textActuals)) continue;
    // 課題 / 今後 columns are notes; yearless columns are the report year's.
    const field = p.field === 'comment' ? 'note' : p.field;
    const fy = p.fy ?? reportFy;
    const { row, text } = firstText(p.col);
    if (fy === undefined) {
      cells[field] = view.ref(row, p.col);
      if (text !== '' && field !== 'actual') notes[field] = text;
    } else {
      cells[`${field}:${fy}`] = view.ref(row, p.col);
      if (text !== '') notes[`${field}:${fy}`] = text;
    }
  }
  const col = columnFor(progress, 'rating', reportFy);
  if (!col) return {};
  for (const p of progress.filter((q) => q.field === 'rating')) {
    const fy = p.fy ?? reportFy;
    if (fy !== undefined) cells[`rating:${fy}`] = view.ref(rows[0], p.col);
  }
  const ratingCell = view.ref(rows[0], col.col);
  const raw = view.value(rows[0], col.col);
  const rating = parseRating(raw, ratingCell);
  // Not on the scale: kept as typed for the validator (VLD003).
  if (!rating && view.text(rows[0], col.col) !== '') notes.rating = view.text(rows[0], col.col);
  return { ...(rating ? { rating } : {}), ratingCell };
}

