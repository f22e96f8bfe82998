import { analyse, type Analysis } from '../../core/engine/analyse';
import { reanalyse } from '../../core/engine/incremental';
import type { WorkbookGrid } from '../../core/grid/types';
import { fiscalYearLabel } from '../../core/values/fiscal-year';
import { layoutById } from '../../core/layouts/registry';
import { planTables } from '../../core/plan/progress-columns';
import { verdictOf } from '../../core/validation/verdict';
import { keptOrRead } from './kept';
import type { OnStep, PaneHost } from './types';

export interface Loaded {
  grid: WorkbookGrid;
  analysis: Analysis;
}

/**
 * Every command starts here. Co-authors may have changed cells or settings since the last command,
 * so what was read earlier is used only while the host vouches for what changed (kept.ts): nothing,
 * or a few edited cells, read again and analysed incrementally; otherwise the workbook is read and
 * analysed again. Settings come from the grid, so they follow.
 */
export async function loadAndAnalyse(host: PaneHost, onStep: OnStep): Promise<Loaded> {
  onStep('read');
  return keptOrRead(
    host,
    async () => {
      const grid = await host.read((done, total) => onStep('read', { done, total }));
      onStep('analyse');
      return { grid, analysis: analyse(grid, { incremental: true }) };
    },
    // A few cells edited: only the items they touch are analysed again, where that is sure to be right.
    (kept, grid, changed) => {
      onStep('analyse');
      return { grid, analysis: quickly(kept.analysis, kept.grid, grid, changed) ?? analyse(grid, { incremental: true }) };
    },
  );
}

/** The incremental answer, if it has one; a fault in it is never the command's: the full analysis answers instead. */
function quickly(...args: Parameters<typeof reanalyse>): Analysis | undefined {
  try {
    return reanalyse(...args);
  } catch {
    return undefined;
  }
}

export interface HeaderInfo {
  workbook: string;
  layouts: {
    id: string;
    label: { ja: string; en: string };
    sheets: string[];
    forced: boolean;
    reasons: { sheet: string; reason: { ja: string; en: string } }[];
  }[];
  reportFy?: number;
  fyLabel: { ja: string; en: string } | null;
  /** Items counted (【再掲】 repeats and blank templates not), and the repeats left out. */
  items: number;
  reposts: number;
  /** Tables that can take a year's progress columns (plan tables); 0 on a results sheet. */
  planTables: number;
  /** Sheets whose items have no rating column, and how many items that is. */
  planSheets: string[];
  planItems: number;
}

export function headerInfo(a: Analysis): HeaderInfo {
  const fy = a.plan.reportFy;
  const verdict = verdictOf(a.plan, a.findings);
  return {
    workbook: a.workbook,
    layouts: a.detection.chosen.map((c) => ({
      id: c.layout,
      label: layoutById(c.layout)?.label ?? { ja: c.layout, en: c.layout },
      sheets: c.sheets,
      forced: c.forced,
      reasons: c.reasons,
    })),
    ...(fy !== undefined ? { reportFy: fy } : {}),
    fyLabel: fy !== undefined ? { ja: fiscalYearLabel(fy, 'ja'), en: fiscalYearLabel(fy, 'en') } : null,
    items: verdict.items,
    reposts: a.plan.items.filter((i) => i.flags.includes('repost') && !i.flags.includes('template')).length,
    planTables: planTables(a.read).length,
    planSheets: verdict.planSheets,
    planItems: verdict.planItems,
  };
}

export async function inspect(host: PaneHost, onStep: OnStep): Promise<HeaderInfo> {
  return headerInfo((await loadAndAnalyse(host, onStep)).analysis);
}
