/**
 * Width folding that keeps what NFKC gets wrong for these sheets: ▲ △ stay (they mean minus), dashes
 * are told apart (a lone `-` is "no value", `—` is "not applicable"), and `m²` keeps its superscript.
 */
export function normalizeWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xff01 && code <= 0xff5e) {
      // Full-width ASCII block → ASCII.
      out += String.fromCodePoint(code - 0xfee0);
    } else if (code === 0x3000) {
      out += ' ';
    } else if (ch === '\u2212' || ch === '\uff0d' || ch === '\u2010' || ch === '\u2011') {
      // Minus sign, full-width hyphen-minus and hyphens behave as ASCII '-'.
      out += '-';
    } else if (ch === '，' || ch === '､') {
      out += ',';
    } else if (ch === '．') {
      out += '.';
    } else {
      out += ch;
    }
  }
  return out.replace(/[ \t\r\n]+/g, ' ').trim();
}

/** Dashes that mean "not applicable for this year" when they are the whole cell. */
export const NA_DASHES = /^[\u2014\u2015\u2500]+$/;
/** A lone hyphen-like mark: "no value". */
export const BLANK_MARKS = /^(?:-+|ー|\/)$/;

