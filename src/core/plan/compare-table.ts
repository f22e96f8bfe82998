import type { Comparison, Delta, RatingChange } from '../consolidate/compare';
import type { ItemSource } from '../consolidate/provenance';
import { fromA1, rangeFromA1, rangeToA1, toA1 } from '../grid/a1';
import { fiscalYearLabel } from '../values/fiscal-year';
import { HEAD_STYLE, BODY_STYLE } from './owned-sheet';
import type { CellWrite, WritePlan } from './write-plan';

/**
 * 前年度 and 増減 beside this year's figures, appended under the summary tables of the summary
 * sheet: counts by group and rating (今年度 / 前年度 / 増減 under each rating), the effect amounts,
 * then the items whose rating fell, the new ones and the dropped ones. 増減 cells are numbers; the
 * number format shows a decrease with ▲ as Japanese tables do.
 */
export const DELTA_FORMAT = '#,##0;"▲"#,##0;0';

export function appendCompareTable(plan: WritePlan, sheetName: string, cmp: Comparison, opts: { lang: 'ja' | 'en'; groupLabel: string }): WritePlan {
  const sheet = plan.sheets.find((s) => s.name === sheetName);
  if (!sheet) return plan;
  const ja = opts.lang === 'ja';
  const cells: CellWrite[] = [];
  const merges: string[] = [];
  const put = (row: number, col: number, value: string | number | null, extra: Partial<CellWrite> = {}) =>
    cells.push({ sheet: sheetName, address: toA1(row, col), value, expect: null, reason: 'summary', ...extra });
  const label = opts.groupLabel;
  const year = (fy: number | null) => (fy === null ? '' : fiscalYearLabel(fy, opts.lang));
  const groupTitle = (key: string, name: string) => (key === 'total' ? (ja ? '合計' : 'Total') : name.startsWith(key) ? name : `${key} ${name}`);
  const colName = (c: string) => (c === 'unrated' ? (ja ? '未評価' : 'Unrated') : c === 'notRated' ? (ja ? '対象外' : 'N/a') : c);
  const sub = ja ? ['今年度', '前年度', '増減'] : ['This year', 'Last year', 'Change'];

  let r = Math.max(...sheet.cells.map((c) => fromA1(c.address).row)) + 3;
  const first = r;
  put(r, 0, ja ? `➤ 前年度との比較（${year(cmp.thisFy)} ／ ${year(cmp.lastFy)}、前年度: ${cmp.lastFile}）` : `➤ Compared with last year (${year(cmp.thisFy)} / ${year(cmp.lastFy)}; last year: ${cmp.lastFile})`, {
    style: { bold: true },
  });
  r++;
  // Two-row headers: the group label down both rows, each block's title over its three columns.
  const header = (titles: string[]) => {
    put(r, 0, label, { style: HEAD_STYLE });
    put(r + 1, 0, null, { style: HEAD_STYLE });
    merges.push(`${toA1(r, 0)}:${toA1(r + 1, 0)}`);
    titles.forEach((title, i) => {
      const c = 1 + i * 3;
      put(r, c, title, { style: HEAD_STYLE });
      put(r, c + 1, null, { style: HEAD_STYLE });
      put(r, c + 2, null, { style: HEAD_STYLE });
      merges.push(`${toA1(r, c)}:${toA1(r, c + 2)}`);
      sub.forEach((t, k) => put(r + 1, c + k, t, { style: HEAD_STYLE }));
    });
  };
  const deltas = (c: number, d: Delta, format: string) => {
    put(r, c, d.now, { numberFormat: format, style: BODY_STYLE });
    put(r, c + 1, d.last, { numberFormat: format, style: BODY_STYLE });
    put(r, c + 2, d.delta, { numberFormat: DELTA_FORMAT, style: BODY_STYLE });
  };
  // Counts: the rating over its three columns.
  const blocks = [...cmp.columns, 'total'];
  header(blocks.map((b) => (b === 'total' ? (ja ? '合計' : 'Total') : colName(b))));
  r += 2;
  for (const row of cmp.rows) {
    put(r, 0, groupTitle(row.key, row.name), { style: BODY_STYLE });
    blocks.forEach((b, i) => deltas(1 + i * 3, b === 'total' ? row.total : row.counts[b], '0'));
    r++;
  }
  // Effect amounts.
  r++;
  header(ja ? ['効果見込額（千円）', '実績効果額（千円）'] : ['Planned effect (JPY thousand)', 'Actual effect (JPY thousand)']);
  r += 2;
  for (const row of cmp.rows) {
    put(r, 0, groupTitle(row.key, row.name), { style: BODY_STYLE });
    [row.effectPlanned, row.effectActual].forEach((d, i) => deltas(1 + i * 3, d, '#,##0'));
    r++;
  }
  // Item lists.
  const list = (title: string, head: string[], rows: (string | number | null)[][]) => {
    r++;
    put(r, 0, `${title}（${rows.length}${ja ? ' 件' : ''}）`, { style: { bold: true } });
    if (!rows.length) return;
    r++;
    head.forEach((h, c) => put(r, c, h, { style: HEAD_STYLE }));
    for (const x of rows) {
      r++;
      x.forEach((v, c) => put(r, c, v, { style: BODY_STYLE }));
    }
    r++;
  };
  const itemHead = ja ? ['取組番号', '取組名', '所管課', 'ファイル'] : ['Item no.', 'Item', 'Department', 'File'];
  const changeRows = (xs: RatingChange[]) => xs.map((f) => [f.now.itemId, f.now.name, f.now.department, f.last.rating, f.now.rating, f.now.file]);
  const itemRows = (xs: ItemSource[]) => xs.map((s) => [s.itemId, s.name, s.department, s.file]);
  const changeHead = ja ? ['取組番号', '取組名', '所管課', '前年度', '今年度', 'ファイル'] : ['Item no.', 'Item', 'Department', 'Last year', 'This year', 'File'];
  list(ja ? '評価が下がった取組' : 'Items whose rating fell', changeHead, changeRows(cmp.fell));
  list(ja ? '今年度新たに報告された取組' : 'Items new this year', itemHead, itemRows(cmp.added));
  list(ja ? '前年度にあり今年度にない取組' : 'Items reported last year but not this year', itemHead, itemRows(cmp.dropped));

  // Printed on pages of its own after the summary tables, within the print area.
  const print = sheet.print && {
    ...sheet.print,
    rowBreaks: [...(sheet.print.rowBreaks ?? []), first],
    ...(sheet.print.area ? { area: printArea(sheet.print.area, cells) } : {}),
  };
  return {
    ...plan,
    sheets: plan.sheets.map((s) => (s === sheet ? { ...s, cells: [...s.cells, ...cells], merges: [...s.merges, ...merges], ...(print ? { print } : {}) } : s)),
  };
}

/** The print area widened to the cells added. */
function printArea(area: string, cells: CellWrite[]): string {
  const a = rangeFromA1(area);
  for (const c of cells) {
    const { row, col } = fromA1(c.address);
    a.bottom = Math.max(a.bottom, row);
    a.right = Math.max(a.right, col);
  }
  return rangeToA1(a);
}
