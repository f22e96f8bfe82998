import { columnIndex, rangeToA1 } from '../core/grid/a1';
import type { Range } from '../core/grid/types';
import { StandInError } from './errors';

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** Excel quotes a sheet name in an address when it holds anything but letters, digits, '_' and '.'. */
export function quoteSheet(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function qualified(sheet: string, r: Range): string {
  return `${quoteSheet(sheet)}!${rangeToA1(r)}`;
}

/** 'A1', 'A1:C3', 'A:C', '2:5', optionally prefixed with 'Sheet!' → 0-based rectangle. */
export function parseAddress(address: string): Range {
  const bang = address.lastIndexOf('!');
  const ref = (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, '').trim().toUpperCase();
  const parts = ref.split(':');
  const bad = () => new StandInError('InvalidArgument', `The address '${address}' is not valid.`, 'Worksheet.getRange');
  if (parts.length > 2 || parts[0] === '') throw bad();
  const cells = parts.map((p) => {
    let m = /^([A-Z]{1,3})(\d+)$/.exec(p);
    if (m) return { row: Number(m[2]) - 1, col: columnIndex(m[1]), kind: 'cell' as const };
    m = /^([A-Z]{1,3})$/.exec(p);
    if (m) return { row: -1, col: columnIndex(m[1]), kind: 'col' as const };
    m = /^(\d+)$/.exec(p);
    if (m) return { row: Number(m[1]) - 1, col: -1, kind: 'row' as const };
    throw bad();
  });
  const [a, b] = cells.length === 2 ? cells : [cells[0], cells[0]];
  if (a.kind !== b.kind || (cells.length === 1 && a.kind !== 'cell')) throw bad();
  if (a.row >= MAX_ROWS || b.row >= MAX_ROWS || a.col >= MAX_COLS || b.col >= MAX_COLS || a.row < -1 || b.row < -1) throw bad();
  if (a.kind === 'col') return { top: 0, bottom: MAX_ROWS - 1, left: Math.min(a.col, b.col), right: Math.max(a.col, b.col) };
  if (a.kind === 'row') return { left: 0, right: MAX_COLS - 1, top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row) };
  return {
    top: Math.min(a.row, b.row),
    bottom: Math.max(a.row, b.row),
    left: Math.min(a.col, b.col),
    right: Math.max(a.col, b.col),
  };
}
