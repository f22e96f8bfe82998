import { headerKey, type SheetView } from '../../grid/sheet-view';
import { parseFiscalYear } from '../../values';
import { extraColumns, stackedHeader, type ProgressColumn } from './columns';

/**
 * The KPI table under each テーマプログラム: 指標名 / 現状 (令和 2 年) / 目標値 (令和 8 年). The year in a
 * header belongs to the column (baselines are dated 令和1年, 令和2年 or 令和2年度 depending on the table).
 * Staff may add 単位, yearly 目標値 and progress columns (実績 / 評価 …), in any order.
 */
export interface KpiColumns {
  headerRows: number[];
  name: number;
  unit?: number;
  department?: number;
  baseline?: { col: number; fy?: number };
  /** Every 目標値 column with its year; the latest is the final target. */
  targets: { col: number; fy?: number }[];
  progress: ProgressColumn[];
  owned: Record<string, number>;
}

const isName = (k: string) => k === '指標名' || k === '指標' || k === 'kpi' || k === '成果指標' || k === '指標名(kpi)';
const isBaseline = (k: string) => /^(現状|基準値|現況)/.test(k);
const isTarget = (k: string) => /^目標/.test(k);

/** The KPI header at `row`, with a second header row when staff grouped progress columns under a year. */
export function kpiHeaderAt(view: SheetView, row: number): KpiColumns | undefined {
  let name = -1;
  for (let c = 0; c < view.colCount; c++) {
    if (!view.isMergeFollower(row, c) && isName(headerKey(view.text(row, c)))) {
      name = c;
      break;
    }
  }
  if (name < 0) return undefined;
  const keys = Array.from({ length: view.colCount }, (_, c) => headerKey(view.text(row, c)));
  if (!keys.some(isTarget)) return undefined;

  // A second header row: the name cell is merged down (or blank) and the row holds only headers.
  const headerRows = [row];
  const next = row + 1;
  if (next < view.rowCount && (view.isMergeFollower(next, name) || view.text(next, name) === '')) {
    let headerish = false;
    let data = false;
    for (let c = 0; c < view.colCount; c++) {
      if (view.isMergeFollower(next, c)) continue;
      const t = view.text(next, c);
      if (t === '') continue;
      if (/実績|評価|状況|目標|現状|単位|課題|備考|達成/.test(headerKey(t)) || parseFiscalYear(t) !== undefined) headerish = true;
      else data = true;
    }
    if (headerish && !data) headerRows.push(next);
  }

  const cols: KpiColumns = { headerRows, name, targets: [], progress: [], owned: {} };
  const taken = new Set<number>([name]);
  for (let c = 0; c < view.colCount; c++) {
    if (c === name) continue;
    const header = stackedHeader(view, headerRows, c);
    const k = headerKey(header);
    if (k === '') continue;
    const fy = parseFiscalYear(header);
    const at = { col: c, ...(fy !== undefined ? { fy } : {}) };
    if (k === '単位') cols.unit = c;
    else if (/^(担当課|所管課|担当)$/.test(k)) cols.department = c;
    else if (isBaseline(k) && !cols.baseline) cols.baseline = at;
    else if (isTarget(k)) cols.targets.push(at);
    else continue;
    taken.add(c);
  }
  const extra = extraColumns(view, headerRows, taken);
  cols.progress = extra.progress;
  cols.owned = extra.owned;
  return cols;
}
