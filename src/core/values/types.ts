import { z } from 'zod';
import { CellRefSchema } from '../grid/types';

/**
 * What a cell typed by staff means (DOMAIN §4). Every parse keeps the raw text and the source cell,
 * so a finding can quote what was typed and point at it.
 */

/** 'le' = 以内/以下 (≤ target is fine), 'lt' = 未満 (< target). */
export const CapSchema = z.enum(['le', 'lt']);
/** 'ge' = 以上 (≥), 'gt' = 超 (>). */
export const FloorSchema = z.enum(['ge', 'gt']);

const base = {
  raw: z.string(),
  cell: CellRefSchema.optional(),
};

export const NumberValueSchema = z.object({
  ...base,
  kind: z.literal('number'),
  value: z.number(),
  /** Decimal places as typed (`99.0` → 1), so output keeps the precision shown. */
  decimals: z.number().int().nonnegative(),
  /** Unit written inside the value (`%`, `件`, `千円`, `億円`, `回` …), after multipliers were applied to value. */
  unit: z.string().optional(),
  /** 以内 / 未満 qualifier: the value is a cap. */
  cap: CapSchema.optional(),
  /** `(令和3年度)` / `(R3)` annotation: the fiscal year (Western start year) the value refers to. */
  year: z.number().int().optional(),
  /** `(累計)` or `累計` inside the value. */
  cumulative: z.boolean().optional(),
  /** `年2回` / `/年`: a per-year rate. */
  perYear: z.boolean().optional(),
  /** Compound `2(78)` or `年2回（12回）`: the number in brackets (a running or plan total). */
  secondary: z.number().optional(),
  /** Unit written with the bracketed number (`回` in `年2回（12回）`), when there is one. */
  secondaryUnit: z.string().optional(),
  /**
   * The whole number stood in brackets, `(29,273)`: in Japanese summaries that marks a planned
   * amount shown beside the actual, never a negative (accounting brackets are not used here).
   */
  parenthesized: z.boolean().optional(),
  /** 以上 / 超 qualifier: the value is a floor ('ge' ≥, 'gt' >). */
  floor: FloorSchema.optional(),
  /** 約 / 程度 / 前後: an approximate figure. */
  approx: z.boolean().optional(),
  /** 見込 / 速報 / 暫定 / 概算: a provisional figure. */
  provisional: z.boolean().optional(),
  /**
   * Bracketed remarks kept as written when they are not a year, 累計 or a compound number
   * (`当初予算` from `16.1億円(令和4年度当初予算)`, `末` from `(令和3年度末)`).
   */
  notes: z.array(z.string()).optional(),
});
export type NumberValue = z.infer<typeof NumberValueSchema>;

/** `-`, blank: no value / not applicable (never zero). */
export const BlankValueSchema = z.object({ ...base, kind: z.literal('blank') });
/** `—` (U+2014) and similar dashes: not applicable for that year. */
export const NotApplicableValueSchema = z.object({ ...base, kind: z.literal('na') });
/** Anything else: free text; `state` is set for known qualitative states (検討, 実施, 未導入, 策定 …). */
export const TextValueSchema = z.object({
  ...base,
  kind: z.literal('text'),
  text: z.string(),
  state: z.string().optional(),
  /** `↓`, `〃`, `同上`: "same as the cell above" in plan-text cells. */
  ditto: z.boolean().optional(),
  /** An Excel error value (`#N/A`, `#DIV/0!` …) as the host reported it. */
  excelError: z.boolean().optional(),
});

export const ParsedValueSchema = z.discriminatedUnion('kind', [
  NumberValueSchema,
  BlankValueSchema,
  NotApplicableValueSchema,
  TextValueSchema,
]);
export type ParsedValue = z.infer<typeof ParsedValueSchema>;

/** A rating cell read on the plan's scale (values/scales.ts). */
export const RatingSchema = z.object({
  ...base,
  /** The scale's symbol (A, S, ◎, 達成, 3 …), or the not-rated mark as typed when `notRated`. */
  symbol: z.string(),
  /** The label typed after the symbol, if any (`概ね計画どおり`). */
  label: z.string().optional(),
  /**
   * The symbol the label itself stands for, when it is one of the scale's wordings. It differs from
   * `symbol` when staff typed e.g. `A 計画どおり進捗せず` (VLD020).
   */
  labelSymbol: z.string().optional(),
  /** 「－」, 評価対象外: the item is not rated this year, which is counted apart and is not an error. */
  notRated: z.boolean().optional(),
});
export type Rating = z.infer<typeof RatingSchema>;
