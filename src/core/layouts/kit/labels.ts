import { oncePerText } from '../../once-per';
import { headerKey } from '../../grid/sheet-view';
import { normalizeWidth, parseFiscalYear } from '../../values';
import { LEGEND_MARK } from '../../values/legend';
import { ruleOf, type DataField, type TableSpec } from './spec';

/**
 * Which field a header cell names, for one table spec. Years and units are taken out of the
 * header first, so one label serves every year's column: `令和6年度実績` is 実績 of 2024,
 * `効果額（円）` is 効果額 in 円.
 */

export interface LabelHit {
  /** The field, or 'ignore' for a class column (see `axis`). */
  field: DataField | 'ignore';
  /** A class column's axis (基本姿勢). */
  axis?: string;
  /** 1 for an exact label, less for one found inside a longer header. */
  strength: number;
  /** The label that matched, as the spec writes it. */
  label: string;
}

/** A label found inside a longer header counts this much: 「指標の現状値(令和4年度)」 is surely a baseline, 「目標とする姿」 is not surely a target. */
export const PARTIAL_STRENGTH = 0.6;
/** Longer cells are sentences or titles, not headers. */
const MAX_HEADER_KEY = 24;

// Year tokens are cut out before comparing, so one label serves every year's column.
const YEAR_TOKENS = [
  /(令和|平成)(元|\d{1,2})(年度末|年度|年末|年)?/g,
  /(?<![a-z])[rh]\.?(元|\d{1,2})(年度末|年度|年末|年)?(?![0-9])/g,
  /(19|20)\d{2}(年度末|年度|年末|年)?/g,
  /fy(19|20)?\d{2}/g,
];
// Units and footnote marks in a header say nothing about which field it is.
const NOISE = [/\((単位:?)?(千円|円|万円|百万円|億円|%|値|件|人|回)\)/g, /※\d*$/, /\*+$/, /\(\)/g, /^[:・]+|[:・]+$/g];

/** The header with years, units and footnote marks removed, in headerKey form. */
export function strippedKey(text: string): string {
  return stripped(text);
}
const stripped = oncePerText((text) => {
  let k = headerKey(text);
  for (const re of YEAR_TOKENS) k = k.replace(re, '');
  for (const re of NOISE) k = k.replace(re, '');
  return k;
}, 50000);

/** The fiscal year a header names (`令和6年度実績`, `R6目標`, `2024年度 目標値`), if a plausible one. */
export function headerYear(text: string): number | undefined {
  const fy = parseFiscalYear(text);
  return fy !== undefined && fy >= 1989 && fy <= 2100 ? fy : undefined;
}

/** True when the header is nothing but a fiscal year (`2021年度 (R3)`, `R5年度`, `R8`): a schedule or plan column. */
export function isYearOnly(text: string): boolean {
  return text.trim() !== '' && strippedKey(text) === '' && headerYear(text) !== undefined;
}

const MONEY = /[(（]\s*(?:単位\s*[:：]?\s*)?(円|千円|万円|百万円|億円)\s*[)）]|(?:単位\s*(?:[:：]|は)\s*)(円|千円|万円|百万円|億円)/;

/** The money unit a header states: `効果額（円）` → 円, `(単位：百万円)` → 百万円. */
export function headerMoneyUnit(text: string): string | undefined {
  const m = MONEY.exec(normalizeWidth(text));
  return m ? (m[1] ?? m[2]) : undefined;
}

interface Entry {
  key: string;
  field: DataField | 'ignore';
  axis?: string;
  label: string;
  mode: 'exact' | 'prefix' | 'contains';
  ascii: boolean;
}

/** The field labels of one table spec, compiled for matching. */
/** A rating symbol and a colon, then its meaning: a line of the scale's legend. */
const LEGEND = new RegExp(`^\\s*${LEGEND_MARK}\\s*[:：]`);
export const isLegend = (text: string): boolean => LEGEND.test(normalizeWidth(text));

export class LabelMatcher {
  private readonly exact = new Map<string, Entry>();
  private readonly patterns: Entry[] = [];
  private readonly partials: Entry[] = [];
  private readonly spanning: Set<string>;

  constructor(readonly spec: TableSpec) {
    const rules: [DataField | 'ignore', string[], string | undefined][] = [
      ...(Object.entries(spec.fields) as [DataField, Parameters<typeof ruleOf>[0]][]).map(([f, r]) => [f, ruleOf(r).labels, undefined] as [DataField, string[], undefined]),
      ...Object.entries(spec.classes).map(([axis, labels]) => ['ignore', labels, axis] as ['ignore', string[], string]),
    ];
    for (const [field, labels, axis] of rules) {
      for (const label of labels) {
        const prefix = label.endsWith('*');
        const contains = prefix && label.startsWith('*');
        const key = strippedKey(label.replace(/^\*|\*$/g, ''));
        if (!key) continue;
        const e: Entry = { key, field, ...(axis ? { axis } : {}), label, mode: contains ? 'contains' : prefix ? 'prefix' : 'exact', ascii: /^[\x20-\x7e]+$/.test(key) };
        if (e.mode === 'exact') {
          if (!this.exact.has(key)) this.exact.set(key, e);
          if (spec.partial && !e.ascii && key.length >= 2) this.partials.push(e);
        } else this.patterns.push(e);
      }
    }
    this.spanning = new Set(spec.spanning.map((s) => strippedKey(s).replace(/[()]/g, '')));
    for (const e of this.partials) this.partialsByFirst.set(e.key[0], [...(this.partialsByFirst.get(e.key[0]) ?? []), e]);
  }

  private readonly partialsByFirst = new Map<string, Entry[]>();

  private readonly seen = oncePerText((text) => this.find(text));

  /** The field a header cell names, if any (each distinct text looked at once). */
  match(text: string): LabelHit | undefined {
    return text ? this.seen(text) : undefined;
  }

  /** A label named exactly or by a pattern, never one found inside a longer text: what a printed header surely is. */
  sure(text: string): boolean {
    return text ? this.sureOf(text) : false;
  }

  private readonly sureOf = oncePerText((text) => this.find(text, false) !== undefined);

  private find(text: string, partial = true): LabelHit | undefined {
    const key = strippedKey(text);
    if (!key) return undefined;
    const exact = this.exact.get(key) ?? this.exact.get(key.replace(/[()]/g, ''));
    if (exact) return { field: exact.field, ...(exact.axis ? { axis: exact.axis } : {}), strength: 1, label: exact.label };
    // A city's own labels, edited by a person: a remark added in brackets (達成状況（評価）, R5取組状況（実績）)
    // or 結果 after it (評価結果) still names the column.
    if (!this.spec.partial) {
      const bare = key.replace(/\([^()]*\)$/, '').replace(/結果$/, '');
      const kept = bare !== key && bare !== '' ? this.exact.get(bare) : undefined;
      if (kept) return { field: kept.field, ...(kept.axis ? { axis: kept.axis } : {}), strength: 1, label: kept.label };
    }
    if (key.length > MAX_HEADER_KEY) return undefined;
    for (const p of this.patterns) {
      if (p.mode === 'prefix' ? key.startsWith(p.key) : key.includes(p.key)) return { field: p.field, ...(p.axis ? { axis: p.axis } : {}), strength: 1, label: p.label };
    }
    if (!this.spec.partial || !partial) return undefined;
    // A legend beside the table (「A：目標を達成」「◎…順調」) explains a rating; it heads no column.
    if (isLegend(text)) return undefined;
    // Labels inside the key, looked up by the character they start with.
    let best: Entry[] = [];
    for (let i = 0; i < key.length; i++) {
      for (const e of this.partialsByFirst.get(key[i]) ?? []) {
        if (!key.startsWith(e.key, i)) continue;
        if (!best.length || e.key.length > best[0].key.length) best = [e];
        else if (e.key.length === best[0].key.length && !best.includes(e)) best.push(e);
      }
    }
    // Two fields tying for the longest label: the header says neither for sure.
    if (!best.length || new Set(best.map((e) => e.field)).size > 1) return undefined;
    return { field: best[0].field, strength: PARTIAL_STRENGTH, label: best[0].label };
  }

  isSpanning(text: string): boolean {
    const k = strippedKey(text).replace(/[()]/g, '');
    return k !== '' && this.spanning.has(k);
  }
}

/** Exact-label conflicts (one header text naming two fields): a data error the synonym test guards against. */
export function labelConflicts(spec: TableSpec): string[] {
  const seen = new Map<string, DataField>();
  const out: string[] = [];
  for (const [field, rule] of Object.entries(spec.fields) as [DataField, Parameters<typeof ruleOf>[0]][]) {
    for (const label of ruleOf(rule).labels) {
      const k = strippedKey(label);
      const f = seen.get(k);
      if (f && f !== field) out.push(`${label}: ${f} / ${field}`);
      seen.set(k, field);
    }
  }
  return out;
}
