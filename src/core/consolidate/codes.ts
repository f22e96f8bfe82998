import { z } from 'zod';
import { fillTemplate, placeholders } from '../i18n/template';
import { SeveritySchema, type Severity } from '../validation/finding';

/**
 * Every finding the planning-section work can give (consolidation, reconciliation, the hearing
 * list), in the spirit of the validation catalogue: one code per meaning, a severity, and a
 * Japanese and an English template with named parameters (the templates the CLI and the pane use:
 * `{n|# item|# items}` for English plurals). Messages are built only here, so the whole table can
 * move into the shared catalogue (src/core/validation) unchanged.
 */
export interface CodeSpec {
  severity: Severity;
  /** Parameter names the templates use, in `{name}` form. */
  params: readonly string[];
  ja: string;
  en: string;
}

export const CONSOLIDATION_CODES = {
  // Files in the folder or the selection.
  CON001: {
    severity: 'warning',
    params: ['file', 'copyOf'],
    ja: '「{file}」は「{copyOf}」と同じ内容です(同じファイルか名前を変えた写し)。「{copyOf}」だけを集計しました。',
    en: '"{file}" has the same content as "{copyOf}" (the same file or a renamed copy). Only "{copyOf}" was counted.',
  },
  CON002: {
    severity: 'info',
    params: ['used', 'other', 'count', 'examples'],
    ja: '「{used}」と「{other}」の両方に同じ取組が {count} 件あります({examples})。値が同じため、それぞれ1件として「{used}」の記載で集計しました。',
    en: '"{used}" and "{other}" both contain the same {count|# item|# items} ({examples}). The values agree, so each was counted once, from "{used}".',
  },
  CON003: {
    severity: 'error',
    params: ['id', 'name', 'file', 'other', 'diffs'],
    ja: '取組 {id}「{name}」が「{file}」と「{other}」の両方にあり、値が異なります({diffs})。どちらを使うか選ぶまで集計しません。',
    en: 'Item {id} "{name}" is in both "{file}" and "{other}" with different values ({diffs}). Choose which copy to use; nothing is summed until then.',
  },
  CON004: {
    severity: 'warning',
    params: ['id', 'name', 'file', 'other', 'diffs'],
    ja: '取組 {id}「{name}」は「{file}」と「{other}」で値が異なります({diffs})。指定どおり「{file}」の値で集計しました。',
    en: 'Item {id} "{name}" differs between "{file}" and "{other}" ({diffs}). As chosen, the values of "{file}" were counted.',
  },
  CON005: {
    severity: 'warning',
    params: ['file', 'fileYear', 'year', 'example'],
    ja: '「{file}」は{fileYear}の報告で、集計する{year}(「{example}」ほか)と年度が違うため集計から除きました。',
    en: '"{file}" reports {fileYear}, not {year} like "{example}" and the others, so it was left out.',
  },
  CON006: {
    severity: 'warning',
    params: ['label', 'key', 'name', 'file', 'otherName', 'otherFile'],
    ja: '「{file}」の{label} {key}「{name}」は、「{otherFile}」の{key}「{otherName}」と名前が違うため、別の{label}として集計しました(別の計画のファイルではないか確認してください)。',
    en: 'In "{file}", {label} {key} is "{name}", but in "{otherFile}" it is "{otherName}": they were kept apart (check that the file belongs to this plan).',
  },
  CON007: {
    severity: 'warning',
    params: ['id', 'name', 'file', 'otherName', 'otherFile'],
    ja: '番号 {id} が「{otherFile}」では「{otherName}」、「{file}」では「{name}」です。別の取組として両方を集計しました。',
    en: 'Number {id} is "{otherName}" in "{otherFile}" but "{name}" in "{file}". Both were counted as different items.',
  },
  CON008: {
    severity: 'warning',
    params: ['id', 'otherId', 'name', 'file', 'otherFile'],
    ja: '取組「{name}」は「{otherFile}」では {otherId}、「{file}」では {id} と番号が違います。名前が同じため同じ取組とみなしました。',
    en: 'Item "{name}" is numbered {otherId} in "{otherFile}" but {id} in "{file}". The names match, so they were taken as one item.',
  },
  CON009: {
    severity: 'info',
    params: ['file'],
    ja: '「{file}」は、だれかがブックを開いている間に Excel が作る一時ファイル(所有者ファイル)のため読み飛ばしました。',
    en: '"{file}" is the lock file Excel keeps while someone has the workbook open; it was skipped.',
  },
  CON010: {
    severity: 'warning',
    params: ['file', 'kind'],
    ja: '「{file}」は Excel ブック(.xlsx)ではない({kind})ため読み飛ばしました。',
    en: '"{file}" is not an Excel workbook (.xlsx) ({kind}); it was skipped.',
  },
  CON011: {
    severity: 'warning',
    params: ['file', 'reason'],
    ja: '「{file}」を読み込めないため集計から除きました: {reason}',
    en: '"{file}" could not be read and was left out: {reason}',
  },
  CON012: {
    severity: 'warning',
    params: ['file'],
    ja: '「{file}」には進捗管理表が見つからないため集計から除きました。',
    en: 'No progress table was found in "{file}"; it was left out.',
  },
  CON013: {
    severity: 'info',
    params: ['file'],
    ja: '「{file}」の報告年度が分からないため、年度を確かめずに集計しました。',
    en: 'The report year of "{file}" is unknown; it was counted without a year check.',
  },
  CON014: {
    severity: 'info',
    params: ['file', 'errors'],
    ja: '「{file}」には検証エラーが {errors} 件あります。そのファイルを単独で検証して内容を確かめてください。',
    en: '"{file}" has {errors|# validation error|# validation errors}; check that file on its own.',
  },
  // Reconciliation against the plan's list of items.
  REC001: {
    severity: 'warning',
    params: ['id', 'name', 'department'],
    ja: '計画の取組 {id}「{name}」({department})を提出したファイルがありません。',
    en: 'Plan item {id} "{name}" ({department}) was not submitted by any file.',
  },
  REC002: {
    severity: 'warning',
    params: ['id', 'name', 'file'],
    ja: '「{file}」の取組 {id}「{name}」は計画の一覧にありません。',
    en: 'Item {id} "{name}" in "{file}" is not in the plan.',
  },
  REC003: {
    severity: 'info',
    params: ['id', 'field', 'planValue', 'value', 'file'],
    ja: '取組 {id} の{field}が計画では「{planValue}」、「{file}」では「{value}」です。',
    en: 'Item {id}: the plan says {field} "{planValue}", "{file}" says "{value}".',
  },
  // Reasons an item is on the hearing list (ヒアリング候補).
  HRG001: {
    severity: 'warning',
    params: ['entered', 'suggested', 'why'],
    ja: '入力された評価 {entered} が基準による評価 {suggested} と異なります。{why}',
    en: 'The entered rating {entered} differs from {suggested} by the rule. {why}',
  },
  HRG002: {
    severity: 'warning',
    params: ['last', 'now'],
    ja: '評価が前年度の {last} から {now} に下がりました。',
    en: 'The rating fell from {last} last year to {now}.',
  },
  HRG003: {
    severity: 'warning',
    params: ['rating', 'actual', 'baseline'],
    ja: '実績 {actual} が現状値 {baseline} より悪化していますが、評価は {rating} です。',
    en: 'The actual {actual} is worse than the baseline {baseline}, but the rating is {rating}.',
  },
  HRG004: {
    severity: 'warning',
    params: ['indicator'],
    ja: '指標「{indicator}」の実績値が入力されていません。',
    en: 'No actual is entered for the indicator "{indicator}".',
  },
  HRG005: {
    severity: 'info',
    params: ['department', 'count', 'top'],
    ja: '{department}の評価は {count} 件すべて {top} です。',
    en: '{count|The one rating|All # ratings} of {department} {count|is|are} {top}.',
  },
} as const satisfies Record<string, CodeSpec>;

export type ConsolidationCode = keyof typeof CONSOLIDATION_CODES;

/** A parameter is one value for both languages, or its own text per language (a year, a reason). */
export const ParamValueSchema = z.union([z.string(), z.number(), z.object({ ja: z.string(), en: z.string() })]);
export const ParamsSchema = z.record(z.string(), ParamValueSchema);
export type Params = z.infer<typeof ParamsSchema>;

/** A file and, where known, the sheet and cell a finding is about. */
export const SourceRefSchema = z.object({
  file: z.string(),
  sheet: z.string().optional(),
  cell: z.string().optional(),
});
export type SourceRef = z.infer<typeof SourceRefSchema>;

export const ConFindingSchema = z.object({
  code: z.string().regex(/^[A-Z]+\d{3}$/),
  severity: SeveritySchema,
  params: ParamsSchema,
  message: z.object({ ja: z.string(), en: z.string() }),
  /** The files (and cells) concerned; where a copy was chosen, the one used comes first. */
  sources: z.array(SourceRefSchema),
  itemId: z.string().optional(),
});
export type ConFinding = z.infer<typeof ConFindingSchema>;

/** `{name}` → params.name (its text in `lang`); a missing parameter stays visible as `{name}` so a test catches it. */
export function renderTemplate(template: string, params: Params, lang: 'ja' | 'en'): string {
  return fillTemplate(template, Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'object' ? v[lang] : v])));
}

/** Parameter names a template uses. */
export function templateParams(template: string): string[] {
  return [...new Set(placeholders(template))];
}

export function conFinding(code: ConsolidationCode, params: Params, sources: SourceRef[], itemId?: string): ConFinding {
  const spec: CodeSpec = CONSOLIDATION_CODES[code];
  return {
    code,
    severity: spec.severity,
    params,
    message: { ja: renderTemplate(spec.ja, params, 'ja'), en: renderTemplate(spec.en, params, 'en') },
    sources,
    ...(itemId !== undefined ? { itemId } : {}),
  };
}
