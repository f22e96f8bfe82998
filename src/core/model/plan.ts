import { z } from 'zod';
import { CellRefSchema } from '../grid/types';
import { ScaleSchema } from '../values/scales';
import { NumberValueSchema, ParsedValueSchema, RatingSchema } from '../values/types';
import { CellRulesSchema } from './fields';
import { CellKeySchema, NoteKeySchema } from './keys';

/**
 * The plan model every layout reader produces and every rule, validation and summary consumes.
 * Fiscal years are Western start years (令和5年度 → 2023).
 */

/** higher: bigger is better; lower: smaller is better; cap-le / cap-lt: 以内 / 未満 a ceiling; match: hit the planned number. */
export const DirectionSchema = z.enum(['higher', 'lower', 'cap-le', 'cap-lt', 'match']);
export type Direction = z.infer<typeof DirectionSchema>;

/** annual: a value per year; cumulative: 累計 running total; level: state at year end; sum: final target = sum of yearly targets. */
export const AggregationSchema = z.enum(['annual', 'cumulative', 'level', 'sum']);
export type Aggregation = z.infer<typeof AggregationSchema>;

export const YearValueSchema = z.object({
  fy: z.number().int(),
  value: ParsedValueSchema,
});
export type YearValue = z.infer<typeof YearValueSchema>;

export const IndicatorSchema = z.object({
  name: z.string(),
  unit: z.string().optional(),
  /** Where the direction came from: inferred by a rule, set in settings, or stated in the sheet (以内/未満). */
  direction: DirectionSchema,
  directionSource: z.enum(['default', 'inferred', 'stated', 'settings']),
  aggregation: AggregationSchema,
  /** 「-」 in 単位, or no numeric target anywhere: only staff can rate it. */
  qualitative: z.boolean(),
  baseline: z
    .object({ value: ParsedValueSchema, fy: z.number().int().optional() })
    .optional(),
  targets: z.array(YearValueSchema),
  actuals: z.array(YearValueSchema),
  /** 計画最終年度の目標値 / 目標値(令和8年) when given separately from yearly targets. */
  finalTarget: z.object({ value: ParsedValueSchema, fy: z.number().int().optional() }).optional(),
  /** Name/unit cells, for findings. */
  cell: CellRefSchema.optional(),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const EffectYearSchema = z.object({
  fy: z.number().int(),
  planned: ParsedValueSchema.optional(),
  actual: ParsedValueSchema.optional(),
});

export const EffectsSchema = z.object({
  /** The unit the sheet types amounts in (千円 in most plans; 円, 百万円 …): the summary converts to 千円. */
  unit: z.string().default('千円'),
  byYear: z.array(EffectYearSchema),
  /** 〔小計〕 as written in the sheet, if any. */
  plannedSubtotal: ParsedValueSchema.optional(),
  actualSubtotal: ParsedValueSchema.optional(),
});
export type Effects = z.infer<typeof EffectsSchema>;

/** Flags a reader attaches to an item; each is explained in docs/layouts.md. */
export const ItemFlagSchema = z.enum([
  'repost', // 【再掲】: listed again elsewhere, counted once
  'continuing', // 【継続項目】
  'list-only', // in the item list but without an item sheet
  'sheet-only', // an item sheet with no list row
  'template', // the blank template sheet
]);
export type ItemFlag = z.infer<typeof ItemFlagSchema>;

export const ItemSchema = z.object({
  /** Stable id within the plan: the city's own number (`1(2)④`, `No.12`), else sheet+row. */
  id: z.string(),
  policyKey: z.string(),
  policyName: z.string(),
  /** Second level (改革の推進項目 / テーマプログラム / 改革項目 …). */
  groupKey: z.string().optional(),
  groupName: z.string().optional(),
  name: z.string(),
  departments: z.array(z.string()),
  indicators: z.array(IndicatorSchema),
  effects: EffectsSchema.optional(),
  /** The fiscal year this report is for (the year whose actual and rating are due). */
  reportFy: z.number().int().optional(),
  /** Rating staff entered for reportFy; absent when the cell is blank. */
  rating: RatingSchema.optional(),
  /** Where a rating for reportFy belongs, blank or not: what `fill` writes to. */
  ratingCell: CellRefSchema.optional(),
  /** Cross-classification some cities use (Tsukubamirai 推進手段 × 基本姿勢 …): axis → key. */
  classes: z.record(z.string(), z.string()).optional(),
  flags: z.array(ItemFlagSchema),
  /** Texts for display and checks (取組状況, 今後の課題 …), under typed keys (keys.ts). */
  notes: z.partialRecord(NoteKeySchema, z.string()).optional(),
  /** The cell of every field the reader took, under typed keys (`name`, `unit`, `target:2023` …; keys.ts). */
  cells: z.partialRecord(CellKeySchema, CellRefSchema),
  /** Which layout produced it and where: sheet and 0-based row of the item's first row. */
  source: z.object({ layout: z.string(), sheet: z.string(), row: z.number().int() }),
});
export type Item = z.infer<typeof ItemSchema>;

export const PolicySchema = z.object({
  key: z.string(),
  name: z.string(),
  /** Display order as in the plan. */
  order: z.number(),
});
export type Policy = z.infer<typeof PolicySchema>;

export const PlanSchema = z.object({
  /** Layout ids that contributed (several when a workbook holds a list plus item sheets). */
  layouts: z.array(z.string()),
  /** The name the city gives its top level (基本方針, 重点項目, 視点 …). */
  policyLabel: z.string(),
  policies: z.array(PolicySchema),
  items: z.array(ItemSchema),
  reportFy: z.number().int().optional(),
  /** The rating scale the plan is rated on (values/scales.ts); absent = A–D. */
  scale: ScaleSchema.optional(),
  /** The rule pack the plan is evaluated with (rules/packs.ts), as the workbook records it. */
  rulePack: z.object({ id: z.string(), version: z.number().int(), label: z.object({ ja: z.string(), en: z.string() }) }).optional(),
  /**
   * The plan period (令和5〜9年度 = 2023–2027), when the saved layout states it or the rule pack in effect
   * is for a period holding the report year; absent when the workbook cannot tell (SCH004 then stays silent).
   */
  period: z.object({ from: z.number().int(), to: z.number().int() }).optional(),
  /** What each layout requires of its cells (its spec's field rules), by layout id: the validator checks it. */
  cellRules: z.record(z.string(), CellRulesSchema).optional(),
  /** Names of the keys in Item.classes, by axis (基本姿勢: { ①: 時代変化を先取りする… }), where the plan gives them. */
  classNames: z.record(z.string(), z.record(z.string(), z.string())).optional(),
});
export type Plan = z.infer<typeof PlanSchema>;

/** An item's cells and notes under their typed keys (keys.ts). */
export type CellMap = Item['cells'];
export type NoteMap = NonNullable<Item['notes']>;

/** Class names of several reads (or files), by axis; the first that names a key wins. */
export function mergeClassNames(all: (Record<string, Record<string, string>> | undefined)[]): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const names of all) for (const [axis, keys] of Object.entries(names ?? {})) out[axis] = { ...keys, ...out[axis] };
  return out;
}

export { NumberValueSchema };
