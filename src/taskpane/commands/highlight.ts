import type { HighlightResult } from '../../adapters/excel/highlight';
import type { Finding } from '../../core/validation/finding';
import type { OnStep, PaneHost } from './types';

/** Workbook-level findings have no cell to colour. */
export function highlightFindings(host: PaneHost, findings: Finding[], onStep: OnStep): Promise<HighlightResult> {
  onStep('highlight');
  const cells = findings.filter((f) => f.sheet && f.cell).map((f) => ({ sheet: f.sheet, address: f.cell, severity: f.severity }));
  return host.highlight(cells);
}

export function clearHighlight(host: PaneHost, onStep: OnStep): Promise<HighlightResult> {
  onStep('highlight');
  return host.clearHighlight();
}

export function selectFinding(host: PaneHost, f: Pick<Finding, 'sheet' | 'cell'>): Promise<void> {
  return host.select(f.sheet, f.cell || 'A1');
}
