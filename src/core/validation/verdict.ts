import type { Item, Plan } from '../model/plan';
import type { Finding } from './finding';

/**
 * Whether a workbook can be submitted as the year's progress report. Errors block it; so does a
 * sheet that is still the plan (its items have nowhere to put a rating), even with no errors at
 * all: there is nothing to report yet. Warnings and notes are for the author to judge.
 */
export interface Verdict {
  ready: boolean;
  /** Items counted (【再掲】 repeats and the blank template are not). */
  items: number;
  errors: number;
  warnings: number;
  /** Sheets whose items have no rating column, in sheet order, and how many items that is. */
  planSheets: string[];
  planItems: number;
  /** The year the workbook reports, when it says: the year to add progress columns for. */
  reportFy?: number;
}

/** An item with no rating typed and no cell where one would go: its table has no rating column. */
export function hasNoRatingPlace(item: Item): boolean {
  return !item.rating && !item.ratingCell && !item.cells.rating;
}

export function verdictOf(plan: Plan, findings: readonly Finding[]): Verdict {
  const counted = plan.items.filter((i) => !i.flags.includes('template') && !i.flags.includes('repost'));
  const unrateable = counted.filter(hasNoRatingPlace);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  return {
    ready: counted.length > 0 && errors === 0 && unrateable.length === 0,
    items: counted.length,
    errors,
    warnings,
    planSheets: [...new Set(unrateable.map((i) => i.source.sheet))],
    planItems: unrateable.length,
    ...(plan.reportFy !== undefined ? { reportFy: plan.reportFy } : {}),
  };
}
