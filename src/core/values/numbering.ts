import { normalizeWidth } from './normalize';

const CIRCLED_1_20 = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const CIRCLED_21_35 = '㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟';
const CIRCLED_36_50 = '㊱㊲㊳㊴㊵㊶㊷㊸㊹㊺㊻㊼㊽㊾㊿';

/** ① → 1 … ㊿ → 50; undefined when the character is not a circled number. */
export function parseCircled(ch: string): number | undefined {
  for (const [set, base] of [
    [CIRCLED_1_20, 1],
    [CIRCLED_21_35, 21],
    [CIRCLED_36_50, 36],
  ] as const) {
    const i = set.indexOf(ch);
    if (i >= 0) return base + i;
  }
  return undefined;
}

export function circled(n: number): string {
  if (n >= 1 && n <= 20) return CIRCLED_1_20[n - 1];
  if (n >= 21 && n <= 35) return CIRCLED_21_35[n - 21];
  if (n >= 36 && n <= 50) return CIRCLED_36_50[n - 36];
  return `(${n})`;
}

const ROMAN_UNICODE: Record<string, string> = {
  Ⅰ: 'I', Ⅱ: 'II', Ⅲ: 'III', Ⅳ: 'IV', Ⅴ: 'V', Ⅵ: 'VI', Ⅶ: 'VII', Ⅷ: 'VIII', Ⅸ: 'IX', Ⅹ: 'X',
  ⅰ: 'I', ⅱ: 'II', ⅲ: 'III', ⅳ: 'IV', ⅴ: 'V', ⅵ: 'VI', ⅶ: 'VII', ⅷ: 'VIII', ⅸ: 'IX', ⅹ: 'X',
};

/** `III`, `Ⅲ`, `ⅲ`, `Ｉ` → 3; undefined for anything that is not a Roman numeral 1–39. */
export function parseRoman(s: string): number | undefined {
  let t = normalizeWidth(s).trim();
  t = [...t].map((c) => ROMAN_UNICODE[c] ?? c).join('').toUpperCase();
  if (!/^X{0,3}(IX|IV|V?I{0,3})$/.test(t) || t === '') return undefined;
  const val: Record<string, number> = { I: 1, V: 5, X: 10 };
  let n = 0;
  for (let i = 0; i < t.length; i++) {
    const v = val[t[i]];
    const next = val[t[i + 1]] ?? 0;
    n += v < next ? -v : v;
  }
  return n;
}

export type Numbering =
  | { kind: 'circled'; n: number }
  | { kind: 'roman'; n: number }
  | { kind: 'paren'; n: number }
  | { kind: 'arabic'; n: number };

/**
 * A leading number as plans write them: `①`, `Ⅲ`/`III`, `(1)`/`（１）`, `1.`/`1 `.
 * Returns the number, its kind and the rest of the text.
 */
export function parseNumbering(text: string): { numbering: Numbering; rest: string } | undefined {
  const raw = text.trim();
  const c = parseCircled([...raw][0] ?? '');
  if (c !== undefined) return { numbering: { kind: 'circled', n: c }, rest: raw.slice([...raw][0].length).trim() };
  const s = normalizeWidth(raw);
  const p = /^\((\d{1,3})\)\s*(.*)$/s.exec(s);
  if (p) return { numbering: { kind: 'paren', n: Number(p[1]) }, rest: p[2].trim() };
  const r = /^([IVXⅠ-Ⅹⅰ-ⅹ]{1,6})(?:[\s.．、:：]+|$)(.*)$/s.exec(s);
  if (r) {
    const n = parseRoman(r[1]);
    if (n !== undefined) return { numbering: { kind: 'roman', n }, rest: r[2].trim() };
  }
  const a = /^(\d{1,3})(?:[.．、:：]\s*|\s+)(.*)$/s.exec(s);
  if (a) return { numbering: { kind: 'arabic', n: Number(a[1]) }, rest: a[2].trim() };
  return undefined;
}
