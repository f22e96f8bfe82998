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
      finding('GEN007', 'error', { sheet: wb.sheets[0]?.name ?? '', cell: '' }, '保存された見出しの対応に合うシートがありません。', 'No sheet matches the saved header mapping.'),
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
      findings.push(finding('GEN007', 'error', { sheet: name, cell: '' }, `シート「${name}」がありません。`, `There is no sheet "${name}".`));
      continue;
    }
    const view = new SheetView(grid);
    let table: DetectedTable | undefined;
    if (mappingApplies(opts.mapping, name)) {
      const m = detectMappedTable(view, opts.mapping);
      table = m.table;
      if (m.unmatched.length) {
        findings.push(
          finding('GEN007', m.table ? 'warning' : 'error', { sheet: name, cell: m.table ? view.ref(m.table.headerRows[0], 0).address : 'A1' }, `保存された見出しの対応にある「${m.unmatched.join('」「')}」がシート「${name}」に見つかりません。`, `Headers from the saved mapping not found on sheet "${name}": ${m.unmatched.join(', ')}.`),
        );
      }
    } else {
      table = detectTable(view);
    }
    if (!table) {
      findings.push(
        finding('GEN008', 'error', { sheet: name, cell: 'A1' }, `シート「${name}」に見出し行が見つかりません。見出しの対応を保存してください。`, `No header row found on sheet "${name}". Save a header mapping.`),
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
