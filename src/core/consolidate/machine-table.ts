import { z } from 'zod';
import type { Summary } from '../summary/types';
import { fiscalYearLabel } from '../values/fiscal-year';
import { columnCount, ratingColumns } from './provenance';

/**
 * The summary as a machine-readable table, following the national rules for statistical tables
 * (総務省「統計表における機械判読可能なデータの表記方法の統一ルール」, 2020-12, check items 1-1 to
 * 1-15): one value per cell, numbers as numbers with no units or separators typed in, no merged
 * cells, no blank rows or columns, no formulas or objects, item names spelled out in the header
 * with their units, no platform-dependent characters (①, Ⅲ, ㈱ are written as 1, III, (株)), and the
 * fiscal year in Western form with the Japanese form beside it. It accompanies the print layout.
 */

const CellSchema = z.union([z.string(), z.number(), z.null()]);

export const MachineTableSchema = z.object({
  header: z.array(z.string()),
  /** Per column: numbers (true) or text. */
  numeric: z.array(z.boolean()),
  rows: z.array(z.array(CellSchema)),
});
export type MachineTable = z.infer<typeof MachineTableSchema>;

/** Text as the rules want it: compatibility characters folded (NFKC), no spacing or line breaks for layout. */
export function machineText(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

export interface MachineTableOptions {
  lang: 'ja' | 'en';
  /** The municipality, when known (check item 1-12: the area is named). */
  municipality?: string;
}

export function machineTable(summary: Summary, opts: MachineTableOptions): MachineTable {
  const ja = opts.lang === 'ja';
  const label = machineText(summary.groupLabel || (ja ? '基本方針' : 'Policy'));
  const ratings = ratingColumns(summary);
  const header: string[] = [];
  const numeric: boolean[] = [];
  const col = (h: string, isNumber: boolean) => {
    header.push(h);
    numeric.push(isNumber);
  };
  col(ja ? '年度（西暦）' : 'Fiscal year', true);
  col(ja ? '年度（和暦）' : 'Fiscal year (Japanese era)', false);
  if (opts.municipality) col(ja ? '団体名' : 'Municipality', false);
  col(ja ? `${label}番号` : `${label} no.`, false);
  col(ja ? `${label}名` : label, false);
  for (const r of ratings) col(ja ? `評価${r}の取組数（件）` : `Items rated ${r} (items)`, true);
  // 評価対象外 (－) only where the scale has items marked so.
  const notRated = summary.total.notRated > 0;
  if (notRated) col(ja ? '評価対象外の取組数（件）' : 'Items not applicable (items)', true);
  col(ja ? '未評価の取組数（件）' : 'Items not rated (items)', true);
  col(ja ? '取組数（件）' : 'Items (items)', true);
  col(ja ? '効果見込額（千円）' : 'Planned effect (JPY thousand)', true);
  col(ja ? '実績効果額（千円）' : 'Actual effect (JPY thousand)', true);
  col(ja ? '達成割合（％）' : 'Achievement of planned effect (%)', true);

  const fy = summary.reportFy;
  const rows = [...summary.groups, summary.total].map((g) => {
    const total = g.key === 'total';
    const name = total ? (ja ? '合計' : 'Total') : g.name.startsWith(g.key) ? g.name.slice(g.key.length).trim() || g.name : g.name;
    return [
      fy ?? null,
      fy !== undefined ? fiscalYearLabel(fy, 'ja') : null,
      ...(opts.municipality ? [machineText(opts.municipality)] : []),
      total ? (ja ? '合計' : 'Total') : machineText(g.key),
      machineText(name),
      ...ratings.map((r) => columnCount(summary, g, r)),
      ...(notRated ? [g.notRated] : []),
      g.unrated,
      g.total,
      g.effectPlanned,
      g.effectActual,
      // No ratio for 0/0: an empty cell, never 「-」 in a number column.
      g.effectRatio,
    ];
  });
  return MachineTableSchema.parse({ header, numeric, rows });
}

/**
 * UTF-8 CSV per RFC 4180 (CRLF, quotes doubled), with a byte order mark so that Excel opens it as
 * UTF-8 rather than Shift_JIS. Numbers are written plain (no separators), empty cells as nothing.
 */
export function machineCsv(table: MachineTable): string {
  const field = (v: string | number | null) => {
    if (v === null) return '';
    const s = typeof v === 'number' ? String(v) : v;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [table.header, ...table.rows].map((r) => r.map(field).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
