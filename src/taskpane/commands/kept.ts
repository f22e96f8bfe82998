import { rangeFromA1 } from '../../core/grid/a1';
import type { WorkbookGrid } from '../../core/grid/types';
import type { CellChange } from '../../core/engine/incremental';
import type { WorkbookChange } from '../../adapters/excel/host';
import { formulaCells, patchGrid } from '../../adapters/excel/patch';
import type { Loaded } from './load';
import type { PaneHost } from './types';

/**
 * What the pane last read, kept and brought up to date, so a command right after another (検証
 * after opening, 集計 after 検証, 計算's run after its preview) or after a few cells were edited
 * answers without reading and analysing the whole workbook again: at 21,300 items that is most of
 * a second or two.
 *
 * It is trusted only when all of these hold: Excel took the cell-change handler (ExcelApi 1.9;
 * every edit, this person's or a co-author's, is heard); nothing was written through the pane
 * since (its own writes mark it stale); and each sheet's name, visibility, protection and extent
 * are as they were (what changes without a cell event: a sheet added, renamed or protected).
 * Edited cells (typed or pasted, a few ranges) are then read again, with every formula cell (an
 * edit recalculates what depends on it), and the kept grid patched; anything else — rows or cells
 * inserted or deleted, many or large ranges, a formula typed — and the command reads the workbook again.
 */
interface Watch {
  live: boolean;
  stale: boolean;
  ready: Promise<void>;
  kept?: { loaded: Loaded; outline: string };
  /** Cells edited since the kept read, as the events named them. */
  edits: WorkbookChange[];
}

/** More edited ranges or cells than this since the last command: reading the whole workbook is as quick. */
export const MAX_EDITED_RANGES = 50;
export const MAX_EDITED_CELLS = 5000;

const watches = new WeakMap<PaneHost, Watch>();

/** The host the pane uses: the same host, whose writes mark what was read as stale. */
export function keepingHost(host: PaneHost): PaneHost {
  const w: Watch = { live: false, stale: true, ready: Promise.resolve(), edits: [] };
  const stale = <A extends unknown[], R>(f: (...a: A) => Promise<R>) => async (...a: A): Promise<R> => {
    w.stale = true;
    try {
      return await f(...a);
    } finally {
      w.stale = true;
    }
  };
  const kept: PaneHost = {
    ...host,
    apply: stale(host.apply),
    highlight: stale(host.highlight),
    clearHighlight: stale(host.clearHighlight),
    insertWorkbook: stale(host.insertWorkbook),
  };
  w.ready = host
    .onChange((c) => {
      if (c.type === 'RangeEdited' && w.edits.length < MAX_EDITED_RANGES) w.edits.push(c);
      else w.stale = true;
    })
    .then((sub) => {
      w.live = sub.live;
    })
    .catch(() => undefined);
  watches.set(kept, w);
  return kept;
}

/** Brings what was read up to date with cells that changed in it (the grid, then its analysis). */
export type Update = (kept: Loaded, grid: WorkbookGrid, changed: CellChange[]) => Loaded;

/**
 * What was read before, if it can still be trusted — patched with the cells edited since, through
 * `update` — else `read()`'s result, kept for the next command with the outline that read found
 * (no probe of its own). Marked fresh, and the edits taken, before the probe and the reads, so an
 * edit that arrives meanwhile is heard by the next command.
 */
export async function keptOrRead(host: PaneHost, read: () => Promise<Loaded>, update?: Update): Promise<Loaded> {
  const w = watches.get(host);
  if (!w) return read();
  await w.ready;
  if (!w.live) return read();
  const kept = w.stale ? undefined : w.kept;
  w.stale = false;
  if (kept) {
    const outline = await host.outline();
    // An edit made just before this command has its event queued: let it arrive first.
    await new Promise((r) => setTimeout(r, 0));
    const edits = w.edits;
    w.edits = [];
    if (!w.stale && outline === kept.outline) {
      if (edits.length === 0) return kept.loaded;
      const patched = update && (await patchKept(host, kept.loaded.grid, edits));
      if (patched && !w.stale) {
        const loaded = patched.changed.length ? update(kept.loaded, patched.grid, patched.changed) : kept.loaded;
        w.kept = { loaded, outline };
        return loaded;
      }
    }
  }
  w.kept = undefined;
  w.edits = [];
  const loaded = await read();
  const outline = host.readOutline();
  if (outline !== undefined) w.kept = { loaded, outline };
  return loaded;
}

/** The kept grid with the edited ranges and every formula cell read again; undefined when only a full read will do. */
async function patchKept(host: PaneHost, grid: WorkbookGrid, edits: WorkbookChange[]) {
  let cells = 0;
  for (const e of edits) {
    let r: ReturnType<typeof rangeFromA1>;
    try {
      // Whole rows or columns (「3:3」, 「A:A」), several areas: not a few cells.
      r = rangeFromA1(e.address.replace(/^.*!/, ''));
    } catch {
      return undefined;
    }
    cells += (r.bottom - r.top + 1) * (r.right - r.left + 1);
    if (cells > MAX_EDITED_CELLS) return undefined;
  }
  const formulas = formulaCells(grid);
  if (!formulas) return undefined;
  const ranges = [...new Map(edits.map((e) => [`${e.worksheetId}|${e.address}`, { sheet: e.worksheetId, address: e.address }])).values(), ...formulas];
  return patchGrid(grid, await host.readRanges(ranges));
}
