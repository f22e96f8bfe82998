import type { Direction } from '../model/plan';
import type { RatingLetter } from '../values/types';
import type { Thresholds } from './config';
import { formatNumber as f } from './format';

/** Why a letter was suggested, in both languages: shown next to the suggestion and in findings. */
export interface RatingDecision {
  letter: RatingLetter;
  reason: { ja: string; en: string };
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
export function rateDirectionVsBaseline(direction: Direction, v: RatingInput, thresholds: Thresholds): RatingDecision {
  const { actual, target, baseline, ratio } = v;
  if (direction === 'match') {
    return same(actual, target)
      ? { letter: 'B', reason: { ja: `実績${f(actual)}が計画値${f(target)}どおり`, en: `actual ${f(actual)} matches the plan ${f(target)}` } }
      : { letter: 'C', reason: { ja: `実績${f(actual)}が計画値${f(target)}と異なる`, en: `actual ${f(actual)} is off the plan ${f(target)}` } };
  }
  const outcome = beatsOrMeets(direction, actual, target);
  if (outcome === 'beats') {
    return { letter: 'A', reason: { ja: `実績${f(actual)}が目標${f(target)}を上回る成果`, en: `actual ${f(actual)} beats the target ${f(target)}` } };
  }
  if (outcome === 'meets') {
    return { letter: 'B', reason: { ja: `実績${f(actual)}が目標${f(target)}どおり`, en: `actual ${f(actual)} meets the target ${f(target)}` } };
  }
  if (baseline !== undefined) {
    return compare(direction, actual, baseline) >= 0
      ? { letter: 'B', reason: { ja: `目標${f(target)}に届かないが現状値${f(baseline)}より悪化していない(実績${f(actual)})`, en: `actual ${f(actual)} falls short of ${f(target)} but is not worse than the baseline ${f(baseline)}` } }
      : { letter: 'C', reason: { ja: `実績${f(actual)}が現状値${f(baseline)}より悪化`, en: `actual ${f(actual)} is worse than the baseline ${f(baseline)}` } };
  }
  if (ratio !== null && meets(ratio, thresholds.B, thresholds.boundary)) {
    return { letter: 'B', reason: { ja: `現状値なし。達成率${ratio}%が${thresholds.B}%以上`, en: `no baseline; ratio ${ratio}% reaches ${thresholds.B}%` } };
  }
  return {
    letter: 'C',
    reason: { ja: `現状値なし。目標${f(target)}に対し実績${f(actual)}(達成率${ratio ?? '-'}%)`, en: `no baseline; actual ${f(actual)} against target ${f(target)} (ratio ${ratio ?? '-'}%)` },
  };
}

export function meets(ratio: number, threshold: number, boundary: Thresholds['boundary']): boolean {
  return boundary === 'gte' ? ratio >= threshold : ratio > threshold;
}

/** thresholds: A/B/C by the achievement ratio against the table (以上 or 超 per `boundary`), else D. */
export function rateByThresholds(ratio: number, t: Thresholds): RatingDecision {
  const op = t.boundary === 'gte' ? '以上' : '超';
  const opEn = t.boundary === 'gte' ? '≥' : '>';
  for (const letter of ['A', 'B', 'C'] as const) {
    if (meets(ratio, t[letter], t.boundary)) {
      return { letter, reason: { ja: `達成率${ratio}%が${t[letter]}%${op}`, en: `ratio ${ratio}% ${opEn} ${t[letter]}%` } };
    }
  }
  return { letter: 'D', reason: { ja: `達成率${ratio}%が${t.C}%に届かない`, en: `ratio ${ratio}% is below ${t.C}%` } };
}
