import { FINDINGS_ROLE, FINDINGS_SHEET, planFindingsSheet } from '../../core/plan/findings-sheet';
import type { ApplyResult } from '../../core/plan/write-plan';
import { planOwnedSheet } from '../../core/settings/ownership';
import type { Lang } from '../i18n';
import { loadAndAnalyse } from './load';
import { nowStamp } from './summary';
import type { OnStep, PaneHost } from './types';

export interface ReportOutcome {
  sheetName: string;
  displaced?: string;
  result: ApplyResult;
}

/**
 * The findings written into the workbook (検証結果, owned by the add-in), so the department can send
 * the checked workbook and the planning section sees the same result; validated again, the workbook
 * gives the same codes, since the add-in's own sheets are never read as data.
 */
export async function writeFindingsReport(host: PaneHost, opts: { lang: Lang; createdAt?: string }, onStep: OnStep): Promise<ReportOutcome> {
  const { grid, analysis } = await loadAndAnalyse(host, onStep);
  const target = planOwnedSheet(grid, analysis.store, FINDINGS_ROLE, FINDINGS_SHEET);
  const plan = planFindingsSheet(analysis.plan, analysis.findings, {
    lang: opts.lang,
    target,
    workbook: analysis.workbook,
    sheets: grid.sheets.map((s) => s.name),
    createdAt: opts.createdAt ?? nowStamp(),
  });
  onStep('apply');
  const result = await host.apply(plan, (done, total) => onStep('apply', { done, total }));
  return { sheetName: target.name, ...(target.displaced ? { displaced: target.displaced } : {}), result };
}
