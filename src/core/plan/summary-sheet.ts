import { fromA1, toA1 } from '../grid/a1';
import { ownerNote, recordOwnedSheet, type OwnedSheetTarget } from '../settings/ownership';
import type { CrossTab } from '../summary/crosstab';
import type { Summary } from '../summary/types';
import { fiscalYearLabel } from '../values/fiscal-year';
import type { CellWrite, NewSheet, PrintSetup, WritePlan } from './write-plan';

export const DEFAULT_SUMMARY_SHEET = '行革集計';

export interface SummarySheetOptions {
  lang: 'ja' | 'en';
  /** Where the sheet goes, decided from the workbook and its settings (planOwnedSheet, role 'summary'). */
  target: OwnedSheetTarget;
  /** What the summary was built from, printed under the title (file names or the workbook name). */
  sources: string[];
  /** Shown as the creation time; passed in so the core stays pure and output reproducible. */
  createdAt?: string;
  /**
   * Ids of items whose rating is still a suggestion the add-in wrote (unconfirmed). Cell notes do not
   * print, so the printed summary says it under the counts.
   */
  unconfirmed?: string[];
}

const HEAD = { bold: true, fill: '#DDEBF7', align: 'center', wrap: true, border: true } as const;
const BODY = { border: true } as const;
/** 合計 rows are set apart from the groups above them: bold on a grey band. */
const TOTAL = { border: true, bold: true, fill: '#E7E6E6' } as const;
const TOTAL_RIGHT = { ...TOTAL, align: 'right' } as const;

/**
 * Rows 1–2 (title; sources and when it was made) head every printed page. Row 3, the add-in's
 * ownership note, is for the screen: it is longer than the page is wide, so it is left out of the
 * print area (which starts below it) rather than printed cut off.
 */
const TITLE_ROWS = '1:2';
const PRINT_FROM = 3;

/**
 * Sheet cells in reading order; `row`/`col` are 0-based. Text is written as text, numbers as numbers.
 */
class SheetCells {
  readonly cells: CellWrite[] = [];
  constructor(private readonly sheet: string) {}
  put(row: number, col: number, value: string | number | null, extra: Partial<CellWrite> = {}): void {
    this.cells.push({ sheet: this.sheet, address: toA1(row, col), value, expect: null, reason: 'summary', ...extra });
  }
}

/** `S 大きく上回る` style heads where the scale labels a short symbol, the bare symbol otherwise. */
function symbolHead(x: Summary['scale']['symbols'][number], ja: boolean): string {
  return ja && x.label.ja !== x.symbol && x.symbol.length <= 2 ? `${x.symbol} ${x.label.ja}` : x.symbol;
}

/**
 * The summary sheet, laid out like Isehara's published 分野別内訳表 (counts by 基本方針) and its
 * 実績効果額 table (planned amount in parentheses above the actual, per policy), plus a native chart
 * of the rating counts where the host can draw one. It prints on A4 landscape, fitted to the
 * width, one table per page with the title rows repeated; the chart stays on screen only.
 */
export function planSummarySheet(summary: Summary, opts: SummarySheetOptions): WritePlan {
  const ja = opts.lang === 'ja';
  const { target } = opts;
  const name = target.name;
  const out = new SheetCells(name);
  const put = out.put.bind(out);
  const merges: string[] = [];
  const year = summary.reportFy !== undefined ? fiscalYearLabel(summary.reportFy, opts.lang) : '';
  const label = summary.groupLabel || (ja ? '基本方針' : 'Policy');
  // The city's own scale (S/A/B/C, 達成/部分実施/検討中 …), best first; 評価対象外 (－) has a column only where some item has it.
  const symbols = summary.scale.symbols;
  const notRated = summary.total.notRated > 0;
  // The share of the two best symbols (A+B) among rated items, as Isehara publishes it.
  const top = symbols.slice(0, 2).map((x) => x.symbol);
  const colNotRated = 1 + symbols.length;
  const colUnrated = colNotRated + (notRated ? 1 : 0);
  const colTotal = colUnrated + 1;
  const colShare = colTotal + 1;
  const lastCol = Math.max(colShare, 3);

  put(0, 0, ja ? `${year ? `${year} ` : ''}行財政改革 取組結果の集計（${label}別）` : `Reform progress summary by ${label}${year ? `, ${year}` : ''}`, {
    style: { bold: true },
  });
  put(1, 0, sourcesLine(opts));
  put(2, 0, ownerNote(target.role, target.token, opts.lang));

  // Counts table (分野別内訳表).
  let r = 4;
  put(r, 0, ja ? '➤ 達成状況（分野別内訳表）' : `➤ Ratings by ${label}`, { style: { bold: true } });
  put(r, colShare, ja ? '単位: 件' : 'items', { style: { align: 'right' } });
  r++;
  const countHeader = [
    label,
    ...symbols.map((x) => symbolHead(x, ja)),
    ...(notRated ? [ja ? '対象外' : 'Not rated'] : []),
    ja ? '未評価' : 'Unrated',
    ja ? '合計' : 'Total',
    top.length === 2 ? (ja ? `${top.join('+')}割合` : `${top.join('+')} share`) : ja ? '割合' : 'Share',
  ];
  countHeader.forEach((h, c) => put(r, c, h, { style: HEAD }));
  const countTop = r;
  const rows = [...summary.groups.map((g) => ({ g, total: false })), { g: { ...summary.total, name: ja ? '合計' : 'Total' }, total: true }];
  for (const { g, total } of rows) {
    r++;
    const style = total ? TOTAL : BODY;
    put(r, 0, groupTitle(g), { style });
    g.counts.forEach((c, i) => put(r, 1 + i, c, { numberFormat: '0', style }));
    if (notRated) put(r, colNotRated, g.notRated, { numberFormat: '0', style });
    put(r, colUnrated, g.unrated, { numberFormat: '0', style });
    put(r, colTotal, g.total, { numberFormat: '0', style });
    const rated = g.counts.reduce((n, c) => n + c, 0);
    const good = g.counts.slice(0, top.length).reduce((n, c) => n + c, 0);
    put(r, colShare, rated === 0 ? '-' : round(good / rated, 3), {
      ...(rated === 0 ? {} : { numberFormat: '0.0%' }),
      style: total ? TOTAL_RIGHT : { ...BODY, align: 'right' },
    });
  }
  const countBottom = r - 1; // the chart covers the groups, not the total row
  const unconfirmed = opts.unconfirmed ?? [];
  if (unconfirmed.length) {
    r++;
    const ids = unconfirmed.join(ja ? '、' : ', ');
    put(
      r,
      0,
      ja
        ? `※ 評価のうち ${unconfirmed.length} 件（${ids}）は行革進捗アシスタントが書き込んだ候補のままで、所管課の確認が済んでいません。`
        : `* ${unconfirmed.length} of these ratings (${ids}) ${unconfirmed.length === 1 ? 'is still a suggestion' : 'are still suggestions'} written by the assistant, not yet confirmed by the department.`,
    );
  }

  // Effect table (実績効果額と達成割合), on a page of its own when printed.
  r += 2;
  const effectTop = r;
  put(r, 0, ja ? '➤ 実績効果額と達成割合' : '➤ Financial effect and achievement', { style: { bold: true } });
  // Amounts are summed in 千円; a sheet typed in 円 or 百万円 says so, so figures can be traced back.
  const own = summary.effectUnits.filter((u) => u !== '千円');
  put(r, 3, ja ? `単位: 千円${own.length ? `、シートの単位は${own.join('・')}` : ''}` : `JPY thousand${own.length ? `; the sheets use ${own.join(', ')}` : ''}`, {
    style: { align: 'right' },
  });
  r++;
  [label, '', ja ? '合計' : 'Total', ja ? '達成割合' : 'Achieved'].forEach((h, c) => put(r, c, h, { style: HEAD }));
  for (const { g, total } of rows) {
    r++;
    const style = total ? TOTAL : BODY;
    put(r, 0, groupTitle(g), { style });
    put(r, 1, ja ? '(効果見込額)' : '(planned)', { style });
    put(r, 2, g.effectPlanned, { numberFormat: '(#,##0);(-#,##0)', style });
    put(r, 3, g.effectRatio === null ? '-' : round(g.effectRatio / 100, 3), {
      ...(g.effectRatio === null ? {} : { numberFormat: '0.0%' }),
      style: total ? TOTAL_RIGHT : { ...BODY, align: 'right' },
    });
    put(r + 1, 1, ja ? '実績効果額' : 'actual', { style });
    put(r + 1, 2, g.effectActual, { numberFormat: '#,##0', style });
    merges.push(`${toA1(r, 0)}:${toA1(r + 1, 0)}`, `${toA1(r, 3)}:${toA1(r + 1, 3)}`);
    r++;
  }

  const widths: Record<string, number> = { A: 30 };
  for (let c = 1; c <= lastCol; c++) widths[column(c)] = c === colShare ? 12 : c <= 3 ? 14 : 10;
  fitWidths(widths, out.cells);
  const sheet: NewSheet = {
    name,
    owner: { role: target.role, token: target.token },
    replace: target.replace,
    cells: out.cells,
    merges,
    columnWidths: widths,
    // The page of the effect table starts with the blank row above its heading, as page 1 does.
    print: printSetup(`${toA1(PRINT_FROM, 0)}:${toA1(r, lastCol)}`, [effectTop - 1]),
    ...(summary.groups.length > 0
      ? {
          chart: {
            title: ja ? `${label}別 達成状況` : `Ratings by ${label}`,
            dataRange: `${toA1(countTop, 0)}:${toA1(countBottom, symbols.length)}`,
            anchor: toA1(1, lastCol + 2),
            kind: 'stackedBar' as const,
          },
        }
      : {}),
  };
  return { label: 'summary', writes: [], sheets: [sheet], settingsChanges: [recordOwnedSheet(target, sheet.cells)] };
}

export interface CrossTabSheetOptions extends SummarySheetOptions {
  /** Axis names as shown (the city's words): rows, then columns. */
  labels: { a: string; b: string };
}

/**
 * A two-axis count table (e.g. Tsukubamirai 推進手段 × 基本姿勢) as an owned sheet: codes with names
 * in the row titles, codes in the column heads with their names in a legend below, the total row
 * set apart; one A4 landscape page, fitted to the width.
 */
export function planCrossTabSheet(t: CrossTab, opts: CrossTabSheetOptions): WritePlan {
  const ja = opts.lang === 'ja';
  const { target } = opts;
  const out = new SheetCells(target.name);
  const put = out.put.bind(out);
  const total = ja ? '合計' : 'Total';
  const colTotal = 1 + t.cols.length;
  put(0, 0, ja ? `${opts.labels.a}×${opts.labels.b}の件数` : `Items by ${opts.labels.a} and ${opts.labels.b}`, { style: { bold: true } });
  put(1, 0, sourcesLine(opts));
  put(2, 0, ownerNote(target.role, target.token, opts.lang));
  let r = 4;
  put(r, 0, `${opts.labels.a} ＼ ${opts.labels.b}`, { style: HEAD });
  t.cols.forEach((c, j) => put(r, 1 + j, c.key || c.name, { style: HEAD }));
  put(r, colTotal, total, { style: HEAD });
  t.rows.forEach((row, i) => {
    r++;
    put(r, 0, groupTitle(row), { style: BODY });
    t.counts[i].forEach((n, j) => put(r, 1 + j, n, { numberFormat: '0', style: BODY }));
    put(r, colTotal, t.rowTotals[i], { numberFormat: '0', style: BODY });
  });
  r++;
  put(r, 0, total, { style: TOTAL });
  t.colTotals.forEach((n, j) => put(r, 1 + j, n, { numberFormat: '0', style: TOTAL }));
  put(r, colTotal, t.total, { numberFormat: '0', style: TOTAL });
  const named = t.cols.filter((c) => c.key && c.name !== c.key);
  if (named.length) {
    r += 2;
    put(r, 0, opts.labels.b, { style: { bold: true } });
    for (const c of named) put(++r, 0, `${c.key} ${c.name}`);
  }
  const widths: Record<string, number> = { A: 36 };
  for (let c = 1; c <= colTotal; c++) widths[column(c)] = 8;
  fitWidths(widths, out.cells);
  const sheet: NewSheet = {
    name: target.name,
    owner: { role: target.role, token: target.token },
    replace: target.replace,
    cells: out.cells,
    merges: [],
    columnWidths: widths,
    print: printSetup(`${toA1(PRINT_FROM, 0)}:${toA1(r, colTotal)}`, []),
  };
  return { label: 'summary', writes: [], sheets: [sheet], settingsChanges: [recordOwnedSheet(target, sheet.cells)] };
}

/** 「集計元: a.xlsx、b.xlsx ／ 作成日時 2026-05-01 10:00」: printed under the title on every page. */
function sourcesLine(opts: SummarySheetOptions): string {
  const ja = opts.lang === 'ja';
  const sources = (ja ? '集計元: ' : 'Sources: ') + opts.sources.join(', ');
  if (!opts.createdAt) return sources;
  return ja ? `${sources} ／ 作成日時 ${opts.createdAt}` : `${sources} · made ${opts.createdAt}`;
}

/**
 * Widens the table columns to their longest cell, so headings such as 「C 計画どおり進捗せず」 print
 * on one line: a wrapped heading needs a taller row, which a sheet's file does not get by itself
 * (Excel and LibreOffice keep the default height). Full-width characters count two. Lines that run
 * across the sheet (titles, notes) have no border and are not measured.
 */
function fitWidths(widths: Record<string, number>, cells: CellWrite[]): void {
  for (const c of cells) {
    if (!c.style?.border || c.value === null) continue;
    const col = column(fromA1(c.address).col);
    const text = typeof c.value === 'number' ? shownNumber(c.value, c.numberFormat) : c.value;
    const want = Math.min(48, Math.ceil(displayWidth(text) * 1.1) + 2);
    if (want > (widths[col] ?? 0)) widths[col] = want;
  }
}

function displayWidth(text: string): number {
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    // Half-width katakana (U+FF61–FF9F) are narrow; other characters beyond Latin-1 are full width.
    n += cp <= 0xff || (cp >= 0xff61 && cp <= 0xff9f) ? 1 : 2;
  }
  return n;
}

function shownNumber(v: number, format: string | undefined): string {
  if (format?.includes('%')) return `${(v * 100).toFixed(1)}%`;
  const s = Math.round(Math.abs(v)).toLocaleString('en');
  return format?.startsWith('(') || v < 0 ? `(${s})` : s;
}

/** A4 landscape, fitted to the page width, the title rows on every page, a page per table. */
function printSetup(area: string, rowBreaks: number[]): PrintSetup {
  return { orientation: 'landscape', paper: 'A4', fitToWidth: true, titleRows: TITLE_ROWS, area, ...(rowBreaks.length ? { rowBreaks } : {}) };
}

function column(c: number): string {
  return toA1(0, c).replace(/\d+$/, '');
}

function groupTitle(g: { key: string; name: string }): string {
  return g.key === 'total' || g.key === '' || g.name.startsWith(g.key) ? g.name : `${g.key} ${g.name}`;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
