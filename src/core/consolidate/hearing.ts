import { z } from 'zod';
import type { Plan } from '../model/plan';
import { actualFor, primaryIndicator, reportYear, targetFor } from '../rules/evaluate';
import type { Evaluation } from '../rules/evaluation';
import { formatNumber } from '../rules/format';
import { beatsOrMeets, compare } from '../rules/rating';
import { normalizeWidth } from '../values';
import type { Summary } from '../summary/types';
import { conFinding, ParamsSchema, type ConsolidationCode } from './codes';
import type { Comparison } from './compare';
import { compareIds } from './identity';
import { ratingColumns, type ItemSource } from './provenance';

/**
 * The hearing list (ヒアリング候補): the items the planning section should ask a department about
 * before the summary is published, each with every reason it is on the list. The reasons are the
 * ones planning sections ask about: an entered rating the rule would not give, a rating that fell
 * since last year, a good rating on an actual worse than the baseline, a missing actual, and a
 * department that rated everything at the top of the scale.
 */

export const HearingReasonSchema = z.object({
  code: z.string(),
  params: ParamsSchema,
  message: z.object({ ja: z.string(), en: z.string() }),
});
export type HearingReason = z.infer<typeof HearingReasonSchema>;

export const HearingEntrySchema = z.object({
  itemId: z.string(),
  name: z.string(),
  department: z.string(),
  group: z.string(),
  groupName: z.string(),
  rating: z.string(),
  file: z.string(),
  sheet: z.string(),
  cell: z.string(),
  reasons: z.array(HearingReasonSchema).min(1),
});
export type HearingEntry = z.infer<typeof HearingEntrySchema>;

export const HearingListSchema = z.object({
  reportFy: z.number().int().nullable(),
  entries: z.array(HearingEntrySchema),
  /** How many entries carry each reason code. */
  counts: z.record(z.string(), z.number().int()),
});
export type HearingList = z.infer<typeof HearingListSchema>;

export interface HearingInput {
  plan: Plan;
  evaluations: readonly Evaluation[];
  /** The summary's sources (provenance.ts): which items count and where each one is. */
  sources: readonly ItemSource[];
  summary: Summary;
  comparison?: Comparison;
  /** A department is asked about its all-top ratings from this many rated items on. */
  minAllTop?: number;
}

/** The ratings that read as "on plan or better": the better half of the scale (A and B of A–D). */
export function goodRatings(summary: Summary): string[] {
  const cols = ratingColumns(summary);
  return cols.slice(0, Math.ceil(cols.length / 2));
}

/** The department an item is asked about: the first one named (the lead department). */
export function leadDepartment(departments: readonly string[]): string {
  return normalizeWidth(departments[0] ?? '').replace(/\s+/g, ' ').trim();
}

function reason(code: ConsolidationCode, params: z.infer<typeof ParamsSchema>): HearingReason {
  const f = conFinding(code, params, []);
  return { code: f.code, params: f.params, message: f.message };
}

export function hearingList(input: HearingInput): HearingList {
  const { plan, summary } = input;
  const evals = new Map(input.evaluations.map((e) => [e.itemId, e]));
  const sources = new Map(input.sources.map((s) => [s.itemId, s]));
  const good = new Set(goodRatings(summary));
  const top = ratingColumns(summary)[0];
  const reasons = new Map<string, HearingReason[]>();
  const add = (id: string, r: HearingReason) => {
    const list = reasons.get(id);
    if (list) list.push(r);
    else reasons.set(id, [r]);
  };

  const counted = plan.items.filter((i) => sources.has(i.id));
  for (const item of counted) {
    const e = evals.get(item.id);
    const entered = item.rating?.notRated ? undefined : item.rating?.symbol;
    if (e?.suggested && entered && e.suggested !== entered) {
      add(item.id, reason('HRG001', { entered, suggested: e.suggested, reason: e.reason }));
    }
    const fy = reportYear(item, plan);
    const index = primaryIndicator(item);
    const ind = index >= 0 ? item.indicators[index] : undefined;
    if (
      e &&
      entered &&
      good.has(entered) &&
      e.direction !== 'match' &&
      e.actual !== undefined &&
      e.baseline !== undefined &&
      e.target !== undefined &&
      compare(e.direction, e.actual, e.baseline) < 0 &&
      beatsOrMeets(e.direction, e.actual, e.target) === 'short'
    ) {
      add(item.id, reason('HRG003', { rating: entered, actual: formatNumber(e.actual), baseline: formatNumber(e.baseline) }));
    }
    if (ind && targetFor(ind, fy)?.kind === 'number') {
      const actual = actualFor(ind, fy);
      if (!actual || actual.kind === 'blank' || actual.kind === 'na') add(item.id, reason('HRG004', { indicator: ind.name }));
    }
  }
  for (const f of input.comparison?.fell ?? []) {
    if (sources.has(f.now.itemId)) add(f.now.itemId, reason('HRG002', { last: f.from, now: f.to }));
  }
  // Departments whose every entered rating is the top one.
  const min = input.minAllTop ?? 2;
  const byDept = new Map<string, string[]>();
  for (const item of counted) {
    if (!item.rating) continue;
    const d = leadDepartment(item.departments);
    if (!d) continue;
    const ids = byDept.get(d);
    if (ids) ids.push(item.id);
    else byDept.set(d, [item.id]);
  }
  const ratingOf = new Map(counted.map((i) => [i.id, i.rating?.symbol]));
  for (const [dept, ids] of byDept) {
    if (ids.length < min || !ids.every((id) => ratingOf.get(id) === top)) continue;
    for (const id of ids) add(id, reason('HRG005', { department: dept, count: ids.length, top }));
  }

  const entries: HearingEntry[] = [];
  for (const item of counted) {
    const rs = reasons.get(item.id);
    if (!rs) continue;
    const s = sources.get(item.id)!;
    rs.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    entries.push({
      itemId: item.id,
      name: item.name,
      department: s.department,
      group: s.group,
      groupName: s.groupName,
      rating: item.rating?.symbol ?? '',
      file: s.file,
      sheet: s.sheet,
      cell: s.cell,
      reasons: rs,
    });
  }
  const order = new Map(summary.groups.map((g, i) => [g.key, i]));
  entries.sort((a, b) => (order.get(a.group) ?? 1e9) - (order.get(b.group) ?? 1e9) || compareIds(a.itemId, b.itemId));
  const counts: Record<string, number> = {};
  for (const e of entries) for (const r of e.reasons) counts[r.code] = (counts[r.code] ?? 0) + 1;
  // Checked by the schema where it leaves the core (the CLI's JSON, the pane's boundary), not again here.
  const list: HearingList = { reportFy: plan.reportFy ?? null, entries, counts };
  return list;
}
