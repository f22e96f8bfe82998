import { cellText, headerKey, type SheetView } from '../../grid/sheet-view';
import { parseFiscalYear } from '../../values';
import { parseProgressHeader, type ProgressField } from '../owned';

/**
 * The two-row header of a Nihonmatsu table, found by its text wherever it sits:
 *   No. | 改革項目 | 推進内容 | 主な取組 [KPI… 基準値(R6)⇒目標値(R12)] | 実施時期 (R8 … R12) | 実施担当
 * plus any progress columns (`令和8年度 実績` …) added right of it, by the add-in or by staff.
 */
export interface NihonmatsuColumns {
  headerRows: number[];
  no?: number;
  name: number;
  content?: number;
  actions?: number;
  /** 実施担当 is often two cells wide with the data in the second: every column of its span. */
  depts: number[];
  years: { fy: number; col: number }[];
  /** fy → field → column. */
  progress: Map<number, Partial<Record<ProgressField, number>>>;
  /** From the KPI header variant `基準値(R6)⇒目標値(R12)`. */
  baseFy?: number;
  targetFy?: number;
  /** Header texts that matched, for detection reasons. */
  matched: string[];
}

const YEAR_LABEL = /^(?:r\d{1,2}|令和(?:元|\d{1,2})年?度?|(?:19|20)\d{2}年?度?(?:\(r\d{1,2}\))?)$/;

type Role = 'no' | 'name' | 'content' | 'actions' | 'schedule' | 'depts';

function roleOf(key: string): Role | undefined {
  if (/^(no\.?|番号)$/.test(key)) return 'no';
  if (key === '改革項目') return 'name';
  if (key === '推進内容') return 'content';
  if (key.startsWith('主な取組')) return 'actions';
  if (key === '実施時期') return 'schedule';
  if (/^(実施担当|担当課|所管課|担当)$/.test(key)) return 'depts';
  return undefined;
}

/** A year column label (`R8`, `令和8年度`, `2026年度(R8)`), not a progress header. */
export function yearOfLabel(text: string): number | undefined {
  const k = headerKey(text);
  if (!YEAR_LABEL.test(k)) return undefined;
  return parseFiscalYear(text.toUpperCase());
}

/** The header starting at `row`, if the row names 改革項目 and at least two of 推進内容/主な取組/実施担当. */
export function headerAt(view: SheetView, row: number): NihonmatsuColumns | undefined {
  const roles = new Map<Role, number>();
  const texts = new Map<Role, string>();
  for (let c = 0; c < view.colCount; c++) {
    const t = cellText(view.raw(row, c));
    const role = roleOf(headerKey(t));
    if (role && !roles.has(role)) {
      roles.set(role, c);
      texts.set(role, t);
    }
  }
  const core = (['content', 'actions', 'depts'] as Role[]).filter((r) => roles.has(r)).length;
  if (!roles.has('name') || core < 2) return undefined;

  // A second header row holds the years under 実施時期 (and, merged, nothing else).
  const sub = row + 1;
  const isYearRow = (r: number) => {
    let n = 0;
    for (let c = 0; c < view.colCount; c++) if (yearOfLabel(cellText(view.raw(r, c))) !== undefined) n++;
    return n >= 2;
  };
  const headerRows = isYearRow(row) ? [row] : sub < view.rowCount && isYearRow(sub) ? [row, sub] : [row];
  const years: { fy: number; col: number }[] = [];
  const progress = new Map<number, Partial<Record<ProgressField, number>>>();
  for (const r of headerRows) {
    for (let c = 0; c < view.colCount; c++) {
      const t = cellText(view.raw(r, c));
      if (!t) continue;
      const fy = yearOfLabel(t);
      if (fy !== undefined) years.push({ fy, col: c });
      const p = parseProgressHeader(t);
      if (p) progress.set(p.fy, { ...progress.get(p.fy), [p.field]: c });
    }
  }
  years.sort((a, b) => a.col - b.col);

  const deptCol = roles.get('depts');
  const depts: number[] = [];
  if (deptCol !== undefined) {
    const m = view.merge(row, deptCol);
    for (let c = deptCol; c <= (m ? m.right : deptCol); c++) depts.push(c);
  }
  const actionsText = texts.get('actions') ?? '';
  const base = /基準値[(（]([^)）]+)[)）]/.exec(actionsText);
  const target = /目標値[(（]([^)）]+)[)）]/.exec(actionsText);
  const baseFy = base ? parseFiscalYear(base[1]) : undefined;
  const targetFy = target ? parseFiscalYear(target[1]) : undefined;
  return {
    headerRows,
    ...(roles.has('no') ? { no: roles.get('no') } : {}),
    name: roles.get('name')!,
    ...(roles.has('content') ? { content: roles.get('content') } : {}),
    ...(roles.has('actions') ? { actions: roles.get('actions') } : {}),
    depts,
    years,
    progress,
    ...(baseFy !== undefined ? { baseFy } : {}),
    ...(targetFy !== undefined ? { targetFy } : {}),
    matched: [...texts.values()].map((t) => t.split(/\s/)[0]),
  };
}
