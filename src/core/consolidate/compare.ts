import { z } from 'zod';
import type { Summary } from '../summary/types';
import { IdentityIndex } from './identity';
import { ItemSourceSchema, ratingColumns, sourcesOf, type ItemSource } from './provenance';
import { identityOfSource } from './reconcile';

/**
 * This year against last year: the summary's counts by group and rating and its effect amounts,
 * each with last year's figure and the change, and the items whose rating fell, that are new this
 * year, or that were dropped. Last year is given as its items (from its workbooks, or read back from
 * its consolidated file's 内訳 sheet), so any earlier output can serve.
 */

export const DeltaSchema = z.object({ now: z.number(), last: z.number(), delta: z.number() });
export type Delta = z.infer<typeof DeltaSchema>;

export const CompareRowSchema = z.object({
  key: z.string(),
  name: z.string(),
  counts: z.record(z.string(), DeltaSchema),
  total: DeltaSchema,
  effectPlanned: DeltaSchema,
  effectActual: DeltaSchema,
});
export type CompareRow = z.infer<typeof CompareRowSchema>;

export const RatingChangeSchema = z.object({ now: ItemSourceSchema, last: ItemSourceSchema, from: z.string(), to: z.string() });
export type RatingChange = z.infer<typeof RatingChangeSchema>;

export const ComparisonSchema = z.object({
  thisFy: z.number().int().nullable(),
  lastFy: z.number().int().nullable(),
  lastFile: z.string(),
  /** Rating columns (best first), 'notRated' and 'unrated'. */
  columns: z.array(z.string()),
  /** The groups in the summary's order, then groups only last year had, then the total ('total'). */
  rows: z.array(CompareRowSchema),
  fell: z.array(RatingChangeSchema),
  rose: z.array(RatingChangeSchema),
  added: z.array(ItemSourceSchema),
  dropped: z.array(ItemSourceSchema),
});
export type Comparison = z.infer<typeof ComparisonSchema>;

const round = (x: number) => Number(x.toFixed(6));
const delta = (now: number, last: number): Delta => ({ now: round(now), last: round(last), delta: round(now - last) });
const sum = (xs: readonly ItemSource[], k: 'effectPlanned' | 'effectActual') => xs.reduce((t, s) => t + (s[k] ?? 0), 0);

export function compareYears(
  summary: Summary,
  now: readonly ItemSource[],
  last: readonly ItemSource[],
  info: { thisFy?: number; lastFy?: number; lastFile: string },
): Comparison {
  const ratings = ratingColumns(summary);
  const columns = [...ratings, 'notRated', 'unrated'];
  const row = (key: string, name: string, n: readonly ItemSource[], l: readonly ItemSource[]): CompareRow => ({
    key,
    name,
    counts: Object.fromEntries(columns.map((c) => [c, delta(n.filter((s) => s.rating === c).length, l.filter((s) => s.rating === c).length)])),
    total: delta(n.length, l.length),
    effectPlanned: delta(sum(n, 'effectPlanned'), sum(l, 'effectPlanned')),
    effectActual: delta(sum(n, 'effectActual'), sum(l, 'effectActual')),
  });
  const lastIn = (key: string) => last.filter((s) => s.groups.includes(key));
  const rows: CompareRow[] = summary.groups.map((g) => row(g.key, g.name, sourcesOf(g, now), lastIn(g.key)));
  const known = new Set(summary.groups.map((g) => g.key));
  const lastOnly = new Map<string, string>();
  for (const s of last) for (const g of s.groups) if (!known.has(g) && !lastOnly.has(g)) lastOnly.set(g, g === s.group ? s.groupName : g);
  for (const [key, name] of lastOnly) rows.push(row(key, name, [], lastIn(key)));
  rows.push(row('total', '合計', now, last));

  const rank = (r: string) => ratings.indexOf(r);
  const free = new IdentityIndex(identityOfSource, last);
  const fell: RatingChange[] = [];
  const rose: RatingChange[] = [];
  const added: ItemSource[] = [];
  for (const s of now) {
    const found = free.find(identityOfSource(s));
    if (!found.with || !(found.match === 'same' || found.match === 'renumbered')) {
      added.push(s);
      continue;
    }
    const l = found.with;
    free.remove(l);
    if (rank(s.rating) < 0 || rank(l.rating) < 0 || s.rating === l.rating) continue;
    (rank(s.rating) > rank(l.rating) ? fell : rose).push({ now: s, last: l, from: l.rating, to: s.rating });
  }
  return ComparisonSchema.parse({
    thisFy: info.thisFy ?? null,
    lastFy: info.lastFy ?? null,
    lastFile: info.lastFile,
    columns,
    rows,
    fell,
    rose,
    added,
    dropped: last.filter((l) => free.has(l)),
  });
}

/** 増減 as printed in Japanese tables: ▲ for a decrease, no sign for an increase. */
export function signedJa(n: number, format: (x: number) => string = String): string {
  return n < 0 ? `▲${format(-n)}` : format(n);
}
