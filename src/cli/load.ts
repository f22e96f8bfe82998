import * as fs from 'node:fs';
import { FileHost } from '../adapters/file/file-host';
import { checkOutput, writeOutput } from '../adapters/file/safe-output';
import { analyse, type AnalyseOptions, type Analysis } from '../core/engine/analyse';
import type { WorkbookGrid } from '../core/grid/types';
import { SavedLayoutSchema } from '../core/layouts/generic/mapping';
import type { LayoutSpec } from '../core/layouts/kit/spec';
import type { Args } from './args';
import { InputError, outputError, reasonOf } from './errors';
import { msg } from './messages';

export function readMapping(file: string): LayoutSpec {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new InputError(file, msg('inputMappingUnreadable', { detail: (e as Error).message }));
  }
  const parsed = SavedLayoutSchema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.') || '/'}: ${i.message}`).join('; ');
    throw new InputError(file, msg('inputMappingInvalid', { detail: where }));
  }
  return parsed.data;
}

export interface Loaded {
  file: string;
  host: FileHost;
  grid: WorkbookGrid;
  analysis: Analysis;
}

/** Reads a workbook through the file host; what cannot be read becomes an InputError (exit 2). */
export async function readGrid(file: string): Promise<{ host: FileHost; grid: WorkbookGrid }> {
  const host = new FileHost(file);
  try {
    return { host, grid: await host.read() };
  } catch (e) {
    const reason = reasonOf(e);
    if (!reason) throw e;
    throw new InputError(file, reason, (e as { kind?: string }).kind);
  }
}

export async function loadAndAnalyse(file: string, args: Args): Promise<Loaded> {
  const { host, grid } = await readGrid(file);
  return { file, host, grid, analysis: analyse(grid, analyseOptions(args)) };
}

/** What the command line says of how to read a workbook: --layout, --mapping, --fy. */
export function analyseOptions(args: Args): AnalyseOptions {
  const mapping = args.mapping ? readMapping(args.mapping) : undefined;
  return {
    ...(args.layout ? { layout: args.layout } : {}),
    ...(mapping ? { mapping } : {}),
    ...(args.fy !== undefined ? { reportFy: args.fy } : {}),
  };
}

/**
 * Refuses an output before any work: one of the inputs (also through a link), or an existing file
 * without --force. Said in the user's language (exit 2).
 */
export function checkOutputPath(out: string, args: Pick<Args, 'files' | 'force'>): void {
  try {
    checkOutput(out, args.files, { force: args.force });
  } catch (e) {
    throw outputError(out, e);
  }
}

/** Writes the host's workbook to `out` safely (temporary file, then rename); a failure is said in the user's language (exit 2). */
export async function saveOutput(host: FileHost, out: string, args: Pick<Args, 'files' | 'force'>): Promise<void> {
  try {
    await host.save(out, { force: args.force, inputs: args.files });
  } catch (e) {
    throw outputError(out, e);
  }
}

/** Writes a text file (the machine-readable CSV) the same safe way as a workbook. */
export function saveTextOutput(out: string, text: string, args: Pick<Args, 'files' | 'force'>): void {
  try {
    writeOutput(out, new TextEncoder().encode(text), args.files, { force: args.force });
  } catch (e) {
    throw outputError(out, e);
  }
}
