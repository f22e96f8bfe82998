import type { Field } from '../../core/model/fields';
import { HEADING_KEYWORDS, ruleOf, type FieldRule, type HeadingRule, type LayoutSpec, type TableSpec } from '../../core/layouts/kit/spec';
import { mappingFromSpec, type LayoutMapping } from '../../core/layouts/generic/mapping';

/**
 * What the 設定 tab edits of a layout spec, as form state: which header is which field, how heading
 * rows give the top two levels, the rating scale, the amount unit. The rest of the spec (header band,
 * detection, other tables) is kept as it was read or saved.
 */

export const AMOUNT_UNITS = ['円', '千円', '百万円', '億円'] as const;
export type AmountUnit = (typeof AMOUNT_UNITS)[number];
export type HeadingKeyword = (typeof HEADING_KEYWORDS)[number];

/** How heading rows give a level: '' = as the numbering styles come (top level only), a keyword, or a pattern. */
export interface HeadingChoice {
  match: '' | HeadingKeyword | 'regex';
  pattern: string;
}

export interface SpecDraft {
  /** Header text → field ('ignore' for a column left out). */
  columns: Record<string, Field>;
  policy: HeadingChoice;
  group: HeadingChoice;
  /** What the city calls its top level (基本方針, 重点改革項目 …); '' = from the sheet. */
  policyLabel: string;
  /** A shipped scale's id; '' = inferred from the values; 'own' = the city's own scale saved in the spec. */
  scale: string;
  /** '' = as the header says (千円 when it says nothing). */
  unit: '' | AmountUnit;
}

const isKeyword = (m: string): m is HeadingKeyword => (HEADING_KEYWORDS as readonly string[]).includes(m);

function choiceOf(rule: HeadingRule | undefined): HeadingChoice {
  if (!rule) return { match: '', pattern: '' };
  return isKeyword(rule.match) ? { match: rule.match, pattern: '' } : { match: 'regex', pattern: rule.match };
}

/** The form state for a spec; headers detection saw but left unused (suggestion) are listed as 'ignore'. */
export function draftOf(spec: LayoutSpec, seen?: LayoutMapping): SpecDraft {
  const t = spec.tables[0];
  const columns: Record<string, Field> = {};
  if (seen && (seen.sheet === undefined || seen.sheet === spec.sheet)) for (const [label, f] of Object.entries(seen.columns)) if (f === 'ignore') columns[label] = f;
  Object.assign(columns, mappingFromSpec(spec).columns);
  const rules = t?.headings.rules ?? [];
  return {
    columns,
    policy: choiceOf(rules.find((r) => r.level === 'policy')),
    group: choiceOf(rules.find((r) => r.level === 'group')),
    policyLabel: spec.policyLabel ?? '',
    scale: spec.scale === undefined ? '' : typeof spec.scale === 'string' ? spec.scale : 'own',
    unit: t?.amountUnit ?? '',
  };
}

function ruleFor(level: HeadingRule['level'], c: HeadingChoice): HeadingRule[] {
  if (c.match === '') return [];
  return [{ level, match: c.match === 'regex' ? c.pattern : c.match }];
}

/**
 * The spec the draft describes, unchecked: the caller validates it with LayoutSpecSchema (a pattern
 * typed by a person may not compile). A field written with requirements keeps them under its new labels.
 */
export function specOf(base: LayoutSpec, d: SpecDraft): LayoutSpec {
  const [t0, ...rest] = base.tables;
  if (!t0) return base; // a form layout: nothing here to edit
  const before = (t0?.fields ?? {}) as Partial<Record<string, string[] | FieldRule>>;
  const labels: Partial<Record<string, string[]>> = {};
  for (const [label, f] of Object.entries(d.columns)) if (f !== 'ignore') (labels[f] ??= []).push(label);
  const fields: TableSpec['fields'] = {};
  for (const [f, ls] of Object.entries(labels)) {
    const was = before[f];
    (fields as Record<string, string[] | FieldRule>)[f] = was && !Array.isArray(was) ? { ...ruleOf(was), labels: ls! } : ls!;
  }
  // Rules only when the top level is fixed: a second-level rule alone would turn off automatic levels.
  const rules = d.policy.match === '' ? [] : [...ruleFor('policy', d.policy), ...ruleFor('group', d.group)];
  const table: TableSpec = { ...t0 };
  delete table.amountUnit;
  const spec: LayoutSpec = { ...base };
  delete spec.policyLabel;
  delete spec.scale;
  return {
    ...spec,
    ...(d.policyLabel.trim() ? { policyLabel: d.policyLabel.trim() } : {}),
    ...(d.scale === 'own' ? (base.scale !== undefined ? { scale: base.scale } : {}) : d.scale ? { scale: d.scale } : {}),
    tables: [
      {
        ...table,
        fields,
        required: table.required.filter((f) => f in fields),
        headings: { ...table.headings, rules },
        ...(d.unit ? { amountUnit: d.unit } : {}),
      },
      ...rest,
    ],
  };
}
