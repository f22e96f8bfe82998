/** Conversions between 0-based (row, col) and A1 addresses. */

export function columnName(col: number): string {
  if (!Number.isInteger(col) || col < 0) throw new RangeError(`bad column index ${col}`);
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(name: string): number {
  if (!/^[A-Z]+$/i.test(name)) throw new RangeError(`bad column name ${name}`);
  let n = 0;
  for (const ch of name.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function toA1(row: number, col: number): string {
  if (!Number.isInteger(row) || row < 0) throw new RangeError(`bad row index ${row}`);
  return `${columnName(col)}${row + 1}`;
}

export function fromA1(address: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(address.trim());
  if (!m) throw new RangeError(`bad A1 address ${address}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** 'A1:C3' → inclusive 0-based range; a single address is a 1×1 range. */
export function rangeFromA1(ref: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b] = ref.split(':');
  const p = fromA1(a);
  const q = b ? fromA1(b) : p;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

export function rangeToA1(r: { top: number; left: number; bottom: number; right: number }): string {
  const a = toA1(r.top, r.left);
  const b = toA1(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}
