import type { ApplyResult } from '../../core/plan/write-plan';
import { planProgressColumns } from '../../core/plan/progress-columns';
import { fiscalYearLabel } from '../../core/values/fiscal-year';
import type { Lang } from '../i18n';
import { loadAndAnalyse, pastRuledColumns } from './load';
import type { OnStep, PaneHost } from './types';

export interface ColumnsOutcome {
  fy: number;
  fyLabel: { ja: string; en: string };
  /** Tables that got columns (one header row each), and the header cells written. */
  tables: number;
  headers: number;
  result: ApplyResult;
}

export { currentFiscalYear } from '../../core/values/fiscal-year';

/**
 * Turns a plan workbook into the year's progress sheet (実績/評価/取組状況 columns right of each
 * table). Planned from a fresh read: the planner skips tables that already have that year's columns.
 */
export async function runProgressColumns(host: PaneHost, opts: { fy: number; lang: Lang }, onStep: OnStep): Promise<ColumnsOutcome> {
  const { analysis } = await pastRuledColumns(host, await loadAndAnalyse(host, onStep));
  const plan = planProgressColumns(analysis.read, opts.fy, opts.lang);
  onStep('apply');
  const result = await host.apply(plan, (done, total) => onStep('apply', { done, total }));
  const headers = plan.writes.filter((w) => w.reason === 'owned-header');
  return {
    fy: opts.fy,
    fyLabel: { ja: fiscalYearLabel(opts.fy, 'ja'), en: fiscalYearLabel(opts.fy, 'en') },
    tables: new Set(headers.map((w) => `${w.sheet}!${w.address.replace(/^[A-Z]+/, '')}`)).size,
    headers: headers.length,
    result,
  };
}
