import { SheetView } from '../../grid/sheet-view';
import type { SheetGrid } from '../../grid/types';
import type { Item, Policy } from '../../model/plan';
import { finding, type Finding } from '../../validation/finding';
import { oncePer } from '../../once-per';

/** What table and form layouts share: one view per sheet, one id per item, the policies in plan order. */

/** Detection and reading share one view per sheet, so its text cache serves every layout. */
export const viewOf = oncePer((grid: SheetGrid) => new SheetView(grid));

/** One id per item (【再掲】 repeats excepted): a later duplicate keeps its row visible under a distinct id. */
export function dedupe(items: Item[], findings: Finding[]): void {
  const seen = new Map<string, Item>();
  for (const it of items) {
    if (it.flags.includes('repost')) continue;
    const first = seen.get(it.id);
    if (!first) {
      seen.set(it.id, it);
      continue;
    }
    const at = first.cells.id ?? first.cells.name ?? { sheet: first.source.sheet, address: 'A1' };
    const id = it.id;
    // A sheet of one item (a form) is named by its sheet alone.
    const alone = !items.some((x) => x !== it && x.source.sheet === it.source.sheet);
    it.id = alone ? `${id}@${it.source.sheet}` : `${id}@${it.source.sheet}!${it.source.row + 1}`;
    findings.push(finding('VLD008', it.cells.id ?? it.cells.name ?? { sheet: it.source.sheet }, { id, first: `${at.sheet}!${at.address}` }, it.id));
  }
}

export function policiesOf(fixed: Policy[] | undefined, items: Item[]): Policy[] {
  if (fixed) return fixed.map((p) => ({ ...p }));
  const out = new Map<string, Policy>();
  for (const it of items) if (!out.has(it.policyKey)) out.set(it.policyKey, { key: it.policyKey, name: it.policyName, order: out.size + 1 });
  return [...out.values()];
}

