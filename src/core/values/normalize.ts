/**
 * Width folding that keeps what NFKC gets wrong for these sheets: ▲ △ stay (they mean minus), dashes
 * are told apart (a lone `-` is "no value", `—` is "not applicable"), and `m²` keeps its superscript
 * (NFKC would turn `m ²` into `m 2`, which then reads as a number).
 */
export function normalizeWidth(s: string): string {
  // Most cells hold nothing to fold: find the first character that needs it before building anything,
  // noting on the way whether spaces would need collapsing or trimming.
  let spaced = false;
  let i = 0;
  for (let prev = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code === 0x20 && prev === 0x20) spaced = true;
    prev = code;
    if (code < 0x7f && code !== 0x09 && code !== 0x0a && code !== 0x0d) continue;
    if (folds(code)) break;
    // Other spaces trim() removes at either end (en/em spaces, line separators …).
    if ((code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x1680 || code === 0x205f) spaced = true;
  }
  let out = i === s.length ? s : s.slice(0, i) + foldFrom(s, i);
  if (i < s.length || spaced || out.charCodeAt(0) === 0x20 || out.charCodeAt(out.length - 1) === 0x20) {
    out = out.replace(/ {2,}/g, ' ').trim();
  }
  // PDF/Word text puts a space between a unit letter and its superscript: `299,963 m ²`.
  if (out.includes('²') || out.includes('³')) out = out.replace(/([A-Za-z]) ([²³])/g, '$1$2');
  return out;
}

/** Characters normalizeWidth changes: full-width ASCII, odd spaces, minus signs, 、 and invisible marks. */
function folds(code: number): boolean {
  return (
    (code >= 0xff01 && code <= 0xff5e) ||
    code === 0x3000 || code === 0x00a0 || code === 0x09 || code === 0x0a || code === 0x0d ||
    code === 0x2212 || code === 0x2010 || code === 0x2011 || code === 0xfe63 ||
    code === 0xff64 || code === 0x200b || code === 0xfeff
  );
}

function foldFrom(s: string, from: number): string {
  let out = '';
  for (let i = from; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) {
      // Full-width ASCII block → ASCII.
      out += String.fromCharCode(code - 0xfee0);
    } else if (code === 0x3000 || code === 0x00a0 || code === 0x09 || code === 0x0a || code === 0x0d) {
      out += ' ';
    } else if (code === 0x2212 || code === 0x2010 || code === 0x2011 || code === 0xfe63) {
      // Minus sign and hyphens behave as ASCII '-' (U+FF0D is already folded by the block above).
      out += '-';
    } else if (code === 0xff64) {
      out += ',';
    } else if (code === 0x200b || code === 0xfeff) {
      // Zero-width space / BOM pasted from the web: invisible, and it would split numbers.
    } else {
      out += s[i];
    }
  }
  return out;
}

/**
 * Dashes that mean "not applicable for this year" when they are the whole cell: em dash, horizontal
 * bar, en dash, figure dash and box-drawing lines (what a ruled cell looks like once typed).
 */
export const NA_DASHES = /^[\u2012\u2013\u2014\u2015\u2500\u2501]+$/;
/** A lone hyphen-like mark: "no value". `ー` is the long-vowel mark IMEs produce for a typed hyphen. */
export const BLANK_MARKS = /^(?:-+|[ーｰ]+|\/)$/;
