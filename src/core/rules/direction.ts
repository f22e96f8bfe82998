import { oncePerText } from '../once-per';
import type { Direction, Indicator } from '../model/plan';
import type { ParsedValue } from '../values/types';
import { normalizeWidth, valueIn } from '../values';
import type { RuleConfig } from './config';
import { DIRECTION_LABEL, text } from './texts';

/**
 * Which way an indicator should move (DOMAIN §5). Readers call `inferDirection` when they build an
 * indicator; evaluation calls `resolveDirection` to let settings override what the reader inferred.
 *
 * Order of evidence, strongest first:
 *  1. a cap typed in a target (`30億円以内`, `90%未満`): stated by the sheet itself;
 *  2. wording of the indicator name (savings amounts, 削減/抑制/排出量 …, 定員/職員数, 利益/収納率 …);
 *  3. the planned trend from baseline through the yearly targets to the final target, but only when
 *     it is a clear trend (see `trendDirection`);
 *  4. otherwise 'higher' with source 'default'.
 *
 * Isehara shows why 3 must be cautious: 1(2)④ 可燃ごみの排出量 plans R5 above its baseline yet is
 * lower-is-better (wording catches it); 5(8)⑫ 当期純利益 plans a flat 16,000 below a 16,262 baseline
 * yet is higher-is-better (wording catches it, and a flat plan is not a trend anyway).
 */

export interface DirectionInput {
  name: string;
  unit?: string;
  baseline?: ParsedValue | number;
  /** The report year's target, when the caller has only that one. */
  target?: ParsedValue | number;
  /** All yearly targets in year order. */
  targets?: (ParsedValue | number)[];
  finalTarget?: ParsedValue | number;
}

export type DirectionSource = Indicator['directionSource'];

export interface InferredDirection {
  direction: Direction;
  source: DirectionSource;
  /** Why, for tooltips and docs. */
  why: { ja: string; en: string };
}

/**
 * Names of savings achieved (削減額, 削減率 …): the reduction is the achievement, so more is better.
 * Checked before the lower-is-better words, which they contain.
 */
const SAVINGS = /(削減|縮減|抑制|減少|節減|低減|短縮)(時間|額|率|量|効果|件数|数|分|日数)|効果額|削減実績/;

/** Things the plan wants fewer of. */
const LOWER_WORDS: RegExp[] = [
  /削減/,
  /縮減/,
  /抑制/,
  /排出量/,
  /時間外/,
  /超過勤務/,
  /残業/,
  /経常収支比率/,
  /公債費比率/,
  /将来負担比率/,
  /件数の減少/,
  /の減少$/,
  /待機児童/,
  /滞納/,
  /未収/,
  /不納欠損/,
  /事故/,
  /ごみ.*量/,
  /市債残高|地方債残高|借入金残高|地方債現在高|市債現在高|債務残高/,
  // Facility-reduction plans (公共施設等総合管理計画): less floor area is the goal.
  /延べ床面積|延床面積|保有面積|施設総量/,
  /繰出金/,
  /光熱水費|人件費|維持管理費|管理運営費/,
  // Time people wait or a task takes: the plan wants it shorter (短縮時間, time saved, is a saving above).
  /待ち時間|待機時間|所要時間|処理時間|処理日数|滞在時間|移動時間/,
];

/** Planned headcounts: the plan number is the goal, neither more nor less. */
const MATCH_WORDS: RegExp[] = [/定員/, /職員数/, /職員定数/];

/**
 * Things the plan wants more of, listed because their plans sometimes sit below the baseline
 * (a profit held at a conservative level) and the trend rule must not read them as lower.
 */
const HIGHER_WORDS: RegExp[] = [/利益/, /黒字/, /収納率/, /徴収率/, /収入/, /寄附/, /納税/, /基金.*残高|財政調整基金/];

function num(v: ParsedValue | number | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  return v.kind === 'number' ? v.value : undefined;
}

/** A unit that says the number is how much was cut or saved: 人削減, %削減, 件減, t縮減. */
const CUT_UNIT = /(削減|縮減|減少|節減|低減|減)$/;

function isCutAmount(v: ParsedValue | number | undefined): boolean {
  return v !== undefined && typeof v !== 'number' && v.kind === 'number' && v.unit !== undefined && CUT_UNIT.test(v.unit);
}

function capOf(v: ParsedValue | number | undefined): 'le' | 'lt' | undefined {
  return v !== undefined && typeof v !== 'number' && v.kind === 'number' ? v.cap : undefined;
}

/**
 * A clear planned trend: baseline, yearly targets and final target are all numbers on the same side
 * of the baseline, the yearly targets move monotonically away from it and at least two distinct
 * values differ from it. A flat plan (16,000 every year) or one that crosses the baseline says nothing.
 */
export function trendDirection(
  baseline: number | undefined,
  targets: number[],
  finalTarget: number | undefined,
): 'higher' | 'lower' | undefined {
  if (baseline === undefined) return undefined;
  const series = [...targets, ...(finalTarget !== undefined ? [finalTarget] : [])];
  if (series.length === 0) return undefined;
  const above = series.every((v) => v >= baseline);
  const below = series.every((v) => v <= baseline);
  if (above === below) return undefined; // crosses, or all equal to the baseline
  // One planned value away from the baseline is a level, not a trend (5(8)⑫ had one, repeated).
  const moved = new Set(series.filter((v) => v !== baseline)).size;
  if (moved < 2) return undefined;
  if (targets.length > 1) {
    const steps = targets.slice(1).map((v, i) => v - targets[i]);
    const rising = steps.every((d) => d >= 0) && steps.some((d) => d > 0);
    const falling = steps.every((d) => d <= 0) && steps.some((d) => d < 0);
    if (above && !rising) return undefined;
    if (below && !falling) return undefined;
  }
  return above ? 'higher' : 'lower';
}

const WHY = {
  capLe: text('whyCapLe'),
  capLt: text('whyCapLt'),
  savings: text('whySavings'),
  cut: text('whyCut'),
  lower: text('whyLower'),
  match: text('whyMatch'),
  higher: text('whyHigher'),
  trendUp: text('whyTrendUp'),
  trendDown: text('whyTrendDown'),
  pairUp: text('whyPairUp'),
  pairDown: text('whyPairDown'),
  fallback: text('whyDefault'),
  settings: text('whySettings'),
};

/**
 * A plan that states only a baseline and one final target (二本松 24%⇒30%, 湯沢 現状 → 目標値(令和8年))
 * says by that pair which way it wants to go: there are no yearly targets to be flat or to cross the
 * baseline, only the one target the plan chose. Compared in the target's unit (629万枚 ⇒ 560万枚).
 */
function pairDirection(baseline: ParsedValue | number | undefined, finalTarget: ParsedValue | number | undefined): 'higher' | 'lower' | undefined {
  const t = num(finalTarget);
  if (t === undefined || baseline === undefined) return undefined;
  let b = num(baseline);
  if (b === undefined) return undefined;
  if (typeof baseline !== 'number' && baseline.kind === 'number' && typeof finalTarget !== 'number' && finalTarget?.kind === 'number') {
    b = valueIn(baseline, finalTarget.unit) ?? b;
  }
  if (b === t) return undefined;
  return t < b ? 'lower' : 'higher';
}

/**
 * What the indicator's name says, if anything. Worked out once per name: a plan repeats its
 * indicators' names on every sheet and year, and each name is tried against some thirty patterns.
 */
const wordingOf = oncePerText((text: string): InferredDirection | undefined => {
  const name = normalizeWidth(text).replace(/\s+/g, '');
  if (SAVINGS.test(name)) return { direction: 'higher', source: 'inferred', why: WHY.savings };
  if (LOWER_WORDS.some((re) => re.test(name))) return { direction: 'lower', source: 'inferred', why: WHY.lower };
  if (MATCH_WORDS.some((re) => re.test(name))) return { direction: 'match', source: 'inferred', why: WHY.match };
  if (HIGHER_WORDS.some((re) => re.test(name))) return { direction: 'higher', source: 'inferred', why: WHY.higher };
  return undefined;
});

export function inferDirection(input: DirectionInput): InferredDirection {
  const targets = input.targets ?? (input.target !== undefined ? [input.target] : []);
  const all = [...targets, input.finalTarget];
  const caps = all.map(capOf).filter((c): c is 'le' | 'lt' => c !== undefined);
  if (caps.includes('lt')) return { direction: 'cap-lt', source: 'stated', why: WHY.capLt };
  if (caps.includes('le')) return { direction: 'cap-le', source: 'stated', why: WHY.capLe };

  // A target written as the amount to cut (10人削減, 30%削減): the cut is the achievement, whatever the
  // indicator's name says (職員数 would otherwise be a headcount to match).
  if (all.some(isCutAmount)) return { direction: 'higher', source: 'inferred', why: WHY.cut };

  const worded = wordingOf(input.name);
  if (worded) return { ...worded };

  const nums = targets.map(num).filter((v): v is number => v !== undefined);
  const trend = trendDirection(num(input.baseline), nums, num(input.finalTarget));
  if (trend === 'higher') return { direction: 'higher', source: 'inferred', why: WHY.trendUp };
  if (trend === 'lower') return { direction: 'lower', source: 'inferred', why: WHY.trendDown };
  const pair = pairDirection(input.baseline, nums.length === 0 ? input.finalTarget : undefined);
  if (pair) return { direction: pair, source: 'inferred', why: pair === 'lower' ? WHY.pairDown : WHY.pairUp };
  return { direction: 'higher', source: 'default', why: WHY.fallback };
}

/**
 * The direction evaluation uses: settings first, then what the reader recorded; when the reader left
 * the default and inference is on, infer again from the indicator (readers may not have called us).
 */
export function resolveDirection(
  itemId: string,
  indicator: Indicator,
  rules: Pick<RuleConfig, 'directions' | 'inferDirection'>,
): InferredDirection {
  const set = rules.directions[itemId];
  if (set) return { direction: set, source: 'settings', why: WHY.settings };
  if (indicator.directionSource !== 'default') {
    return { direction: indicator.direction, source: indicator.directionSource, why: whyFor(indicator) };
  }
  if (!rules.inferDirection) return { direction: indicator.direction, source: 'default', why: WHY.fallback };
  return inferDirection({
    name: indicator.name,
    unit: indicator.unit,
    baseline: indicator.baseline?.value,
    targets: [...indicator.targets].sort((a, b) => a.fy - b.fy).map((t) => t.value),
    finalTarget: indicator.finalTarget?.value,
  });
}

function whyFor(ind: Indicator): { ja: string; en: string } {
  if (ind.directionSource === 'stated') return ind.direction === 'cap-lt' ? WHY.capLt : WHY.capLe;
  if (ind.directionSource === 'settings') return WHY.settings;
  return (whyRead[ind.direction] ??= text('whyRead', { direction: DIRECTION_LABEL[ind.direction] }));
}
const whyRead: Partial<Record<Indicator['direction'], { ja: string; en: string }>> = {};
