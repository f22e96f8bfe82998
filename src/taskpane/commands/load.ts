import { analyse, type Analysis } from '../../core/engine/analyse';
import { reanalyse } from '../../core/engine/incremental';
import { toA1 } from '../../core/grid/a1';
import type { Range, WorkbookGrid } from '../../core/grid/types';
import { ADDED_WIDTH, reanchor } from '../../core/layouts/kit/anchor';
import { fiscalYearLabel } from '../../core/values/fiscal-year';
import { layoutById } from '../../core/layouts/registry';
import { planTables } from '../../core/plan/progress-columns';
import { verdictOf } from '../../core/validation/verdict';
import { keptOrRead } from './kept';
import type { OnStep, PaneHost } from './types';

export interface Loaded {
  grid: WorkbookGrid;
  analysis: Analysis;
}

/**
 * Every command starts here. Co-authors may have changed cells or settings since the last command,
 * so what was read earlier is used only while the host vouches for what changed (kept.ts): nothing,
 * or a few edited cells, read again and analysed incrementally; otherwise the workbook is read and
 * analysed again. Settings come from the grid, so they follow.
 */
export async function loadAndAnalyse(host: PaneHost, onStep: OnStep): Promise<Loaded> {
  onStep('read');
  return keptOrRead(
    host,
    async () => {
      const grid = await host.read((done, total) => onStep('read', { done, total }));
      onStep('analyse');
      return { grid, analysis: analyse(grid, { incremental: true }) };
    },
    // A few cells edited: only the items they touch are analysed again, where that is sure to be right.
    (kept, grid, changed) => {
      onStep('analyse');
      return { grid, analysis: quickly(kept.analysis, kept.grid, grid, changed) ?? analyse(grid, { incremental: true }) };
    },
  );
}

/**
 * What was loaded, with each table's next free column moved past input rules Excel has there: a read
 * does not report rules, so the columns the add-in would fill are asked about (one sync a round; a
 * column found ruled moves the candidates on, so a few rounds at most). A list staff keep ready in a
 * blank column is never filled with 達成率 or a year's columns.
 */
export async function pastRuledColumns(host: PaneHost, loaded: Loaded): Promise<Loaded> {
  let { grid, analysis } = loaded;
  const asked = new Set<string>();
  for (let round = 0; round < 4; round++) {
    const probes: { sheet: string; area: Range }[] = [];
    for (const t of analysis.read.tables) {
      const rows = [...t.headerRows, ...t.dataRows];
      if (rows.length === 0) continue;
      const top = Math.min(...rows);
      const bottom = Math.max(...rows);
      for (let col = t.nextFreeCol; col < t.nextFreeCol + ADDED_WIDTH; col++) {
        const key = `${t.sheet}\u0000${col}\u0000${top}\u0000${bottom}`;
        if (asked.has(key)) continue;
        asked.add(key);
        probes.push({ sheet: t.sheet, area: { top, bottom, left: col, right: col } });
      }
    }
    if (probes.length === 0) break;
    const hits = await host.ruled(probes.map((p) => ({ sheet: p.sheet, address: `${toA1(p.area.top, p.area.left)}:${toA1(p.area.bottom, p.area.right)}` })));
    const found = probes.filter((_, i) => hits[i]);
    if (found.length === 0) break;
    grid = {
      ...grid,
      sheets: grid.sheets.map((s) => {
        const mine = found.filter((p) => p.sheet === s.name).map((p) => p.area);
        return mine.length ? { ...s, ruled: [...(s.ruled ?? []), ...mine] } : s;
      }),
    };
    analysis = { ...analysis, read: { ...analysis.read, tables: reanchor(analysis.read.tables, grid) } };
  }
  return { grid, analysis };
}

/** The incremental answer, if it has one; a fault in it is never the command's: the full analysis answers instead. */
function quickly(...args: Parameters<typeof reanalyse>): Analysis | undefined {
  try {
    return reanalyse(...args);
  } catch {
    return undefined;
  }
}

export interface HeaderInfo {
  workbook: string;
  layouts: {
    id: string;
    label: { ja: string; en: string };
    sheets: string[];
    forced: boolean;
    reasons: { sheet: string; reason: { ja: string; en: string } }[];
  }[];
  reportFy?: number;
  fyLabel: { ja: string; en: string } | null;
  /** Items counted (【再掲】 repeats and blank templates not), and the repeats left out. */
  items: number;
  reposts: number;
  /** Tables that can take a year's progress columns (plan tables); 0 on a results sheet. */
  planTables: number;
  /** Sheets whose items have no rating column, and how many items that is. */
  planSheets: string[];
  planItems: number;
}

export function headerInfo(a: Analysis): HeaderInfo {
  const fy = a.plan.reportFy;
  const verdict = verdictOf(a.plan, a.findings);
  return {
    workbook: a.workbook,
    layouts: a.detection.chosen.map((c) => ({
      id: c.layout,
      label: layoutById(c.layout)?.label ?? { ja: c.layout, en: c.layout },
      sheets: c.sheets,
      forced: c.forced,
      reasons: c.reasons,
    })),
    ...(fy !== undefined ? { reportFy: fy } : {}),
    fyLabel: fy !== undefined ? { ja: fiscalYearLabel(fy, 'ja'), en: fiscalYearLabel(fy, 'en') } : null,
    items: verdict.items,
    reposts: a.plan.items.filter((i) => i.flags.includes('repost') && !i.flags.includes('template')).length,
    planTables: planTables(a.read).length,
    planSheets: verdict.planSheets,
    planItems: verdict.planItems,
  };
}

export async function inspect(host: PaneHost, onStep: OnStep): Promise<HeaderInfo> {
  return headerInfo((await loadAndAnalyse(host, onStep)).analysis);
}
