import { analyse } from '../../core/engine/analyse';
import { mergePlans } from '../../core/engine/merge-plans';
import type { WorkbookGrid } from '../../core/grid/types';
import { layoutById } from '../../core/layouts/registry';
import { isSettingsSheet, readStore } from '../../core/settings/store';
import { summarise } from '../../core/summary/summarise';
import type { Summary } from '../../core/summary/types';
import { errorText } from './errors';
import type { OnStep, PaneHost } from './types';

export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

export type ReadGrid = (bytes: Uint8Array, name: string) => Promise<WorkbookGrid>;

export interface ImportedFile {
  name: string;
  layouts: { ja: string; en: string }[];
  items: number;
  errors: number;
  /** Ids of the sheets inserted into the open workbook; null when not inserted. */
  inserted: string[] | null;
  /** Set when the file could not be read; the file is then left out of the summary. */
  failure?: { ja: string; en: string };
}

export interface ImportOutcome {
  files: ImportedFile[];
  summary: Summary | null;
  sources: string[];
}

export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) bin += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(bin);
}

/**
 * Each department file is analysed on its own grid, read in the pane, whether or not its sheets are
 * also inserted: put into one workbook, two departments' sheets would be detected as one plan and
 * same-named sheets renamed by Excel. The consolidated summary is then built from the per-file plans.
 */
export async function importWorkbooks(
  host: PaneHost,
  files: ImportFile[],
  opts: { insert: boolean; readGrid: ReadGrid },
  onStep: OnStep,
): Promise<ImportOutcome> {
  const out: ImportedFile[] = [];
  const analysed: { source: string; analysis: ReturnType<typeof analyse> }[] = [];
  const insert = opts.insert && host.apiSupport().insertWorksheets;
  for (const [i, f] of files.entries()) {
    onStep('importRead', { done: i, total: files.length }, f.name);
    let grid: WorkbookGrid;
    try {
      grid = await opts.readGrid(f.bytes, f.name);
    } catch (e) {
      out.push({ name: f.name, layouts: [], items: 0, errors: 0, inserted: null, failure: errorText(e) });
      continue;
    }
    const a = analyse(grid);
    analysed.push({ source: f.name, analysis: a });
    let inserted: string[] | null = null;
    if (insert) {
      onStep('insert', { done: i, total: files.length }, f.name);
      // Staff sheets only: never the file's settings sheet or the sheets Shinchoku made in it.
      const owned = new Set(readStore(grid).settings.ownedSheets.map((o) => o.name));
      const staff = grid.sheets.filter((s) => !isSettingsSheet(s) && !owned.has(s.name)).map((s) => s.name);
      inserted = await host.insertWorkbook(bytesToBase64(f.bytes), { sheets: staff });
    }
    out.push({
      name: f.name,
      layouts: a.detection.chosen.map((c) => layoutById(c.layout)?.label ?? { ja: c.layout, en: c.layout }),
      items: a.plan.items.length,
      errors: a.findings.filter((x) => x.severity === 'error').length,
      inserted,
    });
  }
  if (analysed.length === 0) return { files: out, summary: null, sources: [] };
  const plan = mergePlans(analysed.map((x) => ({ source: x.source, plan: x.analysis.plan })));
  const summary = summarise(plan, { evaluations: analysed.flatMap((x) => x.analysis.evaluations) });
  return { files: out, summary, sources: analysed.map((x) => x.source) };
}
