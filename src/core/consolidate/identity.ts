import { nameKey } from '../layouts/isehara/item-sheet';
import { similarity } from '../layouts/isehara/reconcile';
import type { Item, Plan } from '../model/plan';
import { actualFor, primaryIndicator, reportYear, targetFor } from '../rules/evaluate';
import { normalizeWidth } from '../values';
import { valueKey } from '../values/same-value';
import type { ParsedValue } from '../values/types';

export { valueKey };

/**
 * How one item is recognised across files, years and the plan's list: by the city's own number
 * and its name. Numbers are compared after width and spacing are normalised (`５（８）①` = `5(8)①`).
 * With the same number, names need only be similar (the bigram similarity the Isehara list↔sheet
 * matching uses), so typos and line breaks do not split an item in two. Without the same number,
 * the names must be the same (after normalisation) in the same policy: near-identical names of
 * different items (「事務の見直し（総務課）」「事務の見直し（財政課）」) must never be merged, since an
 * item counted once too few is as wrong as one counted twice.
 */

/** Names at least this similar are the same item when the numbers agree. */
export const SAME_NAME = 0.8;

export function idKey(id: string): string {
  return normalizeWidth(id).replace(/\s+/g, '');
}

/**
 * An id a reader made up from the sheet and row because the table has no number column (generic
 * reader: `Sheet!12`, or `No@12` for a repeated number). Such ids say nothing across files.
 */
export function isPositionalId(item: Item): boolean {
  return item.source.layout === 'generic' && item.cells.id === undefined;
}

/** The same test on an id alone (rows read back from a 内訳 sheet carry no reader). */
export function looksPositional(id: string): boolean {
  return /![0-9]+$/.test(id) || /@[0-9]+$/.test(id);
}

export { nameKey, similarity };

const ID_ORDER = new Intl.Collator('ja', { numeric: true });

/** Numbers in reading order: 5(9)③ before 5(10)①, ② before ⑪ (circled numbers compared as digits). */
export function compareIds(a: string, b: string): number {
  return ID_ORDER.compare(a.normalize('NFKC'), b.normalize('NFKC'));
}

/** What identifies an item: its number, its name, its policy, its lead department, and whether the number means anything. */
export interface Identity {
  id: string;
  name: string;
  policyKey: string;
  positional: boolean;
  /** The lead department, normalised; '' when not known. */
  department: string;
}

export function departmentKey(d: string | undefined): string {
  return normalizeWidth(d ?? '').replace(/\s+/g, '');
}

export function identityOf(item: Item): Identity {
  return { id: item.id, name: item.name, policyKey: item.policyKey, positional: isPositionalId(item), department: departmentKey(item.departments[0]) };
}

export type Match = 'same' | 'renumbered' | 'id-reused' | 'none';

export interface MatchOptions {
  /**
   * A match by name alone also needs the same lead department (when both are known). Department
   * files are matched this way: two departments may well report items of the same name.
   */
  sameDepartment?: boolean;
}

const nameOf = (i: Identity) => `${i.policyKey}\u0000${nameKey(i.name)}`;

/** How two items (from different files or years) relate. */
export function matchItems(a: Identity, b: Identity, opts: MatchOptions = {}): Match {
  const positional = a.positional || b.positional;
  const sameId = !positional && idKey(a.id) === idKey(b.id);
  if (sameId && similarity(a.name, b.name) >= SAME_NAME) return 'same';
  const departments = !opts.sameDepartment || !a.department || !b.department || a.department === b.department;
  if (nameOf(a) === nameOf(b) && departments) return positional || sameId ? 'same' : 'renumbered';
  if (sameId) return 'id-reused';
  return 'none';
}

/**
 * Finds b's partner among candidates: an exact match first, then a renumbered one; a number used for
 * another item is reported only when nothing else matched.
 */
export function findPartner<T>(item: Identity, candidates: readonly T[], identity: (c: T) => Identity, opts: MatchOptions = {}): { match: Match; with?: T } {
  let renumbered: T | undefined;
  let reused: T | undefined;
  for (const c of candidates) {
    const m = matchItems(identity(c), item, opts);
    if (m === 'same') return { match: 'same', with: c };
    if (m === 'renumbered') renumbered ??= c;
    if (m === 'id-reused') reused ??= c;
  }
  if (renumbered !== undefined) return { match: 'renumbered', with: renumbered };
  if (reused !== undefined) return { match: 'id-reused', with: reused };
  return { match: 'none' };
}

/**
 * Items waiting for a partner, indexed by number and by (policy, name), so a lookup compares only
 * the few that can match, not every item of the other side.
 */
export class IdentityIndex<T> {
  private readonly byId = new Map<string, Set<T>>();
  private readonly byName = new Map<string, Set<T>>();
  private readonly keys = new Map<T, { ids: string[]; names: string[] }>();

  constructor(
    private readonly identity: (t: T) => Identity,
    items: Iterable<T> = [],
    private readonly opts: MatchOptions = {},
  ) {
    for (const t of items) this.add(t);
  }

  /** Indexes t under this identity (an item known by several numbers is added once per number). */
  add(t: T, as: Identity = this.identity(t)): void {
    const k = this.keys.get(t) ?? { ids: [], names: [] };
    this.keys.set(t, k);
    const put = (map: Map<string, Set<T>>, key: string, list: string[]) => {
      const set = map.get(key) ?? new Set<T>();
      set.add(t);
      map.set(key, set);
      list.push(key);
    };
    put(this.byId, idKey(as.id), k.ids);
    put(this.byName, nameOf(as), k.names);
  }

  remove(t: T): void {
    const k = this.keys.get(t);
    if (!k) return;
    for (const key of k.ids) this.byId.get(key)?.delete(t);
    for (const key of k.names) this.byName.get(key)?.delete(t);
    this.keys.delete(t);
  }

  has(t: T): boolean {
    return this.keys.has(t);
  }

  find(me: Identity, usable: (t: T) => boolean = () => true): { match: Match; with?: T } {
    const candidates = [...new Set([...(this.byId.get(idKey(me.id)) ?? []), ...(this.byName.get(nameOf(me)) ?? [])])].filter(usable);
    return findPartner(me, candidates, this.identity, this.opts);
  }
}

export function valueText(v: ParsedValue | undefined): string {
  if (!v || v.raw.trim() === '' || v.kind === 'blank') return v?.raw.trim() || '(空欄)';
  return v.raw.trim();
}

/** The values that decide the summary and the hearing list, for the item's report year. */
export interface ReportedValues {
  rating: string;
  target: ParsedValue | undefined;
  actual: ParsedValue | undefined;
  effectPlanned: ParsedValue | undefined;
  effectActual: ParsedValue | undefined;
}

export const COMPARED_FIELDS = ['rating', 'target', 'actual', 'effectPlanned', 'effectActual'] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export const FIELD_LABEL: Record<ComparedField, { ja: string; en: string }> = {
  rating: { ja: '評価', en: 'rating' },
  target: { ja: '目標値', en: 'target' },
  actual: { ja: '実績値', en: 'actual' },
  effectPlanned: { ja: '効果見込額', en: 'planned effect' },
  effectActual: { ja: '実績効果額', en: 'actual effect' },
};

export function reportedValues(item: Item, plan: Pick<Plan, 'reportFy'>): ReportedValues {
  const fy = reportYear(item, plan);
  const ind = item.indicators[Math.max(primaryIndicator(item), 0)];
  const year = item.effects?.byYear.find((y) => y.fy === fy);
  return {
    rating: item.rating?.symbol ?? '',
    target: ind ? targetFor(ind, fy) : undefined,
    actual: ind ? actualFor(ind, fy) : undefined,
    effectPlanned: year?.planned,
    effectActual: year?.actual,
  };
}

/** Fields whose values differ between two copies of an item. */
export function differingFields(a: ReportedValues, b: ReportedValues): ComparedField[] {
  return COMPARED_FIELDS.filter((f) => (f === 'rating' ? a.rating !== b.rating : valueKey(a[f]) !== valueKey(b[f])));
}

export function fieldValueText(v: ReportedValues, f: ComparedField): string {
  return f === 'rating' ? v.rating || '(空欄)' : valueText(v[f]);
}

/**
 * A fingerprint of what a file says (items, their numbers, names and values), not of its bytes: a
 * copy saved again or renamed has the same fingerprint, a file with one changed value does not.
 */
export function planFingerprint(plan: Plan): string {
  const parts = plan.items.map((it) => {
    const v = reportedValues(it, plan);
    return [
      idKey(it.id),
      nameKey(it.name),
      it.policyKey,
      it.departments.join('/'),
      v.rating,
      ...COMPARED_FIELDS.slice(1).map((f) => valueKey(v[f as Exclude<ComparedField, 'rating'>])),
      it.indicators.map((ind) => `${ind.name}|${valueKey(ind.baseline?.value)}|${ind.actuals.map((a) => `${a.fy}:${valueKey(a.value)}`).join(',')}`).join(';'),
    ].join('\u0001');
  });
  // Sorted: the same items in another row order are the same content.
  return hash53([String(plan.reportFy ?? ''), ...parts.sort()].join('\u0002'));
}

/** cyrb53: a fast 53-bit string hash (public domain); plenty to tell files apart, not a security measure. */
export function hash53(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}
