import { workbookSummary } from '../../core/consolidate/workbook-inputs';
import type { ApplyResult } from '../../core/plan/write-plan';
import { DEFAULT_SUMMARY_SHEET, planSummarySheet } from '../../core/plan/summary-sheet';
import type { WorkbookGrid } from '../../core/grid/types';
import { planOwnedSheet } from '../../core/settings/ownership';
import { readStore } from '../../core/settings/store';
import type { Summary } from '../../core/summary/types';
import type { Lang } from '../i18n';
import { loadAndAnalyse } from './load';
import type { OnStep, PaneHost } from './types';

export interface SummaryOutcome {
  summary: Summary;
  sheetName: string;
  /** The wanted name belongs to a sheet staff made, so the summary went to `sheetName` instead. */
  displaced?: string;
  result: ApplyResult;
  /** A chart was planned; whether Excel could draw it depends on the host. */
  chart: boolean;
  /** Item ids whose rating is still the add-in's suggestion (said on the sheet and in the pane). */
  unconfirmed: string[];
}

export function nowStamp(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/**
 * `opts.grid` is the workbook the sheet goes into, as just read (read here when absent): it decides
 * which sheet is the add-in's to replace.
 */
export async function writeSummarySheet(
  host: PaneHost,
  summary: Summary,
  opts: { lang: Lang; sources: string[]; sheetName?: string; createdAt?: string; grid?: WorkbookGrid; unconfirmed?: string[] },
  onStep: OnStep,
): Promise<SummaryOutcome> {
  const grid = opts.grid ?? (await host.read((done, total) => onStep('read', { done, total })));
  const target = planOwnedSheet(grid, readStore(grid), 'summary', opts.sheetName?.trim() || DEFAULT_SUMMARY_SHEET);
  const unconfirmed = opts.unconfirmed ?? [];
  const plan = planSummarySheet(summary, { lang: opts.lang, sources: opts.sources, target, createdAt: opts.createdAt ?? nowStamp(), unconfirmed });
  onStep('apply');
  const result = await host.apply(plan, (done, total) => onStep('apply', { done, total }));
  return {
    summary,
    sheetName: target.name,
    ...(target.displaced ? { displaced: target.displaced } : {}),
    result,
    chart: plan.sheets.some((s) => s.chart !== undefined),
    unconfirmed,
  };
}

export async function runSummary(
  host: PaneHost,
  opts: { lang: Lang; sheetName?: string; createdAt?: string },
  onStep: OnStep,
): Promise<SummaryOutcome> {
  const { grid, analysis } = await loadAndAnalyse(host, onStep);
  // Sheets inserted by 取り込み are counted once, as their department's (workbook-inputs.ts).
  const { summary, files, unconfirmed } = workbookSummary(grid, analysis);
  return writeSummarySheet(host, summary, { ...opts, sources: files, grid, unconfirmed }, onStep);
}
