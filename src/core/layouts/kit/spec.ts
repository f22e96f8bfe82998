import { z } from 'zod';
import { FieldSchema } from '../../model/fields';
import { PolicySchema } from '../../model/plan';
import { ScaleSchema } from '../../values/scales';

/**
 * The language a layout is written in: what a city's table looks like, as data a person can read,
 * save and edit. Every seed city is a spec on the one kit (define.ts); a mapping saved from the
 * task pane or printed by `shinchoku mapping` is the same thing. docs/layouts/kit.md explains it.
 *
 * Header texts are compared in header-key form (width folded, spaces and bracket styles ignored),
 * after the year and unit annotations are taken out (`令和6年度実績（千円）` is 実績, year 2024, 千円).
 * A label `主な取組*` matches any header starting with 主な取組, `*推進手段*` any containing it.
 */

export const DataFieldSchema = FieldSchema.exclude(['ignore']);
export type DataField = z.infer<typeof DataFieldSchema>;

const Labels = z.array(z.string().min(1)).min(1);

/** One field of a table: the header texts that name it, and what its cells must hold. */
export const FieldRuleSchema = z.object({
  labels: Labels,
  /** A blank cell is an error (VLD017) or a warning (VLD018) before submission. */
  required: z.enum(['error', 'warning']).optional(),
  /** The text must say what was done: 「-」, なし, 同上 are a warning (VLD019). */
  says: z.boolean().optional(),
  /** Unit of amount columns whose header states none (`千円` unless said). */
  unit: z.string().optional(),
});
export type FieldRule = z.infer<typeof FieldRuleSchema>;

/** A saved spec is typed by people: a pattern that does not compile is refused on save, not thrown while reading. */
function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 's');
    return true;
  } catch {
    return false;
  }
}

/** The numbering keywords a heading rule may name instead of a pattern (sections.ts). */
export const HEADING_KEYWORDS = ['paren', 'circled', 'roman', 'arabic', 'arabic-dot', 'dai', 'word', 'mark', 'plain'] as const;

/** A heading row rule: text matching `match` starts a section of `level`. */
export const HeadingRuleSchema = z.object({
  level: z.enum(['policy', 'group', 'caption']),
  /**
   * A regular expression (named groups `key` and `name`), or a numbering keyword: `paren` (1), `circled` ①,
   * `roman` Ⅲ, `arabic` 1., `dai` 第1, `word` 重点改革項目1 …, `mark` ●…, `plain` (any single text).
   */
  match: z.string().min(1).refine(compiles, { message: 'not a regular expression' }),
});
export type HeadingRule = z.infer<typeof HeadingRuleSchema>;

export const HeadingsSpecSchema = z.object({
  /** Explicit rules, tried in order. Without them: numbering styles as met, the first style the top level, the next the second. */
  rules: z.array(HeadingRuleSchema).default([]),
  /** Name of the top level when no heading says it (基本方針, 重点項目, 取組の視点 …). */
  label: z.string().optional(),
});
export type HeadingsSpec = z.infer<typeof HeadingsSpecSchema>;

export const TableSpecSchema = z.object({
  /** Which of a layout's tables this is ('kpi', 'schedule' …), for hooks and reasons. */
  name: z.string().default('table'),
  header: z
    .object({
      /** 1-based number of the last header row, when a saved layout fixes it. */
      row: z.number().int().positive().optional(),
      /** Rows a header band may span (spanning labels above, leaves below). */
      maxRows: z.number().int().min(1).max(4).default(3),
      /** Rows searched for the first header: title blocks are a few rows, not pages. */
      search: z.number().int().positive().default(40),
      /** Label cells a row needs to start a header band. */
      minLabels: z.number().int().min(1).default(3),
    })
    .prefault({}),
  fields: z.partialRecord(DataFieldSchema, z.union([Labels, FieldRuleSchema])),
  /**
   * Columns that classify items along a named axis besides the two levels (つくばみらい 基本姿勢):
   * axis → labels. Items carry the text under `classes[axis]`; `summary --by AXIS` groups by it.
   */
  classes: z.record(z.string(), Labels).default({}),
  /** Labels may also be found inside longer headers (synonym tables do; a city's own labels are exact). */
  partial: z.boolean().default(false),
  /**
   * Items may take a plan row and a result row, told apart by a column of 目標 / 実績 (role-rows.ts).
   * Synonym tables look for that column always; a saved layout says so when the table it was made from had one.
   */
  roleRows: z.boolean().default(false),
  /** With no 基本方針 column or heading, the item's number gives it (1-2, 1(2)③, Ⅱ-1). Synonym tables do this always. */
  policyFromId: z.boolean().default(false),
  /** Labels above the leaves that name no field (取組と位置付け, 成果指標): part of the header all the same. */
  spanning: z.array(z.string()).default([]),
  /** A group header that turns the fields under it into others: 目標 / 実績 under 効果額 are amounts. */
  context: z
    .array(
      z.object({
        over: Labels,
        map: z.partialRecord(DataFieldSchema, DataFieldSchema),
        /** Words that name a field only under the `over` label (計画 / 予定 under 効果額 are the planned amount). */
        labels: z.partialRecord(DataFieldSchema, Labels).default({}),
      }),
    )
    .default([]),
  /** Without these there is no table (the item name; the rating of a results list). */
  required: z.array(DataFieldSchema).default(['name']),
  /** The city's layout always has these: a missing one is reported (LAY005), and they weigh in detection. */
  expected: z.array(DataFieldSchema).default([]),
  /** At least one field of each group is needed for the table to be this layout's. */
  oneOf: z.array(z.array(DataFieldSchema).min(1)).default([]),
  /** Heading rows inside or above the table give the top and second level. */
  headings: HeadingsSpecSchema.prefault({}),
  /** Blank (or merged) cells of these columns take the value above. */
  carryDown: z.array(DataFieldSchema).default(['policy', 'group']),
  /** Cells a row must hold of its own to be an item (a title typed in the name column holds one). */
  minCells: z.number().int().min(1).default(1),
  /** A row with no item name continues the item above: another indicator, more schedule rows, or nothing. */
  continuation: z.enum(['indicator', 'rows', 'none']).default('indicator'),
  /** Columns headed by a year alone (2021年度 (R3), R8): a schedule, or yearly targets of an indicator. */
  yearColumns: z.enum(['schedule', 'target', 'none']).default('schedule'),
  /** The last dated target column is the plan's final target rather than a yearly one. */
  lastTargetIsFinal: z.boolean().default(false),
  /** Unit of effect amounts when no header states one. */
  effectUnit: z.string().default('千円'),
  /**
   * The unit amounts are typed in, as a person stated it (the 設定 tab): over any header's, for a
   * sheet whose header says 千円 while staff type 百万円, or that says nothing.
   */
  amountUnit: z.enum(['円', '千円', '百万円', '億円']).optional(),
  /** The most a sheet whose first table is this one scores in detection (a KPI table alone is weaker evidence). */
  maxScore: z.number().min(0).max(1).optional(),
  /**
   * Texts copied from a PDF carry its line wraps as spaces inside words (地域経営 マネジメント):
   * `join` closes them up in names; `keep` leaves names as typed.
   */
  wrap: z.enum(['keep', 'join']).default('keep'),
});
export type TableSpec = z.infer<typeof TableSpecSchema>;
export type TableSpecInput = z.input<typeof TableSpecSchema>;

/** What a value cell of a form holds: the item's parts a form sheet gives once. */
export const FormKeySchema = z.enum([
  'id',
  'name',
  'policy',
  'policyName',
  'group',
  'groupName',
  'department',
  'indicator',
  'unit',
  'baseline',
  'finalTarget',
  'content',
  'note',
  'effectPlannedSubtotal',
  'effectActualSubtotal',
  // A form read with no configuration types the report's values once (目標値 | 120) or per year
  // (令和5年度 | 目標 | 120): each is dated by its label, its row or its column (form-loose.ts).
  'target',
  'actual',
  'rating',
  'effectPlanned',
  'effectActual',
  'status',
  /** The year the sheet reports on (報告年度 | 令和5年度). */
  'year',
]);
export type FormKey = z.infer<typeof FormKeySchema>;

/** One value right of a label: the next filled cell (or, when none is filled, the cell next to the label, so a blank can be written). */
export const FormValueSchema = z.union([
  FormKeySchema,
  z.object({
    key: FormKeySchema,
    /** A regular expression the cell must match (an item number: ① or 11). */
    match: z.string().optional(),
    /** Without a matching cell the value is absent and the next value takes the cell. */
    optional: z.boolean().optional(),
    /** Skip filled cells until one matches (the 【所管課】 after the item name). */
    seek: z.boolean().optional(),
  }),
]);
export type FormValue = z.infer<typeof FormValueSchema>;

/** A labelled part of a form sheet: the label (glob: `*小計*効果見込額*`), then its values to the right. */
export const FormFieldSchema = z.object({
  labels: Labels,
  values: z.array(FormValueSchema).default([]),
  /** The label is looked for on the row of this field's label only (単位 beside 指標). */
  row: z.string().optional(),
  /** The value may be typed in the label's own cell after it: a regular expression for the label part (「計画最終年度の目標値 試行結果の検証」). */
  fused: z.string().optional(),
});
export type FormField = z.infer<typeof FormFieldSchema>;

/** Cells of a year block, in cells (merges count once) from the block's anchor label: -1 left of it, 1 right. */
export const YearCellsSchema = z.partialRecord(z.enum(['target', 'rating', 'actual', 'status', 'effectPlanned', 'effectActual']), z.number().int());

export const FormSpecSchema = z.object({
  /** The labelled parts, by a name of the spec's own (detection reasons list them). */
  fields: z.record(z.string(), FormFieldSchema),
  /** Fields without which the sheet is no such form. */
  required: z.array(z.string()).default([]),
  /** Repeating year blocks: a year label (令和5年度) below `after`, the `anchor` label on its row, cells around the anchor. */
  years: z
    .object({
      after: Labels,
      anchor: Labels,
      /** Cells on the year's row, and on the row below when the block has two. */
      cells: YearCellsSchema,
      lower: YearCellsSchema.default({}),
      /** Cells between the year label and the first cell left of the anchor (the year's plan text). */
      skip: z.number().int().min(0).default(0),
    })
    .optional(),
  /** The year of a baseline that states none. */
  baselineFy: z.number().int().optional(),
  /**
   * Labels found the way a synonym table finds headers (kit/labels.ts: years and units taken out, a
   * label inside a longer one), every occurrence of a dated value's label kept, a row of labels
   * taking its values from the rows below: the form of a city nobody configured (form-loose.ts).
   */
  loose: z.boolean().default(false),
  /** At least one field of each group is needed for the sheet to be this form (rating, target, actual or an effect). */
  oneOf: z.array(z.array(z.string()).min(1)).default([]),
  /** A label over others that turns them into other values: 目標 / 実績 beside 効果額 are its amounts (loose forms). */
  context: z
    .array(
      z.object({
        over: Labels,
        map: z.partialRecord(FormKeySchema, FormKeySchema),
        /** Words that name a value only beside or under the `over` label (計画 / 見込 beside 効果額). */
        labels: z.partialRecord(FormKeySchema, Labels).default({}),
      }),
    )
    .default([]),
  /** Sheets of the same shape a workbook must hold for any of them to be taken as this form (a layout nobody configured: 2). */
  siblings: z.number().int().min(1).default(1),
  /**
   * A form on which at least this many of the spec's labels are found is taken without siblings: a
   * department's workbook of a single 個票 has none to be alike. Absent: siblings are always needed.
   */
  alone: z.number().int().min(2).optional(),
  /** The item's top level from its code's numbering (1-2, 1(2)③, ①-3) when no label gives it (loose forms). */
  policyFromId: z.boolean().default(false),
  /** Words in a sheet's name or title that mark the blank template (見方, 記入例), and legend lines ア. イ. … as its other sign. */
  template: z.array(z.string()).default(['見方', '記入例', '記載例', 'テンプレート', 'ひな形', '雛形']),
});
export type FormSpec = z.infer<typeof FormSpecSchema>;
export type FormSpecInput = z.input<typeof FormSpecSchema>;

export const LayoutSpecSchema = z.object({
  version: z.literal(2).default(2),
  id: z.string().min(1).default('saved'),
  label: z.object({ ja: z.string(), en: z.string() }).default({ ja: '保存した様式', en: 'saved layout' }),
  /** What the city calls its top level (基本方針, 重点項目 …); absent = the policy column's header, a heading's level word, or 基本方針. */
  policyLabel: z.string().optional(),
  /** The sheet a saved layout is for (else every sheet where its table is found). */
  sheet: z.string().optional(),
  /** The fiscal year of columns whose header names none. */
  fy: z.number().int().optional(),
  /** The rating scale: a library id (values/scales.ts) or a scale of the city's own; absent = from the values. */
  scale: z.union([z.string(), ScaleSchema]).optional(),
  /** The plan period (令和5〜9年度): the final target's year, the years a schedule may name. */
  period: z.object({ from: z.number().int(), to: z.number().int() }).optional(),
  /** The rule pack family the city rates with (rules/packs.ts); its version is chosen by the plan period. */
  rulePack: z.string().optional(),
  /** The plan's top level when it is fixed (Isehara's five 基本方針) rather than read from the sheet. */
  policies: z.array(PolicySchema).optional(),
  tables: z.array(TableSpecSchema).default([]),
  form: FormSpecSchema.optional(),
  /** Detection: a sheet with every required field scores `base`, rising to `max` with the expected ones. */
  detect: z
    .object({
      base: z.number().min(0).max(1).default(0.5),
      max: z.number().min(0).max(1).default(1),
      /** Strength of expected fields that makes the full score (default: all of them). */
      need: z.number().positive().optional(),
      /** Hidden sheets are read too (templates kept hidden), never claimed for other layouts. */
      hidden: z.boolean().default(false),
    })
    .prefault({}),
  /**
   * Missing expected columns: `warn` for a city's own layout (LAY005, they are always there); `advise`
   * for a layout read without configuration (LAY006 on the key columns, suggesting to save the layout).
   */
  missing: z.enum(['warn', 'advise']).default('warn'),
  /** A file in assets/samples/ that shows the layout (CLI demo, playground, docs). */
  sample: z.string().optional(),
});
export type LayoutSpec = z.infer<typeof LayoutSpecSchema>;
export type LayoutSpecInput = z.input<typeof LayoutSpecSchema>;

/** A field's rule whichever way it was written (a list of labels, or labels with requirements). */
export function ruleOf(rule: string[] | FieldRule): FieldRule {
  return Array.isArray(rule) ? { labels: rule } : rule;
}
