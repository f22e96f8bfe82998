import type { Direction } from '../model/plan';
import type { Label } from '../validation/template';
import { DEFAULT_SCALE, type Grade, type Scale } from '../values/scales';
import type { ThresholdRow } from './packs';
import { DIRECTION_LABEL, DIRECTION_SOURCE_LABEL, text, type TextKey } from './texts';

/**
 * What the numbers say, put on the city's scale. `symbol` is absent when the scale has no symbol
 * for the grade (status scales are the department's judgement): `reason` then says so.
 */
export interface RatingDecision {
  grade?: Grade;
  symbol?: string;
  reason: Label;
}

export interface RatingInput {
  actual: number;
  target: number;
  baseline?: number;
  /** Achievement ratio in percent (used when there is no baseline, and by the thresholds rule). */
  ratio: number | null;
}

/** Tolerance for "equal": values come from typed decimals, so anything closer is the same number. */
const EPS = 1e-9;
const same = (a: number, b: number) => Math.abs(a - b) <= EPS * Math.max(1, Math.abs(a), Math.abs(b));

/** +1 when `a` is better than `b` in the direction, −1 when worse, 0 when equal. */
export function compare(direction: Direction, a: number, b: number): -1 | 0 | 1 {
  if (same(a, b)) return 0;
  const lowerIsBetter = direction === 'lower' || direction === 'cap-le' || direction === 'cap-lt';
  return (lowerIsBetter ? a < b : a > b) ? 1 : -1;
}

/** Whether the actual satisfies the target itself (a strict cap is not met by sitting on it). */
export function beatsOrMeets(direction: Direction, actual: number, target: number): 'beats' | 'meets' | 'short' {
  const c = compare(direction, actual, target);
  if (c > 0) return 'beats';
  if (c === 0) return direction === 'cap-lt' ? 'short' : 'meets';
  return 'short';
}

/**
 * direction-vs-baseline (the rule that explains Isehara's published ratings, DOMAIN §5):
 *  A: the actual beats the year's target in the indicator's direction (any margin);
 *  B: it meets the target, or falls short but is not worse than the baseline;
 *  C: it falls short and is worse than the baseline.
 * match (定員): equal → B, off → C; nothing beats a headcount plan.
 * No baseline: falling short is B when the ratio reaches the B threshold, else C (Isehara 5(8)⑤
 * has no baseline, 4 of 5 = 80.0 %, and is rated B). D is never suggested by this rule: "no
 * progress" is a judgement the numbers cannot make.
 */
export function rateDirectionVsBaseline(
  direction: Direction,
  v: RatingInput,
  thresholds: readonly ThresholdRow[],
  source: keyof typeof DIRECTION_SOURCE_LABEL = 'default',
  scale: Scale = DEFAULT_SCALE,
): RatingDecision {
  const { actual, target, baseline, ratio } = v;
  // Without a baseline, falling short is the 'short' grade when the ratio reaches that symbol's row (B 80 % on A–D).
  const shortRow = thresholds.find((t) => t.symbol === scale.suggest.short) ?? { symbol: '', min: 80, op: '以上' as const };
  const say = (grade: Grade, key: TextKey): RatingDecision => {
    const symbol = scale.suggest[grade];
    if (symbol === undefined) return { grade, reason: text('scaleHasNoSuggestion', { scale: scale.label }) };
    return {
      grade,
      symbol,
      reason: text(key, {
        actual,
        target,
        baseline,
        symbol,
        direction: DIRECTION_LABEL[direction],
        source: DIRECTION_SOURCE_LABEL[source],
        ratio: ratio !== null ? ratio.toFixed(1) : undefined,
        threshold: shortRow.min,
      }),
    };
  };
  if (direction === 'match') return same(actual, target) ? say('meets', 'matches') : say('worse', 'differs');
  const outcome = beatsOrMeets(direction, actual, target);
  if (outcome === 'beats') return say('beats', 'beats');
  if (outcome === 'meets') return say('meets', 'meets');
  if (baseline !== undefined) return compare(direction, actual, baseline) >= 0 ? say('short', 'shortNotWorse') : say('worse', 'worse');
  if (ratio !== null && meets(ratio, shortRow)) return say('short', 'noBaselineReaches');
  return say('worse', 'noBaselineShort');
}

/** Whether a ratio meets a threshold row: reaches it (以上) or exceeds it (超). */
export function meets(ratio: number, row: Pick<ThresholdRow, 'min' | 'op'>): boolean {
  return row.op === '以上' ? ratio >= row.min : ratio > row.min;
}

const OP = { 以上: { ja: '以上', en: 'at least' }, 超: { ja: '超', en: 'above' } } as const;

/**
 * thresholds: the first row (best first) whose threshold the ratio meets, else the scale's last
 * symbol. The rows come from the rule pack (or the scale's own table).
 */
export function rateByThresholds(ratio: number, rows: readonly ThresholdRow[], scale: Scale = DEFAULT_SCALE): RatingDecision {
  const shown = ratio.toFixed(1);
  for (const row of rows) {
    if (meets(ratio, row)) {
      return { symbol: row.symbol, reason: text('thresholdMet', { ratio: shown, threshold: row.min, op: OP[row.op], symbol: row.symbol }) };
    }
  }
  const last = scale.symbols[scale.symbols.length - 1].symbol;
  return { symbol: last, reason: text('thresholdMissed', { ratio: shown, threshold: rows[rows.length - 1]?.min ?? 0, symbol: last }) };
}
