import type { SheetView } from '../../grid/sheet-view';

/** Where the parts of a form sit, merge-aware: what the form locators (form.ts, form-loose.ts) step through. */

/** The legend lines of a blank template (ア. … サ.): one of its signs. */
export const LEGEND = /^[アイウエオカキクケコサ][.．、]/;

export interface Pos {
  row: number;
  col: number;
}

/** Cells a row holds of its own (merges running down from above left out), each merge once. */
export function ownCells(v: SheetView, r: number): { col: number; text: string }[] {
  return v.rowCells(r).filter((c) => {
    const m = v.merge(r, c.col);
    return !m || m.top === r;
  });
}

export function squeeze(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** What follows a label typed in the same cell, however the label was spaced. */
export function afterLabel(text: string, label: RegExp): string {
  const nfkc = text.normalize('NFKC');
  let squeezed = '';
  const at: number[] = [];
  for (let i = 0; i < nfkc.length; i++) {
    if (/\s/.test(nfkc[i])) continue;
    squeezed += nfkc[i];
    at.push(i);
  }
  const m = label.exec(squeezed);
  if (!m || m.index !== 0) return '';
  const end = m[0].length < at.length ? at[m[0].length] : nfkc.length;
  return nfkc.slice(end).trim();
}

/** The next cell to the right that is not inside the same merge. */
export function rightOf(v: SheetView, p: Pos): Pos {
  const m = v.merge(p.row, p.col);
  let c = (m ? m.right : p.col) + 1;
  while (c < v.colCount && v.isMergeFollower(p.row, c)) c++;
  return { row: p.row, col: c };
}

/** The cell to the left (a merge's top-left). */
export function leftOf(v: SheetView, p: Pos): Pos {
  const m = v.merge(p.row, p.col);
  const c = (m ? m.left : p.col) - 1;
  const n = v.merge(p.row, c);
  return { row: p.row, col: n ? n.left : c };
}

export function step(v: SheetView, p: Pos, n: number): Pos {
  let q = p;
  for (let i = 0; i < Math.abs(n); i++) q = n > 0 ? rightOf(v, q) : leftOf(v, q);
  return q;
}

/** The first filled cell right of p, before `stop`. */
export function nextFilled(v: SheetView, p: Pos, stop: number): Pos | undefined {
  let q = rightOf(v, p);
  while (q.col < stop && q.col < v.colCount) {
    if (v.text(q.row, q.col) !== '') return q;
    q = rightOf(v, q);
  }
  return undefined;
}

