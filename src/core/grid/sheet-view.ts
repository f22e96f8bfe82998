import { toA1 } from './a1';
import type { CellRef, CellValue, Range, SheetGrid } from './types';

/**
 * Read helpers over one sheet grid that every layout reader needs: merge-aware lookups, text
 * normalised for header matching, and cell references for findings.
 */
export class SheetView {
  readonly name: string;
  readonly rowCount: number;
  readonly colCount: number;
  private readonly mergeOf = new Map<number, Range>();
  // Readers ask for the same cells' text many times (detection by every layout, then reading).
  private readonly textCache: (string | undefined)[][] = [];

  constructor(readonly grid: SheetGrid) {
    this.name = grid.name;
    this.rowCount = grid.values.length;
    // Rows may be absent (sparse grids; null once a grid went through JSON): they count as empty.
    this.colCount = grid.values.reduce((m, r) => Math.max(m, r ? r.length : 0), 0);
    for (const m of grid.merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) this.mergeOf.set(key(r, c), m);
      }
    }
  }

  /** The value stored in this very cell (null inside a merge, except at its top-left). */
  raw(row: number, col: number): CellValue {
    const r = this.grid.values[row];
    if (!r) return null;
    const v = r[col];
    return v === undefined ? null : v;
  }

  /** The value shown in this cell: a merged area shows its top-left value in every cell. */
  value(row: number, col: number): CellValue {
    if (this.mergeOf.size === 0) return this.raw(row, col);
    const m = this.mergeOf.get(key(row, col));
    return m ? this.raw(m.top, m.left) : this.raw(row, col);
  }

  /** Shown value as trimmed text ('' for empty). Numbers are rendered without grouping. */
  text(row: number, col: number): string {
    if (row < 0 || col < 0) return '';
    const r = (this.textCache[row] ??= []);
    let t = r[col];
    if (t === undefined) {
      t = cellText(this.value(row, col));
      r[col] = t;
    }
    return t;
  }

  merge(row: number, col: number): Range | undefined {
    return this.mergeOf.get(key(row, col));
  }

  /** True when the cell is part of a merge but not its top-left, i.e. not separately writable. */
  isMergeFollower(row: number, col: number): boolean {
    const m = this.mergeOf.get(key(row, col));
    return !!m && (m.top !== row || m.left !== col);
  }

  formula(row: number, col: number): string | null {
    return this.grid.formulas?.[row]?.[col] ?? null;
  }

  ref(row: number, col: number): CellRef {
    return { sheet: this.name, address: toA1(row, col) };
  }

  /** The texts a row shows in its own cells (merge followers skipped), blanks dropped: what a heading row says. */
  rowTexts(row: number): string[] {
    const out: string[] = [];
    for (let c = 0; c < this.colCount; c++) {
      if (this.isMergeFollower(row, c)) continue;
      const t = cellText(this.raw(row, c));
      if (t) out.push(t);
    }
    return out;
  }

  /** First column right of everything these rows show: where columns added to a table can go. */
  firstFreeColumn(rows: Iterable<number>): number {
    let right = -1;
    for (const r of rows) {
      for (let c = this.colCount - 1; c > right; c--) {
        if (this.text(r, c) !== '') {
          right = c;
          break;
        }
      }
    }
    return right + 1;
  }

  isRowEmpty(row: number): boolean {
    for (let c = 0; c < this.colCount; c++) if (this.text(row, c) !== '') return false;
    return true;
  }
}

/** Excel's column limit is 16,384, so this packs (row, col) into one number without collisions. */
function key(row: number, col: number): number {
  return row * 16384 + col;
}

export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v.trim();
}

/**
 * Header-matching key: NFKC, all white space removed (justified labels like 「合 計」 and line
 * breaks inside header cells), brackets unified, so `【取組番号】`, `（取組番号）` and ` 取組番号 ` compare equal.
 */
const headerKeys = new Map<string, string>();

export function headerKey(s: string): string {
  const hit = headerKeys.get(s);
  if (hit !== undefined) return hit;
  const k = computeHeaderKey(s);
  // Header texts repeat across sheets and readers; cell texts do not, so keep the memo bounded.
  if (headerKeys.size > 50000) headerKeys.clear();
  headerKeys.set(s, k);
  return k;
}

function computeHeaderKey(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[【〔［[（(「『<＜〈《]/g, '(')
    .replace(/[】〕］\]）)」』>＞〉》]/g, ')')
    .replace(/[・･]/g, '・')
    .toLowerCase();
}
