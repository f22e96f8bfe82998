import type { WorkbookGrid } from '../../grid/types';
import { finding } from '../../validation/finding';
import { defineLayout, type KitLayout } from '../kit/define';
import { dedupe } from '../kit/shared';
import { joinSupplementSheets } from '../kit/supplement';
import { strippedKey } from '../kit/labels';
import { ruleOf, type LayoutSpec } from '../kit/spec';
import type { LayoutRead, LayoutReader, ReadOptions } from '../types';
import { savedSpec } from './mapping';
import { joinListAndForms } from './list-forms';
import { mappingSheet, mappingSheets } from './mapping-target';
import { GENERIC_ACCEPT_SCORE, GENERIC_LAYOUT_ID, GENERIC_SPEC, zeroConfigLayout } from './spec';

export { GENERIC_ACCEPT_SCORE, GENERIC_LAYOUT_ID };

const saved = new Map<string, KitLayout & { headersFound(wb: WorkbookGrid, sheet: string): number; unmatched(wb: WorkbookGrid, sheet: string): string[] }>();

/** The reader a saved layout makes (one per spec, kept), with what it needs to say which headers it found. */
export function savedReader(spec: LayoutSpec) {
  const key = JSON.stringify(spec);
  let r = saved.get(key);
  if (r) return r;
  const layout = defineLayout({ ...spec, id: GENERIC_LAYOUT_ID, label: GENERIC_SPEC.label! });
  const labels = spec.tables.flatMap((t) => Object.values(t.fields).flatMap((f) => (f ? ruleOf(f).labels : [])));
  const unmatched = (wb: WorkbookGrid, sheet: string): string[] => {
    const read = layout.read(wb, { sheets: [sheet] });
    const headers = new Set((read.fields ?? []).map((f) => strippedKey(f.header)));
    return labels.filter((l) => !headers.has(strippedKey(l)));
  };
  r = Object.assign(layout, { unmatched, headersFound: (wb: WorkbookGrid, sheet: string) => labels.length - unmatched(wb, sheet).length });
  if (saved.size > 20) saved.clear();
  saved.set(key, r);
  return r;
}

/**
 * The layout for a city nobody configured: read with no configuration (generic/spec.ts), or with
 * the layout the user saved for the workbook, which then says which of its headers it did not find.
 */
export const genericLayout: LayoutReader = {
  id: GENERIC_LAYOUT_ID,
  label: GENERIC_SPEC.label!,
  sample: GENERIC_SPEC.sample!,
  detect: (wb) => zeroConfigLayout.detect(wb),
  read(wb: WorkbookGrid, opts: ReadOptions): LayoutRead {
    const spec = savedSpec(opts.mapping);
    if (!spec) return zeroConfigLayout.read(wb, opts);
    if (spec.form) return readSavedForms(wb, spec, opts);
    const sheet = mappingSheet(wb, spec);
    if (!sheet) return noSheetFor(wb, spec);
    const reader = savedReader(spec);
    const sheets = mappingSheets(wb, spec);
    const read = reader.read(wb, { ...opts, sheets });
    const missing = reader.unmatched(wb, sheet);
    if (missing.length && read.items.length) {
      const at = read.tables[0] ? { sheet, address: `A${read.tables[0].headerRows[0] + 1}` } : { sheet, address: 'A1' };
      read.findings.push(finding('LAY016', at, { sheet, headers: missing }));
    }
    // Other sheets detection gave the generic reader (a sheet of effect amounts beside the list) are read
    // as they are when nothing is saved: saving the list's layout must not drop them from the summary.
    const rest = (opts.sheets ?? []).filter((s) => !sheets.includes(s));
    if (!rest.length) return read;
    const { mapping: _saved, ...plain } = opts;
    const reportFy = opts.reportFy ?? read.reportFy;
    return withRest(read, zeroConfigLayout.read(wb, { ...plain, sheets: rest, ...(reportFy !== undefined ? { reportFy } : {}) }));
  },
};

/** The saved layout's read and the rest's as one: the same items given again on a later sheet join theirs (LAY022). */
function withRest(saved: LayoutRead, rest: LayoutRead): LayoutRead {
  const items = [...saved.items, ...rest.items];
  const findings = [...saved.findings, ...rest.findings];
  joinSupplementSheets(items, findings);
  dedupe(items, findings);
  const policies = new Map(saved.policies.map((p) => [p.key, p]));
  for (const it of items) if (!policies.has(it.policyKey)) policies.set(it.policyKey, { key: it.policyKey, name: it.policyName, order: policies.size + 1 });
  const scale = saved.scale ?? rest.scale;
  const reportFy = saved.reportFy ?? rest.reportFy;
  return {
    ...saved,
    policies: [...policies.values()],
    items,
    findings,
    tables: [...saved.tables, ...rest.tables],
    fields: [...(saved.fields ?? []), ...(rest.fields ?? [])],
    ...(reportFy !== undefined ? { reportFy } : {}),
    ...(scale ? { scale } : {}),
  };
}

/**
 * A saved form layout reads every form of its shape; other sheets detection gave the generic reader
 * (the list of the same items) are read without configuration and joined with the forms, as they are
 * when nothing is saved.
 */
function readSavedForms(wb: WorkbookGrid, spec: LayoutSpec, opts: ReadOptions): LayoutRead {
  const sheets = mappingSheets(wb, spec);
  if (!sheets.length) return noSheetFor(wb, spec);
  const forms = savedReader(spec).read(wb, { ...opts, sheets });
  const rest = (opts.sheets ?? []).filter((s) => !sheets.includes(s));
  if (!rest.length) return forms;
  const { mapping: _saved, ...plain } = opts;
  return joinListAndForms(zeroConfigLayout.read(wb, { ...plain, sheets: rest }), forms);
}

/** A saved layout no sheet of the workbook matches: nothing read, and LAY017 says so. */
function noSheetFor(wb: WorkbookGrid, spec: LayoutSpec): LayoutRead {
  return {
    layout: GENERIC_LAYOUT_ID,
    policyLabel: spec.policyLabel ?? '基本方針',
    policies: [],
    items: [],
    findings: [finding('LAY017', { sheet: wb.sheets[0]?.name ?? '' }, { sheet: spec.sheet ?? '' })],
    tables: [],
  };
}
