import type { WorkbookGrid } from '../grid/types';
import { savedSpec, type SavedLayout } from './generic/mapping';
import type { LayoutSpec } from './kit/spec';
import { mappingSheets } from './generic/mapping-target';
import { GENERIC_FORM_LAYOUT } from './generic/forms';
import { GENERIC_ACCEPT_SCORE } from './generic/reader';
import { LAYOUTS, layoutById } from './registry';
import type { LayoutReader, SheetDetection } from './types';

/** A city layout is taken without asking at this score; below it the generic reader may step in. */
export const ACCEPT_SCORE = 0.65;
/** How far below the generic reader's score a city layout may be on a sheet and still take it, when it took other sheets of the workbook. */
const SIBLING_MARGIN = 0.1;
/** The generic reader needs at least this much header evidence unless the user saved a mapping. */
export const GENERIC_SCORE = GENERIC_ACCEPT_SCORE;

/** Readers of a city nobody configured: none of them makes a workbook a city's. */
const GENERIC_LAYOUTS = ['generic', GENERIC_FORM_LAYOUT, 'saved'];

export interface Candidate extends SheetDetection {
  layout: string;
}

export interface LayoutChoice {
  layout: string;
  sheets: string[];
  /** Lowest score among the chosen sheets. */
  score: number;
  reasons: { sheet: string; reason: { ja: string; en: string } }[];
  forced: boolean;
}

export interface DetectionResult {
  chosen: LayoutChoice[];
  /** Every reader's opinion of every sheet it scored, best first: what `inspect` shows as "why". */
  candidates: Candidate[];
  /** Visible sheets no layout took. */
  unclaimed: string[];
}

export class UnknownLayoutError extends Error {
  constructor(readonly id: string) {
    super(`unknown layout ${id}; known: ${LAYOUTS.map((l) => l.id).join(', ')}`);
  }
}

/**
 * Assigns each sheet to the reader most sure of it. A forced layout takes every sheet it scores
 * above 0 (or all visible sheets when it scores none); a saved mapping hands its sheet to the
 * generic reader.
 */
export function detectLayouts(
  wb: WorkbookGrid,
  opts: { force?: string; mapping?: SavedLayout | LayoutSpec } = {},
): DetectionResult {
  const candidates: Candidate[] = [];
  for (const reader of LAYOUTS) {
    for (const d of safeDetect(reader, wb)) candidates.push({ ...d, layout: reader.id });
  }
  candidates.sort((a, b) => b.score - a.score || order(a.layout) - order(b.layout));
  const visible = wb.sheets.filter((s) => (s.visibility ?? 'visible') === 'visible').map((s) => s.name);

  if (opts.force) {
    const reader = layoutById(opts.force);
    if (!reader) throw new UnknownLayoutError(opts.force);
    const own = candidates.filter((c) => c.layout === reader.id && c.score > 0);
    const sheets = own.length ? own.map((c) => c.sheet) : visible;
    return {
      chosen: [
        {
          layout: reader.id,
          sheets,
          score: own.length ? Math.min(...own.map((c) => c.score)) : 0,
          reasons: own.map((c) => ({ sheet: c.sheet, reason: c.reason })),
          forced: true,
        },
      ],
      candidates,
      unclaimed: visible.filter((s) => !sheets.includes(s)),
    };
  }

  const taken = new Map<string, Candidate>();
  // The user saved the mapping for one sheet on purpose: it beats any reader's guess there.
  const spec = savedSpec(opts.mapping);
  for (const target of spec ? mappingSheets(wb, spec) : []) {
    taken.set(target, {
      layout: 'generic',
      sheet: target,
      score: 1,
      reason: { ja: '保存した様式で読みます', en: 'the layout saved for this workbook' },
    });
  }
  const shown = new Set(visible);
  for (const c of candidates) {
    // Hidden sheets are templates and old years far more often than live data: never taken unasked.
    if (taken.has(c.sheet) || !shown.has(c.sheet)) continue;
    if (c.score >= (c.layout === 'generic' ? GENERIC_SCORE : ACCEPT_SCORE)) taken.set(c.sheet, c);
  }
  // A workbook is one city's: where a city layout took sheets on its own, a sheet the generic reader
  // took by a nose (the city's copy with progress columns added) goes to that city too.
  const cities = new Set([...taken.values()].filter((c) => !GENERIC_LAYOUTS.includes(c.layout)).map((c) => c.layout));
  for (const [sheet, won] of taken) {
    if (won.layout !== 'generic' || won.score === 1) continue;
    const city = candidates.find((c) => c.sheet === sheet && cities.has(c.layout) && c.score >= ACCEPT_SCORE && won.score - c.score <= SIBLING_MARGIN);
    if (city) taken.set(sheet, city);
  }

  const byLayout = new Map<string, Candidate[]>();
  for (const c of taken.values()) byLayout.set(c.layout, [...(byLayout.get(c.layout) ?? []), c]);
  const sheetOrder = (s: string) => wb.sheets.findIndex((x) => x.name === s);
  const chosen: LayoutChoice[] = [...byLayout.entries()]
    .sort(([a], [b]) => order(a) - order(b))
    .map(([layout, cs]) => {
      cs.sort((a, b) => sheetOrder(a.sheet) - sheetOrder(b.sheet));
      return {
        layout,
        sheets: cs.map((c) => c.sheet),
        score: Math.min(...cs.map((c) => c.score)),
        reasons: cs.map((c) => ({ sheet: c.sheet, reason: c.reason })),
        forced: false,
      };
    });
  return { chosen, candidates, unclaimed: visible.filter((s) => !taken.has(s)) };
}

function order(id: string): number {
  const i = LAYOUTS.findIndex((l) => l.id === id);
  return i < 0 ? LAYOUTS.length : i;
}

/** A reader that throws while detecting is a bug, but it must not stop the other readers. */
function safeDetect(reader: LayoutReader, wb: WorkbookGrid): SheetDetection[] {
  try {
    return reader.detect(wb);
  } catch {
    return [];
  }
}
