import { toA1 } from '../grid/a1';
import type { CrossTab } from '../summary/crosstab';
import type { Summary } from '../summary/types';
import { fiscalYearLabel } from '../values/fiscal-year';
import { RATING_LABELS } from '../values/rating';
import type { CellWrite, NewSheet, WritePlan } from './write-plan';

export const DEFAULT_SUMMARY_SHEET = '行革集計';

export interface SummarySheetOptions {
  lang: 'ja' | 'en';
  sheetName?: string;
  /** What the summary was built from, printed under the title (file names or the workbook name). */
  sources: string[];
  /** Shown as the creation time; passed in so the core stays pure and output reproducible. */
  createdAt?: string;
}

const LETTERS = ['A', 'B', 'C', 'D'] as const;
const HEAD = { bold: true, fill: '#DDEBF7', align: 'center', wrap: true, border: true } as const;
const BODY = { border: true } as const;
/** Totals are set apart: bold on a tinted row. */
const TOTAL = { border: true, bold: true, fill: '#F2F2F2' } as const;

/**
 * The summary sheet, laid out like Isehara's published 分野別内訳表 (counts by 基本方針) and its
 * 実績効果額 table (planned amount in parentheses above the actual, per policy), plus a native chart
 * of the A–D counts where the host can draw one. Text is written as text, numbers as numbers.
 */
export function planSummarySheet(summary: Summary, opts: SummarySheetOptions): WritePlan {
  const ja = opts.lang === 'ja';
  const name = opts.sheetName ?? DEFAULT_SUMMARY_SHEET;
  const cells: CellWrite[] = [];
  const merges: string[] = [];
  const put = (row: number, col: number, value: string | number | null, extra: Partial<CellWrite> = {}) => {
    cells.push({ sheet: name, address: toA1(row, col), value, expect: null, reason: 'summary', ...extra });
  };
  const year = summary.reportFy !== undefined ? fiscalYearLabel(summary.reportFy, opts.lang) : '';
  const label = summary.groupLabel || (ja ? '基本方針' : 'Policy');

  put(0, 0, ja ? `${year ? `${year} ` : ''}行財政改革 取組結果の集計（${label}別）` : `Reform progress summary by ${label}${year ? `, ${year}` : ''}`, {
    style: { bold: true },
  });
  put(1, 0, (ja ? '集計元: ' : 'Sources: ') + opts.sources.join(', '));
  if (opts.createdAt) put(2, 0, (ja ? '作成: 行革進捗アシスタント ' : 'Made by Shinchoku ') + opts.createdAt);

  // Counts table (分野別内訳表).
  let r = 4;
  put(r, 0, ja ? '➤ 達成状況（分野別内訳表）' : '➤ Ratings by ' + label, { style: { bold: true } });
  put(r, 7, ja ? '(単位:件)' : '(items)', { style: { align: 'right' } });
  r++;
  const countHeader = [
    label,
    ...LETTERS.map((l) => (ja ? `${l} ${RATING_LABELS[l][0]}` : l)),
    ja ? '未評価' : 'Unrated',
    ja ? '合計' : 'Total',
    ja ? 'A+B割合' : 'A+B share',
  ];
  countHeader.forEach((h, c) => put(r, c, h, { style: HEAD }));
  const countTop = r;
  const rows = [...summary.groups, { ...summary.total, name: ja ? '合計' : 'Total' }];
  for (const g of rows) {
    r++;
    put(r, 0, groupTitle(g), { style: BODY });
    LETTERS.forEach((l, i) => put(r, 1 + i, g.counts[l], { numberFormat: '0', style: BODY }));
    put(r, 5, g.counts.unrated, { numberFormat: '0', style: BODY });
    put(r, 6, g.total, { numberFormat: '0', style: BODY });
    const rated = LETTERS.reduce((s, l) => s + g.counts[l], 0);
    put(r, 7, rated === 0 ? '-' : round((g.counts.A + g.counts.B) / rated, 3), {
      ...(rated === 0 ? {} : { numberFormat: '0.0%' }),
      style: { ...BODY, align: 'right' },
    });
  }
  const countBottom = r - 1; // chart covers policies, not the total row

  // Effect table (実績効果額と達成割合).
  r += 2;
  put(r, 0, ja ? '➤ 実績効果額と達成割合' : '➤ Financial effect and achievement', { style: { bold: true } });
  put(r, 3, ja ? '(単位:千円)' : '(JPY thousand)', { style: { align: 'right' } });
  r++;
  [label, '', ja ? '合計' : 'Total', ja ? '達成割合' : 'Achieved'].forEach((h, c) => put(r, c, h, { style: HEAD }));
  for (const g of rows) {
    r++;
    put(r, 0, groupTitle(g), { style: BODY });
    put(r, 1, ja ? '(効果見込額)' : '(planned)', { style: BODY });
    put(r, 2, g.effectPlanned, { numberFormat: '(#,##0);(-#,##0)', style: BODY });
    put(r, 3, g.effectRatio === null ? '-' : round(g.effectRatio / 100, 3), {
      ...(g.effectRatio === null ? {} : { numberFormat: '0.0%' }),
      style: { ...BODY, align: 'right' },
    });
    put(r + 1, 1, ja ? '実績効果額' : 'actual', { style: BODY });
    put(r + 1, 2, g.effectActual, { numberFormat: '#,##0', style: BODY });
    merges.push(`${toA1(r, 0)}:${toA1(r + 1, 0)}`, `${toA1(r, 3)}:${toA1(r + 1, 3)}`);
    r++;
  }

  const sheet: NewSheet = {
    name,
    replaceOwned: true,
    cells,
    merges,
    columnWidths: { A: 30, B: 14, C: 14, D: 14, E: 14, F: 10, G: 10, H: 12 },
    ...(summary.groups.length > 0
      ? {
          chart: {
            title: ja ? `${label}別 達成状況` : `Ratings by ${label}`,
            dataRange: `${toA1(countTop, 0)}:${toA1(countBottom, 4)}`,
            anchor: toA1(1, 9),
            kind: 'stackedBar' as const,
          },
        }
      : {}),
  };
  return { label: 'summary', writes: [], sheets: [sheet] };
}

export interface CrossTabSheetOptions extends SummarySheetOptions {
  /** Axis names as shown (the city's words): rows, then columns. */
  labels: { a: string; b: string };
}

/**
 * A two-axis count table (e.g. Tsukubamirai 推進手段 × 基本姿勢) as its own sheet: codes with names
 * in the row titles, codes in the column heads with their names in a legend below.
 */
export function planCrossTabSheet(t: CrossTab, opts: CrossTabSheetOptions): WritePlan {
  const ja = opts.lang === 'ja';
  const name = opts.sheetName ?? DEFAULT_SUMMARY_SHEET;
  const cells: CellWrite[] = [];
  const put = (row: number, col: number, value: string | number | null, extra: Partial<CellWrite> = {}) => {
    cells.push({ sheet: name, address: toA1(row, col), value, expect: null, reason: 'summary', ...extra });
  };
  const total = ja ? '合計' : 'Total';
  put(0, 0, ja ? `${opts.labels.a}×${opts.labels.b}の件数` : `Items by ${opts.labels.a} and ${opts.labels.b}`, { style: { bold: true } });
  put(1, 0, (ja ? '集計元: ' : 'Sources: ') + opts.sources.join(', '));
  if (opts.createdAt) put(2, 0, (ja ? '作成: 行革進捗アシスタント ' : 'Made by Shinchoku ') + opts.createdAt);
  let r = 4;
  put(r, 0, `${opts.labels.a} ＼ ${opts.labels.b}`, { style: HEAD });
  t.cols.forEach((c, j) => put(r, 1 + j, c.key || c.name, { style: HEAD }));
  put(r, 1 + t.cols.length, total, { style: HEAD });
  t.rows.forEach((row, i) => {
    r++;
    put(r, 0, groupTitle(row), { style: BODY });
    t.counts[i].forEach((n, j) => put(r, 1 + j, n, { numberFormat: '0', style: BODY }));
    put(r, 1 + t.cols.length, t.rowTotals[i], { numberFormat: '0', style: BODY });
  });
  r++;
  put(r, 0, total, { style: TOTAL });
  t.colTotals.forEach((n, j) => put(r, 1 + j, n, { numberFormat: '0', style: TOTAL }));
  put(r, 1 + t.cols.length, t.total, { numberFormat: '0', style: TOTAL });
  const named = t.cols.filter((c) => c.key && c.name !== c.key);
  if (named.length) {
    r += 2;
    put(r, 0, opts.labels.b, { style: { bold: true } });
    for (const c of named) put(++r, 0, `${c.key} ${c.name}`);
  }
  const widths: Record<string, number> = { A: 36 };
  t.cols.forEach((_, j) => (widths[toA1(0, 1 + j).replace(/\d+$/, '')] = 8));
  widths[toA1(0, 1 + t.cols.length).replace(/\d+$/, '')] = 8;
  return { label: 'summary', writes: [], sheets: [{ name, replaceOwned: true, cells, merges: [], columnWidths: widths }] };
}

function groupTitle(g: { key: string; name: string }): string {
  return g.key === 'total' || g.key === '' || g.name.startsWith(g.key) ? g.name : `${g.key} ${g.name}`;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
