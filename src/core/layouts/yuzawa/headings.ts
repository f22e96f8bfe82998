import { headerKey, type SheetView } from '../../grid/sheet-view';
import { normalizeWidth, parseRoman } from '../../values';
import { joinWrapped } from '../kit/build';

/**
 * The heading rows that give Yuzawa's tables their place in the plan: 「基本方針Ⅲ 行政経営マネジメント」
 * and 「1. 行政手法の改革」. Both Roman forms occur in the same document (I, II in ASCII; Ⅲ, Ⅳ as
 * U+2160 letters), with or without a space after them.
 */

export const ROMAN_KEYS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

export interface PolicyHeading {
  key: string;
  order: number;
  name: string;
}

export interface ThemeHeading {
  no: number;
  name: string;
}

/** `基本方針Ⅲ 行政経営マネジメント`, `基本方針 I 地域経営 マネジメント`; with `bare`, also `III 行政経営` (目次). */
export function parsePolicy(text: string, bare = false): PolicyHeading | undefined {
  const s = normalizeWidth(text);
  const re = bare ? /^(?:基本方針\s*)?([IVXⅠ-Ⅻ]+)(?=[\s.、:]|[^A-Za-z]|$)\s*[.、:]?\s*(.*)$/s : /^基本方針\s*([IVXⅠ-Ⅻ]+)(?![A-Za-z])\s*[.、:]?\s*(.*)$/s;
  const m = re.exec(s);
  if (!m) return undefined;
  const n = parseRoman(m[1]);
  if (n === undefined || n < 1 || n > ROMAN_KEYS.length) return undefined;
  return { key: ROMAN_KEYS[n - 1], order: n, name: joinWrapped(m[2]) };
}

/** `1. 地域経営の仕組みづくり` (not `1 地域活動の促進`, which is a 取組事項 heading). */
export function parseTheme(text: string): ThemeHeading | undefined {
  const m = /^(\d{1,2})\s*[.．]\s*(\S.*)$/s.exec(normalizeWidth(text));
  if (!m) return undefined;
  return { no: Number(m[1]), name: joinWrapped(m[2]) };
}

/** `25 歳入基盤の強化`: the body heading of a 取組事項, which ends any table above it. */
export function parseMeasureHeading(text: string): { no: number; name: string } | undefined {
  const m = /^(\d{1,2})\s+([^\d\s.．].*)$/s.exec(normalizeWidth(text));
  return m ? { no: Number(m[1]), name: joinWrapped(m[2]) } : undefined;
}

export function nonEmptyCells(view: SheetView, row: number): { col: number; text: string }[] {
  return view.rowCells(row).filter((c) => !view.isMergeFollower(row, c.col));
}

export type HeadingRow =
  | { kind: 'policy'; policy: PolicyHeading }
  | { kind: 'theme'; theme: ThemeHeading }
  | { kind: 'measure'; no: number; name: string }
  | { kind: 'caption' }
  | { kind: 'note' };

/** A row with one text cell that is a heading, a KPI caption or a ※ note; undefined otherwise. */
export function headingRow(view: SheetView, row: number): HeadingRow | undefined {
  const cells = nonEmptyCells(view, row);
  if (cells.length === 0 || cells.length > 2) return undefined;
  const text = cells.map((c) => c.text).join(' ');
  const policy = parsePolicy(text);
  if (policy) return { kind: 'policy', policy };
  if (cells.length !== 1) return undefined;
  if (/重要業績評価|\(kpi\)/.test(headerKey(text))) return { kind: 'caption' };
  if (/^[※*]/.test(text)) return { kind: 'note' };
  const theme = parseTheme(text);
  if (theme) return { kind: 'theme', theme };
  const measure = parseMeasureHeading(text);
  if (measure) return { kind: 'measure', ...measure };
  return undefined;
}

/** A sheet named for its policy (`基本方針Ⅲ`, `III 行政経営`) starts in that policy. */
export function policyOfSheetName(name: string): PolicyHeading | undefined {
  return parsePolicy(name) ?? parsePolicy(name, true);
}
