import { cellText, SheetView } from '../../grid/sheet-view';
import { perSheetLayout } from '../per-sheet';
import type { CellRef } from '../../grid/types';
import type { CellMap, Indicator, Item, ItemFlag, NoteMap, Policy } from '../../model/plan';
import { finding, type Finding } from '../../validation/finding';
import { normalizeWidth, parseCircled, parseNumbering, parseRating, parseValue } from '../../values';
import { progressFieldKey, type ProgressField } from '../owned';
import type { LayoutReader, SheetDetection, TableAnchor } from '../types';
import { actualValues, indicatorOf } from './indicator';
import { parseMainActions } from './main-actions';
import { headerAt, type NihonmatsuColumns } from './table-header';

/**
 * 第2次二本松市市政改革推進行動計画 (seed 002): tables under heading rows
 *   ●重点項目N …   the top level (policy, label 重点項目)
 *   (n) …          a section: the group
 * each with a two-row header (No. / 改革項目 / 推進内容 / 主な取組 / 実施時期 R8–R12 / 実施担当),
 * repeated after page breaks. An item is one numbered row; its id is `重点項目-(n)-No.` (`2-(2)-10`).
 * Codes and rules: docs/layouts/nihonmatsu.md.
 */

export const NIHONMATSU_POLICY_LABEL = '重点項目';
/** The plan's last year (R12), used for KPI targets when the header does not say. */
const PLAN_FINAL_FY = 2030;

const POLICY_HEADING = /^●?\s*重点項目\s*(\d+)\s*(.*)$/;
const CONTINUING = /\s*[【[(（]\s*継続項目\s*[】\])）]\s*/;

interface Heading {
  policy?: { key: string; name: string };
  group?: { no: number; name: string };
}

function headingOf(view: SheetView, row: number): Heading | undefined {
  const cells = view.rowTexts(row);
  if (cells.length === 0 || cells.length > 2) return undefined;
  const first = normalizeWidth(cells[0]);
  const p = POLICY_HEADING.exec(first);
  if (p) return { policy: { key: String(Number(p[1])), name: (p[2] || cells[1] || '').trim() } };
  const n = parseNumbering(first);
  if (n && n.numbering.kind === 'paren' && (n.rest || cells[1])) {
    return { group: { no: n.numbering.n, name: (n.rest || cells[1]).trim() } };
  }
  return undefined;
}

function integerOf(view: SheetView, row: number, col: number | undefined): number | undefined {
  if (col === undefined) return undefined;
  const v = parseValue(view.raw(row, col));
  return v.kind === 'number' && Number.isInteger(v.value) && v.value > 0 ? v.value : undefined;
}

function isDataRow(view: SheetView, row: number, cols: NihonmatsuColumns): boolean {
  if (integerOf(view, row, cols.no) !== undefined) return true;
  // A name without a number still is an item (reported); a paragraph merged across the row is not.
  if (view.isMergeFollower(row, cols.name)) return false;
  return cellText(view.raw(row, cols.name)) !== '' && !headingOf(view, row);
}

function splitDepartments(text: string): string[] {
  return text
    .split(/[\s、,，]+/u)
    .map((d) => d.trim())
    .filter(Boolean);
}

interface SheetResult {
  items: Item[];
  tables: TableAnchor[];
  findings: Finding[];
  policies: Policy[];
  progressYears: number[];
}

function scanSheet(view: SheetView): { header: NihonmatsuColumns; row: number }[] {
  const out: { header: NihonmatsuColumns; row: number }[] = [];
  for (let r = 0; r < view.rowCount; r++) {
    const h = headerAt(view, r);
    if (h) {
      out.push({ header: h, row: r });
      r = h.headerRows[h.headerRows.length - 1];
    }
  }
  return out;
}

function readSheet(view: SheetView, reportFyOpt: number | undefined): SheetResult {
  const findings: Finding[] = [];
  const items: Item[] = [];
  const policies: Policy[] = [];
  const headers = scanSheet(view);
  const progressYears = [...new Set(headers.flatMap((h) => [...h.header.progress.keys()]))].sort((a, b) => a - b);
  const reportFy = reportFyOpt ?? progressYears[progressYears.length - 1];

  let policy: { key: string; name: string } | undefined;
  let group: { no: number; name: string } | undefined;
  let warnedNoPolicy = false;
  const tables: (TableAnchor & { cols: NihonmatsuColumns })[] = [];
  let hi = 0;
  let current: (TableAnchor & { cols: NihonmatsuColumns }) | undefined;

  for (let r = 0; r < view.rowCount; r++) {
    if (hi < headers.length && headers[hi].row === r) {
      const h = headers[hi++].header;
      const owned: Record<string, number> = {};
      for (const [fy, fields] of h.progress) {
        for (const [field, col] of Object.entries(fields)) owned[progressFieldKey(field as ProgressField, fy)] = col;
      }
      current = { sheet: view.name, headerRows: h.headerRows, dataRows: [], nextFreeCol: 0, owned, rowOfItem: {}, cols: h };
      tables.push(current);
      r = h.headerRows[h.headerRows.length - 1];
      continue;
    }
    const heading = headingOf(view, r);
    if (heading?.policy) {
      policy = heading.policy;
      group = undefined;
      if (!policies.some((p) => p.key === policy!.key)) {
        policies.push({ key: policy.key, name: policy.name, order: Number(policy.key) });
      }
      continue;
    }
    if (heading?.group && !(current && integerOf(view, r, current.cols.no) !== undefined)) {
      group = heading.group;
      continue;
    }
    if (!current || !isDataRow(view, r, current.cols)) continue;
    const cols = current.cols;
    if (!policy && !warnedNoPolicy) {
      warnedNoPolicy = true;
      findings.push(
        finding('LAY010', view.ref(r, cols.name), { level: '重点項目' }),
      );
    }
    const item = readItem(view, r, cols, policy, group, reportFy, findings);
    if (items.some((i) => i.id === item.id)) {
      findings.push(
        finding('VLD008', view.ref(r, cols.no ?? cols.name), { id: item.id, first: `${view.name}!${view.ref(items.find((i) => i.id === item.id)!.source.row, cols.no ?? cols.name).address}` }, item.id),
      );
      item.id = `${item.id}@${r + 1}`;
    }
    items.push(item);
    current.dataRows.push(r);
    current.rowOfItem[item.id] = r;
  }

  // One free column for the whole sheet, so columns added to its tables line up.
  const nextFreeCol = view.firstFreeColumn(tables.flatMap((t) => [...t.headerRows, ...t.dataRows]));
  const anchors: TableAnchor[] = tables.map(({ cols: _cols, ...t }) => ({ ...t, nextFreeCol }));
  return { items, tables: anchors, findings, policies, progressYears };
}

function readItem(
  view: SheetView,
  r: number,
  cols: NihonmatsuColumns,
  policy: { key: string; name: string } | undefined,
  group: { no: number; name: string } | undefined,
  reportFy: number | undefined,
  findings: Finding[],
): Item {
  const no = integerOf(view, r, cols.no);
  const pKey = policy?.key ?? '?';
  const gPart = group ? `(${group.no})` : '(?)';
  const id = no !== undefined ? `${pKey}-${gPart}-${no}` : `${pKey}-${gPart}-r${r + 1}`;
  if (no === undefined) {
    findings.push(
      finding('LAY009', view.ref(r, cols.no ?? cols.name), { id, number: { ja: 'No.', en: 'No.' } }, id),
    );
  }
  const cells: CellMap = { name: view.ref(r, cols.name) };
  const notes: NoteMap = {};
  const flags: ItemFlag[] = [];

  let name = view.text(r, cols.name);
  if (CONTINUING.test(name)) {
    flags.push('continuing');
    name = name.replace(CONTINUING, ' ').trim();
  }
  if (cols.content !== undefined) {
    notes.content = view.text(r, cols.content);
    cells.content = view.ref(r, cols.content);
  }

  let indicators: Indicator[] = [];
  let subMarks = new Set<number>();
  if (cols.actions !== undefined) {
    const text = view.text(r, cols.actions);
    const ref = view.ref(r, cols.actions);
    cells.actions = ref;
    notes.actions = text;
    const parsed = parseMainActions(text, ref);
    for (const s of parsed.subActions) notes[`subAction:${s.n}`] = s.text;
    subMarks = new Set(parsed.subActions.map((s) => s.n));
    const targetFy = cols.targetFy ?? cols.years[cols.years.length - 1]?.fy ?? PLAN_FINAL_FY;
    indicators = parsed.kpis.map((k) =>
      indicatorOf(k, { ...(cols.baseFy !== undefined ? { baseFy: cols.baseFy } : {}), targetFy }, ref),
    );
    for (const seg of parsed.unreadable) {
      findings.push(
        finding('NHM007', ref, { item: `${id} ${name}`, text: seg }, id),
      );
    }
  }

  for (const { fy, col } of cols.years) {
    const t = view.text(r, col);
    if (!t) continue;
    cells[`schedule:${fy}`] = view.ref(r, col);
    notes[`plan:${fy}`] = t;
    for (const ch of t) {
      const n = parseCircled(ch);
      if (n !== undefined && !subMarks.has(n)) {
        findings.push(
          finding('NHM004', view.ref(r, col), { item: `${id} ${name}`, fy, mark: ch }, id),
        );
      }
    }
  }

  const deptCol = cols.depts.find((c) => view.text(r, c) !== '');
  const departments = deptCol !== undefined ? splitDepartments(view.text(r, deptCol)) : [];
  if (cols.depts.length) cells.department = view.ref(r, deptCol ?? cols.depts[0]);

  let rating: Item['rating'];
  let ratingCell: CellRef | undefined;
  for (const [fy, fields] of cols.progress) {
    if (fields.actual !== undefined) readActuals(view, r, fields.actual, fy, indicators, cells, notes, findings, id);
    if (fy !== reportFy) continue;
    if (fields.rating !== undefined) {
      ratingCell = view.ref(r, fields.rating);
      cells.rating = ratingCell;
      cells[`rating:${fy}`] = ratingCell;
      const raw = view.value(r, fields.rating);
      rating = parseRating(raw, ratingCell);
      if (!rating && cellText(raw) !== '') notes.rating = cellText(raw);
    }
    if (fields.status !== undefined) {
      cells[`status:${fy}`] = view.ref(r, fields.status);
      const s = view.text(r, fields.status);
      if (s) notes.status = s;
    }
  }

  return {
    id,
    policyKey: pKey,
    policyName: policy?.name ?? '',
    ...(group ? { groupKey: `${pKey}-(${group.no})`, groupName: group.name } : {}),
    name,
    departments,
    indicators,
    ...(reportFy !== undefined ? { reportFy } : {}),
    ...(rating ? { rating } : {}),
    ...(ratingCell ? { ratingCell } : {}),
    flags,
    notes,
    cells,
    source: { layout: 'nihonmatsu', sheet: view.name, row: r },
  };
}

function readActuals(
  view: SheetView,
  r: number,
  col: number,
  fy: number,
  indicators: Indicator[],
  cells: CellMap,
  notes: NoteMap,
  findings: Finding[],
  id: string,
): void {
  const ref = view.ref(r, col);
  cells[`actual:${fy}`] = ref;
  const raw = view.value(r, col);
  if (indicators.length === 0) {
    if (cellText(raw)) notes[`actual:${fy}`] = cellText(raw);
    return;
  }
  const values = actualValues(raw, indicators.length, ref);
  if (!values) {
    findings.push(
      finding('NHM005', ref, { item: id, raw: cellText(raw), n: indicators.length }, id),
    );
    return;
  }
  values.forEach((value, i) => indicators[i].actuals.push({ fy, value }));
}

function detectSheet(view: SheetView): SheetDetection | undefined {
  const headers = scanSheet(view);
  if (headers.length === 0) return undefined;
  const h = headers[0].header;
  let headings = 0;
  for (let r = 0; r < view.rowCount; r++) if (headingOf(view, r)?.policy) headings++;
  const roles = [h.no, h.content, h.actions, h.depts[0]].filter((c) => c !== undefined).length;
  const score = Math.min(1, 0.5 + 0.08 * roles + (h.years.length >= 2 ? 0.1 : 0) + (headings ? 0.08 : 0));
  const found = h.matched.join(' / ');
  return {
    sheet: view.name,
    score: Number(score.toFixed(2)),
    reason: {
      ja: `見出し ${found}${h.years.length ? `、実施時期 ${h.years.length} 年度` : ''}${headings ? `、重点項目 ${headings} 件` : ''}`,
      en: `headers ${found}${h.years.length ? `, ${h.years.length} schedule years` : ''}${headings ? `, ${headings} 重点項目 headings` : ''}`,
    },
  };
}

export const nihonmatsuLayout: LayoutReader = perSheetLayout({
  id: 'nihonmatsu',
  label: { ja: '二本松市 実施計画', en: 'Nihonmatsu action plan' },
  policyLabel: NIHONMATSU_POLICY_LABEL,
  detectSheet,
  readSheet: (view, opts) => {
    const r = readSheet(view, opts.reportFy);
    return { ...r, years: r.progressYears };
  },
});
