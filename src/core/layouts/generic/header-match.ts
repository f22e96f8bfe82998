import { headerKey } from '../../grid/sheet-view';
import { parseFiscalYear } from '../../values';
import type { Field } from './mapping';
import { SYNONYMS } from './synonyms';

export interface HeaderMatch {
  field: Exclude<Field, 'ignore'>;
  /** 1 for an exact synonym, less for a synonym found inside a longer header. */
  strength: number;
  /** The synonym that matched, as written in the table. */
  synonym: string;
  /** Fiscal year written in the header (`令和6年度実績`, `R6目標`, `2024年度 目標値`). */
  fy?: number;
}

/** A synonym found inside a longer header counts this much: 「指標の現状値(令和4年度)」 is surely a baseline, 「目標とする姿」 is not surely a target. */
export const PARTIAL_STRENGTH = 0.6;
/** Longer cells are sentences or titles, not headers. */
const MAX_HEADER_KEY = 24;

// Year tokens are cut out before comparing, so one synonym serves every year's column.
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
  let k = headerKey(text);
  for (const re of YEAR_TOKENS) k = k.replace(re, '');
  for (const re of NOISE) k = k.replace(re, '');
  return k;
}

interface Entry {
  key: string;
  field: Exclude<Field, 'ignore'>;
  synonym: string;
  ascii: boolean;
}

const ENTRIES: Entry[] = Object.entries(SYNONYMS).flatMap(([field, list]) =>
  list.map((synonym) => {
    const key = strippedKey(synonym);
    // Judged on the key: `№` becomes `no` and would hide inside `Notebook`.
    return { key, field: field as Exclude<Field, 'ignore'>, synonym, ascii: /^[\x20-\x7e]+$/.test(key) };
  }),
);
const EXACT = new Map<string, Entry>();
for (const e of ENTRIES) if (!EXACT.has(e.key)) EXACT.set(e.key, e);

/** Synonym keys claimed by two fields: a data error the synonym test guards against. */
export function synonymConflicts(): string[] {
  const seen = new Map<string, string>();
  const out: string[] = [];
  for (const e of ENTRIES) {
    const f = seen.get(e.key);
    if (f && f !== e.field) out.push(`${e.synonym}: ${f} / ${e.field}`);
    seen.set(e.key, e.field);
  }
  return out;
}

/**
 * Which field a header cell names, if any. Partial matches need a Japanese synonym (ASCII ones
 * like `No` hide inside unrelated words) and are dropped when two fields tie for the longest.
 */
export function matchHeader(text: string): HeaderMatch | undefined {
  if (!text.trim()) return undefined;
  const key = strippedKey(text);
  if (!key) return undefined;
  const fyRaw = parseFiscalYear(text);
  const fy = fyRaw !== undefined && fyRaw >= 1989 && fyRaw <= 2100 ? fyRaw : undefined;
  const withFy = (m: Omit<HeaderMatch, 'fy'>): HeaderMatch => (fy !== undefined ? { ...m, fy } : m);

  const exact = EXACT.get(key);
  if (exact) return withFy({ field: exact.field, strength: 1, synonym: exact.synonym });
  if (key.length > MAX_HEADER_KEY) return undefined;

  let best: Entry[] = [];
  for (const e of ENTRIES) {
    if (e.ascii || e.key.length < 2 || !key.includes(e.key)) continue;
    if (!best.length || e.key.length > best[0].key.length) best = [e];
    else if (e.key.length === best[0].key.length) best.push(e);
  }
  if (!best.length || new Set(best.map((e) => e.field)).size > 1) return undefined;
  return withFy({ field: best[0].field, strength: PARTIAL_STRENGTH, synonym: best[0].synonym });
}

/** True when the header is nothing but a fiscal year (`2021年度 (R3)`, `R5年度`): a schedule column. */
export function isYearOnly(text: string): boolean {
  return text.trim() !== '' && strippedKey(text) === '' && parseFiscalYear(text) !== undefined;
}
