import * as fs from 'node:fs';
import * as path from 'node:path';
import { skipReasonOf } from '../../adapters/file/errors';
import { readBreakdown } from '../../core/consolidate/breakdown-read';
import { consolidate } from '../../core/consolidate/consolidate';
import { analyse } from '../../core/engine/analyse';
import { itemSources, type ItemSource } from '../../core/consolidate/provenance';
import type { ConsolidationInput } from '../../core/consolidate/types';
import { fileInput } from '../../core/consolidate/workbook-inputs';
import type { Args } from '../args';
import { InputError } from '../errors';
import { analyseOptions, loadAndAnalyse, type Loaded } from '../load';
import { msg } from '../messages';

/**
 * The CLI side of consolidation: folders expanded into their files (in name order, so runs are
 * reproducible), every file read and analysed on its own. What the reader refuses (Excel's owner
 * files, CSVs, old .xls books, damaged files …, recognised from their bytes by the file adapter)
 * is kept as a skipped input, so the core names it instead of the run failing.
 */

export interface InputFile {
  /** Where it is on disk. */
  path: string;
  /** How it is named in messages: relative to the folder it was found in, or as the user typed it. */
  name: string;
  /** Found by walking a folder (not named by the user). */
  inFolder: boolean;
}

/** Folders are walked recursively; hidden entries (dot files) are left out. */
export function expandInputs(paths: readonly string[]): InputFile[] {
  const out: InputFile[] = [];
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      throw new InputError(p, msg('inputNotFound'), 'not-found');
    }
    if (!stat.isDirectory()) {
      out.push({ path: p, name: p, inFolder: false });
      continue;
    }
    const found: InputFile[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        if (e.name.startsWith('.')) continue;
        const full = path.join(dir, e.name);
        if (e.isDirectory()) walk(full);
        else if (e.isFile()) found.push({ path: full, name: path.relative(p, full).split(path.sep).join('/'), inFolder: true });
      }
    };
    walk(p);
    // Code-point order: the same folder gives the same order on every machine and locale.
    found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (found.length === 0) throw new InputError(p, msg('inputEmptyFolder'));
    out.push(...found);
  }
  return out;
}

export interface ReadInputs {
  inputs: ConsolidationInput[];
  /** The workbooks that were read, by name. */
  loaded: Map<string, Loaded>;
}

export async function readInputs(files: readonly InputFile[], args: Args): Promise<ReadInputs> {
  const inputs: ConsolidationInput[] = [];
  const loaded = new Map<string, Loaded>();
  for (const f of files) {
    let l: Loaded;
    try {
      // The report year is decided across files (consolidate), so no file is read with --fy forced.
      l = await loadAndAnalyse(f.path, { ...args, fy: undefined });
    } catch (e) {
      // Only the reader's refusal of this file is listed; a bad --mapping is the command's problem.
      // So is a single workbook that cannot be read, or a named file that does not exist.
      if (!(e instanceof InputError) || e.file !== f.path) throw e;
      if (!f.inFolder && (files.length === 1 || e.kind === 'not-found')) throw e;
      inputs.push({ file: f.name, skipped: skipReasonOf(e.kind, e.reason) });
      continue;
    }
    // A file that states no year of its own is the year asked for: its undated 実績 and 効果額 count for it.
    if (args.fy !== undefined && l.analysis.plan.reportFy === undefined) l = { ...l, analysis: analyse(l.grid, analyseOptions(args)) };
    // One that keeps a sheet per year (令和5年度 | 令和6年度) is read for the year asked, when it has that year's
    // sheet (other sheets are left out then); otherwise it stays its own year, and is left out of the sum.
    else if (args.fy !== undefined && l.analysis.plan.reportFy !== args.fy && l.analysis.findings.some((x) => x.code === 'LAY026')) {
      const again = analyse(l.grid, analyseOptions(args));
      const leftOut = (a: typeof again) => a.findings.filter((x) => x.code === 'LAY026').map((x) => x.sheet).sort().join('\u0000');
      if (leftOut(again) !== leftOut(l.analysis)) l = { ...l, analysis: again };
    }
    loaded.set(f.name, l);
    inputs.push(fileInput(f.name, l.analysis));
  }
  return { inputs, loaded };
}

export interface Reference {
  file: string;
  reportFy?: number;
  items: ItemSource[];
}

/**
 * The plan's list or last year's figures, from whatever the user has: department workbooks, a
 * folder of them, one workbook in any layout, or a summary file written by this command (read back
 * from its 内訳 sheet).
 */
export async function loadReference(p: string, args: Args, axis: string | undefined): Promise<Reference> {
  const read = await readInputs(expandInputs([p]), args);
  const c = consolidate(read.inputs);
  if (c.plan.items.length > 0) {
    return {
      file: p,
      ...(c.reportFy !== undefined ? { reportFy: c.reportFy } : {}),
      items: itemSources(c.plan, { origins: c.origins, workbook: p, evaluations: c.evaluations, ...(axis ? { axis } : {}) }),
    };
  }
  for (const l of read.loaded.values()) {
    const b = readBreakdown(l.grid);
    if (b) return { file: p, ...(b.reportFy !== undefined ? { reportFy: b.reportFy } : {}), items: b.items };
  }
  throw new InputError(p, msg('inputNoItems'));
}
