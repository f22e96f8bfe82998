import { SheetView } from '../grid/sheet-view';
import type { WorkbookGrid } from '../grid/types';
import type { Item, Policy } from '../model/plan';
import type { Finding } from '../validation/finding';
import type { LayoutRead, LayoutReader, ReadOptions, SheetDetection, TableAnchor } from './types';

/** What a reader finds on one sheet; the shell below joins the sheets of a workbook. */
export interface SheetRead {
  items: Item[];
  tables: TableAnchor[];
  findings: Finding[];
  policies: Policy[];
  /** Report years the sheet's progress columns name; the latest wins unless the user chose one. */
  years: number[];
}

/**
 * A layout whose sheets are read independently (one table per sheet, or several): detection and
 * reading per sheet, policies joined in plan order, report year the latest a sheet names.
 */
export function perSheetLayout(spec: {
  id: string;
  label: { ja: string; en: string };
  policyLabel: string;
  detectSheet(view: SheetView): SheetDetection | undefined;
  readSheet(view: SheetView, opts: ReadOptions): SheetRead;
}): LayoutReader {
  const detect = (wb: WorkbookGrid): SheetDetection[] => wb.sheets.flatMap((s) => spec.detectSheet(new SheetView(s)) ?? []);
  return {
    id: spec.id,
    label: spec.label,
    detect,
    read(wb: WorkbookGrid, opts: ReadOptions): LayoutRead {
      const names = opts.sheets ?? detect(wb).map((d) => d.sheet);
      const out: SheetRead = { items: [], tables: [], findings: [], policies: [], years: [] };
      for (const grid of wb.sheets.filter((s) => names.includes(s.name))) {
        const res = spec.readSheet(new SheetView(grid), opts);
        out.items.push(...res.items);
        out.tables.push(...res.tables);
        out.findings.push(...res.findings);
        out.years.push(...res.years);
        for (const p of res.policies) if (!out.policies.some((q) => q.key === p.key)) out.policies.push(p);
      }
      out.policies.sort((a, b) => a.order - b.order);
      const reportFy = opts.reportFy ?? (out.years.length ? Math.max(...out.years) : undefined);
      return {
        layout: spec.id,
        policyLabel: spec.policyLabel,
        policies: out.policies,
        items: out.items,
        findings: out.findings,
        tables: out.tables,
        ...(reportFy !== undefined ? { reportFy } : {}),
      };
    },
  };
}
