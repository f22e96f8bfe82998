import type { CellRef, CellValue } from '../grid/types';
import { parseFiscalYear } from './fiscal-year';
import { BLANK_MARKS, NA_DASHES, normalizeWidth } from './normalize';
import type { ParsedValue } from './types';

/** Qualitative states staff type instead of numbers. */
export const STATES = [
  '未実施', '実施', '検討', '検討中', '未導入', '導入', '策定', '未策定', '完了', '継続', '着手', '未着手',
  '運用', '運用開始', '試行', '廃止', '見直し', '推進', '拡充', '実施済', '達成', '未達成',
];

const MULTIPLIERS: [RegExp, number][] = [
  [/^兆/, 1e12],
  [/^億/, 1e8],
  [/^千万/, 1e7],
  [/^百万/, 1e6],
  [/^万/, 1e4],
  [/^千(?!円)/, 1e3],
];

function decimalsOf(numText: string): number {
  const i = numText.indexOf('.');
  return i < 0 ? 0 : numText.length - i - 1;
}

/**
 * Reads one number with an optional sign, grouping, kanji multipliers (`1億5千万`, `629万`) and
 * returns the value, the decimals shown and the text left after it.
 */
function readNumber(s: string): { value: number; decimals: number; rest: string } | undefined {
  const m = /^([-▲△]?)\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)/.exec(s);
  if (!m) return undefined;
  const sign = m[1] ? -1 : 1;
  const numText = m[2].replace(/,/g, '');
  let value = Number(numText);
  const decimals = decimalsOf(numText);
  let rest = s.slice(m[0].length);
  // Kanji multipliers, possibly chained: 1億5千万 = 1×1e8 + 5×1e7.
  let total = 0;
  let scaled = false;
  for (;;) {
    const mult = MULTIPLIERS.find(([re]) => re.test(rest));
    if (!mult) break;
    const tok = mult[0].exec(rest)![0];
    total += value * mult[1];
    scaled = true;
    rest = rest.slice(tok.length);
    const next = /^(\d+(?:\.\d+)?)/.exec(rest);
    if (next && MULTIPLIERS.some(([re]) => re.test(rest.slice(next[0].length)))) {
      value = Number(next[1]);
      rest = rest.slice(next[0].length);
      continue;
    }
    value = 0;
    break;
  }
  if (scaled) value = total + value;
  return { value: sign * value, decimals: scaled ? 0 : decimals, rest };
}

/**
 * What one typed cell means. Numbers from the host (typeof number) are taken as they are; text is
 * normalised and read for sign, multipliers, unit, caps, year annotation and compound forms.
 */
export function parseValue(raw: CellValue, cell?: CellRef): ParsedValue {
  const at = cell ? { cell } : {};
  if (raw === null || raw === undefined) return { kind: 'blank', raw: '', ...at };
  if (typeof raw === 'number') {
    const t = String(raw);
    return { kind: 'number', raw: t, ...at, value: raw, decimals: decimalsOf(t.includes('e') ? raw.toFixed(6) : t) };
  }
  if (typeof raw === 'boolean') return { kind: 'text', raw: String(raw), ...at, text: String(raw) };
  const text = raw;
  const s0 = normalizeWidth(text);
  if (s0 === '') return { kind: 'blank', raw: text, ...at };
  if (NA_DASHES.test(s0)) return { kind: 'na', raw: text, ...at };
  if (BLANK_MARKS.test(s0)) return { kind: 'blank', raw: text, ...at };

  let s = s0;
  let perYear = false;
  let cumulative = false;
  let year: number | undefined;
  let cap: 'le' | 'lt' | undefined;

  // Year annotation in brackets: `41,096千円(令和3年度)`, `(R3)`.
  s = s.replace(/[(（]\s*((?:令和|平成|R|H)\s*(?:元|\d{1,2})\s*年?度?|(?:19|20)\d{2}\s*年?度?)\s*(?:末|時点)?\s*[)）]/g, (_m, y: string) => {
    year = parseFiscalYear(y);
    return '';
  });
  if (/[(（]?\s*累計\s*[)）]?/.test(s)) {
    cumulative = true;
    s = s.replace(/[(（]?\s*累計\s*[)）]?/g, '');
  }
  if (/^年\s*/.test(s)) {
    perYear = true;
    s = s.replace(/^年\s*/, '');
  }
  if (/(以内|以下)\s*$/.test(s)) {
    cap = 'le';
    s = s.replace(/(以内|以下)\s*$/, '');
  } else if (/未満\s*$/.test(s)) {
    cap = 'lt';
    s = s.replace(/未満\s*$/, '');
  }
  s = s.trim();

  const n = readNumber(s);
  if (!n) return textValue(text, s0, at);
  let rest = n.rest.trim();
  // Unit: everything up to a bracket, e.g. `件`, `%`, `千円`, `回/年`.
  const u = /^([^\d()（）]*?)\s*(?=$|[(（])/.exec(rest);
  let unit = u ? u[1].trim() : '';
  rest = u ? rest.slice(u[0].length).trim() : rest;
  if (/^\/\s*年$|^\/年$/.test(unit)) {
    perYear = true;
    unit = '';
  } else if (/\/年$/.test(unit)) {
    perYear = true;
    unit = unit.replace(/\s*\/\s*年$/, '');
  }
  // Compound: `2(78)`, `年2回（12回）`.
  let secondary: number | undefined;
  const c = /^[(（]\s*([-▲△]?[\d,.]+)\s*([^)）]*)[)）]$/.exec(rest);
  if (c) {
    const inner = readNumber(c[1]);
    if (inner) {
      secondary = inner.value;
      if (!unit && c[2].trim()) unit = c[2].trim();
      rest = '';
    }
  }
  if (rest !== '' || /\d/.test(unit)) return textValue(text, s0, at);
  return {
    kind: 'number',
    raw: text,
    ...at,
    value: n.value,
    decimals: n.decimals,
    ...(unit ? { unit } : {}),
    ...(cap ? { cap } : {}),
    ...(year !== undefined ? { year } : {}),
    ...(cumulative ? { cumulative } : {}),
    ...(perYear ? { perYear } : {}),
    ...(secondary !== undefined ? { secondary } : {}),
  };
}

function textValue(raw: string, norm: string, at: { cell?: CellRef }): ParsedValue {
  const compact = norm.replace(/\s+/g, '');
  const state = STATES.find((st) => compact === st);
  return { kind: 'text', raw, ...at, text: norm, ...(state ? { state } : {}) };
}
