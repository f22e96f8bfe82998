import { toA1 } from '../grid/a1';
import type { CellRef } from '../grid/types';
import type { CellKey } from '../model/keys';
import type { Item } from '../model/plan';
import { formatNumber } from '../rules/format';
import type { ParsedValue } from '../values/types';

/** How findings name an item: its number and name as staff know it, on one line (a name typed over two lines in its cell is joined). */
export const itemLabel = (item: Pick<Item, 'id' | 'name'>): string =>
  item.name ? `${item.id} ${item.name.includes('\n') || item.name.includes('\r') ? item.name.replace(/\s*[\r\n]+\s*/g, ' ') : item.name}` : item.id;

/**
 * A value as a finding quotes it: as typed, except that a number the host delivered as a number
 * (60004) is shown grouped the way the cell displays it (60,004).
 */
export function shown(v: ParsedValue): string {
  return v.kind === 'number' && /^-?\d+(?:\.\d+)?$/.test(v.raw) ? formatNumber(v.value) : v.raw;
}

/** The cell to point at: the value's own cell, else the first key the item has, else its first cell. */
export function where(item: Item, value: ParsedValue | undefined, ...keys: CellKey[]): CellRef {
  if (value?.cell) return value.cell;
  for (const k of keys) {
    const ref = item.cells[k];
    if (ref) return ref;
  }
  return item.cells.name ?? { sheet: item.source.sheet, address: toA1(item.source.row, 0) };
}
