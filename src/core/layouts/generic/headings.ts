import { normalizeWidth, parseNumbering } from '../../values';

/**
 * Heading rows inside a table (「1 行政サービスの最適化」, 「●重点項目1 …」, 「Ⅱ …」, 「(2) …」): one
 * text across the row that names the policy or group the rows below belong to.
 */
export interface Heading {
  /** How it is numbered; the first style met in a sheet is the policy level, the next the group level. */
  kind: string;
  key: string;
  name: string;
  /** The level word it carries (基本方針, 重点項目 …), which names the city's top level. */
  label?: string;
}

const LEVEL_WORDS = ['基本方針', '重点項目', '視点', '基本姿勢', '施策の柱', '改革の柱', '基本目標', '推進項目', 'テーマプログラム'];
const MARKS = /^[●○◎■□◆◇▼▽★☆◯・]+\s*/; // not 〇: it is the placeholder in 〇〇市

export function parseHeading(text: string): Heading {
  let t = text.trim();
  let kind = '';
  const mark = MARKS.exec(t);
  if (mark) {
    kind = `mark:${mark[0].trim()}`;
    t = t.slice(mark[0].length).trim();
  }
  for (const w of LEVEL_WORDS) {
    if (!t.startsWith(w)) continue;
    const after = t.slice(w.length).trim();
    if (/^[0-9０-９]+$/.test(after)) return { kind: `${kind}label:${w}`, key: normalizeWidth(after), name: t, label: w };
    const n = parseNumbering(after.replace(/^(\d+|[IVXⅠ-Ⅹ]+)(?=[^\s.．、:：\d])/, '$1 '));
    if (n) return { kind: `${kind}label:${w}`, key: String(n.numbering.n), name: n.rest || t, label: w };
    return { kind: `${kind}label:${w}`, key: normalizeWidth(t), name: t, label: w };
  }
  const dai = /^第\s*([0-9０-９]+)\s*[章節項]?\s*(.*)$/.exec(t);
  if (dai) return { kind: `${kind}dai`, key: normalizeWidth(dai[1]), name: dai[2] || t };
  const n = parseNumbering(t);
  if (n) return { kind: `${kind}${n.numbering.kind}`, key: String(n.numbering.n), name: n.rest || t };
  return { kind: kind || 'plain', key: normalizeWidth(t), name: t };
}

/** Strong signs of a heading even in the item-name column (a plain `1 …` there is an item). */
export function looksLikeHeading(text: string): boolean {
  const t = text.trim();
  if (MARKS.test(t)) return true;
  if (LEVEL_WORDS.some((w) => t.startsWith(w))) return true;
  if (/^第\s*[0-9０-９]+/.test(t)) return true;
  const n = parseNumbering(t);
  return !!n && n.numbering.kind === 'roman';
}

/** Rows that are not items: totals and notes under the table. */
export function isTotalText(text: string): boolean {
  return /^(合計|小計|総計|計|total|subtotal)$/i.test(text.replace(/[\s\u3000]+/g, ''));
}

export function isNoteText(text: string): boolean {
  return /^[※＊*注]|^\(注\)|^（注）|^備考[:：]/.test(text.trim());
}
