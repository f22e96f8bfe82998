import { rangeFromA1 } from '../../core/grid/a1';
import type { WorkbookGrid } from '../../core/grid/types';
import type { CellChange } from '../../core/engine/incremental';
import { outlineName, type WorkbookChange } from '../../adapters/excel/host';
import { SETTINGS_SHEET, SETTINGS_SHEET_FALLBACK } from '../../core/settings/store';
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
 * edit recalculates what depends on it), and the kept grid patched; after the pane's own write
 * (計算, 集計), the sheets it wrote are read again whole, with any sheet whose outline changed.
 * Anything else — rows or cells inserted or deleted, many or large ranges, a formula typed, a write
 * that failed, a highlight — and the command reads the workbook again.
 */
interface Watch {
  live: boolean;
  stale: boolean;
  ready: Promise<void>;
  kept?: { loaded: Loaded; outline: string };
  /** Cells edited since the kept read, as the events named them. */
  edits: WorkbookChange[];
  /** Sheets the pane wrote since the kept read (the settings sheet among them). */
  wrote?: Set<string>;
}

/** Events kept between two commands; more, and the next command reads everything. */
const MAX_EVENTS = 1000;

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
    // What a write plan touches is known: those sheets are read again, the rest kept.
    apply: async (plan, progress) => {
      if (!w.stale && w.kept) {
        const store = w.kept.loaded.analysis.store;
        const names = [...plan.writes.map((x) => x.sheet), ...plan.sheets.map((x) => x.name), SETTINGS_SHEET, SETTINGS_SHEET_FALLBACK, store.createName, store.sheet ?? ''];
        w.wrote = new Set([...(w.wrote ?? []), ...names]);
      } else w.stale = true;
      try {
        return await host.apply(plan, progress);
      } catch (e) {
        w.stale = true;
        throw e;
      }
    },
    highlight: stale(host.highlight),
    clearHighlight: stale(host.clearHighlight),
    insertWorkbook: stale(host.insertWorkbook),
  };
  w.ready = host
    .onChange((c) => {
      if (c.type === 'RangeEdited' && w.edits.length < MAX_EVENTS) w.edits.push(c);
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
  const wrote = w.wrote;
  w.wrote = undefined;
  if (kept) {
    const loaded = await brought(host, w, kept, wrote, update);
    if (loaded) return loaded;
  }
  w.kept = undefined;
  w.edits = [];
  const loaded = await read();
  const outline = host.readOutline();
  if (outline !== undefined) w.kept = { loaded, outline };
  return loaded;
}

/** The kept read brought up to date, or undefined when only a full read will do. */
async function brought(host: PaneHost, w: Watch, kept: NonNullable<Watch['kept']>, wrote: Set<string> | undefined, update?: Update): Promise<Loaded | undefined> {
  let grid: WorkbookGrid | undefined = kept.loaded.grid;
  let outline: string | undefined;
  let reread = new Set<string>();
  if (wrote) {
    if (!update) return undefined;
    const lines = new Set(kept.outline.split('\n'));
    const r = await host.readSheets((line) => wrote.has(outlineName(line)) || !lines.has(line));
    outline = host.readOutline();
    grid = outline === undefined ? undefined : withSheets(kept.loaded.grid, r.grid, outline);
    reread = new Set(r.grid.sheets.map((s) => r.ids[s.name]));
  } else outline = await host.outline();
  // An edit made just before this command has its event queued: let it arrive first.
  await new Promise((r) => setTimeout(r, 0));
  const edits = w.edits.filter((e) => !reread.has(e.worksheetId));
  w.edits = [];
  if (w.stale || !grid || outline === undefined || (!wrote && outline !== kept.outline)) return undefined;
  if (!wrote && edits.length === 0) return kept.loaded;
  if (!update || edits.length > MAX_EDITED_RANGES) return undefined;
  const changed = wrote ? cellsChanged(kept.loaded.grid, grid) : [];
  const patched = await patchKept(host, grid, edits);
  if (!patched || w.stale) return undefined;
  changed.push(...patched.changed);
  const loaded = changed.length || patched.grid !== kept.loaded.grid ? update(kept.loaded, patched.grid, changed) : kept.loaded;
  w.kept = { loaded, outline };
  return loaded;
}

/** The kept grid with the sheets just read in their place, in the workbook's order; undefined when a sheet is in neither. */
function withSheets(kept: WorkbookGrid, read: WorkbookGrid, outline: string): WorkbookGrid | undefined {
  const sheets = [];
  for (const line of outline.split('\n')) {
    const name = outlineName(line);
    const s = read.sheets.find((x) => x.name === name) ?? kept.sheets.find((x) => x.name === name);
    if (!s) return undefined;
    sheets.push(s);
  }
  return { ...kept, name: read.name, sheets };
}

/** Cells that differ between the kept and the new version of each sheet read again (a new sheet is new as a whole, not cell by cell). */
function cellsChanged(before: WorkbookGrid, after: WorkbookGrid): CellChange[] {
  const out: CellChange[] = [];
  for (const b of after.sheets) {
    const a = before.sheets.find((s) => s.name === b.name);
    if (!a || a === b) continue;
    const rows = Math.max(a.values.length, b.values.length);
    for (let r = 0; r < rows; r++) {
      const va = a.values[r] ?? [];
      const vb = b.values[r] ?? [];
      for (let c = 0; c < Math.max(va.length, vb.length); c++) {
        if ((va[c] ?? null) !== (vb[c] ?? null) || (a.formulas?.[r]?.[c] ?? null) !== (b.formulas?.[r]?.[c] ?? null)) out.push({ sheet: b.name, row: r, col: c });
      }
    }
  }
  return out;
}

/** The grid with the edited ranges and every formula cell read again; undefined when only a full read will do. */
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
  if (ranges.length === 0) return { grid, changed: [] };
  return patchGrid(grid, await host.readRanges(ranges));
}
