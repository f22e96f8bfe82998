import { toA1 } from '../grid/a1';
import { withoutStrayCells } from '../grid/stray';
import type { CellRef, WorkbookGrid } from '../grid/types';
import { detectLayouts, type DetectionResult } from '../layouts/detect';
import type { SavedLayout } from '../layouts/generic/mapping';
import { LayoutSpecSchema, type LayoutSpec } from '../layouts/kit/spec';
import { COMBINERS, layoutById } from '../layouts/registry';
import type { LayoutRead } from '../layouts/types';
import { mergeClassNames, type Plan } from '../model/plan';
import { evaluatePlan } from '../rules/evaluate';
import { effectivePack, packById, periodFor, storedPack, type EffectivePack, type RulePack } from '../rules/packs';
import { scaleById } from '../values/scales';
import type { Evaluation } from '../rules/evaluation';
import type { Settings } from '../settings/schema';
import { readStore, VALUE_COL, type SettingsProblem, type SettingsStore } from '../settings/store';
import { summarise } from '../summary/summarise';
import type { Summary } from '../summary/types';
import { finding, type Finding } from '../validation/finding';
import { validatePlan } from '../validation/validate';
import { staffData, type SkippedSheet } from './staff-sheets';
import { isExampleSheet } from '../layouts/kit/define';

export interface AnalyseOptions {
  /** Force a layout id (CLI --layout, settings.layout). */
  layout?: string;
  mapping?: SavedLayout | LayoutSpec;
  reportFy?: number;
  /** Settings to use instead of the ones stored in the workbook. */
  settings?: Settings;
  /**
   * Keep what reanalyse() (incremental.ts) needs to answer after a few edited cells: how the sheets
   * were read and the findings before sorting. The pane asks for it; a one-off run has no use for it.
   */
  incremental?: boolean;
}

export interface Analysis {
  workbook: string;
  detection: DetectionResult;
  reads: LayoutRead[];
  /** The combined read, from which plan and tables come. */
  read: LayoutRead;
  plan: Plan;
  evaluations: Evaluation[];
  /** Reader findings, then validation findings, errors first. */
  findings: Finding[];
  summary: Summary;
  settings: Settings;
  /** The settings sheet as read: revisions for write plans, problems for every command's output. */
  store: SettingsStore;
  /** The rule pack evaluation used, and where it came from (the workbook, the layout's city, the settings). */
  pack: EffectivePack;
  /** Sheets not read as this workbook's data: the add-in's own, and copies inserted from other files. */
  skippedSheets: SkippedSheet[];
  /** Cells far outside everything else (a value at XFD1048576), left out of reading (grid/stray.ts). */
  strayCells: CellRef[];
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * The whole read side of the job, pure: detect layouts, read, combine, evaluate, validate,
 * summarise. Hosts call this on a grid and then build write plans from the result.
 */
export function analyse(wb: WorkbookGrid, opts: AnalyseOptions = {}): Analysis {
  const store = readStore(wb);
  const settings = opts.settings ?? store.settings;
  const settingFindings: Finding[] = store.problems.map((p) => settingsFinding(p));
  // A layout saved from the 設定 tab (a spec), else the first format's mapping.
  const saved = storedSpec(store, settings);
  if (saved.problem) settingFindings.push(saved.problem);
  const mapping = opts.mapping ?? saved.spec ?? settings.mapping;
  const reportFy = opts.reportFy ?? settings.reportFy;
  // The add-in's own sheets and sheets inserted from other files are not this workbook's data.
  const staff = staffData(wb, store);
  const skipped = staff.skipped;
  // A stray cell at XFD1048576 would make every reader walk the bounding box: readers see the sheets without it.
  const { wb: data, stray: strayCells } = withoutStrayCells(staff.wb);
  const detection = detectLayouts(data, { force: opts.layout ?? settings.layout, mapping });

  // The rule pack the workbook was rated with: its scale is the one ratings are read on.
  const stored = storedRulePack(store, settings);
  if (stored.problem) settingFindings.push(stored.problem);
  const packScale = stored.pack && (typeof stored.pack.scale === 'string' ? scaleById(stored.pack.scale) : stored.pack.scale);

  const reads: LayoutRead[] = [];
  const readFindings: Finding[] = [];
  for (const choice of detection.chosen) {
    const reader = layoutById(choice.layout)!;
    try {
      reads.push(reader.read(data, { sheets: choice.sheets, reportFy, mapping, ...(packScale ? { scale: packScale } : {}), ...(opts.incremental ? { trace: true } : {}) }));
    } catch (e) {
      readFindings.push(finding('LAY001', { sheet: choice.sheets[0] ?? '' }, { layout: reader.label, error: (e as Error).message }));
    }
  }
  // Sheets named 記入例 were read by no table layout: said once each, so nobody wonders where their rows went.
  for (const sheet of detection.unclaimed) if (isExampleSheet(sheet)) readFindings.push(finding('LAY014', { sheet, address: 'A1' }, { sheet }));
  if (detection.chosen.length === 0) {
    readFindings.push(finding('LAY002', { sheet: data.sheets[0]?.name ?? wb.sheets[0]?.name ?? '' }, {}));
  }

  const read = combine(reads);
  // Readers build the model from typed code; parsing it again here would deep-copy every item for
  // nothing. Hosts parse at their boundary (the grid in, the JSON out); tests parse every plan.
  const cellRules = Object.assign({}, ...reads.map((r) => r.cellRules ?? {}));
  const scale = read.scale ?? reads.find((r) => r.scale)?.scale;
  const plan: Plan = {
    layouts: reads.map((r) => r.layout),
    policyLabel: read.policyLabel,
    policies: read.policies,
    items: read.items,
    ...(read.reportFy !== undefined ? { reportFy: read.reportFy } : {}),
    ...(scale ? { scale } : {}),
    ...(Object.keys(cellRules).length ? { cellRules } : {}),
    ...(read.classNames ? { classNames: read.classNames } : {}),
  };
  // The pack: the workbook's; else rules a person saved in the workbook; else the layout's city pack for
  // the plan period of the report year; else the default rules. All on the scale the sheet is rated on.
  const layoutPack = store.entries.rules ? undefined : reads.map((r) => r.rulePack).find((id) => id !== undefined);
  const chosen = stored.pack ?? (layoutPack ? packById(layoutPack, plan.reportFy !== undefined ? { fy: plan.reportFy } : {}) : undefined);
  const pack = effectivePack({ ...(chosen ? { stored: chosen } : {}), rules: settings.rules, ...(plan.scale ? { sheetScale: plan.scale } : {}) });
  if (stored.pack === undefined && chosen) pack.source = 'layout';
  plan.rulePack = { id: pack.id, version: pack.version, label: pack.label };
  // The plan period schedules are checked against (SCH004): stated by the saved layout, else the pack's for the report year.
  const period = specPeriod(mapping) ?? periodFor(chosen, plan.reportFy);
  if (period) plan.period = period;
  const evaluations = evaluatePlan(plan, settings.rules, pack);
  const summary = summarise(plan, { evaluations });
  const head = [...settingFindings, ...readFindings, ...read.findings];
  const validation = validatePlan(plan, evaluations, settings.rules);
  const findings = sortFindings([...head, ...validation, ...nonFiniteFindings(plan, summary)]);
  const analysis: Analysis = {
    workbook: wb.name,
    detection,
    reads,
    read,
    plan,
    evaluations,
    findings,
    summary,
    settings,
    store,
    pack,
    skippedSheets: skipped,
    strayCells,
  };
  // With another option the analysis is not the grid's own: reanalyse() could not tell, so it gets nothing to work from.
  const alone = opts.layout === undefined && opts.mapping === undefined && opts.reportFy === undefined && opts.settings === undefined;
  if (opts.incremental && alone) findingParts.set(analysis, { head, validation });
  return analysis;
}

/**
 * The findings of an analysis before they were sorted: what came before validation (settings,
 * reading), and validation's own list in plan order. Kept beside the analysis for the incremental
 * re-analysis (incremental.ts), which replaces one item's part and sorts again.
 */
export const findingParts = new WeakMap<Analysis, { head: Finding[]; validation: Finding[] }>();

/** Errors first, then warnings, then notes; the order within each kept (a stable sort). */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/**
 * Effect amounts too large for a number (1e308 + 1e308 is Infinity) give sums no sheet can hold:
 * said once per summary row, pointing at the largest amount behind it, instead of Infinity or NaN
 * being written (the file writer refuses non-finite numbers too).
 */
export function nonFiniteFindings(plan: Plan, summary: Summary): Finding[] {
  const out: Finding[] = [];
  for (const row of summary.groups) {
    if ([row.effectPlanned, row.effectActual, row.effectRatio ?? 0].every(Number.isFinite)) continue;
    let largest: { value: number; at?: { sheet: string; address: string }; itemId: string } | undefined;
    for (const item of plan.items) {
      if (item.policyKey !== row.key && summary.axis === 'policy') continue;
      for (const y of item.effects?.byYear ?? []) {
        for (const v of [y.planned, y.actual]) {
          if (v?.kind === 'number' && (!largest || Math.abs(v.value) > Math.abs(largest.value))) largest = { value: v.value, at: v.cell, itemId: item.id };
        }
      }
    }
    out.push(finding('SUM001', largest?.at ?? { sheet: '' }, { group: row.name, largest: largest?.value ?? '-' }, largest?.itemId));
  }
  return out;
}

/** The rule pack the workbook keeps (`rulePack`): a built-in by id and version, or the city's own in full. */
function storedRulePack(store: SettingsStore, settings: Settings): { pack?: RulePack; problem?: Finding } {
  if (settings.rulePack === undefined) return {};
  const r = storedPack(settings.rulePack);
  if (r.pack) return { pack: r.pack };
  const sheet = store.sheet ?? '';
  const row = store.entries.rulePack?.row;
  return { problem: finding('SET001', { sheet, address: row !== undefined ? toA1(row, VALUE_COL) : 'A1' }, { sheet, key: 'rulePack' }) };
}

/** The layout spec the workbook keeps (`layoutSpec`): checked here, its owner being the layout kit. */
function storedSpec(store: SettingsStore, settings: Settings): { spec?: LayoutSpec; problem?: Finding } {
  if (settings.layoutSpec === undefined) return {};
  const parsed = LayoutSpecSchema.safeParse(settings.layoutSpec);
  if (parsed.success) return { spec: parsed.data };
  const sheet = store.sheet ?? '';
  const row = store.entries.layoutSpec?.row;
  return { problem: finding('SET001', { sheet, address: row !== undefined ? toA1(row, VALUE_COL) : 'A1' }, { sheet, key: 'layoutSpec' }) };
}

function specPeriod(m: SavedLayout | LayoutSpec | undefined): Plan['period'] {
  return m && 'period' in m && m.period ? m.period : undefined;
}

/** A problem of the workbook's settings store, as a finding at the row it is about. */
function settingsFinding(p: SettingsProblem): Finding {
  const at = { sheet: p.sheet, address: p.address };
  if (p.kind === 'newer') return finding('SET002', at, { sheet: p.sheet });
  if (p.kind === 'duplicate') return finding('SET003', at, { sheet: p.sheet, key: p.key ?? '' });
  return finding('SET001', at, { sheet: p.sheet, key: p.key ?? '' });
}

function combine(reads: LayoutRead[]): LayoutRead {
  if (reads.length === 0) {
    return { layout: 'none', policyLabel: '基本方針', policies: [], items: [], findings: [], tables: [] };
  }
  if (reads.length === 1) return reads[0];
  const ids = reads.map((r) => r.layout).sort();
  const combiner = COMBINERS.find((c) => [...c.layouts].sort().join() === ids.join());
  if (combiner) return combiner.combine(reads);
  const policies = new Map<string, LayoutRead['policies'][number]>();
  for (const r of reads) for (const p of r.policies) if (!policies.has(p.key)) policies.set(p.key, p);
  return {
    layout: reads.map((r) => r.layout).join('+'),
    policyLabel: reads[0].policyLabel,
    policies: [...policies.values()],
    items: reads.flatMap((r) => r.items),
    findings: reads.flatMap((r) => r.findings),
    tables: reads.flatMap((r) => r.tables),
    reportFy: reads.find((r) => r.reportFy !== undefined)?.reportFy,
    ...(reads.some((r) => r.classNames) ? { classNames: mergeClassNames(reads.map((r) => r.classNames)) } : {}),
  };
}
