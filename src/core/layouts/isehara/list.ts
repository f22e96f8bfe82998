import { SheetView } from '../../grid/sheet-view';
import type { WorkbookGrid } from '../../grid/types';
import type { Item } from '../../model/plan';
import { parseFiscalYear } from '../../values';
import { finding, type Finding } from '../../validation/finding';
import type { LayoutRead, LayoutReader, ReadOptions, SheetDetection, TableAnchor } from '../types';
import { ISEHARA_POLICIES, ISEHARA_POLICY_LABEL } from './common';
import { findListHeader, isHeaderLabel, LIST_FIELDS, type ListField, type ListHeader } from './list-header';
import { isBlankItemRow, LIST_LAYOUT_ID, readListRow, type Carry } from './list-row';

/**
 * Isehara 【参考①】取組項目一覧 (seed 004): one row per 実施項目 under a 3-row merged header,
 * 区分 (基本方針) and 取組番号 (推進項目) merged over their rows, the R5 target/actual and effect
 * amounts, the rating and the responsible department. The item id is the plan's code `1(2)④`,
 * built from those three numbers. docs/layouts/isehara-list.md lists what it tolerates.
 */

/** Without these a row cannot become an item the summary can count. */
const REQUIRED: ListField[] = ['item', 'rating'];
/** Expected in the city's layout; a missing one is reported but reading goes on. */
const EXPECTED: ListField[] = ['policy', 'group', 'indicator', 'unit', 'target', 'actual', 'effectPlanned', 'effectActual', 'bureau', 'section'];

const LIST_LABEL = { ja: '伊勢原市 取組項目一覧', en: 'the Isehara item list' };
const NO_HEADER = { ja: '見出し(区分・取組番号・取組項目・達成状況など)が見つかりません。', en: 'No item-list header (区分, 取組番号, 取組項目, 達成状況) was found.' };
const TITLE = { ja: '表題', en: 'the title' };
const USER = { ja: '指定された報告年度', en: 'the chosen report year' };

const FIELD_JA: Record<ListField, string> = {
  policy: '区分',
  group: '取組番号',
  item: '取組項目',
  indicator: '指標の内容',
  unit: '単位',
  rating: '達成状況',
  comment: '取組内容',
  target: '目標(値)',
  actual: '実績(値)',
  effectPlanned: '見込額',
  effectActual: '実績額',
  bureau: '部局',
  section: '所属名',
};

function scoreOf(header: ListHeader): number {
  const matched = LIST_FIELDS.filter((f) => header.columns[f] !== undefined).length;
  if (!REQUIRED.every((f) => header.columns[f] !== undefined) || matched < 6) return 0;
  // Needs one of the ways the list names an item's place in the plan, or it is someone else's table.
  if (header.columns.policy === undefined && header.columns.group === undefined) return 0;
  return Math.min(1, 0.3 + (0.7 * matched) / LIST_FIELDS.length);
}

function detectSheet(view: SheetView): SheetDetection | undefined {
  const header = findListHeader(view);
  if (!header) return undefined;
  const score = Math.round(scoreOf(header) * 100) / 100;
  if (score <= 0) return undefined;
  const found = LIST_FIELDS.filter((f) => header.columns[f] !== undefined);
  const names = found.map((f) => `「${header.labels[f]!.replace(/\s+/g, '')}」`).join('');
  return {
    sheet: view.name,
    score,
    reason: {
      ja: `取組項目一覧の見出し${names}が一致(${found.length}/${LIST_FIELDS.length}列、${header.rows.length}行の見出し)`,
      en: `item-list headers matched: ${found.map((f) => header.labels[f]!.replace(/\s+/g, '')).join(', ')} (${found.length} of ${LIST_FIELDS.length} columns, ${header.rows.length}-row header)`,
    },
  };
}

/** The year the title names (`令和5年度の取組結果について`) when the header does not. */
function fyAbove(view: SheetView, header: ListHeader): number | undefined {
  for (let r = 0; r < header.rows[0]; r++) {
    for (let c = 0; c < view.colCount; c++) {
      const t = view.text(r, c);
      if (/年度/.test(t)) {
        const fy = parseFiscalYear(t);
        if (fy !== undefined) return fy;
      }
    }
  }
  return undefined;
}

/** First column right of the table with nothing in any header or data row. */
function nextFreeCol(view: SheetView, rows: number[], from: number): number {
  let c = from;
  while (rows.some((r) => view.raw(r, c) !== null && view.text(r, c) !== '') || rows.some((r) => view.merge(r, c))) c++;
  return c;
}

/** A second copy of the header inside the data (a page break pasted along with the rows). */
function isRepeatedHeaderRow(view: SheetView, header: ListHeader, row: number): boolean {
  let labels = 0;
  for (const f of LIST_FIELDS) {
    const c = header.columns[f];
    if (c !== undefined && !view.isMergeFollower(row, c) && isHeaderLabel(view.text(row, c))) labels++;
  }
  return labels >= 2;
}

function detectList(wb: WorkbookGrid): SheetDetection[] {
  const out: SheetDetection[] = [];
  for (const sheet of wb.sheets) {
    const d = detectSheet(new SheetView(sheet));
    if (d) out.push(d);
  }
  return out;
}

interface SheetRead {
  items: Item[];
  codes: (string | undefined)[];
  findings: Finding[];
  table?: TableAnchor;
  fy?: number;
}

function readSheet(view: SheetView, opts: ReadOptions): SheetRead {
  const findings: Finding[] = [];
  const header = findListHeader(view);
  if (!header) {
    findings.push(
      finding('LAY003', view.ref(0, 0), { sheet: view.name, layout: LIST_LABEL, reason: NO_HEADER }),
    );
    return { items: [], codes: [], findings };
  }
  const headRef = view.ref(header.rows[0], header.columns.item!);
  const missing = [...REQUIRED, ...EXPECTED].filter((f) => header.columns[f] === undefined);
  if (missing.length) {
    const required = missing.some((f) => REQUIRED.includes(f));
    findings.push(
      required
        ? finding('LAY004', headRef, { sheet: view.name, fields: missing.map((f) => FIELD_JA[f]) })
        : finding('LAY005', headRef, { fields: missing.map((f) => FIELD_JA[f]) }),
    );
  }
  for (const [f, cols] of Object.entries(header.duplicates) as [ListField, number[]][]) {
    findings.push(
      finding('LAY007', view.ref(header.rows[header.rows.length - 1], cols[0]), { field: FIELD_JA[f], headers: [FIELD_JA[f]], n: cols.length + 1 }),
    );
  }

  let fy = header.fy?.value;
  if (fy === undefined) {
    fy = fyAbove(view, header) ?? opts.reportFy;
    findings.push(
      fy === undefined ? finding('FY001', headRef, {}) : finding('FY002', headRef, { fy, source: fyAbove(view, header) !== undefined ? TITLE : USER }),
    );
  } else if (opts.reportFy !== undefined && opts.reportFy !== fy) {
    findings.push(
      finding('FY003', view.ref(header.fy!.row, header.fy!.col), { chosen: opts.reportFy, sheetFy: fy }),
    );
  }

  if (header.columns.rating === undefined) return { items: [], codes: [], findings, fy };

  const items: Item[] = [];
  const codes: (string | undefined)[] = [];
  const dataRows: number[] = [];
  const carry: Carry = {};
  const firstData = header.rows[header.rows.length - 1] + 1;
  for (let r = firstData; r < view.rowCount; r++) {
    if (isBlankItemRow(view, header, r) || isRepeatedHeaderRow(view, header, r)) continue;
    const read = readListRow(view, header, r, fy, carry);
    items.push(read.item);
    codes.push(read.code);
    findings.push(...read.findings);
    dataRows.push(r);
  }

  const table: TableAnchor = {
    sheet: view.name,
    headerRows: header.rows,
    dataRows,
    nextFreeCol: nextFreeCol(view, [...header.rows, ...dataRows], header.lastCol + 1),
    owned: { ...header.owned },
    rowOfItem: {},
  };
  return { items, codes, findings, table, fy };
}

export const iseharaListLayout: LayoutReader = {
  id: LIST_LAYOUT_ID,
  label: { ja: '伊勢原市 取組項目一覧', en: 'Isehara item list' },
  detect: detectList,
  read(wb: WorkbookGrid, opts: ReadOptions): LayoutRead {
    const names = opts.sheets ?? detectList(wb).map((d) => d.sheet);
    const findings: Finding[] = [];
    const items: Item[] = [];
    const tables: TableAnchor[] = [];
    const seen = new Map<string, Item>();
    let reportFy: number | undefined;
    for (const name of names) {
      const grid = wb.sheets.find((s) => s.name === name);
      if (!grid) continue;
      const read = readSheet(new SheetView(grid), opts);
      findings.push(...read.findings);
      reportFy ??= read.fy;
      read.items.forEach((item, i) => {
        const code = read.codes[i];
        const first = code ? seen.get(code) : undefined;
        if (first && code) {
          // Keep both rows visible (each may carry a rating), but under distinct ids.
          item.id = `${code}#${item.source.sheet}!${item.source.row + 1}`;
          findings.push(
            finding('VLD008', item.cells.name ?? { sheet: item.source.sheet }, { id: code, first: `${first.source.sheet}!${first.cells.name?.address ?? first.source.row + 1}` }, item.id),
          );
        } else if (code) {
          seen.set(code, item);
        }
        items.push(item);
        if (read.table) read.table.rowOfItem[item.id] = item.source.row;
      });
      if (read.table) tables.push(read.table);
    }
    return {
      layout: LIST_LAYOUT_ID,
      policyLabel: ISEHARA_POLICY_LABEL,
      policies: ISEHARA_POLICIES.map((p) => ({ ...p })),
      items,
      findings,
      tables,
      ...(reportFy !== undefined ? { reportFy } : {}),
    };
  },
};
