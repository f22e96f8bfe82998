import type { ApplyResult, WritePlan } from '../../core/plan/write-plan';
import { planFill, type Suggestion } from '../../core/plan/fill';
import type { Lang } from '../i18n';
import { loadAndAnalyse, pastRuledColumns } from './load';
import type { OnStep, PaneHost } from './types';

export interface Disagreement {
  itemId: string;
  itemName: string;
  sheet: string;
  address: string;
  entered: string;
  suggested: string;
  reason: { ja: string; en: string };
}

export interface FillPreviewView {
  /** Ratings this fill writes, for the department to confirm. */
  suggestions: Suggestion[];
  ratings: number;
  ratios: number;
  subtotals: number;
  headers: number;
  /** Cells the plan writes, including cleared ratio cells and the owned column's header. */
  cells: number;
  disagreements: Disagreement[];
}

export interface FillOutcome {
  preview: FillPreviewView;
  result: ApplyResult;
}

async function plan(host: PaneHost, onStep: OnStep, lang: Lang): Promise<{ plan: WritePlan; preview: FillPreviewView }> {
  const { grid, analysis } = await pastRuledColumns(host, await loadAndAnalyse(host, onStep));
  const { plan, preview } = planFill(grid, analysis, { lang });
  const items = new Map(analysis.plan.items.map((i) => [i.id, i]));
  const disagreements = preview.disagreements.map((d) => {
    const item = items.get(d.itemId);
    const cell = d.ratingCell ?? item?.ratingCell;
    return {
      itemId: d.itemId,
      itemName: item?.name ?? '',
      sheet: cell?.sheet ?? '',
      address: cell?.address ?? '',
      entered: d.entered!,
      suggested: d.suggested!,
      reason: d.reason,
    };
  });
  return {
    plan,
    preview: {
      suggestions: preview.suggestions,
      ratings: preview.ratings,
      ratios: preview.ratios,
      subtotals: preview.subtotals,
      headers: preview.headers,
      cells: plan.writes.length,
      disagreements,
    },
  };
}

export async function previewFill(host: PaneHost, onStep: OnStep, lang: Lang = 'ja'): Promise<FillPreviewView> {
  return (await plan(host, onStep, lang)).preview;
}

/**
 * Plans again from a fresh read rather than reusing the preview: between preview and click a
 * co-author may have typed into a cell, and each write's `expect` must describe the cell as it is now.
 */
export async function runFill(host: PaneHost, onStep: OnStep, lang: Lang = 'ja'): Promise<FillOutcome> {
  const { plan: p, preview } = await plan(host, onStep, lang);
  onStep('apply');
  const result = await host.apply(p, (done, total) => onStep('apply', { done, total }));
  return { preview, result };
}
