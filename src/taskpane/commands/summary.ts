import type { ApplyResult } from '../../core/plan/write-plan';
import { DEFAULT_SUMMARY_SHEET, planSummarySheet } from '../../core/plan/summary-sheet';
import type { Summary } from '../../core/summary/types';
import type { Lang } from '../i18n';
import { loadAndAnalyse } from './load';
import type { OnStep, PaneHost } from './types';

export interface SummaryOutcome {
  summary: Summary;
  sheetName: string;
  result: ApplyResult;
  /** A chart was planned; whether Excel could draw it depends on the host. */
  chart: boolean;
}

export function nowStamp(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export async function writeSummarySheet(
  host: PaneHost,
  summary: Summary,
  opts: { lang: Lang; sources: string[]; sheetName?: string; createdAt?: string },
  onStep: OnStep,
): Promise<SummaryOutcome> {
  const sheetName = opts.sheetName?.trim() || DEFAULT_SUMMARY_SHEET;
  const plan = planSummarySheet(summary, { lang: opts.lang, sources: opts.sources, sheetName, createdAt: opts.createdAt ?? nowStamp() });
  onStep('apply');
  const result = await host.apply(plan, (done, total) => onStep('apply', { done, total }));
  return { summary, sheetName, result, chart: plan.sheets.some((s) => s.chart !== undefined) };
}

export async function runSummary(
  host: PaneHost,
  opts: { lang: Lang; sheetName?: string; createdAt?: string },
  onStep: OnStep,
): Promise<SummaryOutcome> {
  const { analysis } = await loadAndAnalyse(host, onStep);
  return writeSummarySheet(host, analysis.summary, { ...opts, sources: [analysis.workbook] }, onStep);
}
