import type { Comparison } from '../consolidate/compare';
import type { HearingList } from '../consolidate/hearing';
import type { MachineTable } from '../consolidate/machine-table';
import type { ItemSource } from '../consolidate/provenance';
import type { WorkbookGrid } from '../grid/types';
import { planOwnedSheet } from '../settings/ownership';
import type { SettingsStore } from '../settings/store';
import type { Summary } from '../summary/types';
import { fiscalYearLabel } from '../values/fiscal-year';
import { BREAKDOWN_ROLE, breakdownSheetName, planBreakdownSheet, type CellLink } from './breakdown-sheet';
import { appendCompareTable } from './compare-table';
import { HEARING_ROLE, HEARING_SHEET, planHearingSheet } from './hearing-sheet';
import { MACHINE_ROLE, machineSheetName, planMachineSheet } from './machine-sheet';
import { combinePlans } from './owned-sheet';
import { planSummarySheet } from './summary-sheet';
import type { WritePlan } from './write-plan';

/**
 * Everything the planning section's summary writes, as one plan: the summary sheet in the city's
 * print layout (with 前年度/増減 when compared), its 内訳, the hearing list and the machine-readable
 * twin. Each sheet's name comes from planOwnedSheet, so a staff sheet of the same name is never
 * replaced, and each is recorded as the add-in's in the settings.
 */
export interface ConsolidatedSheetsOptions {
  lang: 'ja' | 'en';
  summary: Summary;
  sources: readonly ItemSource[];
  hearing: HearingList;
  machine: MachineTable;
  comparison?: Comparison;
  summarySheet: string;
  /** The files counted, for the summary's 集計元 line. */
  files: string[];
  /** Ids of items whose rating is still the add-in's unconfirmed suggestion (said on the summary sheet). */
  unconfirmed?: string[];
  createdAt?: string;
  /** Where an item's cell is in the workbook written (then it is a link). */
  linkTo?: CellLink;
}

/**
 * The plan, and the staff sheets that had a wanted name (left alone; the add-in's sheet took
 * another name), to tell the user.
 */
export function planConsolidatedSheets(grid: WorkbookGrid, store: SettingsStore, opts: ConsolidatedSheetsOptions): { plan: WritePlan; displaced: string[] } {
  const { lang, summary } = opts;
  const ja = lang === 'ja';
  const summaryTarget = planOwnedSheet(grid, store, 'summary', opts.summarySheet);
  const breakdownTarget = planOwnedSheet(grid, store, BREAKDOWN_ROLE, breakdownSheetName(opts.summarySheet));
  const hearingTarget = planOwnedSheet(grid, store, HEARING_ROLE, HEARING_SHEET);
  const machineTarget = planOwnedSheet(grid, store, MACHINE_ROLE, machineSheetName(opts.summarySheet));
  const label = summary.groupLabel || (ja ? '基本方針' : 'Policy');
  const year = summary.reportFy !== undefined ? fiscalYearLabel(summary.reportFy, lang) : '';

  let summaryPlan = planSummarySheet(summary, {
    lang,
    sources: opts.files,
    target: summaryTarget,
    ...(opts.createdAt ? { createdAt: opts.createdAt } : {}),
    ...(opts.unconfirmed?.length ? { unconfirmed: opts.unconfirmed } : {}),
  });
  if (opts.comparison) summaryPlan = appendCompareTable(summaryPlan, summaryTarget.name, opts.comparison, { lang, groupLabel: label });
  const linkTo = opts.linkTo;
  const displaced = [summaryTarget, breakdownTarget, hearingTarget, machineTarget].flatMap((t) => (t.displaced ? [t.displaced] : []));
  const plan = combinePlans('summary', [
    summaryPlan,
    planBreakdownSheet(summary, opts.sources, {
      lang,
      target: breakdownTarget,
      ...(linkTo ? { linkTo } : {}),
      ...(opts.createdAt ? { createdAt: opts.createdAt } : {}),
    }),
    planHearingSheet(opts.hearing, {
      lang,
      target: hearingTarget,
      groupLabel: label,
      ...(linkTo ? { linkTo } : {}),
      ...(opts.createdAt ? { createdAt: opts.createdAt } : {}),
    }),
    planMachineSheet(opts.machine, {
      lang,
      target: machineTarget,
      title: ja ? `${year ? `${year} ` : ''}行財政改革 取組結果の集計（${label}別・機械判読用）` : `Reform progress summary by ${label}${year ? `, ${year}` : ''} (machine-readable)`,
    }),
  ]);
  return { plan, displaced };
}
