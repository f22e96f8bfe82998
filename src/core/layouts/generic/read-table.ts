import { toA1 } from '../../grid/a1';
import type { CellRef } from '../../grid/types';
import { headerKey, type SheetView } from '../../grid/sheet-view';
import { rowKey } from '../../model/keys';
import type { CellMap, Effects, Indicator, Item, ItemFlag, NoteMap, Policy, YearValue } from '../../model/plan';
import { inferDirection } from '../../rules/direction';
import { finding, type Finding } from '../../validation/finding';
import { parseFiscalYear, parseRating, parseValue, type ParsedValue } from '../../values';
import type { TableAnchor } from '../types';
import type { DetectedTable, TableColumn } from './detect-table';
import { isNoteText, isTotalText, looksLikeHeading, parseHeading } from './headings';
import type { Field } from './mapping';
import { FIELD_LABEL } from './synonyms';

export const GENERIC_LAYOUT_ID = 'generic';
const NO_POLICY = { key: '-', name: '(基本方針なし)' };

export interface TableRead {
  items: Item[];
  policies: Policy[];
  policyLabel?: string;
  reportFy?: number;
  findings: Finding[];
  anchor: TableAnchor;
}

interface Level {
  key: string;
  name: string;
}

/** Reads the rows under a detected (or mapped) header band into plan items. */
export function readTable(view: SheetView, table: DetectedTable, opts: { reportFy?: number }): TableRead {
  const findings: Finding[] = [];
  const cols = (f: Field) => table.columns.filter((c) => c.field === f);
  const one = (f: Field) => cols(f)[0];
  const headerLast = table.headerRows[table.headerRows.length - 1];
  const headerAt = (c: number) => view.ref(headerLast, c).address;
  const nameCol = one('name');

  if (!nameCol) {
    findings.push(
      finding('LAY004', view.ref(headerLast, table.columns[0]?.col ?? 0), { sheet: view.name, fields: [FIELD_LABEL.name] }),
    );
    return { items: [], policies: [], findings, anchor: anchorOf(view, table, [], {}) };
  }

  reportMissing(view, table, findings, headerAt);
  for (const a of table.ambiguous) {
    const labels = a.cols.map((c) => table.columns.find((x) => x.col === c)!.label);
    findings.push(
      finding('LAY007', view.ref(headerLast, a.cols[1]), { field: FIELD_LABEL[a.field], headers: labels, n: labels.length }),
    );
  }

  const reportFy = opts.reportFy ?? chooseReportFy(view, table, headerLast);
  const yearOf = (c: TableColumn) => c.fy ?? reportFy;
  const yearless = table.columns.filter((c) => ['actual', 'effectPlanned', 'effectActual'].includes(c.field) && yearOf(c) === undefined);
  if (yearless.length) {
    findings.push(
      finding('FY001', view.ref(headerLast, yearless[0].col), {}),
    );
  }

  const ratingCol = pickForYear(cols('rating'), reportFy);
  const policyCol = one('policy');
  const groupCol = one('group');
  // A heading style the table already has a column for is not a level of its own: later styles are ignored.
  const headingLevels: ('policy' | 'group' | 'none')[] = policyCol ? (groupCol ? ['none'] : ['group', 'none']) : groupCol ? ['policy', 'none'] : ['policy', 'group', 'none'];
  const headingKinds: string[] = [];

  const policies = new Map<string, Policy>();
  const items: Item[] = [];
  const ids = new Map<string, number>();
  const rowOfItem: Record<string, number> = {};
  let policyLabel: string | undefined = policyCol ? policyCol.label : undefined;
  let policy: Level | undefined;
  let group: Level | undefined;
  let prevPolicyText = '';
  let prevGroupText = '';
  const takeHeading = (text: string) => {
    const h = parseHeading(text);
    if (!headingKinds.includes(h.kind)) headingKinds.push(h.kind);
    const level = headingLevels[Math.min(headingKinds.indexOf(h.kind), headingLevels.length - 1)];
    if (level === 'policy') {
      policy = { key: h.key, name: h.name };
      group = undefined;
      policyLabel ??= h.label;
    } else if (level === 'group') {
      group = { key: h.key, name: h.name };
    }
  };
  // Headings between the title and the first header (「●重点項目1 …」 then 「(1) …」) open the first section.
  for (let r = 0; r < table.headerRows[0]; r++) {
    const only = distinctCells(view, r);
    if (only.length !== 1) continue;
    if (looksLikeHeading(only[0].text) || (headingKinds.length > 0 && /^[(（]|^[①-⑳]/.test(only[0].text.trim()))) takeHeading(only[0].text);
  }
  const nameHeaderKey = headerKey(view.text(headerLast, nameCol.col));

  for (let r = headerLast + 1; r < view.rowCount; r++) {
    if (view.isRowEmpty(r)) continue;
    const cellsInRow = distinctCells(view, r);
    const name = view.text(r, nameCol.col);
    if (cellsInRow.length === 1) {
      const only = cellsInRow[0];
      if (isNoteText(only.text) || isTotalText(only.text)) continue;
      const spans = (view.merge(r, only.col)?.right ?? only.col) > (view.merge(r, only.col)?.left ?? only.col);
      if (only.col !== nameCol.col || spans || looksLikeHeading(only.text)) {
        takeHeading(only.text);
        continue;
      }
    }
    // The header printed again for the next section (one table per heading, as printed plans do).
    if (name && headerKey(name) === nameHeaderKey) continue;
    if (isTotalText(name) || (isNoteText(name) && cellsInRow.length === 1)) continue;
    const prev = items[items.length - 1];
    if (!name || view.isMergeFollower(r, nameCol.col)) {
      // A second indicator of the item above: its name cell is merged down or left blank.
      if (prev && prev.source.sheet === view.name) addIndicatorRow(view, table, prev, r, reportFy);
      continue;
    }

    let rowPolicy = policy;
    if (policyCol) {
      const t = view.text(r, policyCol.col) || prevPolicyText;
      prevPolicyText = t;
      if (t) rowPolicy = levelOf(t);
    }
    let rowGroup = group;
    if (groupCol) {
      const t = view.text(r, groupCol.col) || prevGroupText;
      prevGroupText = t;
      if (t) rowGroup = levelOf(t);
    }
    const p = rowPolicy ?? NO_POLICY;
    if (!policies.has(p.key)) policies.set(p.key, { key: p.key, name: p.name, order: policies.size + 1 });

    const cells: CellMap = { name: view.ref(r, nameCol.col) };
    const idCol = one('id');
    let id = idCol ? view.text(r, idCol.col) : '';
    if (idCol && id) cells.id = view.ref(r, idCol.col);
    if (!id) id = `${view.name}!${r + 1}`;
    if (ids.has(id)) {
      findings.push(
        finding('VLD008', cells.id ?? view.ref(r, nameCol.col), { id, first: `${view.name}!${toA1(ids.get(id)!, (idCol ?? nameCol).col)}` }, id),
      );
      id = `${id}@${r + 1}`;
    }
    ids.set(id, r);
    if (policyCol) cells.policy = view.ref(r, policyCol.col);
    if (groupCol) cells.group = view.ref(r, groupCol.col);

    const departments = cols('department')
      .flatMap((c) => {
        const t = view.text(r, c.col);
        if (t) cells.department ??= view.ref(r, c.col);
        return t ? [t] : [];
      })
      .join(' ')
      .split(/[、，,\n]+/)
      .map((s) => s.trim())
      .filter(Boolean);

    const item: Item = {
      id,
      policyKey: p.key,
      policyName: p.name,
      ...(rowGroup ? { groupKey: rowGroup.key, groupName: rowGroup.name } : {}),
      name,
      departments,
      indicators: [],
      ...(reportFy !== undefined ? { reportFy } : {}),
      flags: flagsOf(name),
      cells,
      source: { layout: GENERIC_LAYOUT_ID, sheet: view.name, row: r },
    };
    addIndicatorRow(view, table, item, r, reportFy);
    const effects = effectsOf(view, table, r, reportFy, cells);
    if (effects) item.effects = effects;
    let unread: string | undefined;
    if (ratingCol) {
      const at = writableRef(view, r, ratingCol.col);
      item.ratingCell = at;
      cells.rating = at;
      const raw = view.value(r, ratingCol.col);
      const rating = parseRating(raw, at);
      if (rating) item.rating = rating;
      else if (view.text(r, ratingCol.col)) unread = view.text(r, ratingCol.col);
    }
    const notes: NoteMap = {};
    for (const [field, cs] of [['status', cols('status')], ['note', cols('note')]] as const) {
      const t = cs.map((c) => view.text(r, c.col)).filter(Boolean).join('\n');
      if (t) notes[field] = t;
    }
    if (unread) notes.rating = unread;
    if (Object.keys(notes).length) item.notes = notes;
    items.push(item);
    rowOfItem[id] = r;
  }

  if (!items.length) {
    findings.push(
      finding('LAY008', view.ref(headerLast, nameCol.col), { sheet: view.name }),
    );
  }
  return {
    items,
    policies: [...policies.values()],
    ...(policyLabel ? { policyLabel } : {}),
    ...(reportFy !== undefined ? { reportFy } : {}),
    findings,
    anchor: anchorOf(view, table, items.map((i) => i.source.row), rowOfItem),
  };
}

function reportMissing(view: SheetView, table: DetectedTable, findings: Finding[], headerAt: (c: number) => string): void {
  const missing = table.missing.filter((f) => f !== 'name');
  if (!missing.length) return;
  findings.push(
    finding('LAY006', { sheet: view.name, address: headerAt(table.columns[0]?.col ?? 0) }, { fields: missing.map((f) => FIELD_LABEL[f]) }),
  );
}

/**
 * The year a report is for: the latest year whose actual or rating column has something typed,
 * else the latest year such a column names, else a year in the title block above the table.
 */
function chooseReportFy(view: SheetView, table: DetectedTable, headerLast: number): number | undefined {
  const yearly = table.columns.filter((c) => (c.field === 'actual' || c.field === 'rating' || c.field === 'effectActual') && c.fy !== undefined);
  const filled = yearly.filter((c) => {
    for (let r = headerLast + 1; r < view.rowCount; r++) if (view.text(r, c.col)) return true;
    return false;
  });
  const pick = (cs: TableColumn[]) => (cs.length ? Math.max(...cs.map((c) => c.fy!)) : undefined);
  const fromCols = pick(filled) ?? pick(yearly) ?? pick(table.columns.filter((c) => c.field === 'target' && c.fy !== undefined));
  if (fromCols !== undefined) return fromCols;
  for (let r = 0; r < table.headerRows[0]; r++) {
    for (let c = 0; c < view.colCount; c++) {
      const t = view.text(r, c);
      const fy = t ? parseFiscalYear(t) : undefined;
      if (fy !== undefined && fy >= 1989 && fy <= 2100) return fy;
    }
  }
  return undefined;
}

function pickForYear(cs: TableColumn[], fy: number | undefined): TableColumn | undefined {
  return cs.find((c) => c.fy !== undefined && c.fy === fy) ?? cs.find((c) => c.fy === undefined) ?? (cs.length === 1 ? cs[0] : undefined);
}

function levelOf(text: string): Level {
  const h = parseHeading(text);
  return { key: h.key, name: h.name };
}

function flagsOf(name: string): ItemFlag[] {
  const flags: ItemFlag[] = [];
  if (/[【[(（]再掲[】\])）]/.test(name)) flags.push('repost');
  if (/[【[(（]継続(項目)?[】\])）]/.test(name)) flags.push('continuing');
  return flags;
}

/** Distinct non-empty cells of a row; a merge counts once, at its left-most column. */
function distinctCells(view: SheetView, r: number): { col: number; text: string }[] {
  const out: { col: number; text: string }[] = [];
  const seen = new Set<string>();
  for (let c = 0; c < view.colCount; c++) {
    const t = view.text(r, c);
    if (!t) continue;
    const m = view.merge(r, c);
    const key = m ? `${m.top},${m.left}` : `${r},${c}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ col: c, text: t });
  }
  return out;
}

/** Writes into a merged cell go to its top-left. */
function writableRef(view: SheetView, r: number, c: number): CellRef {
  const m = view.merge(r, c);
  return m ? view.ref(m.top, m.left) : view.ref(r, c);
}

function valueAt(view: SheetView, r: number, c: number): ParsedValue {
  return parseValue(view.value(r, c), writableRef(view, r, c));
}

function isBlank(v: ParsedValue): boolean {
  return v.kind === 'blank';
}

/** One indicator from row r (the item's own row or a continuation row under it). */
function addIndicatorRow(view: SheetView, table: DetectedTable, item: Item, r: number, reportFy: number | undefined): void {
  const find = (f: Field) => table.columns.filter((c) => c.field === f);
  const indCol = find('indicator')[0];
  const unitCol = find('unit')[0];
  const baseCol = find('baseline')[0];
  const indName = indCol ? view.text(r, indCol.col) : '';
  const targets: YearValue[] = [];
  const actuals: YearValue[] = [];
  let finalTarget: Indicator['finalTarget'];
  const n = item.indicators.length;
  for (const c of find('target')) {
    const v = valueAt(view, r, c.col);
    const fy = c.fy ?? reportFy;
    if (fy === undefined) {
      if (!isBlank(v)) finalTarget = { value: v };
    } else {
      targets.push({ fy, value: v });
      item.cells[rowKey(`target:${fy}`, n)] = writableRef(view, r, c.col);
    }
  }
  for (const c of find('actual')) {
    const fy = c.fy ?? reportFy;
    if (fy === undefined) continue;
    actuals.push({ fy, value: valueAt(view, r, c.col) });
    item.cells[rowKey(`actual:${fy}`, n)] = writableRef(view, r, c.col);
  }
  const baselineValue = baseCol ? valueAt(view, r, baseCol.col) : undefined;
  const anyValue = [...targets, ...actuals].some((y) => !isBlank(y.value)) || !!finalTarget || (baselineValue && !isBlank(baselineValue));
  // Continuation rows carry only what is typed in them; the item row always gets an indicator when the table has indicator columns.
  if (n > 0 && !indName && !anyValue) return;
  if (!indName && !anyValue && !indCol) return;
  const unitText = unitCol ? view.text(r, unitCol.col) : '';
  const qualitativeUnit = /^[-ー－―—]$/.test(unitText);
  const numeric = (v: ParsedValue) => v.kind === 'number';
  const qualitative = qualitativeUnit || !(targets.some((t) => numeric(t.value)) || (finalTarget && numeric(finalTarget.value)));
  const unit = unitText && !qualitativeUnit ? unitText : firstUnit([...targets.map((t) => t.value), ...actuals.map((a) => a.value)]);
  const name = indName || item.name;
  const direction = inferDirection({
    name,
    ...(unit ? { unit } : {}),
    ...(baselineValue ? { baseline: baselineValue } : {}),
    targets: targets.map((t) => t.value),
    ...(finalTarget ? { finalTarget: finalTarget.value } : {}),
  });
  const indicator: Indicator = {
    name,
    ...(unit ? { unit } : {}),
    direction: direction.direction,
    directionSource: direction.source,
    aggregation: 'annual',
    qualitative,
    ...(baselineValue && !isBlank(baselineValue) ? { baseline: { value: baselineValue, ...(baseCol?.fy !== undefined ? { fy: baseCol.fy } : {}) } } : {}),
    targets,
    actuals,
    ...(finalTarget ? { finalTarget } : {}),
    cell: indCol && indName ? view.ref(r, indCol.col) : item.cells.name,
  };
  if (indCol && indName) item.cells[rowKey('indicator', n)] = view.ref(r, indCol.col);
  if (unitCol && unitText) item.cells[rowKey('unit', n)] = view.ref(r, unitCol.col);
  if (baseCol && baselineValue && !isBlank(baselineValue)) item.cells[rowKey('baseline', n)] = writableRef(view, r, baseCol.col);
  item.indicators.push(indicator);
}

function firstUnit(values: ParsedValue[]): string | undefined {
  for (const v of values) if (v.kind === 'number' && v.unit) return v.unit;
  return undefined;
}

function effectsOf(view: SheetView, table: DetectedTable, r: number, reportFy: number | undefined, cells: CellMap): Effects | undefined {
  const byFy = new Map<number, { fy: number; planned?: ParsedValue; actual?: ParsedValue }>();
  for (const [field, key] of [
    ['effectPlanned', 'planned'],
    ['effectActual', 'actual'],
  ] as const) {
    for (const c of table.columns.filter((x) => x.field === field)) {
      const fy = c.fy ?? reportFy;
      if (fy === undefined) continue;
      const e = byFy.get(fy) ?? { fy };
      e[key] = valueAt(view, r, c.col);
      byFy.set(fy, e);
      cells[`${field}:${fy}`] = writableRef(view, r, c.col);
    }
  }
  // A row with no amounts typed has no effects, rather than a year of blanks.
  if (![...byFy.values()].some((e) => (e.planned && !isBlank(e.planned)) || (e.actual && !isBlank(e.actual)))) return undefined;
  return { unit: '千円', byYear: [...byFy.values()].sort((a, b) => a.fy - b.fy) };
}

function anchorOf(view: SheetView, table: DetectedTable, dataRows: number[], rowOfItem: Record<string, number>): TableAnchor {
  const rows = [...table.headerRows, ...dataRows];
  const right = Math.max(0, ...table.columns.map((c) => c.col));
  let next = right + 1;
  while (rows.some((r) => view.text(r, next) !== '' || view.isMergeFollower(r, next))) next++;
  const owned: Record<string, number> = {};
  for (const c of table.columns) if (c.owned && owned[c.owned] === undefined) owned[c.owned] = c.col;
  return { sheet: view.name, headerRows: table.headerRows, dataRows, nextFreeCol: next, owned, rowOfItem };
}
