import type { RatingLetter } from '../values/types';

export type Counts = Record<RatingLetter | 'unrated', number>;

export interface SummaryRow {
  key: string;
  name: string;
  counts: Counts;
  /** Items counted (【再掲】 repeats excluded). */
  total: number;
  /** Share of each rating among rated items, percent to 0.1; null when none rated. */
  shares: Record<RatingLetter, number | null>;
  /** 千円, summed as typed (negatives included); blanks count as nothing. */
  effectPlanned: number;
  effectActual: number;
  /** 達成割合 = effectActual / effectPlanned in percent; null for 0/0 (shown as 「-」). */
  effectRatio: number | null;
}

export interface Summary {
  /** What the grouping level is called (基本方針, 重点項目 …) and by which axis items were grouped. */
  groupLabel: string;
  axis: string;
  reportFy?: number;
  groups: SummaryRow[];
  total: SummaryRow;
  /** Ids of items whose ratings came from suggestions (only when asked to include suggestions). */
  suggestedUsed: string[];
}
