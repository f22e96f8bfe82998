import { headerKey } from '../../grid/sheet-view';

/**
 * 所管課 cells name one or several departments: `納税課・国保年金課`, `納税課ほか関係課`,
 * `情報統計課 (とりまとめ)・ほか関係課`, `企画調整課（スマートシティ推進室）`. A 中黒 inside brackets
 * belongs to the name; `(とりまとめ)` marks who collates, not a department.
 */
const OPEN = '(（【[「';
const CLOSE = ')）】]」';
const COLLATOR = /\s*[(（]\s*とりまとめ\s*[)）]\s*/g;

export function splitDepartments(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  const flush = () => {
    const d = cur.replace(COLLATOR, '').trim();
    if (d) parts.push(d);
    cur = '';
  };
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && /[、・,，/／\n\r]/.test(ch)) {
      flush();
      continue;
    }
    if (depth === 0 && ch === 'ほ' && chars[i + 1] === 'か') {
      flush();
      i++;
      continue;
    }
    cur += ch;
  }
  flush();
  return parts;
}

export interface StatusSection {
  /** The bracketed heading (`人事課`, `水道事業`); '' for text before the first heading. */
  label: string;
  text: string;
}

/** `【人事課】 … 【情報統計課】 …` → one section per heading; a cell without headings is one section. */
export function splitSections(text: string): StatusSection[] {
  const out: StatusSection[] = [];
  const re = /【([^】]+)】/g;
  let last = 0;
  let label = '';
  for (const m of text.matchAll(re)) {
    const before = text.slice(last, m.index).trim();
    if (before || label) out.push({ label, text: before });
    label = m[1].trim();
    last = m.index + m[0].length;
  }
  const rest = text.slice(last).trim();
  if (rest || label) out.push({ label, text: rest });
  return out;
}

/** Section headings that name a department (not 【水道事業】-style topics). */
export function isDepartmentLabel(label: string): boolean {
  return /(課|室|局|センター|部)$/.test(label.replace(/[(（][^)）]*[)）]$/, ''));
}

export function sameDepartment(a: string, b: string): boolean {
  const x = headerKey(a);
  const y = headerKey(b);
  return x === y || x.startsWith(y) || y.startsWith(x);
}
