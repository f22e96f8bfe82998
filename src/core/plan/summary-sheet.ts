import { toA1 } from '../grid/a1';
import type { Summary, SummaryRow } from '../summary/types';
import { ownerNote, recordOwnedSheet, type OwnedSheetTarget } from '../settings/ownership';
import { fiscalYearLabel } from '../values/fiscal-year';
import { RATING_LABELS } from '../values/rating';
import type { CellWrite, NewSheet, WritePlan } from './write-plan';

export const DEFAULT_SUMMARY_SHEET = '行革集計';

export interface SummarySheetOptions {
  lang: 'ja' | 'en';
  /** Where the sheet goes, decided from the workbook and its settings (planOwnedSheet, role 'summary'). */
  target: OwnedSheetTarget;
  /** What the summary was built from, printed under the title (file names or the workbook name). */
  sources: string[];
  /** Shown as the creation time; passed in so the core stays pure and output reproducible. */
  createdAt?: string;
}

const LETTERS = ['A', 'B', 'C', 'D'] as const;
const HEAD = { bold: true, fill: '#DDEBF7', align: 'center', wrap: true, border: true } as const;
const BODY = { border: true } as const;

/**
 * The summary sheet, laid out like Isehara's published 分野別内訳表 (counts by 基本方針) and its
 * 実績効果額 table (planned amount in parentheses above the actual, per policy), plus a native chart
 * of the A–D counts where the host can draw one. Text is written as text, numbers as numbers.
 */
export function planSummarySheet(summary: Summary, opts: SummarySheetOptions): WritePlan {
  const ja = opts.lang === 'ja';
  const { target } = opts;
  const name = target.name;
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
  const made = opts.createdAt ? (ja ? `作成日時 ${opts.createdAt}。` : `Made ${opts.createdAt}. `) : '';
  put(2, 0, made + ownerNote(target.role, target.token, opts.lang));

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
    owner: { role: target.role, token: target.token },
    replace: target.replace,
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
  return { label: 'summary', writes: [], sheets: [sheet], settingsChanges: [recordOwnedSheet(target)] };
}

function groupTitle(g: SummaryRow): string {
  return g.key === 'total' || g.name.startsWith(g.key) ? g.name : `${g.key} ${g.name}`;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
