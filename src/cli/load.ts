import * as fs from 'node:fs';
import { FileHost } from '../adapters/file/file-host';
import { analyse, type Analysis } from '../core/engine/analyse';
import type { WorkbookGrid } from '../core/grid/types';
import { LayoutMappingSchema, type LayoutMapping } from '../core/layouts/generic/mapping';
import type { Args } from './args';

/** A file the CLI could not use: exit code 2, with a reason in both languages. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly reason: { ja: string; en: string },
    /** What kind of unreadable file (FileReadError's kind), e.g. 'owner-file'. */
    readonly kind?: string,
  ) {
    super(`${file}: ${reason.en}`);
  }
}

export function readMapping(file: string): LayoutMapping {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new InputError(file, {
      ja: `見出し対応表(JSON)を読み込めません: ${(e as Error).message}`,
      en: `cannot read the mapping JSON: ${(e as Error).message}`,
    });
  }
  const parsed = LayoutMappingSchema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new InputError(file, { ja: `見出し対応表の形式が正しくありません (${where})`, en: `invalid mapping (${where})` });
  }
  return parsed.data;
}

export interface Loaded {
  file: string;
  host: FileHost;
  grid: WorkbookGrid;
  analysis: Analysis;
}

export async function loadAndAnalyse(file: string, args: Args): Promise<Loaded> {
  const host = new FileHost(file);
  let grid: WorkbookGrid;
  try {
    grid = await host.read();
  } catch (e) {
    const { reason, kind } = e as { reason?: { ja: string; en: string }; kind?: string };
    throw new InputError(file, reason ?? { ja: String(e), en: String(e) }, kind);
  }
  const mapping = args.mapping ? readMapping(args.mapping) : undefined;
  const analysis = analyse(grid, {
    ...(args.layout ? { layout: args.layout } : {}),
    ...(mapping ? { mapping } : {}),
    ...(args.fy !== undefined ? { reportFy: args.fy } : {}),
  });
  return { file, host, grid, analysis };
}
