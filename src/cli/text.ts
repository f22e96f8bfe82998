/** Plain text for the terminal; widths count East Asian wide characters as two columns. */

/** Whether a UTF-16 code unit takes two columns (CJK, full-width forms, ①…⑳, Ⅰ…Ⅻ, the marks tables use). */
function wide(c: number): boolean {
  if (c < 0x1100) return false;
  return (
    c <= 0x115f ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x2460 && c <= 0x2473) ||
    (c >= 0x2160 && c <= 0x216b) ||
    c === 0x25b2 || c === 0x25b3 || c === 0x25a0 || c === 0x25a1 || c === 0x25cf || c === 0x25cb ||
    c === 0x25c6 || c === 0x25c7 || c === 0x2605 || c === 0x2606 || c === 0x203b
  );
}

/** Columns of one character (a code point: a surrogate pair is one character, one column). */
const charWidth = (ch: string): number => (wide(ch.charCodeAt(0)) ? 2 : 1);

export function displayWidth(s: string): number {
  // By code unit rather than `for…of` over code points: every line the CLI prints passes here.
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
      w++;
    } else w += wide(c) ? 2 : 1;
  }
  return w;
}

export function pad(s: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

/** Cuts to at most `width` columns, marking the cut with 「…」. */
export function truncate(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = charWidth(ch);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return out + '…';
}

/** Japanese line-breaking: these never start a line (closing brackets, 。、 and the like). */
const NO_LINE_START = /^[）)」』】〕］、。，．・：；？！ー…%]/;
/** …and these never end one (opening brackets). */
const NO_LINE_END = /[（(「『【〔［]$/;

/**
 * Wraps text to `width` columns: Japanese may break between any two characters (but a closing
 * bracket or 。、 never starts a line), Latin text at spaces. Continuation lines start with `indent`.
 */
export function wrap(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  // The width of `line`, kept as it grows rather than measured again for every token.
  let lineWidth = 0;
  const indentWidth = displayWidth(indent);
  const room = () => width - (lines.length === 0 ? 0 : indentWidth);
  const tokens = text.match(/[\u0020]+|[^\s\u3000-\u9fff\uff00-\uffef]+|./gu) ?? [];
  for (const tok of tokens) {
    const tokWidth = displayWidth(tok);
    if (lineWidth + tokWidth > room() && line.trim() !== '') {
      if (/^\s+$/.test(tok)) {
        lines.push(line.trimEnd());
        line = '';
        lineWidth = 0;
        continue;
      }
      // Carry the last character over with a closing mark rather than start a line with it.
      const chars = [...line];
      let carry = NO_LINE_START.test(tok) && chars.length > 1 && !/\s/.test(chars[chars.length - 1]) ? chars.pop()! : '';
      while (chars.length > 1 && NO_LINE_END.test(chars[chars.length - 1])) carry = chars.pop()! + carry;
      lines.push(chars.join('').trimEnd());
      line = carry;
      lineWidth = displayWidth(carry);
    }
    line += tok;
    lineWidth += tokWidth;
  }
  if (line.trim() !== '' || lines.length === 0) lines.push(line.trimEnd());
  return lines.map((l, i) => (i === 0 ? l : indent + l));
}

export interface Column {
  head: string;
  right?: boolean;
  /** This column gives up width (its cells are cut with 「…」) when the table is wider than allowed. */
  shrink?: boolean;
  /** Narrowest the column may become when shrinking. */
  min?: number;
}

/**
 * A table for the terminal. With `maxWidth`, the shrinkable column is narrowed (cells cut) until the
 * table fits; `cut` tells the caller whether anything was cut, to say so under the table.
 */
export function table(columns: Column[], rows: string[][], maxWidth = Infinity): { text: string; cut: boolean } {
  const gap = 2;
  const widths = columns.map((c, i) => Math.max(displayWidth(c.head), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const total = () => widths.reduce((a, b) => a + b, 0) + gap * (widths.length - 1);
  let cut = false;
  const s = columns.findIndex((c) => c.shrink);
  if (s >= 0 && total() > maxWidth) {
    const min = columns[s].min ?? 8;
    const want = widths[s] - (total() - maxWidth);
    if (want < widths[s]) {
      widths[s] = Math.max(min, want);
      cut = [columns[s].head, ...rows.map((r) => r[s] ?? '')].some((t) => displayWidth(t) > widths[s]);
    }
  }
  const cell = (text: string, i: number) => pad(cut && i === s ? truncate(text, widths[i]) : text, widths[i], columns[i].right);
  const line = (cells: string[]) => cells.map((c, i) => cell(c, i)).join(' '.repeat(gap)).trimEnd();
  const text = [line(columns.map((c) => c.head)), widths.map((w) => '-'.repeat(w)).join(' '.repeat(gap)), ...rows.map(line)].join('\n');
  return { text, cut };
}

let grouped: Intl.NumberFormat | undefined;

export function num(n: number): string {
  grouped ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });
  return grouped.format(n);
}
