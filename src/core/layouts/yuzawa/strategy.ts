import { SheetView } from '../../grid/sheet-view';
import type { CellRef, WorkbookGrid } from '../../grid/types';
import type { CellMap, NoteMap } from '../../model/plan';
import type { Aggregation, Indicator, Item, Policy, YearValue } from '../../model/plan';
import { inferDirection } from '../../rules/direction';
import { parseValue } from '../../values';
import type { ParsedValue } from '../../values/types';
import { FIELD_LABEL } from '../../model/fields';
import { finding, type Finding } from '../../validation/finding';
import type { LayoutRead, LayoutReader, ReadOptions, SheetDetection, TableAnchor } from '../types';
import { chooseReportFy, joinWrapped, readProgress, splitDepartments } from './columns';
import { findContentsHeader, readContents, type Contents } from './contents';
import { headingRow, policyOfSheetName, type PolicyHeading } from './headings';
import { kpiHeaderAt, type KpiColumns } from './kpi-table';
import { parseRepost, scheduleHeaderAt, startsSchedule, type ScheduleColumns } from './schedule-table';

/**
 * 湯沢市経営戦略 (R3–R8). Two kinds of table sit under 基本方針 / テーマプログラム headings:
 *  - a KPI table per テーマプログラム → one item per 指標 (classes.種別 = 'KPI');
 *  - a schedule table per 取組事項 → one item per 実施項目 (classes.種別 = '実施項目').
 * 【再掲】 rows (取組事項 8, 9, 13 listed again under 25) become items flagged 'repost', which every
 * count skips. See docs/layouts/yuzawa.md for ids, findings and what counts.
 */

const LAYOUT = 'yuzawa';
const POLICY_LABEL = '基本方針';
const YUZAWA_LABEL = { ja: '湯沢市経営戦略', en: 'the Yuzawa strategy' };
const NO_TABLE = {
  ja: '指標名・現状・目標値のKPI表も、取組事項No.・実施項目・年度列の表も見つかりません。',
  en: 'There is neither a KPI table (指標名, 現状, 目標値) nor a schedule table (取組事項No., 実施項目, year columns).',
};

interface Context {
  policy?: PolicyHeading;
  theme?: { no: number; name: string };
}

interface KpiTable {
  kind: 'kpi';
  view: SheetView;
  cols: KpiColumns;
  rows: number[];
  ctx: Context;
}

interface ScheduleEntry {
  rows: number[];
  name: string;
  nameRow: number;
  department: string;
  departmentRow?: number;
  repostSource?: string;
}

interface ScheduleTable {
  kind: 'schedule';
  view: SheetView;
  cols: ScheduleColumns;
  rows: number[];
  entries: ScheduleEntry[];
  ctx: Context;
}

type Table = KpiTable | ScheduleTable;

/** Heading rows, KPI headers and schedule headers end the table above them. */
function isBoundary(view: SheetView, r: number): boolean {
  const h = headingRow(view, r);
  if (h && h.kind !== 'note') return true;
  return kpiHeaderAt(view, r) !== undefined || startsSchedule(view, r);
}

function scanSheet(view: SheetView, policies: Map<string, Policy>): { tables: Table[]; contents?: Contents } {
  const tables: Table[] = [];
  const contentsAt = findContentsHeader(view);
  if (contentsAt) return { tables, contents: readContents(view) };
  const ctx: Context = {};
  const fromName = policyOfSheetName(view.name);
  if (fromName) ctx.policy = fromName;
  let r = 0;
  while (r < view.rowCount) {
    if (view.isRowEmpty(r)) {
      r++;
      continue;
    }
    const h = headingRow(view, r);
    if (h?.kind === 'policy') {
      ctx.policy = h.policy;
      ctx.theme = undefined;
      if (h.policy.name && !policies.has(h.policy.key)) {
        policies.set(h.policy.key, { key: h.policy.key, name: h.policy.name, order: h.policy.order });
      }
      r++;
      continue;
    }
    if (h?.kind === 'theme') {
      ctx.theme = h.theme;
      r++;
      continue;
    }
    if (h) {
      r++;
      continue;
    }
    const kpi = kpiHeaderAt(view, r);
    if (kpi) {
      const t = readKpiRows(view, kpi, { ...ctx });
      tables.push(t.table);
      r = t.next;
      continue;
    }
    if (startsSchedule(view, r)) {
      const cols = scheduleHeaderAt(view, r);
      if (cols) {
        const t = readScheduleRows(view, cols, { ...ctx });
        tables.push(t.table);
        r = t.next;
        continue;
      }
    }
    r++;
  }
  return { tables };
}

function readKpiRows(view: SheetView, cols: KpiColumns, ctx: Context): { table: KpiTable; next: number } {
  const rows: number[] = [];
  let r = cols.headerRows[cols.headerRows.length - 1] + 1;
  for (; r < view.rowCount; r++) {
    if (view.isRowEmpty(r)) continue;
    if (isBoundary(view, r)) break;
    if (headingRow(view, r)?.kind === 'note') continue;
    const hasValue =
      (cols.baseline && view.text(r, cols.baseline.col) !== '') || cols.targets.some((t) => view.text(r, t.col) !== '');
    if (view.text(r, cols.name) === '' || !hasValue) break;
    rows.push(r);
  }
  return { table: { kind: 'kpi', view, cols, rows, ctx }, next: r };
}

function readScheduleRows(view: SheetView, cols: ScheduleColumns, ctx: Context): { table: ScheduleTable; next: number } {
  const rows: number[] = [];
  const entries: ScheduleEntry[] = [];
  let repostSource: string | undefined;
  let department = '';
  let departmentRow: number | undefined;
  let current: ScheduleEntry | undefined;
  let r = cols.yearRow + 1;
  for (; r < view.rowCount; r++) {
    if (view.isRowEmpty(r)) continue;
    if (isBoundary(view, r)) break;
    if (headingRow(view, r)?.kind === 'note') continue;
    rows.push(r);
    if (cols.department !== undefined && !view.isMergeFollower(r, cols.department)) {
      const d = view.text(r, cols.department);
      if (d !== '') {
        department = d;
        departmentRow = r;
      }
    }
    const follower = view.isMergeFollower(r, cols.item);
    let name = follower ? '' : joinWrapped(view.text(r, cols.item));
    let repostRow = false;
    const rp = name ? parseRepost(view.text(r, cols.item)) : undefined;
    if (rp) {
      if (rp.source !== undefined) repostSource = rp.source;
      repostRow = true;
      name = rp.rest;
    }
    if (name !== '') {
      current = {
        rows: [r],
        name,
        nameRow: r,
        department,
        ...(departmentRow !== undefined ? { departmentRow } : {}),
        ...(repostSource !== undefined || repostRow ? { repostSource: repostSource ?? '' } : {}),
      };
      entries.push(current);
    } else if (current && !repostRow) {
      current.rows.push(r);
    }
  }
  return { table: { kind: 'schedule', view, cols, rows, entries, ctx }, next: r };
}

function indicatorOf(
  view: SheetView,
  cols: KpiColumns,
  r: number,
): { indicator: Indicator; cells: CellMap; findings: Finding[]; actualCells: number } {
  const cells: CellMap = { name: view.ref(r, cols.name) };
  const findings: Finding[] = [];
  const name = joinWrapped(view.text(r, cols.name));
  const val = (c: number): ParsedValue => parseValue(view.value(r, c), view.ref(r, c));

  const baseline = cols.baseline ? val(cols.baseline.col) : undefined;
  if (cols.baseline) cells.baseline = view.ref(r, cols.baseline.col);
  const sortedTargets = [...cols.targets].sort((a, b) => (a.fy ?? Infinity) - (b.fy ?? Infinity));
  const finalCol = sortedTargets[sortedTargets.length - 1];
  const targets: YearValue[] = [];
  for (const t of sortedTargets) {
    if (t.fy !== undefined) cells[`target:${t.fy}`] = view.ref(r, t.col);
    else cells.target = view.ref(r, t.col);
    if (t === finalCol || t.fy === undefined) continue;
    const v = val(t.col);
    if (v.kind !== 'blank') targets.push({ fy: t.fy, value: v });
  }
  const final = finalCol ? val(finalCol.col) : undefined;
  const actuals: YearValue[] = [];
  let actualCells = 0;
  for (const p of cols.progress) {
    if (p.field !== 'actual' || p.fy === undefined) continue;
    cells[`actual:${p.fy}`] = view.ref(r, p.col);
    actualCells++;
    const v = val(p.col);
    if (v.kind === 'blank') continue;
    actuals.push({ fy: p.fy, value: v });
  }
  actuals.sort((a, b) => a.fy - b.fy);

  const unitCell = cols.unit !== undefined ? view.text(r, cols.unit) : '';
  const numeric = [final, ...targets.map((t) => t.value), baseline].find((v) => v?.kind === 'number');
  const rawUnit = unitCell || (numeric?.kind === 'number' ? numeric.unit : undefined);
  const unit = rawUnit?.replace(/\s+/g, '');
  if (cols.unit !== undefined) cells.unit = view.ref(r, cols.unit);
  const qualitative = unit === '-' || ![final, ...targets.map((t) => t.value)].some((v) => v?.kind === 'number');
  const dir = inferDirection({
    name,
    ...(unit ? { unit } : {}),
    ...(baseline ? { baseline } : {}),
    targets: targets.map((t) => t.value),
    ...(final ? { finalTarget: final } : {}),
  });
  const perYear = [final, baseline].some((v) => v?.kind === 'number' && v.perYear);
  const fresh = baseline?.kind !== 'number' && /新たに|新規|新た/.test(name);
  const aggregation: Aggregation = perYear ? 'annual' : fresh ? 'cumulative' : 'level';
  return {
    indicator: {
      name,
      ...(unit ? { unit } : {}),
      direction: dir.direction,
      directionSource: dir.source,
      aggregation,
      qualitative,
      ...(baseline && baseline.kind !== 'blank'
        ? { baseline: { value: baseline, ...(cols.baseline?.fy !== undefined ? { fy: cols.baseline.fy } : {}) } }
        : {}),
      targets,
      actuals,
      ...(final && final.kind !== 'blank'
        ? { finalTarget: { value: final, ...(finalCol?.fy !== undefined ? { fy: finalCol.fy } : {}) } }
        : {}),
      cell: view.ref(r, cols.name),
    },
    cells,
    findings,
    actualCells,
  };
}

const compact = (s: string) => s.normalize('NFKC').replace(/[\s、,，・()（）「」]/g, '');

export function readYuzawa(wb: WorkbookGrid, opts: ReadOptions): LayoutRead {
  const findings: Finding[] = [];
  const policies = new Map<string, Policy>();
  const tables: Table[] = [];
  let contents: Contents | undefined;
  const sheets = wb.sheets.filter((s) => (opts.sheets ? opts.sheets.includes(s.name) : true));
  for (const grid of sheets) {
    const scanned = scanSheet(new SheetView(grid), policies);
    tables.push(...scanned.tables);
    if (scanned.contents && !contents) contents = scanned.contents;
  }
  if (contents) {
    for (const e of contents.entries.values()) {
      const known = policies.get(e.policy.key);
      if (!known || !known.name) policies.set(e.policy.key, { key: e.policy.key, name: e.policy.name, order: e.policy.order });
    }
  }
  if (tables.length === 0) {
    findings.push(
      finding('LAY003', { sheet: sheets[0]?.name ?? '', address: 'A1' }, { sheet: sheets[0]?.name ?? '', layout: YUZAWA_LABEL, reason: NO_TABLE }),
    );
  }

  const reportFy = chooseReportFy(
    tables.flatMap((t) => t.cols.progress),
    opts.reportFy,
  );
  const items: Item[] = [];
  const anchors: TableAnchor[] = [];
  const policyOf = (ctx: Context, at: CellRef): { key: string; name: string } => {
    if (ctx.policy) return { key: ctx.policy.key, name: policies.get(ctx.policy.key)?.name ?? ctx.policy.name };
    findings.push(
      finding('LAY010', at, { level: '基本方針' }),
    );
    return { key: '?', name: '(不明)' };
  };

  const seenMeasures = new Map<number, CellRef>();
  const kpiCount = new Map<string, number>();
  for (const t of tables) {
    const { view } = t;
    const rowOfItem: Record<string, number> = {};
    if (t.kind === 'kpi') {
      const at = view.ref(t.cols.headerRows[0], t.cols.name);
      const policy = policyOf(t.ctx, at);
      const themeKey = t.ctx.theme ? `${policy.key}-${t.ctx.theme.no}` : undefined;
      for (const r of t.rows) {
        const base = themeKey ?? policy.key;
        const k = (kpiCount.get(base) ?? 0) + 1;
        kpiCount.set(base, k);
        const id = `KPI-${base}-${k}`;
        const ind = indicatorOf(view, t.cols, r);
        findings.push(...ind.findings.map((f) => ({ ...f, itemId: id })));
        const notes: NoteMap = {};
        const cells = ind.cells;
        const departments = t.cols.department !== undefined ? splitDepartments(view.text(r, t.cols.department)) : [];
        if (t.cols.department !== undefined) cells.department = view.ref(r, t.cols.department);
        const prog = readProgress(view, t.cols.progress, [r], reportFy, notes, cells, { textActuals: false });
        items.push({
          id,
          policyKey: policy.key,
          policyName: policy.name,
          ...(themeKey && t.ctx.theme ? { groupKey: themeKey, groupName: t.ctx.theme.name } : {}),
          name: ind.indicator.name,
          departments,
          indicators: [ind.indicator],
          ...(reportFy !== undefined ? { reportFy } : {}),
          ...prog,
          classes: { 種別: 'KPI' },
          flags: [],
          ...(Object.keys(notes).length ? { notes } : {}),
          cells,
          source: { layout: LAYOUT, sheet: view.name, row: r },
        });
        rowOfItem[id] = r;
      }
      anchors.push(anchorOf(view, t.cols.headerRows, t.rows, t.cols.owned, rowOfItem));
      continue;
    }

    const { cols } = t;
    const no = cols.measureNo;
    const titleRef = cols.titleCell ? view.ref(cols.titleCell.row, cols.titleCell.col) : view.ref(cols.top, cols.item);
    if (no === undefined) {
      findings.push(
        finding('LAY009', titleRef, { id: `${view.name}!行番号`, number: { ja: '取組事項No.', en: '取組事項 number' } }),
      );
    } else if (seenMeasures.has(no)) {
      const prev = seenMeasures.get(no)!;
      findings.push(
        finding('VLD008', titleRef, { id: `取組事項No.${no}`, first: `${prev.sheet}!${prev.address}` }),
      );
    } else {
      seenMeasures.set(no, titleRef);
    }
    let policy = policyOf(t.ctx, titleRef);
    let theme = t.ctx.theme;
    const listed = no !== undefined ? contents?.entries.get(no) : undefined;
    if (listed) {
      if (t.ctx.policy?.key !== listed.policy.key || t.ctx.theme?.no !== listed.theme.no) {
        findings.push(
          finding('LAY012', titleRef, { what: { ja: `取組事項No.${no}のテーマプログラム`, en: `theme programme of 取組事項 ${no}` }, first: `本文 ${t.ctx.policy?.key ?? '?'}-${t.ctx.theme?.no ?? '?'}`, second: `目次 ${listed.policy.key}-${listed.theme.no} ${listed.theme.name}`, used: `目次 ${listed.policy.key}-${listed.theme.no}` }),
        );
      }
      policy = { key: listed.policy.key, name: policies.get(listed.policy.key)?.name ?? listed.policy.name };
      theme = listed.theme;
    }
    const measureName = cols.measureName ?? listed?.measureName ?? '';
    let own = 0;
    let reposts = 0;
    for (const e of t.entries) {
      const repost = e.repostSource !== undefined;
      const k = repost ? ++reposts : ++own;
      const id = no !== undefined ? `${no}-${repost ? 'R' : ''}${k}` : `${view.name}!${e.nameRow + 1}`;
      const nameRef = view.ref(e.nameRow, cols.item);
      const cells: CellMap = { name: nameRef };
      const notes: NoteMap = {};
      if (no !== undefined) notes.measure = `${no} ${measureName}`.trim();
      if (repost && e.repostSource) notes.repostOf = e.repostSource;
      if (cols.department !== undefined) cells.department = view.ref(e.departmentRow ?? e.nameRow, cols.department);
      for (const y of cols.years) {
        cells[`schedule:${y.fy}`] = view.ref(e.rows[0], y.col);
        const texts = e.rows.map((r) => view.text(r, y.col)).filter((s) => s !== '');
        if (texts.length) notes[`plan:${y.fy}`] = texts.join(' / ');
      }
      const prog = readProgress(view, cols.progress, e.rows, reportFy, notes, cells, { textActuals: true });
      if (e.department === '') {
        findings.push(
          finding('VLD018', cells.department ?? nameRef, { item: `${id} ${e.name}`, field: FIELD_LABEL.department }, id),
        );
      }
      items.push({
        id,
        policyKey: policy.key,
        policyName: policy.name,
        ...(theme ? { groupKey: `${policy.key}-${theme.no}`, groupName: theme.name } : {}),
        name: e.name,
        departments: splitDepartments(e.department),
        indicators: [],
        ...(reportFy !== undefined ? { reportFy } : {}),
        ...prog,
        classes: { 種別: '実施項目', ...(no !== undefined ? { 取組事項: String(no) } : {}) },
        flags: repost ? ['repost'] : [],
        notes,
        cells,
        source: { layout: LAYOUT, sheet: view.name, row: e.nameRow },
      });
      rowOfItem[id] = e.nameRow;
    }
    anchors.push(anchorOf(view, cols.headerRows, t.rows, cols.owned, rowOfItem));
  }

  linkReposts(items, findings);
  return {
    layout: LAYOUT,
    policyLabel: POLICY_LABEL,
    policies: [...policies.values()].sort((a, b) => a.order - b.order),
    items,
    findings,
    tables: anchors,
    ...(reportFy !== undefined ? { reportFy } : {}),
  };
}

/**
 * A 【再掲】 row names the 実施項目 it repeats only by text, and the text drifts (「処分方法の検討実施」
 * for 「処分方法の検討、実施」): match ignoring punctuation and spaces, and say so when nothing matches.
 */
function linkReposts(items: Item[], findings: Finding[]): void {
  const originals = new Map<string, Item>();
  for (const it of items) if (!it.flags.includes('repost') && it.classes?.種別 === '実施項目') originals.set(compact(it.name), it);
  for (const it of items) {
    if (!it.flags.includes('repost')) continue;
    const orig = originals.get(compact(it.name));
    if (orig) {
      it.notes = { ...it.notes, repostId: orig.id };
    } else {
      findings.push(
        finding('LAY018', it.cells.name ?? { sheet: it.source.sheet }, { name: it.name }, it.id),
      );
    }
  }
}

function anchorOf(
  view: SheetView,
  headerRows: number[],
  dataRows: number[],
  owned: Record<string, number>,
  rowOfItem: Record<string, number>,
): TableAnchor {
  const rows = [...headerRows, ...dataRows];
  let nextFreeCol = 0;
  for (const r of rows) {
    for (let c = view.colCount - 1; c >= 0; c--) {
      if (view.raw(r, c) !== null && view.raw(r, c) !== '') {
        nextFreeCol = Math.max(nextFreeCol, c + 1);
        break;
      }
    }
    for (const m of view.grid.merges) if (m.top <= r && m.bottom >= r) nextFreeCol = Math.max(nextFreeCol, m.right + 1);
  }
  return { sheet: view.name, headerRows, dataRows, nextFreeCol, owned, rowOfItem };
}

export function detectYuzawa(wb: WorkbookGrid): SheetDetection[] {
  const evidence = wb.sheets.map((grid) => {
    const view = new SheetView(grid);
    if (findContentsHeader(view)) return { sheet: grid.name, kind: 'contents' as const, kpi: 0, schedules: 0 };
    let kpi = 0;
    let schedules = 0;
    let titled = 0;
    for (let r = 0; r < view.rowCount; r++) {
      if (kpiHeaderAt(view, r)) kpi++;
      else if (startsSchedule(view, r)) {
        const s = scheduleHeaderAt(view, r);
        if (s && (s.measureNo !== undefined || s.departmentHeader)) {
          schedules++;
          if (s.measureNo !== undefined) titled++;
          r = s.yearRow;
        }
      }
    }
    return { sheet: grid.name, kind: 'tables' as const, kpi, schedules, titled };
  });
  const anySchedule = evidence.some((e) => e.kind === 'tables' && e.titled! > 0);
  const out: SheetDetection[] = [];
  for (const e of evidence) {
    if (e.kind === 'contents') {
      if (anySchedule) {
        out.push({
          sheet: e.sheet,
          score: 0.7,
          reason: { ja: '目次(基本方針・テーマプログラム・取組事項)', en: 'table of contents (基本方針/テーマプログラム/取組事項)' },
        });
      }
      continue;
    }
    if (e.schedules === 0 && e.kpi === 0) continue;
    let score: number;
    if (e.titled! > 0) score = e.kpi > 0 ? 0.95 : 0.85;
    else if (e.schedules > 0) score = 0.65;
    else score = anySchedule ? 0.7 : 0.4;
    out.push({
      sheet: e.sheet,
      score,
      reason: {
        ja: `KPI表(指標名・現状・目標値) ${e.kpi} 個、展開スケジュール表(取組事項No.・実施項目・年度列・担当課) ${e.schedules} 個`,
        en: `${e.kpi} KPI table(s) (指標名/現状/目標値), ${e.schedules} schedule table(s) (取組事項No./実施項目/years/担当課)`,
      },
    });
  }
  return out;
}

export const yuzawaLayout: LayoutReader = {
  id: LAYOUT,
  label: { ja: '湯沢市 経営戦略', en: 'Yuzawa strategy' },
  detect: detectYuzawa,
  read: readYuzawa,
};
