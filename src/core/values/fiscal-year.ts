import { normalizeWidth } from './normalize';

/** Western year before each era's year 1 (令和1 = 2019). */
const ERA_BASE: Record<string, number> = {
  令和: 2018,
  R: 2018,
  平成: 1988,
  H: 1988,
  昭和: 1925,
  S: 1925,
};

/** One-character era ligatures (NFKC would expand them; normalizeWidth does not). */
const ERA_LIGATURES: Record<string, string> = { '㋿': '令和', '㍻': '平成', '㍼': '昭和' };

/**
 * Western: 2021年度, 2021年3月, 2021.4.1, 2021-04-01, FY2021, or a bare 2021 ending the text or
 * followed by a bracket/range mark. Digits on both sides are excluded so `12,2021` or `20215` never match.
 */
const WESTERN = /(?<![0-9])((?:19|20|21)\d{2})(?![0-9])(?:年度|年(\d{1,2})月|[./-](\d{1,2})(?![0-9])|年|(?=$|[(~～〜\-/]|から|FY))?/g;

/** Era: 令和元年度, 令和1年, R05, R5, H29, R.5, R6.4.1, 令和5年3月. A Latin letter before R/H/S excludes `PR5`, `ICS3`. */
const ERA = /(令和|平成|昭和|(?<![A-Za-z])[RHSrh])\.?(元|\d{1,2})(?![0-9])(?:年度|年(\d{1,2})月|\.(\d{1,2})(?![0-9])|年)?/g;

/** Jan–Mar belong to the fiscal year that began the April before. */
function byMonth(year: number, month: string | undefined): number {
  if (month === undefined) return year;
  const m = Number(month);
  return m >= 1 && m <= 3 ? year - 1 : year;
}

/**
 * A fiscal year in any form the seeds use → its Western start year (令和5年度 → 2023).
 * `令和元年度`, `令和 2 年`, `R05`, `R5`, `H29`, `平成31年度`, `2021年度 (R3)`, `R 5 取組状況`, `FY2021`.
 * Dates give the fiscal year they fall in (`R6.3.31` → 2023, `R6.4.1` → 2024). When a text names
 * several years the first one written wins. Returns undefined when the text holds no year.
 */
export function parseFiscalYear(text: string | number | null | undefined): number | undefined {
  if (text === null || text === undefined) return undefined;
  if (typeof text === 'number') return Number.isInteger(text) && text >= 1900 && text <= 2199 ? text : undefined;
  let s = normalizeWidth(text).replace(/\s+/g, '');
  if (/[㋿㍻㍼]/.test(s)) s = s.replace(/[㋿㍻㍼]/g, (c) => ERA_LIGATURES[c]);

  let best: { at: number; fy: number } | undefined;
  for (const m of s.matchAll(WESTERN)) {
    // A bare number inside a longer text (2100件) is a count, not a year: it needs a year mark.
    const bare = m[0].length === 4 && !(m.index === 0 && s.length === 4) && !/FY$/i.test(s.slice(0, m.index));
    const follows = s.slice(m.index + 4);
    if (bare && !/^(?:$|[(~～〜\-/]|から)/.test(follows)) continue;
    best = { at: m.index, fy: byMonth(Number(m[1]), m[2] ?? m[3]) };
    break;
  }
  for (const m of s.matchAll(ERA)) {
    if (best && best.at < m.index) break;
    const n = m[2] === '元' ? 1 : Number(m[2]);
    if (n < 1) continue;
    const base = ERA_BASE[m[1].length === 1 ? m[1].toUpperCase() : m[1]];
    best = { at: m.index, fy: byMonth(base + n, m[3] ?? m[4]) };
    break;
  }
  return best?.fy;
}

/**
 * 2023 → 令和5年度 (ja), FY2023 (en), R5 (short). Years before 1989 get 昭和 and, before 1926,
 * the Western year; the first year of an era is 元年 as printed plans write it.
 */
export function fiscalYearLabel(fy: number, lang: 'ja' | 'en' | 'short' = 'ja'): string {
  if (lang === 'en') return `FY${fy}`;
  const era = fy >= 2019 ? ['令和', 'R', 2018] : fy >= 1989 ? ['平成', 'H', 1988] : fy >= 1926 ? ['昭和', 'S', 1925] : undefined;
  if (!era) return lang === 'short' ? String(fy) : `${fy}年度`;
  const n = fy - (era[2] as number);
  if (lang === 'short') return `${era[1]}${n}`;
  return `${era[0]}${n === 1 ? '元' : n}年度`;
}

/** April starts the Japanese fiscal year. */
export function currentFiscalYear(d = new Date()): number {
  return d.getMonth() < 3 ? d.getFullYear() - 1 : d.getFullYear();
}
