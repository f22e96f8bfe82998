import { z } from 'zod';

/**
 * The fields a progress table can hold, whatever a city calls them. Layout specs map header texts
 * to these; cell keys, findings and the 設定 tab name them. Labels are what a person reads.
 */
export const FieldSchema = z.enum([
  'policy', // 基本方針 / 重点項目 / 視点: the top level the summary groups by
  'group', // 推進項目 / テーマプログラム / 改革項目: the second level
  'id', // 取組番号 / No.
  'name', // 実施項目 / 取組項目
  'department', // 所管課 / 担当課
  'indicator', // 指標
  'unit', // 単位
  'baseline', // 現状値 / 基準値
  'target', // 目標値 (per year when the header names one)
  'finalTarget', // 計画最終年度の目標値
  'actual', // 実績値
  'rating', // 評価 / 達成状況, on the city's own scale
  'effectPlanned', // 効果見込額
  'effectActual', // 実績効果額
  'status', // 取組状況 (text for the year)
  'note', // 備考 / 今後の課題
  'content', // 推進内容 / 内容: what the item is about
  'actions', // 主な取組: the actions planned (some cities write their KPIs in it)
  'schedule', // 実施時期 / the year columns of a schedule (実施, 検討, →, ●)
  'ignore',
]);
export type Field = z.infer<typeof FieldSchema>;
export type DataField = Exclude<Field, 'ignore'>;

export const FIELD_LABEL: Readonly<Record<Field, { ja: string; en: string }>> = {
  policy: { ja: '基本方針', en: 'policy' },
  group: { ja: '推進項目', en: 'group' },
  id: { ja: '番号', en: 'number' },
  name: { ja: '取組名', en: 'item name' },
  department: { ja: '所管課', en: 'department' },
  indicator: { ja: '指標', en: 'indicator' },
  unit: { ja: '単位', en: 'unit' },
  baseline: { ja: '現状値', en: 'baseline' },
  target: { ja: '目標値', en: 'target' },
  finalTarget: { ja: '最終目標値', en: 'final target' },
  actual: { ja: '実績値', en: 'actual' },
  rating: { ja: '評価', en: 'rating' },
  effectPlanned: { ja: '効果見込額', en: 'planned effect' },
  effectActual: { ja: '実績効果額', en: 'actual effect' },
  status: { ja: '取組状況', en: 'status' },
  note: { ja: '備考', en: 'note' },
  content: { ja: '取組内容', en: 'description' },
  actions: { ja: '主な取組', en: 'main actions' },
  schedule: { ja: '実施時期', en: 'schedule' },
  ignore: { ja: '使わない', en: 'not used' },
};

/** What a layout requires of a field's cells, checked by the validator for every item of that layout. */
export const CellRuleSchema = z.object({
  /** A blank cell is an error (VLD017) or a warning (VLD018). */
  required: z.enum(['error', 'warning']).optional(),
  /** The text must say what was done (VLD019). */
  says: z.boolean().optional(),
});
export type CellRule = z.infer<typeof CellRuleSchema>;
export const CellRulesSchema = z.partialRecord(FieldSchema, CellRuleSchema);
export type CellRules = z.infer<typeof CellRulesSchema>;

/** Fields whose columns repeat per fiscal year (R5目標 / R6目標 …). */
export const YEARLY_FIELDS: readonly Field[] = ['target', 'actual', 'rating', 'effectPlanned', 'effectActual', 'status', 'schedule'];

/** Fields several columns may share: their texts are joined (部局 + 所属名, several notes). */
export const MULTI_FIELDS: readonly Field[] = ['department', 'status', 'note', 'content', 'ignore'];
