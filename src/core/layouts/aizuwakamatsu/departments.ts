import { headerKey } from '../../grid/sheet-view';

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
