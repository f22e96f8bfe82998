import { headerKey } from '../grid/sheet-view';
import { fiscalYearLabel, parseFiscalYear } from '../values';

/**
 * Header texts of the columns the add-in adds to a city's table. Readers recognise them so that a
 * second run finds its own column again instead of adding another, and never reads it as staff data.
 */

/** The achievement-ratio column the add-in computes (DOMAIN §7). */
export const OWNED_RATIO_HEADER = '達成率（自動）';

/** Owned field → header text; field names match `TableAnchor.owned` keys and `CellWrite.reason`. */
export const OWNED_HEADERS: Readonly<Record<string, string>> = {
  ratio: OWNED_RATIO_HEADER,
};

/** The owned field a header cell names, tolerant of width and spacing; undefined for staff headers. */
export function ownedFieldOfHeader(text: string): string | undefined {
  const k = headerKey(text);
  if (k === '') return undefined;
  for (const [field, header] of Object.entries(OWNED_HEADERS)) if (headerKey(header) === k) return field;
  return undefined;
}

/**
 * Progress columns for one fiscal year (実績 / 評価 / 取組状況), added right of a plan table by
 * `planProgressColumns`. Field names in `TableAnchor.owned` are `actual:2026`, `rating:2026`,
 * `status:2026`. The same recogniser reads columns staff made themselves (`R5取組状況`, `R8実績`),
 * so the add-in never adds a second column for a year the sheet already reports on.
 */
export type ProgressField = 'actual' | 'rating' | 'status';
export const PROGRESS_FIELDS: readonly ProgressField[] = ['actual', 'rating', 'status'];

const PROGRESS_WORDS: Record<ProgressField, { ja: string; en: string; also: RegExp }> = {
  actual: { ja: '実績', en: 'Actual', also: /^(実績|実績値|実績\(値\)|actual)$/ },
  rating: { ja: '評価', en: 'Rating', also: /^(評価|達成状況|自己評価|rating)$/ },
  status: { ja: '取組状況', en: 'Status', also: /^(取組状況|取り組み状況|取組み状況|進捗状況|実施状況|推進状況|status)$/ },
};

/** `令和8年度 実績` (ja) / `FY2026 Actual` (en): the header the add-in writes. */
export function progressHeader(fy: number, field: ProgressField, lang: 'ja' | 'en'): string {
  if (lang === 'en') return `${fiscalYearLabel(fy, 'en')} ${PROGRESS_WORDS[field].en}`;
  return `${fiscalYearLabel(fy, 'ja')} ${PROGRESS_WORDS[field].ja}`;
}

const YEAR_PREFIX = /^(?:令和(?:元|\d{1,2})年?度?|r\d{1,2}(?:年度?)?|(?:19|20)\d{2}年?度?|fy(?:19|20)\d{2})(?:の)?/;

/**
 * The year and field a progress header names: `令和8年度 実績`, `R8実績`, `R 5 取組状況`,
 * `2026年度 評価`, `FY2026 Status`; undefined for anything else (plain `R8`, `実績効果額`).
 */
export function parseProgressHeader(text: string): { fy: number; field: ProgressField } | undefined {
  const k = headerKey(text);
  const m = YEAR_PREFIX.exec(k);
  if (!m) return undefined;
  const fy = parseFiscalYear(m[0].replace(/の$/, '').toUpperCase());
  if (fy === undefined) return undefined;
  const rest = k.slice(m[0].length);
  for (const field of PROGRESS_FIELDS) if (PROGRESS_WORDS[field].also.test(rest)) return { fy, field };
  return undefined;
}

export function progressFieldKey(field: ProgressField, fy: number): string {
  return `${field}:${fy}`;
}
