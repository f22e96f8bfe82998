import { z } from 'zod';

/** Fields the generic layout can fill from a column; the synonym table maps header text to these. */
export const FieldSchema = z.enum([
  'policy', // 基本方針 / 重点項目 / 視点
  'group', // 推進項目 / テーマプログラム / 改革項目
  'id', // 取組番号 / No.
  'name', // 実施項目 / 取組項目
  'department', // 所管課 / 担当課
  'indicator', // 指標
  'unit', // 単位
  'baseline', // 現状値 / 基準値
  'target', // 目標値
  'actual', // 実績値
  'rating', // 評価 / 達成状況
  'effectPlanned', // 効果見込額
  'effectActual', // 実績効果額
  'status', // 取組状況
  'note', // 備考 / 今後の課題
  'ignore',
]);
export type Field = z.infer<typeof FieldSchema>;

/**
 * A header→field mapping the user saved for a workbook nobody configured. Saved in the workbook's
 * settings (key `shinchoku.mapping`) or given to the CLI with `--mapping FILE.json`.
 */
export const LayoutMappingSchema = z.object({
  version: z.literal(1),
  sheet: z.string().optional(),
  /** 1-based row of the (last) header row, when detection should not guess it. */
  headerRow: z.number().int().positive().optional(),
  /** Header text (as shown, compared with headerKey) → field. */
  columns: z.record(z.string(), FieldSchema),
  /** Fiscal year the target/actual/rating columns are for. */
  fy: z.number().int().optional(),
});
export type LayoutMapping = z.infer<typeof LayoutMappingSchema>;
