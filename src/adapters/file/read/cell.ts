import type { CellValue } from '../../../core/grid/types';
import { unescapeXString } from './strings';

/**
 * One cell's value as Office.js `range.values` gives it: numbers (date-formatted cells stay serial
 * numbers; styles are never consulted), strings, booleans, error values as their literal ('#N/A').
 * `v` is the `<v>` text (undefined when absent), `inline` the `<is>` text of an inline string.
 */
export function cellValue(t: string | undefined, v: string | undefined, inline: string | undefined, sst: readonly string[], date1904: boolean): CellValue {
  switch (t) {
    case undefined:
    case 'n': {
      if (v === undefined) return null;
      const s = v.trim();
      if (s === '') return null;
      const n = Number(s);
      return Number.isNaN(n) ? unescapeXString(v) : n;
    }
    case 's': {
      if (v === undefined) return null;
      const s = sst[Number(v)];
      return s === undefined ? null : s;
    }
    case 'str':
      return v === undefined ? null : unescapeXString(v);
    case 'inlineStr':
      return inline ?? (v === undefined ? null : unescapeXString(v));
    case 'b':
      return v === undefined ? null : v.trim() === '1' || v.trim().toLowerCase() === 'true';
    case 'e':
      return v === undefined ? null : v.trim();
    case 'd':
      return v === undefined ? null : isoToSerial(v.trim(), date1904);
    default:
      return v === undefined ? null : v;
  }
}

const DAY = 86400000;

/**
 * `t="d"` cells (ISO 8601 dates, written by some producers) become the serial number Excel shows
 * through Office.js. The 1900 system counts the phantom 1900-02-29, so its epoch is 1899-12-30 for
 * dates from March 1900 on; text that is not a date stays text.
 */
export function isoToSerial(iso: string, date1904: boolean): CellValue {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(iso);
  const timeOnly = /^T?(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?$/.exec(iso);
  if (timeOnly) return (Number(timeOnly[1]) * 3600 + Number(timeOnly[2]) * 60 + Number(timeOnly[3] ?? 0) + Number(`0.${timeOnly[4] ?? 0}`)) / 86400;
  if (!m) return iso;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)) + Number(`0.${m[7] ?? 0}`) * 1000;
  if (Number.isNaN(ms)) return iso;
  if (date1904) return (ms - Date.UTC(1904, 0, 1)) / DAY;
  const serial = (ms - Date.UTC(1899, 11, 30)) / DAY;
  return serial < 61 ? serial - 1 : serial;
}

/** 'B12' → [row 11, col 1] without allocating; null when it is not a plain A1 address. */
export function parseCellRef(ref: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  const n = ref.length;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c === 36 && i === 0) continue;
    else break;
  }
  if (col === 0 || col > 16384) return null;
  if (ref.charCodeAt(i) === 36) i++;
  let row = 0;
  const start = i;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    row = row * 10 + (c - 48);
  }
  if (i === start || row === 0 || row > 1048576) return null;
  return { row: row - 1, col: col - 1 };
}
