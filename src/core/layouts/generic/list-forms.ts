import { reconcileListAndSheets, similarity } from '../list-sheets';
import type { Combiner, LayoutRead } from '../types';
import { GENERIC_FORM_LAYOUT } from './forms';
import { GENERIC_LAYOUT_ID } from './spec';

/**
 * A workbook of a city nobody configured that holds the list of its items (a table) beside a form
 * per item: the same items twice. When the forms are the list's items (most of them found there by
 * id or name), they are reconciled as Isehara's are (list-sheets.ts): each item counted once, what
 * is on one side only and every value the two disagree on said. A table of other things beside the
 * forms is read beside them, as any two layouts are.
 */
export const listFormsCombiner: Combiner = {
  layouts: [GENERIC_LAYOUT_ID, GENERIC_FORM_LAYOUT],
  combine(reads: LayoutRead[]): LayoutRead {
    const list = reads.find((r) => r.layout === GENERIC_LAYOUT_ID);
    const forms = reads.find((r) => r.layout === GENERIC_FORM_LAYOUT);
    if (!list || !forms) return reads[0];
    return joinListAndForms(list, forms);
  },
};

/** The list's read and the forms' read as one (a saved form layout joins them too, generic/reader.ts). */
export function joinListAndForms(list: LayoutRead, forms: LayoutRead): LayoutRead {
  const policies = new Map(list.policies.map((p) => [p.key, p]));
  for (const p of forms.policies) if (!policies.has(p.key)) policies.set(p.key, { ...p, order: policies.size + 1 });
  const scale = forms.scale ?? list.scale;
  if (!sameItems(list, forms)) {
    return {
      layout: `${forms.layout}+${list.layout}`,
      policyLabel: list.policyLabel,
      policies: [...policies.values()],
      items: [...forms.items, ...list.items],
      findings: [...forms.findings, ...list.findings],
      tables: [...list.tables, ...forms.tables],
      ...(list.reportFy !== undefined || forms.reportFy !== undefined ? { reportFy: list.reportFy ?? forms.reportFy } : {}),
      ...(scale ? { scale } : {}),
    };
  }
  const read = reconcileListAndSheets(list, forms, { layout: `${list.layout}+${forms.layout}`, policyLabel: list.policyLabel, policies: [...policies.values()] });
  return { ...read, ...(scale ? { scale } : {}), ...(list.cellRules ? { cellRules: list.cellRules } : {}), ...(list.fields ? { fields: list.fields } : {}) };
}

/** Name similarity above which a form and a list row are taken for the same item. */
const SAME_NAME = 0.8;

/** Most forms are rows of the list: found there by name (ids may differ; reconciling says so). */
function sameItems(list: LayoutRead, forms: LayoutRead): boolean {
  if (!forms.items.length || !list.items.length) return false;
  const found = forms.items.filter((f) => list.items.some((l) => similarity(l.name, f.name) >= SAME_NAME)).length;
  return found * 2 >= forms.items.length;
}
