import { toA1 } from './a1';
import type { CellRef, CellValue, Range, SheetGrid } from './types';

/** XFD, Excel's last column (0-based). */
const LAST_COL = 16383;

/**
 * Read helpers over one sheet grid that every layout reader needs: merge-aware lookups, text
 * normalised for header matching, and cell references for findings.
 */
export class SheetView {
  readonly name: string;
  readonly rowCount: number;
  readonly colCount: number;
  private readonly mergeOf: Map<number, Range>;
  // Readers ask for the same cells' text many times (detection, then reading).
  private readonly textCache: (string | undefined)[][];
  private readonly cellsCache: ({ col: number; text: string }[] | undefined)[];
  // An item points at the same cells from several places (its rating cell, its year's rating, a finding): one reference each.
  private readonly refCache: (CellRef | undefined)[][];
  /** Merges that run down into a row from above it, by row. */
  private readonly continuing: Map<number, Range[]>;

  /**
   * `after`: a view of the sheet before a few of its cells were edited (same merges, every other
   * cell the same): what it worked out for rows no edited cell shows in is kept, so a view after an
   * edit costs the edited rows, not the sheet. A merged cell shows in every row of its merge.
   */
  constructor(
    readonly grid: SheetGrid,
    after?: { view: SheetView; cells: Iterable<{ row: number; col: number }> },
  ) {
    this.name = grid.name;
    this.rowCount = grid.values.length;
    // Rows may be absent (sparse grids; null once a grid went through JSON): they count as empty.
    this.colCount = grid.values.reduce((m, r) => Math.max(m, r ? r.length : 0), 0);
    if (after && after.view.grid.merges === grid.merges && after.view.name === grid.name) {
      this.mergeOf = after.view.mergeOf;
      this.continuing = after.view.continuing;
      this.textCache = after.view.textCache.slice();
      this.cellsCache = after.view.cellsCache.slice();
      // A reference names the sheet and the cell, whatever it holds.
      this.refCache = after.view.refCache;
      for (const { row, col } of after.cells) {
        const m = this.mergeOf.get(key(row, col));
        for (let r = m ? m.top : row; r <= (m ? m.bottom : row); r++) {
          this.textCache[r] = [];
          this.cellsCache[r] = undefined;
        }
      }
      return;
    }
    this.mergeOf = new Map();
    this.textCache = [];
    this.cellsCache = [];
    this.refCache = [];
    this.continuing = new Map();
    for (const m of grid.merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) this.mergeOf.set(key(r, c), m);
        if (r > m.top) {
          const list = this.continuing.get(r);
          if (list) list.push(m);
          else this.continuing.set(r, [m]);
        }
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

  /** The cell's reference; the same object each time it is asked for (references are never changed). */
  ref(row: number, col: number): CellRef {
    if (row < 0 || col < 0) return { sheet: this.name, address: toA1(row, col) };
    const r = (this.refCache[row] ??= []);
    return (r[col] ??= { sheet: this.name, address: toA1(row, col) });
  }

  /**
   * The cells a row holds text in, left to right, each merge once (at its top-left, or at the row's
   * first cell of a merge running down into it). Costs what the row holds, not the sheet's width:
   * a stray cell far out does not make every row long.
   */
  rowCells(row: number): { col: number; text: string }[] {
    let hit = this.cellsCache[row];
    if (hit) return hit;
    hit = [];
    const values = this.grid.values[row] ?? [];
    for (let c = 0; c < values.length; c++) {
      const v = values[c];
      if (v === null || v === undefined || this.isMergeFollower(row, c)) continue;
      const t = cellText(v);
      if (t !== '') hit.push({ col: c, text: t });
    }
    // Merges running down into this row show their top-left value here too.
    const down = this.continuing.get(row);
    if (down) {
      for (const m of down) {
        const t = cellText(this.raw(m.top, m.left));
        if (t !== '') hit.push({ col: m.left, text: t });
      }
      hit.sort((a, b) => a.col - b.col);
    }
    this.cellsCache[row] = hit;
    return hit;
  }

  /** The texts a row shows in its own cells (merge followers skipped), blanks dropped: what a heading row says. */
  rowTexts(row: number): string[] {
    const out: string[] = [];
    const values = this.grid.values[row] ?? [];
    for (let c = 0; c < values.length; c++) {
      if (values[c] === null || values[c] === undefined || this.isMergeFollower(row, c)) continue;
      const t = cellText(values[c]);
      if (t) out.push(t);
    }
    return out;
  }

  /**
   * First column right of everything these rows show, merges included: where columns added to a
   * table go. The `width` columns from there hold no input rule on these rows either (staff keep a
   * 確認 list ready in a blank column); a rule on whole rows (to the last column) reserves none.
   */
  firstFreeColumn(rows: Iterable<number>, width = 1): number {
    let right = -1;
    for (const r of rows) {
      const values = this.grid.values[r] ?? [];
      for (let c = values.length - 1; c > right; c--) {
        if (cellText(values[c] ?? null) !== '') {
          right = c;
          break;
        }
      }
    }
    // A merged cell reaching past the last text (a wide header or note) takes its columns too.
    if (this.grid.merges.length) {
      const set = rows instanceof Set ? rows : new Set(rows);
      for (const m of this.grid.merges) {
        if (m.right <= right) continue;
        for (let r = m.top; r <= m.bottom; r++) {
          if (set.has(r)) {
            right = m.right;
            break;
          }
        }
      }
    }
    const ruled = (this.grid.ruled ?? []).filter((g) => g.right < LAST_COL);
    if (ruled.length) {
      const list = [...(rows as Iterable<number>)];
      // Rules may sit side by side (N, then O): each one met may uncover the next.
      for (let moved = true; moved; ) {
        moved = false;
        for (const g of ruled) {
          if (g.right > right && g.left <= right + width && list.some((r) => r >= g.top && r <= g.bottom)) {
            right = g.right;
            moved = true;
          }
        }
      }
    }
    return right + 1;
  }

  isRowEmpty(row: number): boolean {
    const values = this.grid.values[row];
    if (values) for (let c = 0; c < values.length; c++) if (cellText(values[c] ?? null) !== '') return false;
    // A merge running down into the row from above shows text here too.
    const down = this.continuing.get(row);
    return !down || down.every((m) => cellText(this.raw(m.top, m.left)) === '');
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
