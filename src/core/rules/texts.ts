import type { Direction } from '../model/plan';
import { lazyLabel, type Label, type ParamKind, type ParamValue } from '../validation/template';

/**
 * The reasons rules give, as templates like the findings catalogue's (and held to the same rules
 * by its test): why a rating was suggested, why none could be, why an indicator runs the way it does.
 * A reason reads as one clause a person would say, and holds whichever way the indicator runs
 * (「上回る」 would be wrong for one where lower is better), e.g.
 * 「実績 664 が計画値 666 と一致しないため C を提案します(方向: 計画値どおりが良い、自動判定)」.
 */

export interface TextEntry {
  params: Readonly<Record<string, ParamKind>>;
  ja: string;
  en: string;
}

const SUGGEST_PARAMS = { actual: 'number', target: 'number', baseline: 'number', symbol: 'text', direction: 'label', source: 'label', ratio: 'text', threshold: 'number' } as const;

export const TEXTS = {
  beats: {
    params: SUGGEST_PARAMS,
    ja: '実績 {actual} が目標 {target} より良い結果のため {symbol} を提案します(方向: {direction}、{source})',
    en: 'The actual {actual} beats the target {target}, so {symbol} is suggested (direction: {direction}, {source})',
  },
  meets: {
    params: SUGGEST_PARAMS,
    ja: '実績 {actual} が目標 {target} に達したため {symbol} を提案します(方向: {direction}、{source})',
    en: 'The actual {actual} meets the target {target}, so {symbol} is suggested (direction: {direction}, {source})',
  },
  shortNotWorse: {
    params: SUGGEST_PARAMS,
    ja: '実績 {actual} は目標 {target} に届きませんが、現状値 {baseline} より悪くなっていないため {symbol} を提案します(方向: {direction}、{source})',
    en: 'The actual {actual} falls short of the target {target} but is not worse than the baseline {baseline}, so {symbol} is suggested (direction: {direction}, {source})',
  },
  worse: {
    params: SUGGEST_PARAMS,
    ja: '実績 {actual} が現状値 {baseline} より悪くなっているため {symbol} を提案します(方向: {direction}、{source})',
    en: 'The actual {actual} is worse than the baseline {baseline}, so {symbol} is suggested (direction: {direction}, {source})',
  },
  noBaselineReaches: {
    params: SUGGEST_PARAMS,
    ja: '現状値がなく、実績 {actual} は目標 {target} の {ratio}% で {threshold}% 以上のため {symbol} を提案します(方向: {direction}、{source})',
    en: 'There is no baseline, and the actual {actual} is {ratio}% of the target {target}, at least {threshold}%, so {symbol} is suggested (direction: {direction}, {source})',
  },
  noBaselineShort: {
    params: SUGGEST_PARAMS,
    ja: '現状値がなく、実績 {actual} は目標 {target} の {ratio}% にとどまるため {symbol} を提案します(方向: {direction}、{source})',
    en: 'There is no baseline, and the actual {actual} is only {ratio}% of the target {target}, so {symbol} is suggested (direction: {direction}, {source})',
  },
  matches: {
    params: SUGGEST_PARAMS,
    ja: '実績 {actual} が計画値 {target} と一致するため {symbol} を提案します(方向: {direction}、{source})',
    en: 'The actual {actual} matches the planned {target}, so {symbol} is suggested (direction: {direction}, {source})',
  },
  differs: {
    params: SUGGEST_PARAMS,
    ja: '実績 {actual} が計画値 {target} と一致しないため {symbol} を提案します(方向: {direction}、{source})',
    en: 'The actual {actual} does not match the planned {target}, so {symbol} is suggested (direction: {direction}, {source})',
  },
  thresholdMet: {
    params: { ratio: 'text', threshold: 'number', op: 'label', symbol: 'text' },
    ja: '達成率 {ratio}% が {threshold}% {op}のため {symbol} を提案します',
    en: 'The achievement ratio {ratio}% is {op} {threshold}%, so {symbol} is suggested',
  },
  thresholdMissed: {
    params: { ratio: 'text', threshold: 'number', symbol: 'text' },
    ja: '達成率 {ratio}% が {threshold}% に届かないため {symbol} を提案します',
    en: 'The achievement ratio {ratio}% is below {threshold}%, so {symbol} is suggested',
  },
  qualitative: {
    params: {},
    ja: '数値で測れない指標のため、評価は所管課が判断します',
    en: 'The indicator is not measured in numbers, so the department rates it',
  },
  notNumber: {
    params: { field: 'label' },
    ja: '{field}が数値でないため、評価の候補を出せません',
    en: 'The {field} is not a number, so no rating can be suggested',
  },
  noRatio: {
    params: {},
    ja: '達成率を計算できないため、評価の候補を出せません',
    en: 'The achievement ratio cannot be computed, so no rating can be suggested',
  },
  scaleHasNoSuggestion: {
    params: { scale: 'label' },
    ja: '{scale}の評価は数値から決まらないため、所管課が判断します',
    en: 'Ratings on the {scale} scale do not follow from the numbers, so the department decides',
  },
  // Why a layout claims a sheet (detection reasons, shown by inspect and the pane).
  detected: {
    params: { hits: 'list', found: 'number', wanted: 'number', rows: 'number', score: 'text' },
    ja: '見出し{found}列が一致しました。{rows}行の見出しで、確からしさは {score} です。一致した見出しは {hits} です',
    en: '{found} of {wanted} columns matched in a {rows}-row header, confidence {score}: {hits}',
  },
  // How sure a column's field is (FieldConfidence.reason).
  fieldYearOnly: { params: { header: 'text' }, ja: '見出し「{header}」は年度だけなので、年度ごとの欄と判断しました', en: 'The header "{header}" is a year alone, so it is a column per year' },
  fieldExact: { params: { header: 'text', field: 'label' }, ja: '見出し「{header}」が{field}の見出し語と一致しました', en: 'The header "{header}" is a known label of the {field}' },
  fieldPartial: { params: { header: 'text', field: 'label' }, ja: '見出し「{header}」に{field}の見出し語が含まれています', en: 'The header "{header}" contains a label of the {field}' },
  fieldByValues: {
    params: { header: 'text', scale: 'text' },
    ja: '列「{header}」の値がほぼすべて{scale}の評価なので、評価の列と判断しました',
    en: 'The values in the column "{header}" are nearly all ratings on the {scale} scale, so it is the rating column',
  },
  fieldYearEffect: {
    params: { header: 'text', field: 'label' },
    ja: '効果額の列は年度ごとに一つなので、「{header}」をその年度の{field}の列と判断しました',
    en: 'The effect columns are one per year, so "{header}" is read as that year’s {field}',
  },
  fieldLoneEffect: {
    params: { header: 'text', field: 'label' },
    ja: '効果額の列は「{header}」だけなので、{field}の列と判断しました',
    en: 'The only effect-amount column is "{header}", so it is read as the {field}',
  },
  formDetected: {
    params: { labels: 'list', n: 'count', template: 'label', score: 'text' },
    ja: '様式の見出し {labels} が一致しました。{template?}確からしさは {score} です',
    en: '{n:form label|form labels} matched: {labels}.{template?} Confidence {score}',
  },
  formTemplate: { params: {}, ja: 'このシートは記入例のひな形です。', en: ' This is the blank template.' },
  formYearBroken: {
    params: { fy: 'fy' },
    ja: '{fy}の欄',
    en: 'block for {fy}',
  },
  detectedOther: {
    params: { what: 'label' },
    ja: '{what}のシートです',
    en: 'A sheet of {what}',
  },
  // Why an indicator runs the way it does (shown beside the direction in the pane and in inspect).
  whyCapLe: { params: {}, ja: '目標値に以内や以下とあるため、上限以内が良い指標です', en: 'The target says 以内 or 以下, a ceiling' },
  whyCapLt: { params: {}, ja: '目標値に未満とあるため、上限未満が良い指標です', en: 'The target says 未満, a strict ceiling' },
  whySavings: { params: {}, ja: '削減額や削減率などの指標は、大きいほど良い指標です', en: 'Savings such as 削減額 or 削減率 are better when larger' },
  whyCut: { params: {}, ja: '目標値が削減する量（10人削減など）で書かれているため、大きいほど良い指標です', en: 'The target is the amount to cut (10人削減), so more is better' },
  whyLower: { params: {}, ja: '指標名に削減・抑制・排出量・時間外などがあるため、小さいほど良い指標です', en: 'The indicator’s name (削減, 抑制, 排出量, 時間外 and the like) means lower is better' },
  whyMatch: { params: {}, ja: '定員や職員数は、計画値どおりが良い指標です', en: 'A headcount (定員, 職員数) should match the plan' },
  whyHigher: { params: {}, ja: '指標名に利益や収納率などがあるため、大きいほど良い指標です', en: 'The indicator’s name (利益, 収納率 and the like) means higher is better' },
  whyTrendUp: { params: {}, ja: '現状値から目標値へ一貫して増える計画です', en: 'The plan rises steadily from the baseline' },
  whyTrendDown: { params: {}, ja: '現状値から目標値へ一貫して減る計画です', en: 'The plan falls steadily from the baseline' },
  whyPairUp: { params: {}, ja: '計画は現状値より大きい目標値を掲げています', en: 'The plan sets a target above the baseline' },
  whyPairDown: { params: {}, ja: '計画は現状値より小さい目標値を掲げています', en: 'The plan sets a target below the baseline' },
  whyDefault: { params: {}, ja: '判断できる手がかりがないため、既定の大きいほど良いとしました', en: 'Nothing tells the direction, so the default applies: higher is better' },
  whySettings: { params: {}, ja: '設定で指定された方向です', en: 'The direction was set in the settings' },
  whyRead: { params: { direction: 'label' }, ja: '読み込み時に{direction}と判断しました', en: 'Judged {direction} when the sheet was read' },
} as const satisfies Record<string, TextEntry>;

export type TextKey = keyof typeof TEXTS;

/** Both languages of one reason, rendered when read (a plan of 20,000 items has as many reasons, mostly unread). */
export function text(key: TextKey, params: Record<string, ParamValue | undefined> = {}): Label {
  return lazyLabel(TEXTS[key] as TextEntry, params);
}

export const DIRECTION_LABEL: Readonly<Record<Direction, Label>> = {
  higher: { ja: '大きいほど良い', en: 'higher is better' },
  lower: { ja: '小さいほど良い', en: 'lower is better' },
  'cap-le': { ja: '上限以内が良い', en: 'at or under the ceiling' },
  'cap-lt': { ja: '上限未満が良い', en: 'under the ceiling' },
  match: { ja: '計画値どおりが良い', en: 'should match the plan' },
};

export const DIRECTION_SOURCE_LABEL: Readonly<Record<'default' | 'inferred' | 'stated' | 'settings', Label>> = {
  default: { ja: '既定', en: 'default' },
  inferred: { ja: '自動判定', en: 'inferred' },
  stated: { ja: 'シートの記載', en: 'stated in the sheet' },
  settings: { ja: '設定', en: 'set in settings' },
};
