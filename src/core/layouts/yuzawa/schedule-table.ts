import { headerKey, type SheetView } from '../../grid/sheet-view';
import { normalizeWidth } from '../../values';
import { extraColumns, joinWrapped, pureYearHeader, type ProgressColumn } from './columns';
import { nonEmptyCells } from './headings';

/**
 * The schedule table of one 取組事項:
 *
 *   取組事項No. | 25 | 歳入基盤の強化 …                              | 担当課
 *   実施項目    | 展開スケジュール (merged over the years)           |
 *               | 2021年度 (R3) | … | 2026年度 (R8)                 |
 *
 * Which header row holds 実施項目 and 担当課 differs between tables (they are merged vertically), so
 * the year row anchors the table: the 実施項目 column is the one so headed (else left of the first
 * year) and 担当課 the one so headed (else right of the last year).
 */
export interface ScheduleColumns {
  top: number;
  /** Header rows below the 取組事項No. row, ending with the year row. */
  headerRows: number[];
  yearRow: number;
  measureNo?: number;
  measureName?: string;
  /** Cell of the 取組事項 number, for findings. */
  titleCell?: { row: number; col: number };
  item: number;
  department?: number;
  /** Whether 担当課 was found by its header (else it is assumed right of the last year). */
  departmentHeader: boolean;
  years: { col: number; fy: number }[];
  progress: ProgressColumn[];
  owned: Record<string, number>;
}

const MAX_HEADER_ROWS = 4;

export function isMeasureTitleKey(k: string): boolean {
  return /^取組事項(no|番号|№)/.test(k);
}

export function yearColumns(view: SheetView, row: number): { col: number; fy: number }[] {
  const out: { col: number; fy: number }[] = [];
  for (let c = 0; c < view.colCount; c++) {
    if (view.isMergeFollower(row, c)) continue;
    const fy = pureYearHeader(view.text(row, c));
    if (fy !== undefined) out.push({ col: c, fy });
  }
  return out;
}

/** Whether `row` starts a schedule table's header block. */
export function startsSchedule(view: SheetView, row: number): boolean {
  for (const { text } of nonEmptyCells(view, row)) {
    const k = headerKey(text);
    if (isMeasureTitleKey(k) || k === '実施項目' || k === '展開スケジュール') return true;
  }
  return yearColumns(view, row).length >= 3;
}

export function scheduleHeaderAt(view: SheetView, top: number): ScheduleColumns | undefined {
  let yearRow = -1;
  let years: { col: number; fy: number }[] = [];
  for (let r = top; r < Math.min(view.rowCount, top + MAX_HEADER_ROWS); r++) {
    const ys = yearColumns(view, r);
    if (ys.length >= 3) {
      yearRow = r;
      years = ys;
      break;
    }
  }
  if (yearRow < 0) return undefined;

  let measureNo: number | undefined;
  let measureName: string | undefined;
  let titleCell: { row: number; col: number } | undefined;
  let titleRow = -1;
  let item = -1;
  let department: number | undefined;
  for (let r = top; r <= yearRow; r++) {
    const cells = nonEmptyCells(view, r);
    const i = cells.findIndex((c) => isMeasureTitleKey(headerKey(c.text)));
    if (i >= 0 && titleRow < 0) {
      titleRow = r;
      // `取組事項No.` then the number, then the name; also `取組事項No.25` in one cell.
      const inline = /(\d{1,3})\s*$/.exec(normalizeWidth(cells[i].text));
      const rest = cells.slice(i + 1).filter((c) => headerKey(c.text) !== '担当課');
      if (inline) {
        measureNo = Number(inline[1]);
        titleCell = { row: r, col: cells[i].col };
      } else if (rest.length && /^\d{1,3}$/.test(normalizeWidth(rest[0].text))) {
        measureNo = Number(normalizeWidth(rest[0].text));
        titleCell = { row: r, col: rest[0].col };
        rest.shift();
      }
      if (rest.length) measureName = joinWrapped(rest[0].text);
    }
    for (let c = 0; c < view.colCount; c++) {
      const k = headerKey(view.text(r, c));
      if (k === '実施項目' && item < 0) item = c;
      if (k === '担当課' && department === undefined) department = c;
    }
  }
  const firstYear = Math.min(...years.map((y) => y.col));
  const lastYear = Math.max(...years.map((y) => y.col));
  if (item < 0 || (item >= firstYear && item <= lastYear)) item = firstYear - 1;
  if (item < 0) return undefined;
  const departmentHeader = department !== undefined;
  department ??= lastYear + 1;

  const headerRows: number[] = [];
  for (let r = titleRow >= 0 ? titleRow + 1 : top; r <= yearRow; r++) headerRows.push(r);
  const taken = new Set<number>([item, ...years.map((y) => y.col), department]);
  const extra = extraColumns(view, headerRows, taken);
  return {
    top,
    headerRows,
    yearRow,
    ...(measureNo !== undefined ? { measureNo } : {}),
    ...(measureName !== undefined ? { measureName } : {}),
    ...(titleCell ? { titleCell } : {}),
    item,
    department,
    departmentHeader,
    years,
    progress: extra.progress,
    owned: extra.owned,
  };
}

/** `◆遊休施設の活用 の検討【再掲】` (a sub-heading, alone or on the first line of the item cell). */
export function parseRepost(text: string): { source?: string; rest: string } | undefined {
  const lines = text.split(/\r?\n/);
  const joined = lines.map((l) => l.trim()).join('\n');
  const m = /^(.*?)[【[(（]\s*再\s*掲\s*[】\])）](.*)$/s.exec(joined);
  if (!m) return undefined;
  const before = m[1].replace(/^[◆◇■□●・\s]+/, '').trim();
  const after = m[2].trim();
  // `◆source【再掲】\nitem`: a heading naming where the rows come from; `item【再掲】`: the row itself.
  if (/^[◆◇■□]/.test(joined) || after !== '') return { source: joinWrapped(before.replace(/\n/g, '')), rest: joinWrapped(after.replace(/\n/g, ' ')) };
  return { rest: joinWrapped(before.replace(/\n/g, ' ')) };
}
