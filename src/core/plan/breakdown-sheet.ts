import { compareIds } from '../consolidate/identity';
import type { ItemSource } from '../consolidate/provenance';
import type { OwnedSheetTarget } from '../settings/ownership';
import type { Summary } from '../summary/types';
import { fiscalYearLabel } from '../values/fiscal-year';
import { ownedSheetPlan, putRow, putTitle, sheetCells } from './owned-sheet';
import type { WritePlan } from './write-plan';

/**
 * The 内訳 sheet beside the summary: one row per counted item with the group it is counted in, its
 * number, name, department, rating and amounts, and the file, sheet and cell it came from; a total
 * row at the bottom that equals the summary's. Read back by consolidate/breakdown-read.ts, so last
 * year's consolidated file can serve as the plan's list or as last year's figures.
 */
export const BREAKDOWN_ROLE = 'breakdown';
export const breakdownSheetName = (summarySheet: string) => `${summarySheet}_内訳`;

/** Header texts; breakdown-read.ts finds the table by them, in either language. */
export const BREAKDOWN_HEADERS = {
  ja: { no: 'No.', groupKey: '番号', group: '', id: '取組番号', name: '取組名', department: '所管課', rating: '評価', planned: '効果見込額（千円）', actual: '実績効果額（千円）', file: 'ファイル', sheet: 'シート', cell: 'セル' },
  en: { no: 'No.', groupKey: ' no.', group: '', id: 'Item no.', name: 'Item', department: 'Department', rating: 'Rating', planned: 'Planned effect (JPY thousand)', actual: 'Actual effect (JPY thousand)', file: 'File', sheet: 'Sheet', cell: 'Cell' },
} as const;

/** Where a file's cell is in the workbook being written, or null when that sheet is not there. */
export type CellLink = (file: string, sheet: string, cell: string) => { sheet: string; address: string } | null;

export const UNRATED_TEXT = { ja: '未評価', en: 'unrated' } as const;
/** Items the city marks 評価対象外 (－): a column of their own, as in the summary. */
export const NOT_RATED_TEXT = { ja: '対象外', en: 'n/a' } as const;
export const SUGGESTED_MARK = { ja: '（候補）', en: ' (suggested)' } as const;

export interface BreakdownSheetOptions {
  lang: 'ja' | 'en';
  target: OwnedSheetTarget;
  /** Where a source's cell is in the workbook being written (then its cell becomes a link there). */
  linkTo?: CellLink;
  createdAt?: string;
}

export function breakdownHeader(label: string, lang: 'ja' | 'en'): string[] {
  const h = BREAKDOWN_HEADERS[lang];
  return [h.no, lang === 'ja' ? `${label}${h.groupKey}` : `${label}${h.groupKey}`, label, h.id, h.name, h.department, h.rating, h.planned, h.actual, h.file, h.sheet, h.cell];
}

export function planBreakdownSheet(summary: Summary, sources: readonly ItemSource[], opts: BreakdownSheetOptions): WritePlan {
  const { lang, target } = opts;
  const ja = lang === 'ja';
  const s = sheetCells(target.name);
  const year = summary.reportFy !== undefined ? fiscalYearLabel(summary.reportFy, lang) : '';
  const label = summary.groupLabel || (ja ? '基本方針' : 'Policy');
  const title = ja ? `${year ? `${year} ` : ''}行財政改革 集計の内訳（取組ごと）` : `Summary breakdown by item${year ? `, ${year}` : ''}`;
  const sub = ja
    ? `集計の各数値は、この表の行を${label}・評価で数えたもの、金額を足したものです。${opts.createdAt ? ` 作成日時 ${opts.createdAt}` : ''}`
    : `Every figure of the summary is a count or sum of these rows by ${label} and rating.${opts.createdAt ? ` Made ${opts.createdAt}.` : ''}`;
  let r = putTitle(s, title, target, lang, sub);
  putRow(s, r, breakdownHeader(label, lang), { head: true });
  const order = new Map(summary.groups.map((g, i) => [g.key, i]));
  const rows = [...sources].sort((a, b) => (order.get(a.group) ?? 1e9) - (order.get(b.group) ?? 1e9) || compareIds(a.itemId, b.itemId));
  const formats = [undefined, undefined, undefined, undefined, undefined, undefined, undefined, '#,##0', '#,##0'];
  rows.forEach((src, i) => {
    r++;
    const rating = src.rating === 'unrated' ? UNRATED_TEXT[lang] : src.rating === 'notRated' ? NOT_RATED_TEXT[lang] : src.suggested ? `${src.rating}${SUGGESTED_MARK[lang]}` : src.rating;
    const groupName = src.groupName.startsWith(src.group) ? src.groupName.slice(src.group.length).trim() || src.groupName : src.groupName;
    // An item several departments share is counted in each of their rows: all of them are named.
    const groups = src.groups.join('、');
    putRow(s, r, [i + 1, groups, src.groups.length > 1 ? groups : groupName, src.itemId, src.name, src.department, rating, src.effectPlanned, src.effectActual, src.file, src.sheet, src.cell], { formats });
    const link = opts.linkTo?.(src.file, src.sheet, src.cell);
    if (link) s.put(r, 11, src.cell, { style: { border: true }, link });
  });
  r++;
  const sum = (k: 'effectPlanned' | 'effectActual') => Number(rows.reduce((t, x) => t + (x[k] ?? 0), 0).toFixed(6));
  putRow(s, r, [ja ? '合計' : 'Total', null, null, null, ja ? `${rows.length} 件` : `${rows.length} items`, null, null, sum('effectPlanned'), sum('effectActual'), null, null, null], {
    formats,
  });
  return ownedSheetPlan('breakdown', target, s, {
    columnWidths: { A: 6, B: 8, C: 24, D: 10, E: 36, F: 20, G: 8, H: 14, I: 14, J: 28, K: 16, L: 8 },
    print: { orientation: 'landscape', paper: 'A4', fitToWidth: true, titleRows: `${r - rows.length}:${r - rows.length}` },
  });
}
