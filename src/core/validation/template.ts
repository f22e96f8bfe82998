import { formatNumber } from '../rules/format';
import { fiscalYearLabel } from '../values/fiscal-year';

/**
 * Message templates with named parameters, for findings and for the reasons rules give. A template
 * is compiled once; rendering a finding is then a join of ready pieces.
 *
 *   {name}            the parameter, rendered by its kind (a fiscal year becomes 令和5年度 / FY2023)
 *   {name?の}         the parameter followed by the text after `?`, or nothing when it is absent
 *   {n:item|items}    a count with its noun in singular or plural (English templates)
 *
 * A parameter that is absent renders as nothing, so optional parts (a year) simply drop out.
 */

export type Lang = 'ja' | 'en';
export type Label = { ja: string; en: string };
export type ParamValue = string | number | Label | (string | Label)[];

/**
 * How a parameter is shown: text as given, number grouped (1,234), fy as a fiscal year, label in the
 * reader's language, list joined (「、」 / ", "), count as a number that may drive a plural.
 */
export type ParamKind = 'text' | 'number' | 'fy' | 'label' | 'list' | 'count';

type Piece = string | { name: string; plural?: [string, string]; suffix?: string };

const cache = new Map<string, Piece[]>();

export function compile(template: string): Piece[] {
  const hit = cache.get(template);
  if (hit) return hit;
  const pieces: Piece[] = [];
  const re = /\{(\w+)(?::([^{}|]*)\|([^{}|]*)|\?([^{}]*))?\}/g;
  let last = 0;
  for (const m of template.matchAll(re)) {
    if (m.index > last) pieces.push(template.slice(last, m.index));
    if (m[2] !== undefined) pieces.push({ name: m[1], plural: [m[2], m[3]] });
    else if (m[4] !== undefined) pieces.push({ name: m[1], suffix: m[4] });
    else pieces.push({ name: m[1] });
    last = m.index + m[0].length;
  }
  if (last < template.length) pieces.push(template.slice(last));
  cache.set(template, pieces);
  return pieces;
}

/** The parameter names a template uses. */
export function placeholders(template: string): string[] {
  return compile(template).flatMap((p) => (typeof p === 'string' ? [] : [p.name]));
}

function isLabel(v: unknown): v is Label {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'ja' in v && 'en' in v;
}

export function renderValue(v: ParamValue | undefined, kind: ParamKind, lang: Lang): string {
  if (v === undefined || v === null) return '';
  if (isLabel(v)) return v[lang];
  if (Array.isArray(v)) return v.map((x) => (isLabel(x) ? x[lang] : x)).join(lang === 'ja' ? '、' : ', ');
  if (kind === 'fy' && typeof v === 'number') return fiscalYearLabel(v, lang);
  if ((kind === 'number' || kind === 'count') && typeof v === 'number') return formatNumber(v);
  return String(v);
}

export function render(template: string, params: Record<string, ParamValue | undefined>, kinds: Record<string, ParamKind>, lang: Lang): string {
  let out = '';
  for (const p of compile(template)) {
    if (typeof p === 'string') {
      out += p;
      continue;
    }
    const v = params[p.name];
    const shown = renderValue(v, kinds[p.name] ?? 'text', lang);
    if (p.plural) out += `${shown} ${v === 1 ? p.plural[0] : p.plural[1]}`;
    else if (p.suffix !== undefined) out += shown === '' ? '' : shown + p.suffix;
    else out += shown;
  }
  return out;
}

/**
 * Both languages of a template, each rendered when first read (and then kept): a workbook of 20,000
 * rows carries as many findings and reasons, of which a host shows one language, and a summary only
 * counts them. The getters are the object's own, so JSON, spreads and comparisons see two strings.
 */
export function lazyLabel(entry: { ja: string; en: string; params: Readonly<Record<string, ParamKind>> }, params: Record<string, ParamValue | undefined>): Label {
  let ja: string | undefined;
  let en: string | undefined;
  return {
    get ja() {
      return (ja ??= render(entry.ja, params, entry.params, 'ja'));
    },
    get en() {
      return (en ??= render(entry.en, params, entry.params, 'en'));
    },
  };
}
