import { normalizeWidth } from './normalize';

/** Runs of consecutive code points that each stand for first..first+len-1. */
const CIRCLED_RUNS: [start: number, first: number, len: number][] = [
  [0x2460, 1, 20], // ①..⑳
  [0x3251, 21, 15], // ㉑..㉟
  [0x32b1, 36, 15], // ㊱..㊿
  [0x24ea, 0, 1], // ⓪
  [0x2776, 1, 10], // ❶..❿ (negative circled)
  [0x24eb, 11, 10], // ⓫..⓴
  [0x2780, 1, 10], // ➀..➉ (sans-serif circled)
  [0x278a, 1, 10], // ➊..➓
  [0x24f5, 1, 10], // ⓵..⓾ (double circled)
];

const CIRCLED_1_20 = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const CIRCLED_21_35 = '㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟';
const CIRCLED_36_50 = '㊱㊲㊳㊴㊵㊶㊷㊸㊹㊺㊻㊼㊽㊾㊿';

/** ① → 1 … ㊿ → 50, also ❶/➀/⓫ forms; undefined when the text is not one circled number. */
export function parseCircled(ch: string): number | undefined {
  const t = ch.trim();
  const code = t.codePointAt(0);
  if (code === undefined || t.length !== 1) return undefined;
  for (const [start, first, len] of CIRCLED_RUNS) {
    if (code >= start && code < start + len) return first + (code - start);
  }
  return undefined;
}

/** 1 → ① … 50 → ㊿; beyond that there is no circled character, so `(51)`. */
export function circled(n: number): string {
  if (n >= 1 && n <= 20) return CIRCLED_1_20[n - 1];
  if (n >= 21 && n <= 35) return CIRCLED_21_35[n - 21];
  if (n >= 36 && n <= 50) return CIRCLED_36_50[n - 36];
  return `(${n})`;
}

/** U+2160 block: Ⅰ..Ⅻ and ⅰ..ⅻ. */
const ROMAN_UNICODE: Record<string, string> = {
  Ⅰ: 'I', Ⅱ: 'II', Ⅲ: 'III', Ⅳ: 'IV', Ⅴ: 'V', Ⅵ: 'VI', Ⅶ: 'VII', Ⅷ: 'VIII', Ⅸ: 'IX', Ⅹ: 'X', Ⅺ: 'XI', Ⅻ: 'XII',
  ⅰ: 'I', ⅱ: 'II', ⅲ: 'III', ⅳ: 'IV', ⅴ: 'V', ⅵ: 'VI', ⅶ: 'VII', ⅷ: 'VIII', ⅸ: 'IX', ⅹ: 'X', ⅺ: 'XI', ⅻ: 'XII',
};
const ROMAN_VALUE: Record<string, number> = { I: 1, V: 5, X: 10 };

/**
 * `III`, `Ⅲ`, `ⅲ`, `Ｉ`, `ⅩⅡ` → 3, 3, 3, 1, 12; undefined for anything that is not a canonical
 * numeral 1–39. L and C are left out on purpose: a lone `C` in these sheets is a rating, not 100.
 */
export function parseRoman(s: string): number | undefined {
  let t = '';
  for (const c of normalizeWidth(s).trim()) t += ROMAN_UNICODE[c] ?? c;
  t = t.toUpperCase();
  if (t === '' || !/^X{0,3}(?:IX|IV|V?I{0,3})$/.test(t)) return undefined;
  let n = 0;
  for (let i = 0; i < t.length; i++) {
    const v = ROMAN_VALUE[t[i]];
    const next = ROMAN_VALUE[t[i + 1]] ?? 0;
    n += v < next ? -v : v;
  }
  return n;
}

export type Numbering =
  | { kind: 'circled'; n: number }
  | { kind: 'roman'; n: number }
  | { kind: 'paren'; n: number }
  | { kind: 'arabic'; n: number };

const UNICODE_ROMAN = /^([Ⅰ-Ⅻⅰ-ⅻ]{1,4})[\s.、:]*(.*)$/s;
const ASCII_ROMAN = /^([IVX]{1,6})(?:[\s.、:]+|$)(.*)$/s;
const BRACKETED = /^[([〔【]\s*(\d{1,3})\s*[)\]〕】]\s*(.*)$/s;
const HALF_PAREN = /^(\d{1,3})\)\s*(.*)$/s;
const ARABIC = /^(\d{1,3})(?:[.、:]\s*|\s+)(.*)$/s;

/**
 * A leading number as plans write them: `①`, `Ⅲ`/`III`, `(1)`/`（１）`/`〔1〕`/`1)`, `1.`/`1 `.
 * Returns the number, its kind and the rest of the text. ASCII Roman numerals need a separator
 * after them (`ICT推進` is not 1); the U+2160 forms are unambiguous and need none.
 */
export function parseNumbering(text: string): { numbering: Numbering; rest: string } | undefined {
  const raw = text.trim();
  const first = [...raw][0] ?? '';
  const c = parseCircled(first);
  if (c !== undefined) return { numbering: { kind: 'circled', n: c }, rest: raw.slice(first.length).trim() };
  const s = normalizeWidth(raw);
  const p = BRACKETED.exec(s) ?? HALF_PAREN.exec(s);
  if (p) return { numbering: { kind: 'paren', n: Number(p[1]) }, rest: p[2].trim() };
  const r = UNICODE_ROMAN.exec(s) ?? ASCII_ROMAN.exec(s);
  if (r) {
    const n = parseRoman(r[1]);
    if (n !== undefined) return { numbering: { kind: 'roman', n }, rest: r[2].trim() };
  }
  const a = ARABIC.exec(s);
  if (a) return { numbering: { kind: 'arabic', n: Number(a[1]) }, rest: a[2].trim() };
  return undefined;
}
