import { columnName } from '../../../core/grid/a1';

/**
 * A shared formula's follower cell stores only `<f t="shared" si="0"/>`; Excel shows it as the
 * master's formula moved by the follower's offset (relative references shift, `$` ones do not).
 * This moves A1 references, whole rows (3:5) and whole columns (B:D), leaving strings, quoted sheet
 * names, structured and external references and function names alone.
 */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  let out = '';
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      const end = closing(formula, i, ch);
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    if (ch === '[') {
      let depth = 0;
      let j = i;
      for (; j < n; j++) {
        if (formula[j] === '[') depth++;
        else if (formula[j] === ']' && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (isWordChar(formula.charCodeAt(i - 1))) {
      out += ch;
      i++;
      continue;
    }
    const m = REF.exec(formula.slice(i, i + 40));
    if (m && !isWordOrCall(formula.charCodeAt(i + m[0].length))) {
      out += move(m, dRow, dCol);
      i += m[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

// A1 or A1-style pieces at the current position: cell (A$1), row range (1:$3), column range (A:$C).
const REF = /^(?:(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})|(\$?)([0-9]{1,7}):(\$?)([0-9]{1,7})|(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3}))/;

function move(m: RegExpExecArray, dRow: number, dCol: number): string {
  const moved =
    m[2] !== undefined
      ? m[1] + col(m[2], m[1], dCol) + m[3] + row(m[4], m[3], dRow)
      : m[6] !== undefined
        ? m[5] + row(m[6], m[5], dRow) + ':' + m[7] + row(m[8], m[7], dRow)
        : m[9] + col(m[10], m[9], dCol) + ':' + m[11] + col(m[12], m[11], dCol);
  // A reference moved off the sheet is #REF!, as Excel shows it.
  return moved.includes('#REF!') ? '#REF!' : moved;
}

function row(text: string, abs: string, d: number): string {
  if (abs) return text;
  const r = Number(text) + d;
  return r >= 1 && r <= 1048576 ? String(r) : '#REF!';
}

function col(text: string, abs: string, d: number): string {
  if (abs) return text;
  let c = 0;
  for (const chr of text.toUpperCase()) c = c * 26 + (chr.charCodeAt(0) - 64);
  c += d;
  return c >= 1 && c <= 16384 ? columnName(c - 1) : '#REF!';
}

function closing(s: string, i: number, q: string): number {
  let j = i + 1;
  while (j < s.length) {
    if (s[j] === q) {
      if (s[j + 1] === q) j += 2;
      else return j + 1;
    } else j++;
  }
  return s.length;
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c > 127;
}

function isWordOrCall(c: number): boolean {
  return isWordChar(c) || c === 40;
}
