import { withoutStrayCells } from '../grid/stray';
import type { CellRef, WorkbookGrid } from '../grid/types';
import { detectLayouts, type DetectionResult } from '../layouts/detect';
import type { LayoutMapping } from '../layouts/generic/mapping';
import { COMBINERS, layoutById } from '../layouts/registry';
import type { LayoutRead } from '../layouts/types';
import { mergeClassNames, PlanSchema, type Plan } from '../model/plan';
import { evaluatePlan } from '../rules/evaluate';
import type { Evaluation } from '../rules/evaluation';
import type { Settings } from '../settings/schema';
import { readStore, type SettingsStore } from '../settings/store';
import { summarise } from '../summary/summarise';
import type { Summary } from '../summary/types';
import { finding, type Finding } from '../validation/finding';
import { validatePlan } from '../validation/validate';
import { staffData, type SkippedSheet } from './staff-sheets';

export interface AnalyseOptions {
  /** Force a layout id (CLI --layout, settings.layout). */
  layout?: string;
  mapping?: LayoutMapping;
  reportFy?: number;
  /** Settings to use instead of the ones stored in the workbook. */
  settings?: Settings;
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
  const settingFindings: Finding[] = store.problems.map((p) =>
    finding(p.kind === 'newer' ? 'SET002' : 'SET001', 'warning', { sheet: p.sheet, cell: p.address }, p.message.ja, p.message.en),
  );
  const mapping = opts.mapping ?? settings.mapping;
  const reportFy = opts.reportFy ?? settings.reportFy;
  // The add-in's own sheets and sheets inserted from other files are not this workbook's data.
  const staff = staffData(wb, store);
  const skipped = staff.skipped;
  // A stray cell at XFD1048576 would make every reader walk the bounding box: readers see the sheets without it.
  const { wb: data, stray: strayCells } = withoutStrayCells(staff.wb);
  const detection = detectLayouts(data, { force: opts.layout ?? settings.layout, mapping });

  const reads: LayoutRead[] = [];
  const readFindings: Finding[] = [];
  for (const choice of detection.chosen) {
    const reader = layoutById(choice.layout)!;
    try {
      reads.push(reader.read(data, { sheets: choice.sheets, reportFy, mapping }));
    } catch (e) {
      readFindings.push(
        finding(
          'LAY001',
          'error',
          { sheet: choice.sheets[0] ?? '', cell: '' },
          `レイアウト「${reader.label.ja}」として読み込めませんでした: ${(e as Error).message}`,
          `Could not read as layout "${reader.label.en}": ${(e as Error).message}`,
        ),
      );
    }
  }
  if (detection.chosen.length === 0) {
    readFindings.push(
      finding(
        'LAY002',
        'error',
        { sheet: data.sheets[0]?.name ?? wb.sheets[0]?.name ?? '', cell: '' },
        '進捗管理表の見出しが見つかりません。見出し行(取組名・指標・目標値・実績値・評価など)がある表か確認するか、設定で見出しの対応を保存してください。',
        'No progress table was recognised. Check that the sheet has a header row (item, indicator, target, actual, rating …) or save a header mapping in settings.',
      ),
    );
  }

  const read = combine(reads);
  const plan = PlanSchema.parse({
    layouts: reads.map((r) => r.layout),
    policyLabel: read.policyLabel,
    policies: read.policies,
    items: read.items,
    ...(read.reportFy !== undefined ? { reportFy: read.reportFy } : {}),
    ...(read.classNames ? { classNames: read.classNames } : {}),
  });
  const evaluations = evaluatePlan(plan, settings.rules);
  const summary = summarise(plan, { evaluations });
  const findings = dropRestated([
    ...settingFindings,
    ...readFindings,
    ...read.findings,
    ...validatePlan(plan, evaluations, settings.rules),
    ...nonFiniteFindings(plan, summary),
  ]);
  findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return {
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
    skippedSheets: skipped,
    strayCells,
  };
}

/**
 * Effect amounts too large for a number (1e308 + 1e308 is Infinity) give sums no sheet can hold:
 * said once per summary row, pointing at the largest amount behind it, instead of Infinity or NaN
 * being written (the file writer refuses non-finite numbers too).
 */
function nonFiniteFindings(plan: Plan, summary: Summary): Finding[] {
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
    out.push(
      finding(
        'SUM001',
        'error',
        { sheet: largest?.at?.sheet ?? '', cell: largest?.at?.address ?? '' },
        `「${row.name}」の効果額の合計が数値として扱える範囲を超えました(最大の値 ${largest?.value ?? '-'})。桁違いの入力がないか確かめてください。この合計はシートに書き込みません。`,
        `The effect amounts of "${row.name}" add up beyond what a number can hold (largest ${largest?.value ?? '-'}). Check for a mistyped amount; this total is not written into any sheet.`,
        largest?.itemId,
      ),
    );
  }
  return out;
}

/**
 * A reader finding that says the same as a validation finding on the same cell: the user is told
 * once, by the validation finding (which also carries the item name and the rule's code).
 */
const RESTATED_BY: Record<string, string[]> = {
  ISS002: ['VLD010', 'VLD011'], // 〔小計〕 is not the sum of its years
  ISS003: ['VLD010', 'VLD011'], // 〔小計〕 is blank
};

function dropRestated(findings: Finding[]): Finding[] {
  const at = new Set(findings.map((f) => `${f.code}|${f.sheet}|${f.cell}`));
  return findings.filter((f) => !(RESTATED_BY[f.code] ?? []).some((c) => at.has(`${c}|${f.sheet}|${f.cell}`)));
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
