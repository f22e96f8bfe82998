import type { CellValue, Range as Rect, SheetGrid, WorkbookGrid } from '../../core/grid/types';
import { PAYLOAD_CODES } from './batches';
import { errorCode } from './errors';
import { ACTION_BYTES, batchBySize, DEFAULT_REQUEST_BUDGET, PATH_BYTES } from './request-size';
import { trimGrid } from './trim';
import { worksheet } from './proxies';

/**
 * Reads every sheet in a few syncs whatever its size: (1) sheet list, (2) used ranges and protection,
 * (3) one sync per batch of row chunks loading `formulas` — which carries constants as well, so
 * values are not loaded twice — (4) one sync loading `values` only where a formula sits, and (5)
 * merged areas in pieces of at most 1,024 cells (Excel answers for at most 512 areas per call). A
 * batch is sized from its cell count so its response stays well under Excel on the web's 5 MB; if
 * Excel still refuses it (long text), the batch is split and retried.
 */
export interface ReadBudget {
  /** Assumed response bytes per cell (JSON, UTF-8; a short Japanese text is ~20–30). */
  bytesPerCell: number;
  /** Estimated response bytes allowed per sync. */
  maxBatchBytes: number;
  /** Rows per range request. */
  maxRowsPerChunk: number;
  /** Split and retry a batch Excel refused for its size (halving, this many times at most). */
  retrySplits: number;
  /** Estimated request bytes per sync (merged-area queries are many small requests). */
  requestBudget: number;
}

export const DEFAULT_READ_BUDGET: ReadBudget = {
  bytesPerCell: 24,
  maxBatchBytes: 3_000_000,
  maxRowsPerChunk: 5_000,
  retrySplits: 6,
  requestBudget: DEFAULT_REQUEST_BUDGET,
};

export interface SheetMeta {
  name: string;
  /** Excel's worksheet id: what change events name a sheet by. */
  id: string;
  visibility: SheetGrid['visibility'];
  protected: boolean;
  /** Values-only used range, null for an empty sheet. */
  used: Rect | null;
}

interface Chunk {
  sheet: number;
  rect: Rect;
}

const VIS: Record<string, SheetGrid['visibility']> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };

const rectOf = (r: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }): Rect => ({
  top: r.rowIndex,
  left: r.columnIndex,
  bottom: r.rowIndex + r.rowCount - 1,
  right: r.columnIndex + r.columnCount - 1,
});

const cells = (r: Rect) => (r.bottom - r.top + 1) * (r.right - r.left + 1);

/** Range.getMergedAreasOrNullObject answers for at most 512 merged areas; each area has ≥ 2 cells. */
export const MAX_MERGED_AREAS = 512;
/** Request bytes of one merged-areas query (range path, method path, areas path, load). */
const MERGE_QUERY_BYTES = 4 * PATH_BYTES + ACTION_BYTES + 60;

/** Pieces of `area` of at most 2 × 512 cells: whatever its merges, Excel can list each piece's. */
export function mergePieces(sheet: number, area: Rect): { sheet: number; rect: Rect }[] {
  const width = area.right - area.left + 1;
  const maxCells = 2 * MAX_MERGED_AREAS;
  const out: { sheet: number; rect: Rect }[] = [];
  if (width <= maxCells) {
    const rows = Math.max(1, Math.floor(maxCells / width));
    for (let top = area.top; top <= area.bottom; top += rows) out.push({ sheet, rect: { ...area, top, bottom: Math.min(area.bottom, top + rows - 1) } });
    return out;
  }
  for (let r = area.top; r <= area.bottom; r++) {
    for (let left = area.left; left <= area.right; left += maxCells) out.push({ sheet, rect: { top: r, bottom: r, left, right: Math.min(area.right, left + maxCells - 1) } });
  }
  return out;
}

/** Row blocks of at most maxRows rows and maxBatchBytes (estimated) each. */
export function chunkRows(sheet: number, used: Rect, budget: ReadBudget): Chunk[] {
  const width = used.right - used.left + 1;
  const byBytes = Math.max(1, Math.floor(budget.maxBatchBytes / (budget.bytesPerCell * width)));
  const step = Math.max(1, Math.min(budget.maxRowsPerChunk, byBytes));
  const out: Chunk[] = [];
  for (let top = used.top; top <= used.bottom; top += step) {
    out.push({ sheet, rect: { top, left: used.left, right: used.right, bottom: Math.min(used.bottom, top + step - 1) } });
  }
  return out;
}

/** Consecutive chunks grouped so each group's estimate fits maxBatchBytes. */
export function batchChunks<T extends { rect: Rect }>(chunks: T[], budget: ReadBudget): T[][] {
  return batchBySize(chunks, (c) => cells(c.rect) * budget.bytesPerCell, budget.maxBatchBytes);
}

/**
 * Loads one property of every chunk, one sync per batch; a batch refused for its size is halved
 * (a lone chunk is split by rows) and retried.
 */
async function loadChunks(
  context: Excel.RequestContext,
  chunks: Chunk[],
  names: string[],
  prop: 'formulas' | 'values',
  budget: ReadBudget,
  onSync: () => void,
): Promise<Map<Chunk, unknown[][]>> {
  const out = new Map<Chunk, unknown[][]>();
  const run = async (batch: Chunk[], splitsLeft: number): Promise<void> => {
    const ranges = batch.map((c) =>
      worksheet(context, names[c.sheet])
        .getRangeByIndexes(c.rect.top, c.rect.left, c.rect.bottom - c.rect.top + 1, c.rect.right - c.rect.left + 1)
        .load(prop),
    );
    try {
      await context.sync();
      onSync();
    } catch (e) {
      if (!PAYLOAD_CODES.has(errorCode(e) ?? '') || splitsLeft <= 0) throw e;
      onSync();
      let halves: Chunk[][];
      if (batch.length > 1) {
        const mid = Math.ceil(batch.length / 2);
        halves = [batch.slice(0, mid), batch.slice(mid)];
      } else {
        const c = batch[0];
        if (c.rect.top === c.rect.bottom) throw e;
        const mid = c.rect.top + Math.floor((c.rect.bottom - c.rect.top) / 2);
        // The halves replace the chunk: the caller finds its data under the split chunks.
        const a: Chunk = { sheet: c.sheet, rect: { ...c.rect, bottom: mid } };
        const b: Chunk = { sheet: c.sheet, rect: { ...c.rect, top: mid + 1 } };
        chunks.splice(chunks.indexOf(c), 1, a, b);
        halves = [[a], [b]];
      }
      for (const h of halves) await run(h, splitsLeft - 1);
      return;
    }
    batch.forEach((c, i) => out.set(c, ranges[i][prop] as unknown[][]));
  };
  for (const b of batchChunks(chunks.slice(), budget)) await run(b, budget.retrySplits);
  return out;
}

export interface ReadOptions {
  budget?: ReadBudget;
  /** ExcelApi 1.13: merged areas; without it, merges are not reported. */
  mergedAreas: boolean;
  progress?: (done: number, total: number) => void;
  /** Told the sheets as this read found them (name, visibility, protection, used range). */
  onSheets?: (metas: SheetMeta[]) => void;
  /** Only the sheets this chooses are read (the grid has only them); every sheet by default. */
  pick?: (meta: SheetMeta) => boolean;
}

/**
 * Syncs 1–2 of every read: which sheets exist (sync 1), then each one's used range (values only)
 * and protection (sync 2), where `more` can queue what else it needs of the sheets.
 */
export async function loadSheetMetas(
  context: Excel.RequestContext,
  more?: (items: Excel.Worksheet[]) => void,
  tick?: () => void,
): Promise<{ items: Excel.Worksheet[]; metas: SheetMeta[] }> {
  const sheets = context.workbook.worksheets.load('items/name,items/visibility,items/id');
  await context.sync();
  tick?.();
  const items = sheets.items;
  const used = items.map((ws) => ws.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount'));
  for (const ws of items) ws.protection.load('protected');
  more?.(items);
  await context.sync();
  tick?.();
  const metas = items.map((ws, i) => ({
    name: ws.name,
    id: ws.id,
    visibility: VIS[ws.visibility as string] ?? 'visible',
    protected: ws.protection.protected,
    used: used[i].isNullObject ? null : rectOf(used[i]),
  }));
  return { items, metas };
}

export async function readWorkbook(context: Excel.RequestContext, opts: ReadOptions): Promise<WorkbookGrid> {
  const budget = opts.budget ?? DEFAULT_READ_BUDGET;
  let done = 0;
  let total = 4;
  const tick = () => opts.progress?.(++done, Math.max(total, done));

  const wb = context.workbook;
  wb.load('name');
  // With the sheets' used ranges, the full used range too: merged areas are asked in row blocks of it.
  let full: Excel.Range[] = [];
  const { items, metas } = await loadSheetMetas(context, (items) => {
    full = items.map((ws) => ws.getUsedRangeOrNullObject(false).load('rowIndex,columnIndex,rowCount,columnCount'));
  }, tick);
  opts.onSheets?.(metas);
  const names = metas.map((m) => m.name);
  const picked = metas.map((m) => !opts.pick || opts.pick(m));

  // Syncs 3…: formulas (constants included) by row chunks.
  const chunks = metas.flatMap((m, i) => (m.used && picked[i] ? chunkRows(i, m.used, budget) : []));
  total = 2 + batchChunks(chunks.slice(), budget).length + 1;
  const formulas = await loadChunks(context, chunks, names, 'formulas', budget, tick);

  // Last sync: values of formula cells, per chunk only the box around them.
  const follow: Chunk[] = [];
  for (const c of chunks) {
    const f = formulas.get(c)!;
    let box: Rect | null = null;
    f.forEach((row, i) =>
      row.forEach((x, j) => {
        if (typeof x !== 'string' || !x.startsWith('=')) return;
        const r = c.rect.top + i;
        const col = c.rect.left + j;
        box = box
          ? { top: Math.min(box.top, r), left: Math.min(box.left, col), bottom: Math.max(box.bottom, r), right: Math.max(box.right, col) }
          : { top: r, left: col, bottom: r, right: col };
      }),
    );
    if (box) {
      const fc: Chunk = { sheet: c.sheet, rect: box };
      follow.push(fc);
    }
  }
  let values = new Map<Chunk, unknown[][]>();
  if (follow.length) values = await loadChunks(context, follow, names, 'values', budget, tick);

  // Merged areas, in pieces Excel can answer: getMergedAreasOrNullObject fails above 512 areas, and
  // a merged area covers at least two cells, so a piece of at most 1,024 cells is always safe. Only
  // the rows and columns holding values are asked (an area whose top-left lies beyond them is empty).
  const merges: Rect[][] = metas.map(() => []);
  if (opts.mergedAreas) {
    const pieces: { sheet: number; rect: Rect }[] = [];
    metas.forEach((m, i) => {
      const f = full[i];
      if (!m.used || !picked[i] || f.isNullObject) return;
      const area: Rect = { top: f.rowIndex, left: f.columnIndex, bottom: m.used.bottom, right: m.used.right };
      if (area.bottom < area.top || area.right < area.left) return;
      pieces.push(...mergePieces(i, area));
    });
    for (const part of batchBySize(pieces, () => MERGE_QUERY_BYTES, budget.requestBudget)) {
      const qs = part.map((p) => {
        const areas = items[p.sheet]
          .getRangeByIndexes(p.rect.top, p.rect.left, p.rect.bottom - p.rect.top + 1, p.rect.right - p.rect.left + 1)
          .getMergedAreasOrNullObject();
        areas.areas.load('items/rowIndex,items/columnIndex,items/rowCount,items/columnCount');
        return { sheet: p.sheet, areas };
      });
      total++;
      await context.sync();
      tick();
      for (const q of qs) {
        if (q.areas.isNullObject) continue;
        for (const a of q.areas.areas.items) merges[q.sheet].push(rectOf(a));
      }
    }
  }
  opts.progress?.(done, done);

  // Assemble, in the file adapter's shape.
  const grids: { values: CellValue[][]; formulas: (string | null)[][] }[] = metas.map(() => ({ values: [], formulas: [] }));
  for (const c of chunks) {
    const g = grids[c.sheet];
    formulas.get(c)!.forEach((row, i) => {
      const r = c.rect.top + i;
      const vr = (g.values[r] ??= []);
      const fr = (g.formulas[r] ??= []);
      row.forEach((x, j) => {
        const col = c.rect.left + j;
        if (typeof x === 'string' && x.startsWith('=')) {
          // A text cell holding '=…' reads the same as values and formulas; a formula does not.
          fr[col] = x;
          vr[col] = null;
        } else vr[col] = x === '' || x === undefined ? null : (x as CellValue);
      });
    });
  }
  for (const fc of follow) {
    const g = grids[fc.sheet];
    values.get(fc)!.forEach((row, i) =>
      row.forEach((x, j) => {
        const r = fc.rect.top + i;
        const col = fc.rect.left + j;
        const f = g.formulas[r]?.[col];
        if (!f) return;
        if (x === f) {
          g.formulas[r][col] = null;
          g.values[r][col] = x as CellValue;
        } else g.values[r][col] = x === '' ? null : (x as CellValue);
      }),
    );
  }

  // The settings sheet comes through as a sheet like any other: the core finds it by its marker.
  const out: SheetGrid[] = [];
  metas.forEach((m, i) => {
    if (!picked[i]) return;
    const { values: v, formulas: f, anyFormula } = trimGrid(grids[i].values, grids[i].formulas);
    out.push({
      name: m.name,
      values: v,
      ...(anyFormula ? { formulas: f } : {}),
      merges: dedupe(merges[i]),
      protected: m.protected,
      visibility: m.visibility,
    });
  });
  return { name: wb.name, sheets: out };
}

function dedupe(rs: Rect[]): Rect[] {
  const seen = new Set<string>();
  return rs.filter((r) => {
    const k = `${r.top},${r.left},${r.bottom},${r.right}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
