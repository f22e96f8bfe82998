import { z } from 'zod';
import { ConFindingSchema, type ConFinding } from '../core/consolidate/codes';
import { ComparisonSchema, type Comparison } from '../core/consolidate/compare';
import { HearingListSchema, type HearingList } from '../core/consolidate/hearing';
import { MachineTableSchema, type MachineTable } from '../core/consolidate/machine-table';
import { ItemSourceSchema, sourcesOf, type ItemSource } from '../core/consolidate/provenance';
import { ReconciliationSchema, type Reconciliation } from '../core/consolidate/reconcile';
import { CopySchema, FileEntrySchema, type Consolidation } from '../core/consolidate/types';
import type { Analysis } from '../core/engine/analyse';
import type { Item } from '../core/model/plan';
import type { CrossTab } from '../core/summary/crosstab';
import type { Summary, SummaryRow } from '../core/summary/types';
import { verdictOf } from '../core/validation/verdict';
import { itemCounts } from './render';
import type { ParsedValue } from '../core/values/types';

/**
 * The CLI's JSON output, as schemas: every document is parsed before it is printed, so scripts
 * that consume it get exactly this shape or the CLI fails loudly.
 */
const Scalar = z.union([z.number(), z.string(), z.null()]);
const ByYear = z.record(z.string(), Scalar);
/** How the item count was reached: rows read, 【再掲】 repeats counted once, items counted. */
export const ItemCountJson = z.object({ rows: z.number(), reposts: z.number(), counted: z.number(), templates: z.number() });

export const IndicatorJson = z.object({
  name: z.string(),
  unit: z.string().nullable(),
  direction: z.string(),
  directionSource: z.string(),
  aggregation: z.string(),
  qualitative: z.boolean(),
  baseline: Scalar,
  baselineFy: z.number().nullable(),
  finalTarget: Scalar,
  finalTargetFy: z.number().nullable(),
  targets: ByYear,
  actuals: ByYear,
});

export const ItemJson = z.object({
  id: z.string(),
  policy: z.object({ key: z.string(), name: z.string() }),
  group: z.object({ key: z.string(), name: z.string() }).nullable(),
  name: z.string(),
  departments: z.array(z.string()),
  indicators: z.array(IndicatorJson),
  effects: z.record(z.string(), z.object({ planned: Scalar, actual: Scalar })),
  reportFy: z.number().nullable(),
  rating: z.string().nullable(),
  ratingCell: z.string().nullable(),
  classes: z.record(z.string(), z.string()),
  flags: z.array(z.string()),
  source: z.object({ layout: z.string(), sheet: z.string(), row: z.number() }),
});

export const InspectJson = z.object({
  layout: z.string(),
  layouts: z.array(
    z.object({ id: z.string(), sheets: z.array(z.string()), score: z.number(), forced: z.boolean(), reasons: z.array(z.string()) }),
  ),
  unclaimedSheets: z.array(z.string()),
  policyLabel: z.string(),
  reportFy: z.number().nullable(),
  policies: z.array(z.object({ key: z.string(), name: z.string() })),
  itemCount: ItemCountJson,
  items: z.array(ItemJson),
  findings: z.object({ error: z.number(), warning: z.number(), info: z.number() }),
});

export const IssueJson = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  sheet: z.string(),
  cell: z.string(),
  itemId: z.string().nullable(),
  message: z.string(),
});
export const VerdictJson = z.object({
  /** Can be submitted as the year's progress report: no errors and every item has a rating column. */
  ready: z.boolean(),
  items: z.number(),
  errors: z.number(),
  /** Sheets still in plan form (no rating column) and their items. */
  planSheets: z.array(z.string()),
  planItems: z.number(),
  /** The verdict as printed. */
  text: z.array(z.string()),
});
export const ValidateJson = z.object({
  layout: z.string(),
  file: z.string(),
  counts: z.object({ error: z.number(), warning: z.number(), info: z.number() }),
  verdict: VerdictJson,
  issues: z.array(IssueJson),
  /** Where the copy with the 検証結果 sheet was written (--write-report -o), else null. */
  out: z.string().nullable(),
});

/** Items per symbol of the plan's scale (A, B … or S, A …), plus `unrated` and `notRated`. */
const CountsJson = z.record(z.string(), z.number());
export const SummaryRowJson = z.object({
  key: z.string(),
  name: z.string(),
  counts: CountsJson,
  total: z.number(),
  effectPlanned: z.number(),
  effectActual: z.number(),
  effectRatio: z.number().nullable(),
});
/** A consolidation, reconciliation or hearing finding, its message in the language asked for. */
const ConFindingJson = ConFindingSchema.omit({ params: true, message: true }).extend({ message: z.string() });
/** Each row's items: every count and amount of the row is a count or sum of these (provenance.ts). */
const RowWithSources = SummaryRowJson.extend({ sources: z.array(ItemSourceSchema) });

export const SummaryJson = z.object({
  /** The files counted (consolidation.files lists every file given, with its status). */
  files: z.array(z.string()),
  layouts: z.array(z.string()),
  axis: z.string(),
  groupLabel: z.string(),
  reportFy: z.number().nullable(),
  /** The scale's symbols, best first: the order of `counts`. */
  scale: z.array(z.string()),
  items: ItemCountJson,
  /** Ids of unrated items counted with their suggested rating (--include-suggested). */
  suggestedUsed: z.array(z.string()),
  /** Items counted in several groups (shared by departments); each is once in the total. */
  sharedItems: z.number(),
  /** Ratings that are still the add-in's suggestion, as written (not confirmed by the department). */
  unconfirmed: z.array(z.object({ file: z.string(), itemId: z.string(), cell: z.string() })),
  groups: z.array(RowWithSources),
  total: RowWithSources,
  /** Where the summary sheet was written (-o), else null. */
  out: z.string().nullable(),
  /** Where the machine-readable CSV was written (--csv), else null. */
  csv: z.string().nullable(),
  consolidation: z.object({
    files: z.array(FileEntrySchema),
    duplicates: z.array(z.object({ id: z.string(), name: z.string(), used: z.string().nullable(), differing: z.array(z.string()), resolution: z.string(), copies: z.array(CopySchema) })),
    findings: z.array(ConFindingJson),
  }),
  /** Against the plan's list (--master), else null. */
  reconciliation: ReconciliationSchema.omit({ findings: true }).extend({ findings: z.array(ConFindingJson) }).nullable(),
  /** With last year (--compare), else null. */
  comparison: ComparisonSchema.nullable(),
  hearing: HearingListSchema.omit({ entries: true }).extend({
    entries: z.array(HearingListSchema.shape.entries.element.omit({ reasons: true }).extend({ reasons: z.array(z.object({ code: z.string(), message: z.string() })) })),
  }),
  /** The machine-readable twin of the summary (the table the CSV holds). */
  machineReadable: MachineTableSchema,
});
/** What summary prints instead of a summary while copies of an item disagree (exit 1). */
export const RefusedSummaryJson = z.object({
  refused: z.literal(true),
  consolidation: SummaryJson.shape.consolidation,
});
const GroupJson = z.object({ key: z.string(), name: z.string() });
export const CrossTabJson = z.object({
  files: z.array(z.string()),
  axes: z.tuple([z.string(), z.string()]),
  rows: z.array(GroupJson),
  cols: z.array(GroupJson),
  counts: z.array(z.array(z.number())),
  rowTotals: z.array(z.number()),
  colTotals: z.array(z.number()),
  total: z.number(),
  items: ItemCountJson,
  sharedItems: z.number(),
  out: z.string().nullable(),
  consolidation: SummaryJson.shape.consolidation,
});

function scalar(v: ParsedValue | undefined): string | number | null {
  if (!v) return null;
  if (v.kind === 'number') return v.value;
  if (v.kind === 'text') return v.text;
  return null;
}

export function itemJson(item: Item): z.infer<typeof ItemJson> {
  const effects: Record<string, { planned: string | number | null; actual: string | number | null }> = {};
  for (const y of item.effects?.byYear ?? []) effects[String(y.fy)] = { planned: scalar(y.planned), actual: scalar(y.actual) };
  return {
    id: item.id,
    policy: { key: item.policyKey, name: item.policyName },
    group: item.groupKey !== undefined ? { key: item.groupKey, name: item.groupName ?? '' } : null,
    name: item.name,
    departments: item.departments,
    indicators: item.indicators.map((ind) => ({
      name: ind.name,
      unit: ind.unit ?? null,
      direction: ind.direction,
      directionSource: ind.directionSource,
      aggregation: ind.aggregation,
      qualitative: ind.qualitative,
      baseline: scalar(ind.baseline?.value),
      baselineFy: ind.baseline?.fy ?? null,
      finalTarget: scalar(ind.finalTarget?.value),
      finalTargetFy: ind.finalTarget?.fy ?? null,
      targets: Object.fromEntries(ind.targets.map((t) => [String(t.fy), scalar(t.value)])),
      actuals: Object.fromEntries(ind.actuals.map((t) => [String(t.fy), scalar(t.value)])),
    })),
    effects,
    reportFy: item.reportFy ?? null,
    rating: item.rating?.symbol ?? null,
    ratingCell: item.ratingCell ? `${item.ratingCell.sheet}!${item.ratingCell.address}` : null,
    classes: item.classes ?? {},
    flags: item.flags,
    source: item.source,
  };
}

export function countFindings(a: Analysis): { error: number; warning: number; info: number } {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of a.findings) c[f.severity]++;
  return c;
}

export function inspectJson(a: Analysis, lang: 'ja' | 'en'): z.infer<typeof InspectJson> {
  return InspectJson.parse({
    layout: layoutName(a),
    layouts: a.detection.chosen.map((c) => ({
      id: c.layout,
      sheets: c.sheets,
      score: Math.round(c.score * 100) / 100,
      forced: c.forced,
      reasons: c.reasons.map((r) => `${r.sheet}: ${r.reason[lang]}`),
    })),
    unclaimedSheets: a.detection.unclaimed,
    policyLabel: a.plan.policyLabel,
    reportFy: a.plan.reportFy ?? null,
    policies: a.plan.policies.map((p) => ({ key: p.key, name: p.name })),
    itemCount: itemCounts(a.plan),
    items: a.plan.items.map(itemJson),
    findings: countFindings(a),
  });
}

export function validateJson(a: Analysis, file: string, lang: 'ja' | 'en', verdictText: string[], out: string | null = null): z.infer<typeof ValidateJson> {
  const v = verdictOf(a.plan, a.findings);
  return ValidateJson.parse({
    layout: layoutName(a),
    file,
    counts: countFindings(a),
    verdict: { ready: v.ready, items: v.items, errors: v.errors, planSheets: v.planSheets, planItems: v.planItems, text: verdictText },
    issues: a.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      sheet: f.sheet,
      cell: f.cell,
      itemId: f.itemId ?? null,
      message: f.message[lang],
    })),
    out,
  });
}

export function rowJson(s: Summary, r: SummaryRow): z.infer<typeof SummaryRowJson> {
  return {
    key: r.key,
    name: r.name,
    counts: { ...Object.fromEntries(s.scale.symbols.map((x, i) => [x.symbol, r.counts[i]])), unrated: r.unrated, ...(r.notRated ? { notRated: r.notRated } : {}) },
    total: r.total,
    effectPlanned: r.effectPlanned,
    effectActual: r.effectActual,
    effectRatio: r.effectRatio,
  };
}

/** A summary row with the files and cells behind it. */
function rowWithSources(s: Summary, r: SummaryRow, sources: readonly ItemSource[]): z.infer<typeof RowWithSources> {
  return { sources: sourcesOf(r, sources), ...rowJson(s, r) };
}

export interface SummaryExtras {
  items: z.infer<typeof ItemCountJson>;
  sharedItems: number;
  out: string | null;
  unconfirmed: { file: string; itemId: string; cell: string }[];
}

/** Everything one run of summary found, for the JSON document. */
export interface SummaryRunJson {
  consolidation: Consolidation;
  summary: Summary;
  sources: ItemSource[];
  reconciliation?: Reconciliation;
  comparison?: Comparison;
  hearing: HearingList;
  machine: MachineTable;
}

const findingJson = (lang: 'ja' | 'en') => (f: ConFinding) => ({
  code: f.code,
  severity: f.severity,
  message: f.message[lang],
  sources: f.sources,
  ...(f.itemId !== undefined ? { itemId: f.itemId } : {}),
});

export function consolidationJson(c: Consolidation, lang: 'ja' | 'en'): z.infer<typeof SummaryJson>['consolidation'] {
  return { files: c.files, duplicates: c.duplicates, findings: c.findings.map(findingJson(lang)) };
}

export function summaryJson(run: SummaryRunJson, extras: SummaryExtras & { csv: string | null }, lang: 'ja' | 'en'): z.infer<typeof SummaryJson> {
  const { summary: s, consolidation: c } = run;
  return SummaryJson.parse({
    files: c.files.filter((f) => f.status === 'used').map((f) => f.file),
    layouts: c.plan.layouts,
    axis: s.axis,
    groupLabel: s.groupLabel,
    reportFy: s.reportFy ?? null,
    scale: s.scale.symbols.map((x) => x.symbol),
    items: extras.items,
    suggestedUsed: s.suggestedUsed,
    sharedItems: extras.sharedItems,
    unconfirmed: extras.unconfirmed,
    groups: s.groups.map((g) => rowWithSources(s, g, run.sources)),
    total: rowWithSources(s, s.total, run.sources),
    out: extras.out,
    csv: extras.csv,
    consolidation: consolidationJson(c, lang),
    reconciliation: run.reconciliation ? { ...run.reconciliation, findings: run.reconciliation.findings.map(findingJson(lang)) } : null,
    comparison: run.comparison ?? null,
    hearing: { ...run.hearing, entries: run.hearing.entries.map((e) => ({ ...e, reasons: e.reasons.map((x) => ({ code: x.code, message: x.message[lang] })) })) },
    machineReadable: run.machine,
  });
}

export function crossTabJson(t: CrossTab, files: string[], extras: SummaryExtras, consolidation: z.infer<typeof SummaryJson>['consolidation']): z.infer<typeof CrossTabJson> {
  return CrossTabJson.parse({
    files,
    axes: [t.axisA, t.axisB],
    rows: t.rows,
    cols: t.cols,
    counts: t.counts,
    rowTotals: t.rowTotals,
    colTotals: t.colTotals,
    total: t.total,
    items: extras.items,
    sharedItems: extras.sharedItems,
    out: extras.out,
    consolidation,
  });
}

export function layoutName(a: Analysis): string {
  return a.detection.chosen.map((c) => c.layout).join('+') || 'none';
}
