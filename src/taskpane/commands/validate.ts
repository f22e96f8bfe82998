import type { Analysis } from '../../core/engine/analyse';
import type { Finding, Severity } from '../../core/validation/finding';
import { verdictOf, type Verdict } from '../../core/validation/verdict';
import { headerInfo, loadAndAnalyse, type HeaderInfo } from './load';
import type { OnStep, PaneHost } from './types';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export interface ItemGroup {
  /** '' for findings about the workbook or a sheet rather than one item. */
  itemId: string;
  itemName: string;
  findings: Finding[];
}

export interface SeverityGroup {
  severity: Severity;
  count: number;
  items: ItemGroup[];
}

export interface ValidationReport {
  header: HeaderInfo;
  counts: Record<Severity, number>;
  /** Submission needs no errors and a rating column for every item; warnings are for the author to judge. */
  pass: boolean;
  verdict: Verdict;
  groups: SeverityGroup[];
  findings: Finding[];
}

export function validationReport(a: Analysis): ValidationReport {
  const names = new Map(a.plan.items.map((i) => [i.id, i.name]));
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of a.findings) counts[f.severity]++;
  const groups = SEVERITIES.filter((s) => counts[s] > 0).map((severity) => {
    const byItem = new Map<string, ItemGroup>();
    for (const f of a.findings) {
      if (f.severity !== severity) continue;
      const id = f.itemId ?? '';
      let g = byItem.get(id);
      if (!g) byItem.set(id, (g = { itemId: id, itemName: id ? (names.get(id) ?? '') : '', findings: [] }));
      g.findings.push(f);
    }
    return { severity, count: counts[severity], items: [...byItem.values()] };
  });
  const verdict = verdictOf(a.plan, a.findings);
  return { header: headerInfo(a), counts, pass: verdict.ready, verdict, groups, findings: a.findings };
}

export async function runValidate(host: PaneHost, onStep: OnStep): Promise<ValidationReport> {
  return validationReport((await loadAndAnalyse(host, onStep)).analysis);
}

/**
 * Findings listed per severity before "show more": 21,300 items can have 23,000 findings. Rendering them
 * all took seconds, and 200 per severity (600 shown) was still most of 検証 after an edit at that size;
 * fifty is more than a 320 px pane shows in several screens.
 */
export const FINDINGS_PAGE = 50;

/**
 * The first `limit` findings of a severity group, item by item, and how many are left for "show
 * more". Each item keeps its whole count (`of`) for its heading when its list is cut short.
 */
export function pageOf(items: readonly ItemGroup[], limit: number): { items: (ItemGroup & { of: number })[]; rest: number } {
  const out: (ItemGroup & { of: number })[] = [];
  let left = limit;
  let rest = 0;
  for (const it of items) {
    const take = Math.min(left, it.findings.length);
    rest += it.findings.length - take;
    if (take > 0) out.push({ ...it, findings: take < it.findings.length ? it.findings.slice(0, take) : it.findings, of: it.findings.length });
    left -= take;
  }
  return { items: out, rest };
}
