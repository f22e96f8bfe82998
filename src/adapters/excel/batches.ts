import type { CellRef } from '../../core/grid/types';
import { errorCode } from './errors';
import { batchBySize, rangeLoadBytes, SYNC_BYTES } from './request-size';
import { worksheet } from './proxies';

/** One `Excel.run`, in or out of an undo group (ExcelApi 1.20 `mergeUndoGroup`). */
export type Runner = <T>(batch: (context: Excel.RequestContext) => Promise<T>, opts: { undoGroup: boolean }) => Promise<T>;

/**
 * A piece of a write: what it queues, what it costs in the request, and whether sending it twice
 * is harmless. Setting values or formats is idempotent; adding a sheet or a chart is not, so such a
 * piece always travels alone and is never split or resent.
 */
export interface WriteItem {
  bytes: number;
  idempotent: boolean;
  /** Cells of existing sheets this item changes, with the value it writes (for the partial-failure report). */
  cells: { ref: CellRef; value: string | number | null }[];
  queue(context: Excel.RequestContext): void;
  /**
   * After its sync succeeded: items that put back cells this one should not have changed (what it
   * saw there at write time was not what the plan was made from). Sent after all other items.
   */
  after?(): WriteItem[];
}

export const PAYLOAD_CODES = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded']);

/** A failure after some batches were written: which cells are known to hold the new values. */
export class PartialWriteError extends Error {
  constructor(
    override readonly cause: unknown,
    readonly written: CellRef[],
    /** Cells of the failed batch whose state could not be checked. */
    readonly unknown: CellRef[],
  ) {
    super('write failed part-way');
  }
}

/**
 * Sends the items in syncs of at most `budget` estimated request bytes, in order. A sync that Excel
 * refuses for its size (nothing of it ran) is split in two and resent while it holds only idempotent
 * items. Any other failure is reported with the cells written so far: every cell of the batches that
 * succeeded, and of the failed batch those that a fresh read shows holding the new value.
 */
export async function sendWrites(
  context: Excel.RequestContext,
  items: WriteItem[],
  opts: { budget: number; beforeEach?: () => void; onSync?: () => void },
): Promise<{ syncs: number }> {
  const written: CellRef[] = [];
  let syncs = 0;
  const batches = writeBatches(items, opts.budget - SYNC_BYTES);
  const send = async (batch: WriteItem[]): Promise<void> => {
    opts.beforeEach?.();
    for (const i of batch) i.queue(context);
    try {
      await context.sync();
      syncs++;
      opts.onSync?.();
    } catch (e) {
      syncs++;
      if (PAYLOAD_CODES.has(errorCode(e) ?? '') && batch.length > 1 && batch.every((i) => i.idempotent)) {
        const mid = Math.ceil(batch.length / 2);
        await send(batch.slice(0, mid));
        await send(batch.slice(mid));
        return;
      }
      throw await partial(context, e, written, batch, opts.budget);
    }
    for (const i of batch) {
      for (const c of i.cells) written.push(c.ref);
      const undo = i.after?.();
      if (undo?.length) undoing.push(...undo);
    }
  };
  const undoing: WriteItem[] = [];
  for (const b of batches) await send(b);
  if (undoing.length) for (const b of writeBatches(undoing, opts.budget - SYNC_BYTES)) await send(b);
  return { syncs };
}

/**
 * Batches in order, each within the budget; an item that is not idempotent travels alone, so every
 * batch that may need splitting and resending is made of idempotent items only.
 */
export function writeBatches(items: WriteItem[], budget: number): WriteItem[][] {
  const out: WriteItem[][] = [];
  let run: WriteItem[] = [];
  const flush = () => {
    if (run.length) out.push(...batchBySize(run, (i) => i.bytes, budget));
    run = [];
  };
  for (const i of items) {
    if (i.idempotent) run.push(i);
    else {
      flush();
      out.push([i]);
    }
  }
  flush();
  return out;
}

/** After a failed sync: which cells of the failed batch hold their new value now (re-read, batched). */
async function partial(context: Excel.RequestContext, cause: unknown, written: CellRef[], failed: WriteItem[], budget: number): Promise<PartialWriteError> {
  const cells = failed.flatMap((i) => i.cells);
  if (cells.length === 0) return new PartialWriteError(cause, [...written], []);
  const landed: CellRef[] = [];
  try {
    for (const part of batchBySize(cells, (c) => rangeLoadBytes(c.ref.address, ['values']), budget)) {
      const probes = part.map((c) => ({ c, r: worksheet(context, c.ref.sheet).getRange(c.ref.address).load('values') }));
      await context.sync();
      for (const { c, r } of probes) {
        const v = (r.values as unknown[][])[0][0];
        if (c.value === null ? v === '' : v === c.value || String(v) === String(c.value)) landed.push(c.ref);
      }
    }
    return new PartialWriteError(cause, [...written, ...landed], []);
  } catch {
    const known = new Set(landed.map((r) => `${r.sheet}!${r.address}`));
    return new PartialWriteError(cause, [...written, ...landed], cells.map((c) => c.ref).filter((r) => !known.has(`${r.sheet}!${r.address}`)));
  }
}
