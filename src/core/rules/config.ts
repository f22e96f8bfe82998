import { z } from 'zod';
import { DirectionSchema } from '../model/plan';

/**
 * Rating and achievement rules are configuration (DOMAIN §5): cities publish different ratios and
 * thresholds. Defaults are documented in docs/rules.md and travel with the workbook in its settings.
 */

/**
 * actual-over-target: actual / target (target / actual for lower-is-better);
 * progress-from-baseline: (actual − baseline) / (target − baseline).
 */
export const RatioRuleSchema = z.enum(['actual-over-target', 'progress-from-baseline']);
export type RatioRule = z.infer<typeof RatioRuleSchema>;

/**
 * direction-vs-baseline: A beats target, B meets it or is not worse than baseline, C worse than
 * baseline (the rule that explains Isehara's published ratings);
 * thresholds: A/B/C by achievement ratio against the threshold table, else D.
 */
export const RatingRuleSchema = z.enum(['direction-vs-baseline', 'thresholds']);
export type RatingRule = z.infer<typeof RatingRuleSchema>;

export const ThresholdsSchema = z.object({
  /** Percentages; a ratio meets a threshold when ≥ it (以上) or > it (超) per `boundary`. */
  A: z.number(),
  B: z.number(),
  C: z.number(),
  boundary: z.enum(['gte', 'gt']),
});
export type Thresholds = z.infer<typeof ThresholdsSchema>;

export const RuleConfigSchema = z.object({
  ratioRule: RatioRuleSchema,
  ratingRule: RatingRuleSchema,
  thresholds: ThresholdsSchema,
  /** Per-item overrides, item id → direction. */
  directions: z.record(z.string(), DirectionSchema),
  /** Infer direction from wording (削減, 以内 …) and baseline → target where safe. */
  inferDirection: z.boolean(),
});
export type RuleConfig = z.infer<typeof RuleConfigSchema>;

export const DEFAULT_RULES: RuleConfig = {
  ratioRule: 'actual-over-target',
  ratingRule: 'direction-vs-baseline',
  thresholds: { A: 100, B: 80, C: 50, boundary: 'gte' },
  directions: {},
  inferDirection: true,
};
