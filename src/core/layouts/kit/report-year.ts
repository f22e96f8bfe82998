import type { CellRef } from '../../grid/types';

/**
 * The fiscal year a workbook reports on, decided by evidence rather than by one cell: the year the
 * user chose (or saved with the layout); else the year most items report (actuals, ratings, status typed in that year's
 * cells); else the latest year the sheet has progress columns for; else the year a title states.
 * A later year that only a few items have values for is an early entry (a finding, FY004), never a
 * reason to move the whole workbook to that year.
 */

export interface YearEvidence {
  fy: number;
  /** Items with something typed for that year. */
  items: number;
  /** Where, so an early entry can be pointed at. */
  cells: { cell: CellRef; itemId?: string; item?: string; raw: string }[];
}

export interface YearChoice {
  fy?: number;
  source: 'user' | 'entries' | 'columns' | 'title' | 'layout' | 'none';
  /** Entries for years after the chosen one that too few items have: each one is reported (FY004). */
  early: { fy: number; cell: CellRef; itemId?: string; item?: string; raw: string }[];
}

/** A year counts as reported when at least this share of the best-reported year's items have it. */
const MAJORITY = 0.5;

export function chooseReportYear(opts: {
  /** Chosen by the user (settings, CLI --fy, the pane). */
  asked?: number;
  evidence: YearEvidence[];
  /** Years the sheet's progress or result columns are dated, typed in or not. */
  columnYears: number[];
  /** A year the title block states (令和5年度の取組結果). */
  title?: number;
  /** The year a saved layout fixes for undated columns. */
  layout?: number;
}): YearChoice {
  if (opts.asked !== undefined) return { fy: opts.asked, source: 'user', early: [] };
  // A saved layout's year was chosen by a person too, for the columns that name none.
  if (opts.layout !== undefined) return { fy: opts.layout, source: 'layout', early: [] };
  const reported = opts.evidence.filter((e) => e.items > 0);
  if (reported.length) {
    const most = Math.max(...reported.map((e) => e.items));
    const majority = reported.filter((e) => e.items >= Math.max(1, most * MAJORITY)).map((e) => e.fy);
    const fy = Math.max(...majority);
    const early = reported.filter((e) => e.fy > fy).flatMap((e) => e.cells.map((c) => ({ fy: e.fy, ...c })));
    return { fy, source: 'entries', early };
  }
  if (opts.columnYears.length) return { fy: Math.max(...opts.columnYears), source: 'columns', early: [] };
  if (opts.title !== undefined) return { fy: opts.title, source: 'title', early: [] };
  return { source: 'none', early: [] };
}
