import { cellText, headerKey, SheetView } from '../../grid/sheet-view';
import { perSheetLayout } from '../per-sheet';
import type { CellRef } from '../../grid/types';
import type { CellMap, Item, NoteMap, Policy } from '../../model/plan';
import { FIELD_LABEL } from '../../model/fields';
import { finding, type Finding } from '../../validation/finding';
import { normalizeWidth, parseNumbering, parseRating, parseValue } from '../../values';
import { parseProgressHeader, progressFieldKey, type ProgressField } from '../owned';
import type { LayoutReader, ReadOptions, SheetDetection, TableAnchor } from '../types';
import { isDepartmentLabel, sameDepartment, splitDepartments, splitSections } from './departments';

/**
 * 会津若松市 「行財政改革～未来へつなぐ自治体経営に向けて～」 status report (seed 001): tables under
 * `(n) …` heading rows (取組の視点, the top level) with the header
 *   改革項目 | 具体的取組 | 内容 | 所管課 | R5取組状況 | 今後の課題・方向性
 * 改革項目 and 具体的取組 are merged downward (or left blank below their first row).
 *
 * An Item is one report row: one department's entry for one 具体的取組 (78 in the R5 report).
 * groupKey is the 改革項目 (`1-①`; 8), classes['具体的取組'] the measure (`1-①-5`; 37), and the id
 * `1-①-5.2` numbers the row within its measure. Codes: docs/layouts/aizuwakamatsu.md.
 */

export const AIZUWAKAMATSU_POLICY_LABEL = '取組の視点';
const NEXT = { ja: '今後の課題・方向性', en: 'issues and next steps' };

type Role = 'group' | 'measure' | 'content' | 'depts' | 'next';

interface Columns {
  headerRow: number;
  cols: Partial<Record<Role, number>>;
  /** fy → field → column (R5取組状況 is the status of 2023). */
  progress: Map<number, Partial<Record<ProgressField, number>>>;
  matched: string[];
}

function roleOf(key: string): Role | undefined {
  if (key === '改革項目') return 'group';
  if (key === '具体的取組' || key === '具体的な取組') return 'measure';
  if (key === '内容' || key === '取組内容') return 'content';
  if (key === '所管課' || key === '担当課' || key === '所管部署') return 'depts';
  if (key.startsWith('今後の課題')) return 'next';
  return undefined;
}

function headerAt(view: SheetView, row: number): Columns | undefined {
  const cols: Partial<Record<Role, number>> = {};
  const progress = new Map<number, Partial<Record<ProgressField, number>>>();
  const matched: string[] = [];
  for (let c = 0; c < view.colCount; c++) {
    const t = cellText(view.raw(row, c));
    if (!t) continue;
    const role = roleOf(headerKey(t));
    if (role && cols[role] === undefined) {
      cols[role] = c;
      matched.push(t);
      continue;
    }
    const p = parseProgressHeader(t);
    if (p) {
      progress.set(p.fy, { ...progress.get(p.fy), [p.field]: c });
      matched.push(t);
    }
  }
  const hasStatus = [...progress.values()].some((f) => f.status !== undefined);
  if (cols.group === undefined || cols.measure === undefined) return undefined;
  if (cols.depts === undefined && !hasStatus) return undefined;
  return { headerRow: row, cols, progress, matched };
}

function headingOf(view: SheetView, row: number): { key: string; name: string } | undefined {
  const cells = view.rowTexts(row);
  if (cells.length === 0 || cells.length > 2) return undefined;
  const n = parseNumbering(cells[0]);
  if (!n || n.numbering.kind !== 'paren') return undefined;
  const name = (n.rest || cells[1] || '').trim();
  return name ? { key: String(n.numbering.n), name } : undefined;
}

/** Text that reports nothing: a dash, 「なし」, 「同上」. */
export function saysNothing(text: string): boolean {
  const v = parseValue(text);
  if (v.kind === 'blank' || v.kind === 'na') return true;
  const s = normalizeWidth(text).replace(/\s+/g, '');
  return /^[-‐ー―—–・.。]+$/.test(s) || /^(なし|特になし|該当なし|未記入|記入なし|同上|〃|省略|未定)$/.test(s);
}

interface Carry {
  group?: { text: string; row: number };
  measure?: { text: string; row: number };
}

interface GroupInfo {
  key: string;
  name: string;
  mark: string;
  measures: string[];
  rowsPerMeasure: Map<string, number>;
}

function readSheet(view: SheetView, opts: ReadOptions) {
  const findings: Finding[] = [];
  const items: Item[] = [];
  const policies: Policy[] = [];
  const tables: TableAnchor[] = [];
  const years: number[] = [];

  let policy: { key: string; name: string } | undefined;
  let table: (TableAnchor & { h: Columns; statusCol?: number; fy?: number }) | undefined;
  let carry: Carry = {};
  let warnedNoPolicy = false;
  const groups = new Map<string, GroupInfo>();
  const nameVariants = new Set<string>();

  for (let r = 0; r < view.rowCount; r++) {
    const h = headerAt(view, r);
    if (h) {
      const statusYears = [...h.progress.entries()].filter(([, f]) => f.status !== undefined).map(([fy]) => fy);
      const latest = statusYears.length ? Math.max(...statusYears) : undefined;
      let fy = opts.reportFy ?? latest;
      if (opts.reportFy !== undefined && latest !== undefined && !statusYears.includes(opts.reportFy)) {
        findings.push(
          finding('FY003', view.ref(r, h.cols.measure!), { chosen: opts.reportFy, sheetFy: latest }),
        );
        fy = latest;
      }
      if (fy !== undefined) years.push(fy);
      const owned: Record<string, number> = {};
      for (const [y, f] of h.progress) for (const [field, col] of Object.entries(f)) owned[progressFieldKey(field as ProgressField, y)] = col;
      table = {
        sheet: view.name,
        headerRows: [r],
        dataRows: [],
        nextFreeCol: 0,
        owned,
        rowOfItem: {},
        h,
        ...(fy !== undefined ? { fy, statusCol: h.progress.get(fy)?.status } : {}),
      };
      tables.push(table);
      continue;
    }
    const heading = headingOf(view, r);
    if (heading) {
      if (policy?.key !== heading.key) carry = {};
      policy = heading;
      if (!policies.some((p) => p.key === heading.key)) policies.push({ ...heading, order: Number(heading.key) });
      continue;
    }
    if (!table) continue;
    const c = table.h.cols;
    const own = (col: number | undefined) => (col === undefined || view.isMergeFollower(r, col) ? '' : cellText(view.raw(r, col)));
    const filled = [c.group, c.measure, c.content, c.depts, c.next, table.statusCol].filter((col) => own(col) !== '').length;
    if (filled < 2) continue;

    if (!policy && !warnedNoPolicy) {
      warnedNoPolicy = true;
      findings.push(
        finding('LAY010', view.ref(r, c.measure!), { level: '取組の視点' }),
      );
    }
    // Merged cells show their value on every row; a blank below a value continues it.
    const groupText = view.text(r, c.group!) || carry.group?.text || '';
    const measureText = view.text(r, c.measure!) || (groupText === carry.group?.text ? carry.measure?.text : '') || '';
    carry = { group: { text: groupText, row: r }, measure: { text: measureText, row: r } };

    const pKey = policy?.key ?? '?';
    const num = parseNumbering(groupText);
    const circled = num?.numbering.kind === 'circled';
    const groupName = circled ? num!.rest : groupText;
    const mark = circled ? [...groupText.trim()][0] : '';
    const gKey = `${pKey}-${circled ? mark : headerKey(groupName)}`;
    let g = groups.get(gKey);
    if (!g) {
      g = { key: gKey, name: groupName, mark: mark || String(groups.size + 1), measures: [], rowsPerMeasure: new Map() };
      groups.set(gKey, g);
    } else if (headerKey(g.name) !== headerKey(groupName) && !nameVariants.has(`${gKey}|${groupName}`)) {
      nameVariants.add(`${gKey}|${groupName}`);
      findings.push(
        finding('LAY013', view.ref(r, c.group!), { level: '改革項目', name: groupName, other: g.name }),
      );
    }
    const mKey = headerKey(measureText);
    if (!g.measures.includes(mKey)) g.measures.push(mKey);
    const k = g.measures.indexOf(mKey) + 1;
    const j = (g.rowsPerMeasure.get(mKey) ?? 0) + 1;
    g.rowsPerMeasure.set(mKey, j);
    const id = `${pKey}-${g.mark}-${k}.${j}`;

    const item = readEntry(view, r, table, { id, pKey, policyName: policy?.name ?? '', gKey, groupName: g.name, measure: measureText, measureKey: `${gKey}-${k}` }, findings);
    items.push(item);
    table.dataRows.push(r);
    table.rowOfItem[id] = r;
  }

  const nextFreeCol = view.firstFreeColumn(tables.flatMap((t) => [...t.headerRows, ...t.dataRows]));
  const anchors: TableAnchor[] = tables.map((t) => ({
    sheet: t.sheet,
    headerRows: t.headerRows,
    dataRows: t.dataRows,
    nextFreeCol,
    owned: t.owned,
    rowOfItem: t.rowOfItem,
  }));
  return { items, findings, policies, tables: anchors, years, groups: groups.size };
}

function readEntry(
  view: SheetView,
  r: number,
  table: TableAnchor & { h: Columns; statusCol?: number; fy?: number },
  at: { id: string; pKey: string; policyName: string; gKey: string; groupName: string; measure: string; measureKey: string },
  findings: Finding[],
): Item {
  const c = table.h.cols;
  const cells: CellMap = { name: view.ref(r, c.measure!), group: view.ref(r, c.group!) };
  const notes: NoteMap = {};
  const id = at.id;
  const label = `${id} ${at.measure}`;

  if (c.content !== undefined) {
    notes.content = view.text(r, c.content);
    cells.content = view.ref(r, c.content);
  }
  let departments: string[] = [];
  if (c.depts !== undefined) {
    const ref = view.ref(r, c.depts);
    cells.department = ref;
    const t = view.text(r, c.depts);
    departments = splitDepartments(t);
    if (departments.length === 0) {
      findings.push(
        finding('VLD017', ref, { item: label, field: FIELD_LABEL.department }, id),
      );
    }
  }
  if (table.statusCol !== undefined) {
    const ref = view.ref(r, table.statusCol);
    if (table.fy !== undefined) cells[`status:${table.fy}`] = ref;
    else cells.status = ref;
    const t = view.text(r, table.statusCol);
    if (t === '') {
      findings.push(
        finding('VLD017', ref, { item: label, field: FIELD_LABEL.status, fy: table.fy }, id),
      );
    } else if (saysNothing(t)) {
      findings.push(
        finding('VLD019', ref, { item: label, field: FIELD_LABEL.status, raw: t }, id),
      );
    }
    if (t) {
      notes.status = t;
      const sections = splitSections(t).filter((s) => s.label);
      for (const s of sections) notes[`status@${s.label}`] = s.text;
      const deptSections = sections.filter((s) => isDepartmentLabel(s.label));
      if (deptSections.length && departments.length > 1) {
        for (const d of departments) {
          if (!deptSections.some((s) => sameDepartment(s.label, d))) {
            findings.push(
              finding('AIZ005', ref, { item: label, dept: d }, id),
            );
          }
        }
      }
    }
  }
  if (c.next !== undefined) {
    const ref = view.ref(r, c.next);
    cells.note = ref;
    const t = view.text(r, c.next);
    if (t) notes.note = t;
    if (t === '' || saysNothing(t)) {
      findings.push(
        t === '' ? finding('VLD018', ref, { item: label, field: NEXT }, id) : finding('VLD019', ref, { item: label, field: NEXT, raw: t }, id),
      );
    }
  }
  let rating: Item['rating'];
  let ratingCell: CellRef | undefined;
  const ratingCol = table.fy !== undefined ? table.h.progress.get(table.fy)?.rating : undefined;
  if (ratingCol !== undefined) {
    ratingCell = view.ref(r, ratingCol);
    cells.rating = ratingCell;
    rating = parseRating(view.value(r, ratingCol), ratingCell);
  }

  return {
    id,
    policyKey: at.pKey,
    policyName: at.policyName,
    groupKey: at.gKey,
    groupName: at.groupName,
    name: at.measure,
    departments,
    indicators: [],
    ...(table.fy !== undefined ? { reportFy: table.fy } : {}),
    ...(rating ? { rating } : {}),
    ...(ratingCell ? { ratingCell } : {}),
    classes: { 具体的取組: at.measureKey },
    flags: [],
    notes,
    cells,
    source: { layout: 'aizuwakamatsu', sheet: view.name, row: r },
  };
}

function detectSheet(view: SheetView): SheetDetection | undefined {
  for (let r = 0; r < view.rowCount; r++) {
    const h = headerAt(view, r);
    if (!h) continue;
    const roles = Object.keys(h.cols).length;
    const status = [...h.progress.values()].some((f) => f.status !== undefined);
    const score = Math.min(1, 0.4 + 0.1 * roles + (status ? 0.15 : 0));
    return {
      sheet: view.name,
      score: Number(score.toFixed(2)),
      reason: { ja: `見出し ${h.matched.join(' / ')}`, en: `headers ${h.matched.join(' / ')}` },
    };
  }
  return undefined;
}

export const aizuwakamatsuLayout: LayoutReader = perSheetLayout({
  id: 'aizuwakamatsu',
  label: { ja: '会津若松市 取組状況報告', en: 'Aizuwakamatsu status report' },
  policyLabel: AIZUWAKAMATSU_POLICY_LABEL,
  detectSheet,
  readSheet: readSheet,
});
