import { oncePerText } from '../../once-per';
import { rowKey, yearKey, type CellKey } from '../../model/keys';
import type { CellMap, Indicator, Item, ItemFlag, NoteMap, YearValue } from '../../model/plan';
import type { ParsedValue } from '../../values/types';
import { normalizeWidth, splitDepartments, type Scale } from '../../values';
import type { TableColumn, TableMatch } from './find-table';
import type { Field } from '../../model/fields';
import { buildEffects, buildIndicator, CONTINUING, ratingOf, REPOST, REPOST_NOTE, type EffectCell } from './item';
import { fieldRule, type ItemRow, type RowView } from './rows';
import { policyOfCode } from './form-loose';
import { readRoleRows, roleRows } from './role-rows';
import { parseHeading, type SectionLevel } from './sections';
import type { TableSpec } from './spec';

/**
 * One item from a table row (and the rows that continue it): the same rules for every layout.
 * Hooks adjust what is a city's own (its item codes, KPIs written inside text, a grid of classes).
 */

export interface BuildContext {
  layout: string;
  spec: TableSpec;
  scale: Scale;
  reportFy?: number;
  /** The column splitting items into plan and result rows (role-rows.ts), when the table has one. */
  roles?: number;
}

export const NO_POLICY = { key: '-', name: '(基本方針なし)' };

/** Line-wrap spaces from a PDF (「地域経営 マネジメント」) removed between Japanese characters. */
export function joinWrapped(text: string): string {
  return text
    .trim()
    .replace(/\s*\n\s*/g, (m, i: number, s: string) => (/[\x21-\x7e]/.test(s[i - 1] ?? '') && /[\x21-\x7e]/.test(s[i + m.length] ?? '') ? ' ' : ''))
    .replace(/(?<=[^\u0020-\u007e\s])[ \u3000]+(?=[^\u0020-\u007e\s])/g, '');
}

/** A level (policy, group) from a column's text: `1 行政サービスの最適化` → key 1, its name. */
export function levelOf(text: string): SectionLevel {
  return { ...levelOfText(text) };
}
const levelOfText = oncePerText((text): SectionLevel => {
  const h = parseHeading(text);
  return { key: h.key, name: h.name };
}, 10000);

/** The item number as typed: width folded, a leading `No.` dropped. */
export function idText(text: string): string {
  return normalizeWidth(text).replace(/^(?:no\.?|№)\s*/i, '').trim();
}

/** The column of a yearly field for the report year: its own year, else an undated one, else the only one. */
export function pickForYear(cs: TableColumn[], fy: number | undefined): TableColumn | undefined {
  return cs.find((c) => c.fy !== undefined && c.fy === fy) ?? cs.find((c) => c.fy === undefined) ?? (cs.length === 1 ? cs[0] : undefined);
}

const DASH = /^[-ー－―—‐]+$/;

/**
 * An item code typed before the name: 1-1, 2-3-1, Ⅱ-1, 1(2)③ or 1(2), then a space or a mark. A
 * number alone (「2 電子申請」) or a code run into the name (「1-1事務」) is left as typed.
 */
const LEADING_CODE = /^\s*((?:[0-9０-９]{1,3}|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ])(?:\s*[-ー‐－・.．]\s*[0-9０-９]{1,3}){1,3}|[0-9０-９]{1,2}\s*[(（][0-9０-９]{1,2}[)）]\s*[①-⑳]?)[\s:：.．、]+(?=\S)/u;

/** A sheet named for a department: a short name ending as departments do (課, 部, 室, 局, センター …). */
export const DEPARTMENT_SHEET = /^\s*[^\s!-~]{1,12}(?:課|部|室|局|所|センター|事務所|委員会|事務局)\s*$/;

function indicatorFrom(row: RowView, n: number, item: { name: string; cells: CellMap }, ctx: BuildContext): Indicator | undefined {
  const fyOf = (c: TableColumn) => c.fy ?? ctx.reportFy;
  const indCol = row.col('indicator');
  const indName = indCol ? row.text('indicator') : '';
  const unitCol = row.col('unit');
  const baseCol = row.col('baseline');
  const targets: YearValue[] = [];
  let finalTarget: Indicator['finalTarget'];
  const targetCols = row.columns('target');
  const dated = targetCols.filter((c) => fyOf(c) !== undefined);
  const finalCol = ctx.spec.lastTargetIsFinal && dated.length ? dated.reduce((a, b) => (fyOf(b)! > fyOf(a)! ? b : a)) : undefined;
  for (const c of targetCols) {
    const v = row.value(c);
    const fy = fyOf(c);
    if (fy === undefined || c === finalCol) {
      if (v.kind !== 'blank') finalTarget = { value: v, ...(fy !== undefined ? { fy } : {}) };
      item.cells[rowKey(fy !== undefined ? `target:${fy}` : 'target', n)] = row.ref(c);
      continue;
    }
    targets.push({ fy, value: v });
    item.cells[rowKey(yearKey('target', fy), n)] = row.ref(c);
  }
  for (const c of row.columns('finalTarget')) {
    const v = row.value(c);
    if (v.kind !== 'blank') finalTarget = { value: v, ...(c.fy !== undefined ? { fy: c.fy } : {}) };
    item.cells[rowKey('finalTarget', n)] = row.ref(c);
  }
  // A plan whose year columns hold an indicator's targets (つくばみらい) when the row has one.
  if (ctx.spec.yearColumns === 'target' && indName && !DASH.test(indName.trim())) {
    for (const c of row.columns('schedule')) {
      if (c.fy === undefined) continue;
      const v = row.value(c);
      item.cells[rowKey(`target:${c.fy}`, n)] = row.ref(c);
      if (v.kind !== 'blank') targets.push({ fy: c.fy, value: v });
    }
  }
  const actuals: YearValue[] = [];
  for (const c of row.columns('actual')) {
    const fy = fyOf(c);
    if (fy === undefined) continue;
    actuals.push({ fy, value: row.value(c) });
    item.cells[rowKey(yearKey('actual', fy), n)] = row.ref(c);
  }
  const baseline = baseCol ? row.value(baseCol) : undefined;
  const anyValue = [...targets.map((t) => t.value), ...actuals.map((a) => a.value), finalTarget?.value, baseline].some((v) => v !== undefined && v.kind !== 'blank');
  // An indicator is there when the row names one (「-」 names none) or carries a value for it.
  const named = indName !== '' && !DASH.test(indName.trim());
  if (!named && !anyValue) return undefined;
  const unitText = unitCol ? row.text('unit') : undefined;
  if (indCol && indName) item.cells[rowKey('indicator', n)] = row.ref(indCol);
  if (unitCol && unitText) item.cells[rowKey('unit', n)] = row.ref(unitCol);
  if (baseCol && baseline && baseline.kind !== 'blank') item.cells[rowKey('baseline', n)] = row.ref(baseCol);
  return buildIndicator({
    name: (ctx.spec.wrap === 'join' ? joinWrapped(indName) : indName) || item.name,
    ...(unitText !== undefined ? { unitText } : {}),
    ...(baseline ? { baseline: { value: baseline, ...(baseCol?.fy !== undefined ? { fy: baseCol.fy } : {}) } } : {}),
    targets,
    ...(finalTarget ? { finalTarget } : {}),
    actuals,
    ...(indCol && indName ? { cell: row.ref(indCol) } : item.cells.name ? { cell: item.cells.name } : {}),
  });
}

/** Texts of the fields a row carries for display (取組状況, 備考, 内容), by year where the column has one. */
function textsOf(row: RowView, ctx: BuildContext, notes: NoteMap, cells: CellMap): void {
  for (const field of ['status', 'note'] as const) {
    const byKey = new Map<string, string[]>();
    for (const c of row.columns(field)) {
      // The year's status is the report year's when undated; a 備考 is dated only by its own header.
      const fy = c.fy ?? (field === 'status' ? ctx.reportFy : undefined);
      const key: CellKey = fy !== undefined ? `${field}:${fy}` : field;
      cells[key] ??= row.ref(c);
      const t = row.view.text(row.row, c.col);
      if (t) byKey.set(key, [...(byKey.get(key) ?? []), t]);
    }
    for (const [k, ts] of byKey) notes[k as `${'status' | 'note'}:${number}`] = ts.join('\n');
  }
  for (const field of ['content', 'actions'] as const) {
    const texts = row.texts(field);
    const c = row.col(field);
    if (c) cells[field] = row.ref(c);
    if (texts.length) notes[field] = texts.join('\n');
  }
}

/** Two parts of one amount as one value: numbers in the same unit add up; a blank part adds nothing; anything else is left for the checks to name. */
function sumOfParts(a: ParsedValue, b: ParsedValue): ParsedValue {
  if (b.kind === 'blank') return a;
  if (a.kind === 'blank') return b;
  if (a.kind !== 'number' || b.kind !== 'number' || a.unit !== b.unit) return a.kind === 'number' ? b : a;
  return { ...a, raw: `${a.raw}+${b.raw}`, value: a.value + b.value, decimals: Math.max(a.decimals, b.decimals) };
}

const splitsOf = new WeakMap<TableMatch['ambiguous'], Map<Field, Set<number>>>();

/** The columns after the first of an amount split into parts (worked out once per table, not per row). */
function splitParts(table: TableMatch, field: Field): Set<number> {
  let m = splitsOf.get(table.ambiguous);
  if (!m) splitsOf.set(table.ambiguous, (m = new Map()));
  let set = m.get(field);
  if (!set) m.set(field, (set = new Set(table.ambiguous.filter((a) => a.split && a.field === field).flatMap((a) => a.cols.slice(1)))));
  return set;
}

export function buildItem(ir: ItemRow, ctx: BuildContext): Item {
  const { row } = ir;
  const view = row.view;
  const nameCol = row.col('name')!;
  const cells: CellMap = { name: row.ref(nameCol) };
  const notes: NoteMap = {};
  const flags: ItemFlag[] = [];

  const typed = row.text('name') || ir.carried.name || '';
  let name = ctx.spec.wrap === 'join' ? joinWrapped(typed) : typed;
  if (REPOST.test(name)) {
    flags.push('repost');
    name = name.replace(REPOST, ' ').trim();
  }
  if (CONTINUING.test(name)) {
    flags.push('continuing');
    name = name.replace(CONTINUING, ' ').trim();
  }

  const idCol = row.col('id');
  let id = idCol ? idText(row.text('id')) : '';
  if (idCol) cells.id = row.ref(idCol);
  // No number column, in a layout nobody configured (or saved from one): a code typed before the name (「1-1 事務事業の見直し」) is the number.
  const coded = !idCol && (ctx.spec.partial || ctx.layout === 'generic') ? LEADING_CODE.exec(name) : null;
  if (coded) {
    id = idText(coded[1].replace(/\s+/g, ''));
    name = name.slice(coded[0].length).trim();
  }
  if (!id) id = `${view.name}!${row.row + 1}`;

  const text = (f: 'policy' | 'group') => row.text(f) || ir.carried[f] || '';
  const policyCol = row.col('policy');
  const groupCol = row.col('group');
  if (policyCol) cells.policy = row.ref(policyCol);
  if (groupCol) cells.group = row.ref(groupCol);
  let policy = policyCol && text('policy') ? levelOf(text('policy')) : (ir.policy ?? NO_POLICY);
  // No 基本方針 column and no heading above it, in a layout nobody configured: the item's number says it
  // (1-2 and 1(2)③ are under 1), as on a form.
  const top = policy === NO_POLICY && (ctx.spec.partial || ctx.spec.policyFromId) && (idCol || coded) ? policyOfCode(idCol ? row.text('id') : id) : undefined;
  if (top) policy = { key: top, name: `基本方針${top}` };
  let group = groupCol && text('group') ? levelOf(text('group')) : ir.group;
  // Still no 基本方針, in a layout nobody configured: the group column (推進項目, 重点項目) is the plan's top level.
  if (policy === NO_POLICY && ctx.spec.partial && group && groupCol && text('group')) {
    policy = group;
    group = undefined;
  }

  const deptCols = row.columns('department');
  const deptCol = deptCols.find((c) => view.text(row.row, c.col) !== '') ?? deptCols[0];
  if (deptCol) cells.department = row.ref(deptCol);
  // A department written once over its rows (merged, or blank below) is carried down when the spec says so.
  const deptTexts = row.texts('department');
  // A table with no department column on a sheet named for one (総務課, 企画部 …): the sheet says whose items they are.
  const departments = deptCols.length === 0 && DEPARTMENT_SHEET.test(view.name) ? [view.name.trim()] : splitDepartments((deptTexts.length ? deptTexts : ir.carried.department ? [ir.carried.department] : []).join(' '));

  const item: Item = {
    id,
    policyKey: policy.key,
    policyName: policy.name,
    ...(group ? { groupKey: group.key, groupName: group.name } : {}),
    name,
    departments,
    indicators: [],
    ...(ctx.reportFy !== undefined ? { reportFy: ctx.reportFy } : {}),
    flags,
    cells,
    source: { layout: ctx.layout, sheet: view.name, row: row.row },
  };

  const roles = ctx.roles !== undefined ? roleRows(ir, ctx.roles) : undefined;
  const byRole = roles && readRoleRows(roles, item, ctx.reportFy, row.col('indicator') ? row.text('indicator') : '');
  if (byRole?.indicator) item.indicators.push(byRole.indicator);
  if (ctx.spec.continuation !== 'rows' && !roles) {
    const first = indicatorFrom(row, 0, item, ctx);
    if (first) item.indicators.push(first);
  }
  if (ctx.spec.continuation === 'indicator') {
    for (const more of ir.more) {
      if (more === roles?.planned || more === roles?.actual) continue;
      const next = indicatorFrom(more, item.indicators.length, item, ctx);
      if (next) item.indicators.push(next);
    }
  }

  const effectCells: EffectCell[] = byRole ? byRole.effects : [];
  let unit: string | undefined = byRole ? (ctx.spec.amountUnit ?? byRole.unit) : undefined;
  for (const [field, kind] of byRole ? [] : ([['effectPlanned', 'planned'], ['effectActual', 'actual']] as const)) {
    // An amount split into parts under its header (歳入 | 歳出) is their sum, pointed at by its first part's cell.
    const split = splitParts(row.table, field);
    for (const c of row.columns(field)) {
      const fy = c.fy ?? ctx.reportFy;
      if (fy === undefined) continue;
      unit ??= ctx.spec.amountUnit ?? c.unit ?? fieldRule(ctx.spec, field)?.unit;
      const value = row.value(c);
      // Two columns of one year's amount otherwise: the first is read, as LAY007 says.
      const first = effectCells.find((e) => e.kind === kind && e.fy === fy);
      if (first) {
        if (split.has(c.col)) first.value = sumOfParts(first.value, value);
        continue;
      }
      effectCells.push({ fy, kind, value });
      cells[yearKey(field, fy)] = row.ref(c);
    }
  }
  const effects = buildEffects(effectCells, unit ?? ctx.spec.effectUnit);
  if (effects) item.effects = effects;

  const ratingCols = row.columns('rating');
  const ratingCol = pickForYear(ratingCols, ctx.reportFy);
  for (const c of ratingCols) {
    const fy = c.fy ?? ctx.reportFy;
    if (fy !== undefined) cells[yearKey('rating', fy)] = row.ref(c);
  }
  if (ratingCol) {
    // Rated on the result row when the plan row (the item's first) leaves the rating blank.
    const rated = roles && view.text(row.row, ratingCol.col) === '' && view.text(roles.actual.row, ratingCol.col) !== '' ? roles.actual : row;
    const at = rated.ref(ratingCol);
    item.ratingCell = at;
    cells.rating = at;
    const r = ratingOf(view.value(rated.row, ratingCol.col), at, ctx.scale);
    if (r.rating) item.rating = r.rating;
    if (r.unread) notes.rating = r.unread;
  }

  textsOf(row, ctx, notes, cells);
  // A 備考 that only says the row is a repeat (再掲, 1-2の再掲) marks it as the name's 【再掲】 would.
  if (!flags.includes('repost') && Object.entries(notes).some(([k, t]) => (k === 'note' || k.startsWith('note:')) && t !== undefined && REPOST_NOTE.test(t))) flags.push('repost');
  const rows = [row, ...(ctx.spec.continuation === 'rows' ? ir.more : [])];
  // A table of plan and result rows holds values in its year columns, not a schedule (read above).
  for (const c of byRole ? [] : row.columns('schedule')) {
    if (c.fy === undefined || (ctx.spec.yearColumns === 'target' && item.cells[`target:${c.fy}`])) continue;
    cells[`schedule:${c.fy}`] = row.ref(c);
    const texts = rows.map((r) => view.text(r.row, c.col)).filter((t) => t !== '');
    if (texts.length) notes[`plan:${c.fy}`] = texts.join(' / ');
  }
  const classes: Record<string, string> = {};
  for (const c of row.table.columns) {
    if (!c.axis) continue;
    cells[`class:${c.axis}`] = row.ref(c);
    const t = view.text(row.row, c.col);
    if (t) classes[c.axis] = t;
  }
  if (Object.keys(classes).length) item.classes = classes;
  if (Object.keys(notes).length) item.notes = notes;
  return item;
}
