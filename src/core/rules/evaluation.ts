import type { Direction } from '../model/plan';
import type { CellRef } from '../grid/types';

/**
 * The computed view of one item for its report year: the numbers used, the achievement ratio and
 * the suggested rating, each with the reason in both languages so the UI can explain itself.
 */
export interface Evaluation {
  itemId: string;
  fy: number | undefined;
  /** Index of the indicator used (the first numeric one). */
  indicator: number;
  direction: Direction;
  baseline?: number;
  target?: number;
  actual?: number;
  /** Achievement ratio in percent, rounded to 0.1; absent when not computable. */
  ratio?: number;
  /** Absent for qualitative items and when target or actual is missing. */
  /** A symbol of the plan's scale. */
  suggested?: string;
  entered?: string;
  /** Where the entered rating is / a suggested one would go. */
  ratingCell?: CellRef;
  reason: { ja: string; en: string };
}
