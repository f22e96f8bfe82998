import { normalizeWidth } from './normalize';

/** Western year in which each era's year 1 falls. */
const ERAS: Record<string, number> = {
  令和: 2018,
  R: 2018,
  平成: 1988,
  H: 1988,
  昭和: 1925,
  S: 1925,
};

/**
 * A fiscal year in any form the seeds use → its Western start year (令和5年度 → 2023).
 * `令和元年度`, `令和 2 年`, `R05`, `R5`, `H29`, `2021年度 (R3)`, `2021`, `2021年度`.
 * Returns undefined when the text holds no year.
 */
export function parseFiscalYear(text: string | number | null | undefined): number | undefined {
  if (text === null || text === undefined) return undefined;
  if (typeof text === 'number') return Number.isInteger(text) && text >= 1900 && text <= 2200 ? text : undefined;
  const s = normalizeWidth(text).replace(/\s+/g, '');
  // Western first: `2021年度(R3)` names the same year twice.
  const w = /(?:^|[^0-9])((?:19|20|21)\d{2})(?:年度?|$|[^0-9])/.exec(s);
  if (w) return Number(w[1]);
  const e = /(令和|平成|昭和|(?<![A-Za-z])[RHS])\.?(元|\d{1,2})(?:年度?|(?![0-9]))/.exec(s);
  if (e) {
    const n = e[2] === '元' ? 1 : Number(e[2]);
    if (n >= 1) return ERAS[e[1]] + n;
  }
  return undefined;
}

/** 2023 → 令和5年度 (ja) / FY2023 (en). */
export function fiscalYearLabel(fy: number, lang: 'ja' | 'en' = 'ja'): string {
  if (lang === 'en') return `FY${fy}`;
  if (fy >= 2019) return `令和${fy - 2018 === 1 ? '元' : fy - 2018}年度`;
  if (fy >= 1989) return `平成${fy - 1988 === 1 ? '元' : fy - 1988}年度`;
  return `${fy}年度`;
}
