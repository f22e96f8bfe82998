import { SheetView } from '../../grid/sheet-view';
import type { WorkbookGrid } from '../../grid/types';
import type { Policy } from '../../model/plan';
import { finding, type Finding } from '../../validation/finding';
import type { LayoutRead, LayoutReader, ReadOptions, SheetDetection, TableAnchor } from '../types';
import { detectMappedTable, detectTable, type DetectedTable } from './detect-table';
import type { LayoutMapping } from './mapping';
import { mappingSheet } from './mapping-target';
import { GENERIC_LAYOUT_ID, readTable } from './read-table';

/** Below this the generic reader does not claim a sheet on its own (detect.ts re-exports it). */
export const GENERIC_ACCEPT_SCORE = 0.5;
const GENERIC_LABEL = { ja: '進捗管理表', en: 'a progress table' };
const NO_HEADER = { ja: '見出し行が見つかりません。設定タブで様式を保存してください。', en: 'No header row was found. Save the layout in the Settings tab.' };

/**
 * The layout for a city nobody configured: finds the progress table by its header words
 * (synonyms.ts), or by the header→field mapping the user saved, and reads one item per row.
 */
export const genericLayout: LayoutReader = {
  id: GENERIC_LAYOUT_ID,
  label: { ja: '汎用(見出し検出)', en: 'Generic (header detection)' },
  detect: detectGeneric,
  read: readGeneric,
};

function visibleSheets(wb: WorkbookGrid) {
  return wb.sheets.filter((s) => (s.visibility ?? 'visible') === 'visible');
}

export function detectGeneric(wb: WorkbookGrid): SheetDetection[] {
  const out: SheetDetection[] = [];
  for (const sheet of visibleSheets(wb)) {
    const t = detectTable(new SheetView(sheet));
    if (t && t.score > 0) out.push({ sheet: sheet.name, score: t.score, reason: t.reason });
  }
  return out;
}

function readGeneric(wb: WorkbookGrid, opts: ReadOptions): LayoutRead {
  const findings: Finding[] = [];
  const mapped = opts.mapping ? (opts.mapping.sheet ?? mappingSheet(wb, opts.mapping)) : undefined;
  const mappingApplies = (mapping: LayoutMapping | undefined, sheet: string): mapping is LayoutMapping => !!mapping && mapped === sheet;
  const names =
    opts.sheets ??
    (mapped
      ? [mapped]
      : detectGeneric(wb)
          .filter((d) => d.score >= GENERIC_ACCEPT_SCORE)
          .map((d) => d.sheet));
  if (opts.mapping && !mapped) {
    findings.push(
      finding('LAY017', { sheet: wb.sheets[0]?.name ?? '' }, { sheet: opts.mapping.sheet ?? '' }),
    );
  }
  const policies = new Map<string, Policy>();
  const items: LayoutRead['items'] = [];
  const tables: TableAnchor[] = [];
  let policyLabel: string | undefined;
  let reportFy = opts.reportFy;
  for (const name of names) {
    const grid = wb.sheets.find((s) => s.name === name);
    if (!grid) {
      findings.push(finding('LAY017', { sheet: name }, { sheet: name }));
      continue;
    }
    const view = new SheetView(grid);
    let table: DetectedTable | undefined;
    if (mappingApplies(opts.mapping, name)) {
      const m = detectMappedTable(view, opts.mapping);
      table = m.table;
      if (m.unmatched.length) {
        findings.push(
          m.table ? finding('LAY016', { sheet: name, address: view.ref(m.table.headerRows[0], 0).address }, { sheet: name, headers: m.unmatched }) : finding('LAY017', { sheet: name, address: 'A1' }, { sheet: name }),
        );
      }
    } else {
      table = detectTable(view);
    }
    if (!table) {
      findings.push(
        finding('LAY003', { sheet: name, address: 'A1' }, { sheet: name, layout: GENERIC_LABEL, reason: NO_HEADER }),
      );
      continue;
    }
    const read = readTable(view, table, { ...(opts.reportFy !== undefined ? { reportFy: opts.reportFy } : opts.mapping?.fy !== undefined && mappingApplies(opts.mapping, name) ? { reportFy: opts.mapping.fy } : {}) });
    findings.push(...read.findings);
    items.push(...read.items);
    tables.push(read.anchor);
    for (const p of read.policies) if (!policies.has(p.key)) policies.set(p.key, { ...p, order: policies.size + 1 });
    policyLabel ??= read.policyLabel;
    reportFy ??= read.reportFy;
  }
  return {
    layout: GENERIC_LAYOUT_ID,
    policyLabel: policyLabel ?? '基本方針',
    policies: [...policies.values()],
    items,
    findings,
    tables,
    ...(reportFy !== undefined ? { reportFy } : {}),
  };
}
