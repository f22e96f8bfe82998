import { FIELD_LABEL } from '../../model/fields';
import { defineLayout } from '../kit/define';
import type { DataField, FormKey, FormValue, LayoutSpecInput } from '../kit/spec';
import { MAX_GENERIC_SCORE } from './spec';
import { SYNONYMS } from './synonyms';

/**
 * Form sheets of a city nobody configured: one 進捗管理シート / 個票 per item, each part a label with
 * its value beside it (取組名 | …, 基本方針 | 1 行政サービスの最適化, 目標値 | 120, 評価 | B). The form kit
 * (kit/form.ts, loose mode in kit/form-loose.ts) with the synonym table (synonyms.ts) as its labels,
 * so the words that name a table's columns name a form's parts too. A workbook is read this way when
 * several of its sheets are forms of the same shape, with an item name and a rating, target, actual
 * or effect; the rating scale is inferred from what the rating cells hold, as for tables.
 */

export const GENERIC_FORM_LAYOUT = 'generic-form';

/** Labels of the year a form reports on (報告年度 | 令和5年度): a form's own part, no table column. */
const YEAR_LABELS = ['年度', '報告年度', '対象年度', '評価年度', '実績年度', 'Fiscal year'];

/** Each part of the form: the field whose synonyms name it, and the values right of its label. */
const PARTS: [DataField | 'year', FormValue[]][] = [
  ['policy', ['policy', { key: 'policyName', optional: true }]],
  ['group', ['group', { key: 'groupName', optional: true }]],
  ['id', ['id']],
  ['name', ['name']],
  ['department', ['department']],
  ['indicator', ['indicator']],
  ['unit', ['unit']],
  ['baseline', ['baseline']],
  ['finalTarget', ['finalTarget']],
  ['target', ['target']],
  ['actual', ['actual']],
  ['rating', ['rating']],
  ['effectPlanned', ['effectPlanned']],
  ['effectActual', ['effectActual']],
  ['status', ['status']],
  ['content', ['content']],
  ['note', ['note']],
  ['year', ['year']],
];

const partName = (f: DataField | 'year') => (f === 'year' ? '年度' : FIELD_LABEL[f].ja);

export const GENERIC_FORM_SPEC = {
  id: GENERIC_FORM_LAYOUT,
  label: { ja: '汎用(個票・進捗管理シート)', en: 'Generic (one form sheet per item)' },
  form: {
    fields: Object.fromEntries(PARTS.map(([f, values]) => [partName(f), { labels: f === 'year' ? YEAR_LABELS : [...SYNONYMS[f]!], values }])),
    required: [partName('name')],
    oneOf: [(['rating', 'target', 'actual', 'effectPlanned', 'effectActual'] as const).map(partName)],
    loose: true,
    // 目標 / 実績 beside 効果額 (or under it) are its amounts, as in a table's two-row header.
    context: [
      {
        over: ['効果額', '財政効果', '財政効果額', '効果'],
        map: { target: 'effectPlanned', actual: 'effectActual' } satisfies Partial<Record<FormKey, FormKey>>,
        // Words that say which amount only beside 効果額 (alone, 計画 is a plan's text).
        labels: { effectPlanned: ['計画', '見込', '見込み', '計画額', '見込額'], effectActual: ['実績額'] },
      },
    ],
    policyFromId: true,
    siblings: 2,
    // Name, number, department, indicator, target, actual, rating …: a single 個票 that shows seven is one.
    alone: 7,
    template: ['記入例', '記載例', '様式', 'テンプレート', 'ひな形', '雛形', '見方'],
  },
  // Below a city's own form layout on its sheets, as the table reader is below a city's tables.
  detect: { base: 0.6, max: MAX_GENERIC_SCORE, need: 8 },
  missing: 'advise',
  sample: 'minamiura-forms.xlsx',
} satisfies LayoutSpecInput;

export const genericFormLayout = defineLayout(GENERIC_FORM_SPEC);
