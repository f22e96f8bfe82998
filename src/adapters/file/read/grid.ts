import type { SheetGrid, WorkbookGrid } from '../../../core/grid/types';
import { asReadError, PackageError } from '../errors';
import type { Codec } from '../package/codec';
import { webCodec } from '../package/codec';
import { DEFAULT_LIMITS, type PackageLimits } from '../package/opc';
import { SheetHandler, SlowPathNeeded, type CellBudget } from './sheet';
import { sniffBytes } from './sniff';
import { SharedStringsHandler } from './strings';
import { openWorkbookPackage, type WorkbookPackage } from './workbook';

export interface ReadOptions {
  codec?: Codec;
  limits?: Partial<PackageLimits>;
  /** Read <sheetData> with its own tokenizer (default); false reads everything with the general scanner (tests compare the two). */
  fastSheetData?: boolean;
}

/**
 * An .xlsx/.xlsm file's bytes → the core's grid, streaming each part. Free of node-only imports:
 * the task pane's 取り込み and the playground use it as the CLI does. Throws FileReadError (with
 * the one line to show) for anything that is not a readable workbook.
 */
export async function gridFromXlsxBytes(bytes: Uint8Array, name: string, opts: ReadOptions = {}): Promise<WorkbookGrid> {
  try {
    const wp = await openXlsx(bytes, name, opts);
    return await readGrid(wp, name, opts);
  } catch (e) {
    throw asReadError(name, e);
  }
}

export async function openXlsx(bytes: Uint8Array, name: string, opts: ReadOptions = {}): Promise<WorkbookPackage> {
  sniffBytes(bytes, name);
  return openWorkbookPackage(bytes, opts.codec ?? webCodec, { ...DEFAULT_LIMITS, ...opts.limits });
}

export async function readSharedStrings(wp: WorkbookPackage): Promise<string[]> {
  if (!wp.sharedStringsPart) return [];
  const h = new SharedStringsHandler();
  await wp.pkg.parse(wp.sharedStringsPart, h);
  return h.strings;
}

export async function readGrid(wp: WorkbookPackage, name: string, opts: ReadOptions = {}): Promise<WorkbookGrid> {
  const sst = await readSharedStrings(wp);
  const budget: CellBudget = { used: 0, max: wp.pkg.limits.maxCells };
  const sheets: SheetGrid[] = [];
  for (const s of wp.sheets) {
    if (s.kind !== 'worksheet') continue;
    if (!s.part) throw new PackageError('bad-xml', `sheet ${s.name}`);
    const used = budget.used;
    let h = new SheetHandler(sst, wp.date1904, budget, opts.fastSheetData ?? true);
    try {
      await wp.pkg.parse(s.part, h);
    } catch (e) {
      // Say which part is damaged when the sheet reader could not.
      if (e instanceof PackageError && e.kind === 'bad-xml' && !e.detail) throw new PackageError('bad-xml', s.part, e.debug);
      if (!(e instanceof SlowPathNeeded)) throw e;
      budget.used = used;
      h = new SheetHandler(sst, wp.date1904, budget, false);
      await wp.pkg.parse(s.part, h);
    }
    h.finish();
    sheets.push({
      name: s.name,
      values: h.values,
      ...(h.anyFormula ? { formulas: h.formulas } : {}),
      merges: h.merges,
      ...(h.ruled.length ? { ruled: h.ruled } : {}),
      protected: h.protected,
      visibility: s.state,
    });
  }
  // The add-in's settings sheet is a sheet like any other here: the core finds it by its marker.
  return { name, sheets };
}
