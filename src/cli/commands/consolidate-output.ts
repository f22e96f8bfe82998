import { z } from 'zod';
import { ComparisonSchema, signedJa, type Comparison } from '../../core/consolidate/compare';
import { HearingListSchema } from '../../core/consolidate/hearing';
import { MachineTableSchema } from '../../core/consolidate/machine-table';
import { ItemSourceSchema, sourcesOf, type ItemSource } from '../../core/consolidate/provenance';
import { ReconciliationSchema } from '../../core/consolidate/reconcile';
import { CopySchema, FileEntrySchema } from '../../core/consolidate/types';
import type { SummaryRow } from '../../core/summary/types';
import { SummaryRowJson } from '../json';
import { num, table } from '../text';
import type { SummaryRun } from './consolidate';

/**
 * The consolidated summary's JSON: the summary document scripts already read (files, groups, total),
 * each row with its `sources` (the items behind every count and amount, with file, sheet and cells),
 * and what the consolidation, reconciliation, comparison and hearing list found. Messages are in the
 * language asked for; every document is parsed before it is printed.
 */
const FindingJson = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  sources: z.array(z.object({ file: z.string(), sheet: z.string().optional(), cell: z.string().optional() })),
  itemId: z.string().optional(),
});

const RowWithSources = SummaryRowJson.extend({
  /** Counts per rating column of the summary (the city's own scale). */
  counts: z.record(z.string(), z.number()),
  sources: z.array(ItemSourceSchema),
});

export const ConsolidatedSummaryJson = z.object({
  files: z.array(z.string()),
  layouts: z.array(z.string()),
  groupLabel: z.string(),
  reportFy: z.number().nullable(),
  groups: z.array(RowWithSources),
  total: RowWithSources,
  consolidation: z.object({
    files: z.array(FileEntrySchema),
    duplicates: z.array(z.object({ id: z.string(), name: z.string(), used: z.string().nullable(), differing: z.array(z.string()), resolution: z.string(), copies: z.array(CopySchema) })),
    findings: z.array(FindingJson),
  }),
  reconciliation: ReconciliationSchema.omit({ findings: true }).extend({ findings: z.array(FindingJson) }).nullable(),
  comparison: ComparisonSchema.nullable(),
  hearing: HearingListSchema.omit({ entries: true }).extend({
    entries: z.array(HearingListSchema.shape.entries.element.omit({ reasons: true }).extend({ reasons: z.array(z.object({ code: z.string(), message: z.string() })) })),
  }),
  machineReadable: MachineTableSchema,
});

const findingJson = (lang: 'ja' | 'en') => (f: { code: string; severity: 'error' | 'warning' | 'info'; message: { ja: string; en: string }; sources: { file: string; sheet?: string; cell?: string }[]; itemId?: string }) => ({
  code: f.code,
  severity: f.severity,
  message: f.message[lang],
  sources: f.sources,
  ...(f.itemId !== undefined ? { itemId: f.itemId } : {}),
});

function rowJson(r: SummaryRow, sources: readonly ItemSource[]) {
  return {
    key: r.key,
    name: r.name,
    counts: { ...r.counts },
    total: r.total,
    effectPlanned: r.effectPlanned,
    effectActual: r.effectActual,
    effectRatio: r.effectRatio,
    sources: sourcesOf(r, sources),
  };
}

export function consolidatedJson(run: SummaryRun, lang: 'ja' | 'en'): z.infer<typeof ConsolidatedSummaryJson> {
  const c = run.consolidation;
  const f = findingJson(lang);
  return ConsolidatedSummaryJson.parse({
    files: c.files.filter((x) => x.status === 'used').map((x) => x.file),
    layouts: c.plan.layouts,
    groupLabel: run.summary.groupLabel,
    reportFy: run.summary.reportFy ?? null,
    groups: run.summary.groups.map((g) => rowJson(g, run.sources)),
    total: rowJson(run.summary.total, run.sources),
    consolidation: { files: c.files, duplicates: c.duplicates, findings: c.findings.map(f) },
    reconciliation: run.reconciliation ? { ...run.reconciliation, findings: run.reconciliation.findings.map(f) } : null,
    comparison: run.comparison ?? null,
    hearing: {
      ...run.hearing,
      entries: run.hearing.entries.map((e) => ({ ...e, reasons: e.reasons.map((x) => ({ code: x.code, message: x.message[lang] })) })),
    },
    machineReadable: run.machine,
  });
}

/** The comparison for the terminal, one line per group and rating: 今年度, 前年度, 増減 (▲ for a decrease). */
export function countsText(cmp: Comparison, label: string, lang: 'ja' | 'en'): string {
  const ja = lang === 'ja';
  const colName = (c: string) => (c === 'unrated' ? (ja ? '未評価' : 'unrated') : c);
  const signed = (n: number) => (ja ? signedJa(n, num) : n > 0 ? `+${num(n)}` : num(n));
  const rows: string[][] = [];
  for (const r of cmp.rows) {
    const title = r.key === 'total' ? (ja ? '合計' : 'Total') : r.name.startsWith(r.key) ? r.name : `${r.key} ${r.name}`;
    const shown = cmp.columns.filter((c) => c !== 'unrated' || r.counts[c].now !== 0 || r.counts[c].last !== 0);
    shown.forEach((c, i) => rows.push([i === 0 ? title : '', colName(c), String(r.counts[c].now), String(r.counts[c].last), signed(r.counts[c].delta)]));
    rows.push(['', ja ? '計' : 'all', String(r.total.now), String(r.total.last), signed(r.total.delta)]);
    rows.push(['', ja ? '効果見込額' : 'planned', num(r.effectPlanned.now), num(r.effectPlanned.last), signed(r.effectPlanned.delta)]);
    rows.push(['', ja ? '実績効果額' : 'actual', num(r.effectActual.now), num(r.effectActual.last), signed(r.effectActual.delta)]);
  }
  const head = ja ? [label, '評価', '今年度', '前年度', '増減'] : [label, 'rating', 'this year', 'last year', 'change'];
  const out = [
    ja ? `前年度との比較(前年度: ${cmp.lastFile})` : `Compared with last year (${cmp.lastFile})`,
    table(head, rows, [false, false, true, true, true]),
  ];
  const list = (title: string, xs: string[]) => {
    out.push(`${title}: ${xs.length}${ja ? ' 件' : ''}`);
    for (const x of xs) out.push(`  ${x}`);
  };
  list(ja ? '評価が下がった取組' : 'rating fell', cmp.fell.map((x) => `${x.now.itemId} ${x.now.name}（${x.now.department}）: ${x.from} → ${x.to}`));
  list(ja ? '今年度新たに報告された取組' : 'new this year', cmp.added.map((x) => `${x.itemId} ${x.name}（${x.department}）`));
  list(ja ? '前年度にあり今年度にない取組' : 'dropped since last year', cmp.dropped.map((x) => `${x.itemId} ${x.name}（${x.department}）`));
  return out.join('\n');
}
