import { reconcileListAndSheets } from '../list-sheets';
import type { Combiner, LayoutRead } from '../types';
import { ISEHARA_POLICIES, ISEHARA_POLICY_LABEL } from './common';
import { ISEHARA_SHEET_LAYOUT } from './item-sheet';

export { similarity } from '../list-sheets';

/**
 * Isehara's list (取組項目一覧) and its item sheets describe the same 71 items; four have no sheet
 * and one sheet (2(4)⑪) prints the wrong number. The list is the plan's register, so it decides
 * which items exist and their ids; the sheets bring the years, 〔小計〕 and the cells staff edit
 * (list-sheets.ts, the one rule for a list beside its item sheets).
 */

export const ISEHARA_LIST_LAYOUT = 'isehara-list';

export const iseharaCombiner: Combiner = {
  layouts: [ISEHARA_LIST_LAYOUT, ISEHARA_SHEET_LAYOUT],
  combine(reads: LayoutRead[]): LayoutRead {
    const list = reads.find((r) => r.layout === ISEHARA_LIST_LAYOUT);
    const sheets = reads.find((r) => r.layout === ISEHARA_SHEET_LAYOUT);
    if (!list || !sheets) return reads[0];
    return reconcile(list, sheets);
  },
};

export function reconcile(list: LayoutRead, sheets: LayoutRead): LayoutRead {
  return reconcileListAndSheets(list, sheets, {
    layout: `${ISEHARA_LIST_LAYOUT}+${ISEHARA_SHEET_LAYOUT}`,
    policyLabel: list.policyLabel || ISEHARA_POLICY_LABEL,
    policies: list.policies.length ? list.policies : [...ISEHARA_POLICIES],
  });
}
