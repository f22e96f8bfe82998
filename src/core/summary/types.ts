import type { Label } from '../validation/template';

export interface SummaryRow {
  key: string;
  name: string;
  /** Items per symbol of the plan's scale, in the scale's order (best first): `Summary.scale.symbols[i]`. */
  counts: number[];
  /** Items marked not rated / not applicable (評価対象外, －): counted apart. */
  notRated: number;
  /** Items with no rating yet. */
  unrated: number;
  /** Items counted (【再掲】 repeats excluded): rated + not rated + unrated. */
  total: number;
  /** Share of each symbol among rated items (not-rated and unrated excluded), percent to 0.1; null when none rated. */
  shares: (number | null)[];
  /** 千円, converted from the sheet's unit and summed as typed (negatives included); blanks count as nothing. */
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
  /** The city's own scale: the summary's columns. */
  scale: { id: string; label: Label; symbols: { symbol: string; label: Label }[] };
  /** Units the effect amounts were typed in (円, 千円, 百万円 …); the figures above are in 千円. */
  effectUnits: string[];
  groups: SummaryRow[];
  total: SummaryRow;
  /** Ids of items whose ratings came from suggestions (only when asked to include suggestions). */
  suggestedUsed: string[];
}

/** The count of one symbol in a row (0 when the symbol is not on the scale). */
export function countOf(s: Pick<Summary, 'scale'>, row: Pick<SummaryRow, 'counts'>, symbol: string): number {
  const i = s.scale.symbols.findIndex((x) => x.symbol === symbol);
  return i < 0 ? 0 : row.counts[i];
}
