import { normalizeWidth } from '../../values';
import type { CellMap, Indicator, YearValue } from '../../model/plan';
import { rowKey } from '../../model/keys';
import type { SheetView } from '../../grid/sheet-view';
import type { TableColumn } from './find-table';
import { buildIndicator, type EffectCell } from './item';
import type { ItemRow, RowView, TableWalk } from './rows';

/**
 * Items written on two rows, told apart by a column (区分: 目標 over 実績, 計画 over 実績, 見込 over
 * 実績; 上段：計画 下段：実績): each value column holds the plan on one row and the result on the other.
 * Found by the values of the column, never by its header, so 区分 or 項目 or a blank header serve alike.
 */

export type Role = 'planned' | 'actual';

const PLANNED = new Set(['目標', '計画', '見込', '見込み', '予定', '当初', '当初計画', '目標値', '計画値', '見込値', '見込額', '計画額', '目標額', '予定額', '効果見込額', '見込効果額']);
const ACTUAL = new Set(['実績', '実績値', '実績額', '結果', '決算', '効果実績額', '実績効果額']);

/** The role a cell's text gives its row: 目標, 計画（上段）, ［実績］ … */
export function roleOf(text: string): Role | undefined {
  const t = normalizeWidth(text)
    .replace(/[\s\u3000]/g, '')
    .replace(/^[(（［[【〔<＜](.*)[)）］\]】〕>＞]$/, '$1')
    .replace(/[(（［[【〔].*?[)）］\]】〕]/g, '')
    .replace(/^(?:上段|下段)[:：]?/, '');
  if (PLANNED.has(t)) return 'planned';
  if (ACTUAL.has(t)) return 'actual';
  return undefined;
}

/** An item's plan row and result row, when its rows carry both roles in column `col`. */
export function roleRows(ir: ItemRow, col: number): { planned: RowView; actual: RowView } | undefined {
  let planned: RowView | undefined;
  let actual: RowView | undefined;
  for (const r of [ir.row, ...ir.more]) {
    const role = roleOf(r.view.text(r.row, col));
    if (role === 'planned') planned ??= r;
    else if (role === 'actual') actual ??= r;
  }
  return planned && actual ? { planned, actual } : undefined;
}

/** Fields a role column cannot be: what names, numbers, rates or places an item, and amounts. */
const NEVER_ROLES = new Set<TableColumn['field']>(['name', 'id', 'rating', 'department', 'effectPlanned', 'effectActual']);

/** An item whose one row is the plan row, followed by an item of the same name whose row is the result row: one item typed twice. */
function splitPair(view: SheetView, nameCol: number, col: number, a: ItemRow, b: ItemRow | undefined): boolean {
  if (!b || a.more.length || roleOf(view.text(a.row.row, col)) !== 'planned' || roleOf(view.text(b.row.row, col)) !== 'actual') return false;
  return view.text(a.row.row, nameCol) === view.text(b.row.row, nameCol);
}

/**
 * The column whose values split the table's items into plan and result rows: most items (and at
 * least one) have a row of each, and its cells hold nothing but role words. An item whose name is
 * typed again on its result row counts as one item.
 */
export function findRoleColumn(view: SheetView, tw: TableWalk): { column: TableColumn; planned: string; actual: string } | undefined {
  const nameCol = tw.table.columns.find((c) => c.field === 'name')?.col;
  if (tw.items.length === 0 || nameCol === undefined) return undefined;
  for (const c of tw.table.columns) {
    if (NEVER_ROLES.has(c.field) || c.owned || c.axis || c.col === nameCol) continue;
    let both = 0;
    let items = 0;
    let other = 0;
    const words: Record<Role, string | undefined> = { planned: undefined, actual: undefined };
    for (const ir of tw.items) {
      for (const r of [ir.row, ...ir.more]) {
        const t = view.text(r.row, c.col);
        if (!t) continue;
        const role = roleOf(t);
        if (!role) other++;
        else words[role] ??= t;
      }
      if (other) break;
    }
    if (other || !words.planned || !words.actual) continue;
    for (let i = 0; i < tw.items.length; i++) {
      items++;
      if (roleRows(tw.items[i], c.col)) both++;
      else if (splitPair(view, nameCol, c.col, tw.items[i], tw.items[i + 1])) {
        both++;
        i++;
      }
    }
    if (both > 0 && both >= items * 0.6) return { column: c, planned: words.planned, actual: words.actual };
  }
  return undefined;
}

/** Items typed twice, on their plan row and again on their result row, made one item of two rows. */
export function joinSplitItems(view: SheetView, tw: TableWalk, col: number): void {
  const nameCol = tw.table.columns.find((c) => c.field === 'name')!.col;
  const out: ItemRow[] = [];
  for (let i = 0; i < tw.items.length; i++) {
    const a = tw.items[i];
    const b = tw.items[i + 1];
    if (splitPair(view, nameCol, col, a, b)) {
      out.push({ ...a, more: [b.row, ...b.more] });
      i++;
    } else out.push(a);
  }
  tw.items.splice(0, tw.items.length, ...out);
}

/** Whether a column's values are money: an effect column, or one whose header or group states a money unit or 効果額. */
function isAmount(c: TableColumn): boolean {
  if (c.field === 'effectPlanned' || c.field === 'effectActual') return true;
  return c.unit !== undefined || /効果|金額|[千百万億]?円/.test(`${c.group ?? ''}${c.label}`);
}

/** The columns read by role: values of a year, an effect, a target or an actual. */
function valueColumns(row: RowView): TableColumn[] {
  return [...row.columns('target'), ...row.columns('actual'), ...row.columns('effectPlanned'), ...row.columns('effectActual'), ...row.columns('schedule'), ...row.columns('ignore').filter((c) => c.yearOnly)];
}

/**
 * What an item's plan and result rows hold: each amount column's plan and result as the planned and
 * achieved effect of its year; each other value column's as the indicator's target and actual.
 */
export function readRoleRows(
  rows: { planned: RowView; actual: RowView },
  item: { name: string; cells: CellMap },
  reportFy: number | undefined,
  indicatorName: string,
): { indicator?: Indicator; effects: EffectCell[]; unit?: string } {
  const effects: EffectCell[] = [];
  const targets: YearValue[] = [];
  const actuals: YearValue[] = [];
  let unit: string | undefined;
  for (const c of valueColumns(rows.planned)) {
    const fy = c.fy ?? reportFy;
    if (fy === undefined) continue;
    const plan = rows.planned.value(c);
    const result = rows.actual.value(c);
    if (isAmount(c)) {
      unit ??= c.unit;
      effects.push({ fy, kind: 'planned', value: plan }, { fy, kind: 'actual', value: result });
      item.cells[`effectPlanned:${fy}`] = rows.planned.ref(c);
      item.cells[`effectActual:${fy}`] = rows.actual.ref(c);
      continue;
    }
    if (targets.some((t) => t.fy === fy)) continue;
    targets.push({ fy, value: plan });
    actuals.push({ fy, value: result });
    item.cells[rowKey(`target:${fy}`, 0)] = rows.planned.ref(c);
    item.cells[rowKey(`actual:${fy}`, 0)] = rows.actual.ref(c);
  }
  const typed = [...targets, ...actuals].some((v) => v.value.kind !== 'blank');
  if (!typed) return { effects, ...(unit ? { unit } : {}) };
  return {
    indicator: buildIndicator({ name: indicatorName || item.name, targets, actuals, ...(item.cells.name ? { cell: item.cells.name } : {}) }),
    effects,
    ...(unit ? { unit } : {}),
  };
}
