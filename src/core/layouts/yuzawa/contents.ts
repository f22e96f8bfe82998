import { headerKey, type SheetView } from '../../grid/sheet-view';
import { normalizeWidth } from '../../values';
import { joinWrapped } from '../kit/build';
import { parsePolicy, parseTheme, type PolicyHeading } from './headings';

/**
 * The 目次 table (基本方針 | テーマプログラム | 取組事項 | 頁). Where it exists it is the authority on
 * which テーマプログラム a 取組事項 belongs to: in the printed body No.14 sits before the 「3.」 heading
 * although the 目次 lists it under 3. インフラ施設の適正管理.
 */
export interface ContentsEntry {
  measureNo: number;
  measureName: string;
  policy: PolicyHeading;
  theme: { no: number; name: string };
  row: number;
}

export interface Contents {
  sheet: string;
  headerRow: number;
  entries: Map<number, ContentsEntry>;
}

export function contentsHeader(view: SheetView, row: number): { policy: number; theme: number; measure: number } | undefined {
  let policy = -1;
  let theme = -1;
  let measure = -1;
  for (let c = 0; c < view.colCount; c++) {
    const k = headerKey(view.text(row, c));
    if (k === '基本方針' && policy < 0) policy = c;
    else if (k === 'テーマプログラム' && theme < 0) theme = c;
    else if (k === '取組事項' && measure < 0) measure = c;
  }
  return policy >= 0 && theme >= 0 && measure >= 0 ? { policy, theme, measure } : undefined;
}

export function findContentsHeader(view: SheetView): { row: number; cols: { policy: number; theme: number; measure: number } } | undefined {
  for (let r = 0; r < Math.min(view.rowCount, 30); r++) {
    const cols = contentsHeader(view, r);
    if (cols) return { row: r, cols };
  }
  return undefined;
}

/** Reads the 目次; merged 基本方針/テーマプログラム cells (or blanks under them) are filled downward. */
export function readContents(view: SheetView): Contents | undefined {
  const h = findContentsHeader(view);
  if (!h) return undefined;
  const entries = new Map<number, ContentsEntry>();
  let policy: PolicyHeading | undefined;
  let theme: { no: number; name: string } | undefined;
  for (let r = h.row + 1; r < view.rowCount; r++) {
    const p = parsePolicy(view.text(r, h.cols.policy), true);
    if (p) policy = p;
    const t = parseTheme(view.text(r, h.cols.theme));
    if (t) theme = t;
    const m = /^(\d{1,3})\s*(.*)$/s.exec(normalizeWidth(view.text(r, h.cols.measure)));
    if (!m || !policy || !theme) continue;
    entries.set(Number(m[1]), { measureNo: Number(m[1]), measureName: joinWrapped(m[2]), policy, theme, row: r });
  }
  return entries.size ? { sheet: view.name, headerRow: h.row, entries } : undefined;
}
