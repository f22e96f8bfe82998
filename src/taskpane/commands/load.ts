import { analyse, type Analysis } from '../../core/engine/analyse';
import type { WorkbookGrid } from '../../core/grid/types';
import { fiscalYearLabel } from '../../core/values/fiscal-year';
import { layoutById } from '../../core/layouts/registry';
import type { OnStep, PaneHost } from './types';

export interface Loaded {
  grid: WorkbookGrid;
  analysis: Analysis;
}

/**
 * Every command starts here: co-authors may have changed cells or settings since the last command,
 * so nothing read earlier is trusted. Settings come from the grid, so they are re-read too.
 */
export async function loadAndAnalyse(host: PaneHost, onStep: OnStep): Promise<Loaded> {
  onStep('read');
  const grid = await host.read((done, total) => onStep('read', { done, total }));
  onStep('analyse');
  return { grid, analysis: analyse(grid) };
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
  items: number;
}

export function headerInfo(a: Analysis): HeaderInfo {
  const fy = a.plan.reportFy;
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
    items: a.plan.items.length,
  };
}

export async function inspect(host: PaneHost, onStep: OnStep): Promise<HeaderInfo> {
  return headerInfo((await loadAndAnalyse(host, onStep)).analysis);
}
