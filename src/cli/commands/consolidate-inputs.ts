import * as fs from 'node:fs';
import * as path from 'node:path';
import { SNIFF_BYTES, sniffWorkbook } from '../../adapters/file/sniff';
import type { ConsolidationInput } from '../../core/consolidate/types';
import type { Args } from '../args';
import { InputError, loadAndAnalyse, type Loaded } from '../load';

/**
 * The CLI side of consolidation: folders expanded into their files (in name order, so runs are
 * reproducible), each file looked at before it is read, every readable workbook analysed on its own.
 * Files that are not workbooks are kept as skipped inputs so the core can name them.
 */

export interface InputFile {
  /** Where it is on disk. */
  path: string;
  /** How it is named in messages: relative to the folder it was found in, or as the user typed it. */
  name: string;
}

/** Folders are walked recursively; hidden entries (dot files) are left out. */
export function expandInputs(paths: readonly string[]): InputFile[] {
  const out: InputFile[] = [];
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      throw new InputError(p, { ja: 'ファイルもフォルダーも見つかりません。', en: 'No such file or folder.' });
    }
    if (!stat.isDirectory()) {
      out.push({ path: p, name: p });
      continue;
    }
    const found: InputFile[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        if (e.name.startsWith('.')) continue;
        const full = path.join(dir, e.name);
        if (e.isDirectory()) walk(full);
        else if (e.isFile()) found.push({ path: full, name: path.relative(p, full).split(path.sep).join('/') });
      }
    };
    walk(p);
    // Code-point order: the same folder gives the same order on every machine and locale.
    found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (found.length === 0) throw new InputError(p, { ja: 'フォルダーにファイルがありません。', en: 'The folder has no files.' });
    out.push(...found);
  }
  return out;
}

function head(file: string): Uint8Array {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const n = fs.readSync(fd, buf, 0, SNIFF_BYTES, 0);
    return buf.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

export interface ReadInputs {
  inputs: ConsolidationInput[];
  /** The workbooks that were read, by name. */
  loaded: Map<string, Loaded>;
}

export async function readInputs(files: readonly InputFile[], args: Args, onFile?: (done: number, total: number, name: string) => void): Promise<ReadInputs> {
  const inputs: ConsolidationInput[] = [];
  const loaded = new Map<string, Loaded>();
  for (const [i, f] of files.entries()) {
    onFile?.(i, files.length, f.name);
    const sniffed = sniffWorkbook(f.name, head(f.path));
    if (sniffed.kind === 'owner') {
      inputs.push({ file: f.name, skipped: { kind: 'owner' } });
      continue;
    }
    if (sniffed.kind === 'not-workbook') {
      inputs.push({ file: f.name, skipped: { kind: 'not-workbook', format: sniffed.format } });
      continue;
    }
    let l: Loaded;
    try {
      // The report year is decided across files (consolidate), so no file is read with --fy forced.
      l = await loadAndAnalyse(f.path, { ...args, fy: undefined });
    } catch (e) {
      if (e instanceof InputError) {
        inputs.push({ file: f.name, skipped: { kind: 'unreadable', reason: e.reason } });
        continue;
      }
      throw e;
    }
    loaded.set(f.name, l);
    const a = l.analysis;
    inputs.push({
      file: f.name,
      plan: a.plan,
      evaluations: a.evaluations,
      errors: a.findings.filter((x) => x.severity === 'error').length,
      layouts: a.detection.chosen.map((c) => c.layout),
    });
  }
  return { inputs, loaded };
}
