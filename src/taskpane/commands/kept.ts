import type { Loaded } from './load';
import type { PaneHost } from './types';

/**
 * What the pane last read, kept while nothing has changed, so a command right after another (検証
 * after opening, 集計 after 検証, 計算's run after its preview) answers without reading and
 * analysing the whole workbook again: at 21,300 items that is most of a second or two.
 *
 * It is trusted only when all of these hold: Excel took the cell-change handler (ExcelApi 1.9;
 * every edit, this person's or a co-author's, marks it stale); nothing was written through the pane
 * since (its own writes mark it stale); and each sheet's name, visibility, protection and extent
 * are as they were (what changes without a cell event: a sheet added, renamed or protected).
 * Anything else, and the command reads the workbook again.
 */
interface Watch {
  live: boolean;
  stale: boolean;
  ready: Promise<void>;
  kept?: { loaded: Loaded; outline: string };
}

const watches = new WeakMap<PaneHost, Watch>();

/** The host the pane uses: the same host, whose writes mark what was read as stale. */
export function keepingHost(host: PaneHost): PaneHost {
  const w: Watch = { live: false, stale: true, ready: Promise.resolve() };
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
    .onChange(() => {
      w.stale = true;
    })
    .then((sub) => {
      w.live = sub.live;
    })
    .catch(() => undefined);
  watches.set(kept, w);
  return kept;
}

/**
 * What was read before, if it can still be trusted; else `read()`'s result, kept for the next
 * command with the outline that read found (no probe of its own). Marked fresh before the probe
 * and the read, so an edit that arrives meanwhile marks it stale again.
 */
export async function keptOrRead(host: PaneHost, read: () => Promise<Loaded>): Promise<Loaded> {
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
    if (!w.stale && outline === kept.outline) return kept.loaded;
  }
  w.kept = undefined;
  const loaded = await read();
  const outline = host.readOutline();
  if (outline !== undefined) w.kept = { loaded, outline };
  return loaded;
}
