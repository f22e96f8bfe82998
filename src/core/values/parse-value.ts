import type { CellRef, CellValue } from '../grid/types';
import { parseFiscalYear } from './fiscal-year';
import { BLANK_MARKS, NA_DASHES, normalizeWidth } from './normalize';
import type { NumberValue, ParsedValue } from './types';

/**
 * Qualitative states staff type instead of numbers: the short ones seen in the seeds' KPI cells
 * (Isehara 検討/未導入/運用中 …) plus their usual siblings. Long plan phrases stay plain text.
 */
export const STATES = [
  '未実施', '実施', '一部実施', '実施準備', '実施済', '実施済み', '実施中',
  '検討', '検討中', '未検討', '調査・研究', '研究', '調査',
  '未導入', '導入', '導入済', '導入準備', '導入準備完了', '導入・運用', '導入方針の決定',
  '策定', '未策定', '策定中', '策定済',
  '整備', '未整備', '整備中', '整備済',
  '運用', '運用中', '運用開始', '試行', '試行中', '実証実験',
  '完了', '移行完了', '継続', '着手', '未着手', '推進', '拡充', '拡大', '縮小', '廃止', '見直し',
  '達成', '未達成', '決定', '方針決定', '未定', 'なし', 'あり', '有', '無',
];
const STATE_SET = new Set(STATES);

/** Kanji multipliers that can chain inside one number: 1億5千万 = 1×1e8 + 5×1e7. */
const CHAIN = /^(兆|億|千万|百万|万|千|百)/;
const MULT: Record<string, number> = { 兆: 1e12, 億: 1e8, 千万: 1e7, 百万: 1e6, 万: 1e4, 千: 1e3, 百: 1e2 };

/** One number: grouped, plain or leading-dot decimal. Linear: no nested ambiguous quantifiers. */
const NUM = /^(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)/;

const EXCEL_ERROR = /^#(?:N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;
const DITTO = /^(?:[↓⇩⬇〃]+|同上|同左|〃\s*同上)$/;

/** Values are short; anything longer is a comment, and scanning it for a number is wasted work. */
const MAX_VALUE_LENGTH = 80;

/** Decimal places of a JS number as String() shows it, including exponent forms (1.5e-7 → 8). */
export function decimalsOfNumber(n: number): number {
  const t = String(Math.abs(n));
  const e = t.indexOf('e');
  if (e < 0) {
    const dot = t.indexOf('.');
    return dot < 0 ? 0 : t.length - dot - 1;
  }
  const mant = t.slice(0, e);
  const exp = Number(t.slice(e + 1));
  const dot = mant.indexOf('.');
  const md = dot < 0 ? 0 : mant.length - dot - 1;
  return Math.max(0, md - exp);
}

function decimalsOfText(numText: string): number {
  const i = numText.indexOf('.');
  return i < 0 ? 0 : numText.length - i - 1;
}

interface ReadNumber {
  value: number;
  decimals: number;
  /** The multiplier text that now belongs to the unit (`億` of `1億5千万円`). */
  unitPrefix: string;
  rest: string;
}

/**
 * Reads an unsigned number at the start of `s`, with kanji multipliers. The value stays in the
 * unit of the first multiplier: `1億5千万` → 1.5 with unit prefix 億, `629万` → 629 with 万.
 */
function readNumber(s: string): ReadNumber | undefined {
  const m = NUM.exec(s);
  if (!m) return undefined;
  const first = m[0].replace(/,/g, '');
  let rest = s.slice(m[0].length);
  const mult = CHAIN.exec(rest);
  if (!mult) return { value: Number(first), decimals: decimalsOfText(first), unitPrefix: '', rest };
  const unitScale = MULT[mult[1]];
  let total = Number(first) * unitScale;
  rest = rest.slice(mult[1].length);
  let lastScale = unitScale;
  let chained = false;
  // Further parts must be smaller multipliers (億 then 千万 then 万 …) so `30万㎡` stays one part.
  for (;;) {
    const n = /^\d+(?:\.\d+)?/.exec(rest);
    if (!n) break;
    const after = rest.slice(n[0].length);
    const k = CHAIN.exec(after);
    if (k && MULT[k[1]] < lastScale) {
      total += Number(n[0]) * MULT[k[1]];
      lastScale = MULT[k[1]];
      rest = after.slice(k[1].length);
      chained = true;
      continue;
    }
    // `1万5000円`: a trailing plain part counts in ones, but only when nothing numeric follows.
    if (!k && !/^[\d.,]/.test(after) && Number(n[0]) < lastScale) {
      total += Number(n[0]);
      rest = after;
      chained = true;
    }
    break;
  }
  if (!chained) return { value: Number(first), decimals: decimalsOfText(first), unitPrefix: mult[1], rest };
  const value = Number((total / unitScale).toPrecision(15));
  return { value, decimals: decimalsOfNumber(value), unitPrefix: mult[1], rest };
}

type Flags = Omit<NumberValue, 'kind' | 'raw' | 'cell' | 'value' | 'decimals'>;

const YEAR_NOTE = /^((?:令和|平成|昭和|[RHrh])\.?\s*(?:元|\d{1,2})\s*(?:年度|年)?|(?:19|20|21)\d{2}\s*(?:年度|年)?)\s*(.*)$/;

/** What a bracketed remark after a number says; returns false when it is not a remark at all. */
function readRemark(inner: string, flags: Flags, notes: string[]): boolean {
  const t = inner.trim();
  if (t === '') return false;
  if (t === '累計') return ((flags.cumulative = true), true);
  if (t === '年間' || t === '年' || t === '毎年') return ((flags.perYear = true), true);
  if (/^(?:見込|見込み|見込値|見込額|速報|速報値|暫定|暫定値|概算|予定)$/.test(t)) return ((flags.provisional = true), true);
  const y = YEAR_NOTE.exec(t);
  if (y) {
    const fy = parseFiscalYear(y[1]);
    if (fy !== undefined && !/^[\d,.]/.test(y[2])) {
      flags.year = fy;
      const note = y[2].trim();
      if (note === '累計') flags.cumulative = true;
      else if (note !== '') notes.push(note);
      return true;
    }
  }
  notes.push(t);
  return true;
}

/** A unit must look like one: short, no digits, no sentence. `か所` is the one hiragana unit. */
function plausibleUnit(u: string): boolean {
  if (u.length > 10) return false;
  if (/[\d\s。、「」『』!?！？:;.,]/.test(u)) return false;
  if (/[\u3041-\u3096]/.test(u.replace(/か所|ヶ所|かしょ/g, ''))) return false;
  return !/程度|以内|以下|未満|以上|予定|実施/.test(u);
}

/** Unit canonical for display: width folded already; only superscript spacing and m2 are fixed. */
function tidyUnit(u: string): string {
  return u.replace(/^([kcm]?m)([23])(?=$|\/)/, (_m, a: string, d: string) => a + (d === '2' ? '²' : '³'));
}

/**
 * The number part of a normalised cell, or undefined when the text is not a number with
 * qualifiers. Order follows how values are typed: prefixes, sign, number, unit, then from the right
 * end brackets and cap/floor words in any order.
 */
function parseNumberText(s0: string): (Flags & { value: number; decimals: number }) | undefined {
  const flags: Flags = {};
  const notes: string[] = [];
  let s = s0;

  // `(29,273)`: a number standing in brackets is a planned amount shown beside the actual.
  // `(見込)1,800`: a bracketed remark before the number says it is provisional.
  const lead = /^\((見込み?|見込額|速報値?|暫定値?|概算|予定)\)\s*/.exec(s);
  if (lead) {
    flags.provisional = true;
    s = s.slice(lead[0].length);
  }
  if (s[0] === '(' || s[0] === '（') {
    const close = s.indexOf(')');
    if (close < 0) return undefined;
    const inner = s.slice(1, close).trim();
    // Only the whole cell: `(1)業務改善` is a heading number, not an amount.
    if (!/^[-+▲△]?\s*[\d.]/.test(inner) || s.slice(close + 1).trim() !== '') return undefined;
    flags.parenthesized = true;
    s = inner;
  }

  // Prefixes, each at most once, in the orders seen: 年2回, 約30件, 累計30,800, 年間120件.
  let per = '';
  for (let guard = 0; guard < 4; guard++) {
    const p = /^(年間|毎年|年|月|週|日|約|およそ|概ね|累計|最大|最低|見込み|見込額|見込|速報値|速報|暫定値|暫定|概算)\s*/.exec(s);
    if (!p) break;
    const w = p[1];
    if (w === '年間' || w === '毎年' || w === '年') flags.perYear = true;
    else if (/^(?:見込|速報|暫定|概算)/.test(w)) flags.provisional = true;
    else if (w === '月' || w === '週' || w === '日') per = '/' + w;
    else if (w === '約' || w === 'およそ' || w === '概ね') flags.approx = true;
    else if (w === '累計') flags.cumulative = true;
    else if (w === '最大') flags.cap = 'le';
    else flags.floor = 'ge';
    s = s.slice(p[0].length);
  }

  let sign = 1;
  const sg = /^([-+▲△ーｰ±])\s*/.exec(s);
  if (sg) {
    // The long-vowel mark is an IME's idea of a hyphen; it is a minus only right before a digit.
    if ((sg[1] === 'ー' || sg[1] === 'ｰ') && !/^\d/.test(s.slice(1))) return undefined;
    if (sg[1] !== '+' && sg[1] !== '±') sign = -1;
    s = s.slice(sg[0].length);
  }

  const n = readNumber(s);
  if (!n) return undefined;
  let rest = n.rest.trim();

  // From the right: brackets and qualifier words, in whatever order they were typed.
  let secondary: { value: number; unit: string } | undefined;
  for (let guard = 0; guard < 6 && rest !== ''; guard++) {
    const q = /(以内|以下|未満|以上|超|程度|前後|くらい|ほど|見込み|見込額|見込|速報値|速報|暫定値|暫定|概算)$/.exec(rest);
    if (q) {
      const w = q[1];
      if (/^(?:見込|速報|暫定|概算)/.test(w)) flags.provisional = true;
      else if (w === '以内' || w === '以下') flags.cap = 'le';
      else if (w === '未満') flags.cap = 'lt';
      else if (w === '以上') flags.floor = 'ge';
      else if (w === '超') flags.floor = 'gt';
      else flags.approx = true;
      rest = rest.slice(0, rest.length - w.length).trimEnd();
      continue;
    }
    if (rest.endsWith(')')) {
      const open = rest.lastIndexOf('(');
      if (open < 0) return undefined;
      const inner = rest.slice(open + 1, -1);
      rest = rest.slice(0, open).trimEnd();
      const c = /^\s*([-▲△]?)\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*([^\d()]*?)\s*$/.exec(inner);
      // `(2021年度)` is a year note, not a compound count.
      if (c && secondary === undefined && plausibleUnit(c[3]) && !/^年度?$/.test(c[3])) {
        secondary = { value: (c[1] ? -1 : 1) * Number(c[2].replace(/,/g, '')), unit: c[3] };
        continue;
      }
      if (!readRemark(inner, flags, notes)) return undefined;
      continue;
    }
    break;
  }

  let unit = n.unitPrefix + rest.replace(/\s*\/\s*/g, '/');
  if (/\/年$/.test(unit)) {
    flags.perYear = true;
    unit = unit.slice(0, -2);
  }
  unit = tidyUnit(unit + per);
  if (unit !== '' && !plausibleUnit(unit.replace(/[²³]/g, ''))) return undefined;

  const value = sign * n.value;
  return {
    value: Object.is(value, -0) ? 0 : value,
    decimals: n.decimals,
    ...(unit ? { unit } : {}),
    ...flags,
    ...(secondary !== undefined ? { secondary: secondary.value } : {}),
    ...(secondary?.unit ? { secondaryUnit: secondary.unit } : {}),
    ...(notes.length ? { notes } : {}),
  };
}

/** Simple HTML remnants from copy-paste (`<p>↓</p>`, `<small>…</small>`): tags only, text kept. */
function stripTags(s: string): string {
  return s.includes('<') ? s.replace(/<\/?[A-Za-z][^<>]{0,200}>/g, ' ').replace(/ {2,}/g, ' ').trim() : s;
}

/**
 * What one typed cell means. Numbers from the host (typeof number) are taken as they are; text is
 * normalised and read for sign, multipliers, unit, caps, year annotation and compound forms.
 * Never throws: whatever it cannot read is text.
 */
export function parseValue(raw: CellValue | undefined, cell?: CellRef): ParsedValue {
  const at = cell ? { cell } : {};
  if (raw === null || raw === undefined) return { kind: 'blank', raw: '', ...at };
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { kind: 'text', raw: String(raw), ...at, text: String(raw) };
    return { kind: 'number', raw: String(raw), ...at, value: Object.is(raw, -0) ? 0 : raw, decimals: decimalsOfNumber(raw) };
  }
  if (typeof raw !== 'string') return { kind: 'text', raw: String(raw), ...at, text: String(raw) };
  const text = raw;
  // Fast path for what most cells hold: a plain ASCII integer or decimal.
  if (/^-?\d{1,15}(?:\.\d{1,15})?$/.test(text)) {
    const v = Number(text);
    return { kind: 'number', raw: text, ...at, value: Object.is(v, -0) ? 0 : v, decimals: decimalsOfText(text) };
  }
  const s = stripTags(normalizeWidth(text));
  if (s === '') return { kind: 'blank', raw: text, ...at };
  if (NA_DASHES.test(s)) return { kind: 'na', raw: text, ...at };
  if (BLANK_MARKS.test(s)) return { kind: 'blank', raw: text, ...at };
  if (EXCEL_ERROR.test(s)) return { kind: 'text', raw: text, ...at, text: s, excelError: true };
  if (DITTO.test(s)) return { kind: 'text', raw: text, ...at, text: s, ditto: true };
  const parsed = s.length <= MAX_VALUE_LENGTH ? parseNumberText(s) : undefined;
  if (parsed) return { kind: 'number', raw: text, ...at, ...parsed };
  return textValue(text, s, at);
}

function textValue(raw: string, norm: string, at: { cell?: CellRef }): ParsedValue {
  // `(未定)`: a state in brackets is still that state.
  const compact = norm.replace(/\s+/g, '').replace(/^[(（【〔[](.*)[)）】〕\]]$/, '$1');
  const state = STATE_SET.has(compact) ? compact : undefined;
  return { kind: 'text', raw, ...at, text: norm, ...(state ? { state } : {}) };
}
