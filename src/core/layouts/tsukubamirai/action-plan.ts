import { headerKey, SheetView } from '../../grid/sheet-view';
import type { CellRef, WorkbookGrid } from '../../grid/types';
import type { Indicator, Item, YearValue } from '../../model/plan';
import { inferDirection } from '../../rules/direction';
import { normalizeWidth, parseFiscalYear, parseValue } from '../../values';
import { finding, type Finding } from '../../validation/finding';
import type { LayoutRead, LayoutReader, ReadOptions, SheetDetection, TableAnchor } from '../types';
import {
  chooseReportFy,
  extraColumns,
  joinWrapped,
  pureYearHeader,
  readProgress,
  splitDepartments,
  stackedHeader,
  type ProgressColumn,
} from '../yuzawa/columns';
import { classify } from './classify';
import { MEANS, STANCES } from './grid';
import { findGridSheet, readGridSheet } from './grid-sheet';

/**
 * つくばみらい市 アクションプラン (第4次行財政改革実施計画) progress sheet. The 大綱 (seed 003) fixes only
 * the grid; the sheet is one row per 取組項目 classified by 推進手段 and 基本姿勢 / 個別項目, with the
 * yearly plan 2019–2023 and progress columns for the report year (see docs/layouts/tsukubamirai.md).
 * Items carry classes { 推進手段: '(3)', 基本姿勢: '②' }; the policy level is 推進手段.
 */

const LAYOUT = 'tsukubamirai';

type Field = 'no' | 'means' | 'stance' | 'cell' | 'content' | 'name' | 'department' | 'indicator' | 'unit' | 'baseline' | 'target';

const FIELD_RULES: [Field, (k: string) => boolean][] = [
  ['no', (k) => /^(no\.?|№|番号|項目番号|通し番号)$/.test(k)],
  ['means', (k) => k.includes('推進手段')],
  ['stance', (k) => k.includes('基本姿勢')],
  ['cell', (k) => /個別項目|^分類|^体系/.test(k)],
  ['content', (k) => /取組内容|^内容|概要/.test(k)],
  ['name', (k) => /取組項目|具体的施策|取組名|実施項目|改革項目|施策名|^取組$/.test(k)],
  ['department', (k) => /^(担当課|所管課|担当|担当部署|所管)/.test(k)],
  ['indicator', (k) => /^(指標|成果指標|指標名)/.test(k)],
  ['unit', (k) => k === '単位'],
  ['baseline', (k) => /^(基準値|現状)/.test(k)],
  ['target', (k) => /^目標/.test(k)],
];

interface PlanColumns {
  headerRows: number[];
  fields: Partial<Record<Field, number>>;
  baselineFy?: number;
  targetFy?: number;
  years: { col: number; fy: number }[];
  progress: ProgressColumn[];
  owned: Record<string, number>;
}

function fieldOf(k: string): Field | undefined {
  return FIELD_RULES.find(([, test]) => test(k))?.[0];
}

function headerAt(view: SheetView, row: number): PlanColumns | undefined {
  const keys = Array.from({ length: view.colCount }, (_, c) => (view.isMergeFollower(row, c) ? '' : headerKey(view.text(row, c))));
  const has = (f: Field) => keys.some((k) => k !== '' && fieldOf(k) === f);
  if (!has('means') || !has('name') || !(has('stance') || has('cell'))) return undefined;

  // A second header row holds the years under 年度別計画 and 実績/評価 under a year.
  const headerRows = [row];
  const next = row + 1;
  if (next < view.rowCount) {
    let headerish = 0;
    let other = 0;
    for (let c = 0; c < view.colCount; c++) {
      if (view.isMergeFollower(next, c)) continue;
      const t = view.text(next, c);
      if (t === '') continue;
      if (pureYearHeader(t) !== undefined || /実績|評価|状況|計画|目標|課題|改善|備考/.test(headerKey(t))) headerish++;
      else other++;
    }
    if (headerish > 0 && other === 0) headerRows.push(next);
  }
  const last = headerRows[headerRows.length - 1];
  const cols: PlanColumns = { headerRows, fields: {}, years: [], progress: [], owned: {} };
  const taken = new Set<number>();
  for (let c = 0; c < view.colCount; c++) {
    const own = view.isMergeFollower(last, c) && headerRows.length > 1 ? '' : view.text(last, c);
    const yearOnly = pureYearHeader(own);
    const stacked = stackedHeader(view, headerRows, c);
    if (yearOnly !== undefined) {
      cols.years.push({ col: c, fy: yearOnly });
      taken.add(c);
      continue;
    }
    const f = fieldOf(headerKey(stacked));
    if (!f || cols.fields[f] !== undefined) continue;
    cols.fields[f] = c;
    taken.add(c);
    const fy = parseFiscalYear(stacked);
    if (f === 'baseline' && fy !== undefined) cols.baselineFy = fy;
    if (f === 'target' && fy !== undefined) cols.targetFy = fy;
  }
  const extra = extraColumns(view, headerRows, taken);
  cols.progress = extra.progress;
  cols.owned = extra.owned;
  return cols;
}

function findHeader(view: SheetView): PlanColumns | undefined {
  for (let r = 0; r < Math.min(view.rowCount, 40); r++) {
    const h = headerAt(view, r);
    if (h) return h;
  }
  return undefined;
}

export function readTsukubamirai(wb: WorkbookGrid, opts: ReadOptions): LayoutRead {
  const findings: Finding[] = [];
  const items: Item[] = [];
  const anchors: TableAnchor[] = [];
  const sheets = wb.sheets.filter((s) => (opts.sheets ? opts.sheets.includes(s.name) : true)).map((g) => new SheetView(g));
  const tables: { view: SheetView; cols: PlanColumns }[] = [];
  for (const view of sheets) {
    if (findGridSheet(view)) {
      findings.push(...readGridSheet(view).findings);
      continue;
    }
    const cols = findHeader(view);
    if (cols) tables.push({ view, cols });
  }
  if (tables.length === 0) {
    findings.push(
      finding(
        'TKB008',
        'error',
        { sheet: sheets[0]?.name ?? '', cell: 'A1' },
        'アクションプランの表(推進手段・基本姿勢または個別項目・取組項目の見出し)が見つかりません。',
        'No action-plan table found (headers 推進手段, 基本姿勢 or 個別項目, and 取組項目).',
      ),
    );
  }
  const reportFy = chooseReportFy(
    tables.flatMap((t) => t.cols.progress),
    opts.reportFy,
  );
  const seen = new Map<string, CellRef>();
  for (const { view, cols } of tables) {
    const f = cols.fields;
    const rowOfItem: Record<string, number> = {};
    const dataRows: number[] = [];
    let meansAbove = '';
    for (let r = cols.headerRows[cols.headerRows.length - 1] + 1; r < view.rowCount; r++) {
      if (view.isRowEmpty(r)) continue;
      const text = (field: Field) => (f[field] !== undefined ? view.text(r, f[field]!) : '');
      const ref = (field: Field) => (f[field] !== undefined ? view.ref(r, f[field]!) : undefined);
      let meansText = text('means');
      // An unmerged 推進手段 group cell leaves blanks below it.
      if (meansText === '') meansText = meansAbove;
      else meansAbove = meansText;
      const name = joinWrapped(text('name'));
      if (name === '') continue;
      dataRows.push(r);
      const noText = normalizeWidth(text('no'));
      let id = noText !== '' ? noText.replace(/^no\.?\s*/i, '') : `${view.name}!${r + 1}`;
      if (seen.has(id)) {
        const prev = seen.get(id)!;
        findings.push(
          finding(
            'TKB010',
            'warning',
            ref('no')!,
            `No.${id} が ${prev.sheet}!${prev.address} と重複しています。`,
            `No.${id} repeats ${prev.sheet}!${prev.address}.`,
          ),
        );
        id = `${id}@${view.name}!${r + 1}`;
      }
      seen.set(id, ref('no') ?? view.ref(r, f.name!));

      const cl = classify(
        {
          ...(f.means !== undefined ? { means: { text: meansText, cell: view.ref(r, f.means) } } : {}),
          ...(f.stance !== undefined ? { stance: { text: text('stance'), cell: ref('stance')! } } : {}),
          ...(f.cell !== undefined ? { item: { text: text('cell'), cell: ref('cell')! } } : {}),
        },
        id,
      );
      findings.push(...cl.findings);
      const meansInfo = cl.means !== undefined ? MEANS[cl.means - 1] : undefined;
      const stanceInfo = cl.stance !== undefined ? STANCES[cl.stance - 1] : undefined;

      const cells: Record<string, CellRef> = { name: view.ref(r, f.name!) };
      for (const k of ['no', 'means', 'stance', 'cell', 'department', 'indicator', 'unit', 'baseline', 'target'] as const) {
        if (f[k] !== undefined) cells[k === 'cell' ? 'class' : k] = view.ref(r, f[k]!);
      }
      const notes: Record<string, string> = {};
      if (text('content')) notes['取組内容'] = text('content');
      const indicators: Indicator[] = [];
      const indName = joinWrapped(text('indicator'));
      const hasIndicator = indName !== '' && !/^[-ー―—]$/.test(indName);
      const targets: YearValue[] = [];
      for (const y of cols.years) {
        const v = parseValue(view.value(r, y.col), view.ref(r, y.col));
        if (hasIndicator) {
          cells[`target:${y.fy}`] = view.ref(r, y.col);
          if (v.kind !== 'blank') targets.push({ fy: y.fy, value: v });
        } else {
          cells[`plan:${y.fy}`] = view.ref(r, y.col);
          if (view.text(r, y.col) !== '') notes[`plan:${y.fy}`] = view.text(r, y.col);
        }
      }
      if (hasIndicator) {
        const baseline = f.baseline !== undefined ? parseValue(view.value(r, f.baseline), view.ref(r, f.baseline)) : undefined;
        const final = f.target !== undefined ? parseValue(view.value(r, f.target), view.ref(r, f.target)) : undefined;
        const actuals: YearValue[] = [];
        for (const p of cols.progress) {
          if (p.field !== 'actual' || p.fy === undefined) continue;
          cells[`actual:${p.fy}`] = view.ref(r, p.col);
          const v = parseValue(view.value(r, p.col), view.ref(r, p.col));
          if (v.kind === 'blank') continue;
          if (v.kind === 'text' && !v.state) {
            findings.push(
              finding('TKB009', 'warning', view.ref(r, p.col), `実績「${v.raw}」を数値として読めません。`, `The actual "${v.raw}" is not a number.`, id),
            );
          }
          actuals.push({ fy: p.fy, value: v });
        }
        const unitText = text('unit');
        const numeric = [final, ...targets.map((t) => t.value), baseline].find((v) => v?.kind === 'number');
        const unit = (unitText || (numeric?.kind === 'number' ? numeric.unit : undefined))?.replace(/\s+/g, '');
        const dir = inferDirection({
          name: indName,
          ...(unit ? { unit } : {}),
          ...(baseline ? { baseline } : {}),
          targets: targets.map((t) => t.value),
          ...(final ? { finalTarget: final } : {}),
        });
        indicators.push({
          name: indName,
          ...(unit ? { unit } : {}),
          direction: dir.direction,
          directionSource: dir.source,
          aggregation: 'level',
          qualitative: unit === '-' || ![final, ...targets.map((t) => t.value)].some((v) => v?.kind === 'number'),
          ...(baseline && baseline.kind !== 'blank'
            ? { baseline: { value: baseline, ...(cols.baselineFy !== undefined ? { fy: cols.baselineFy } : {}) } }
            : {}),
          targets,
          actuals: actuals.sort((a, b) => a.fy - b.fy),
          ...(final && final.kind !== 'blank'
            ? { finalTarget: { value: final, ...(cols.targetFy !== undefined ? { fy: cols.targetFy } : {}) } }
            : {}),
          cell: ref('indicator')!,
        });
      }
      const prog = readProgress(view, cols.progress, [r], reportFy, id, notes, cells, findings, {
        textActuals: !hasIndicator,
        code: 'TKB007',
      });
      items.push({
        id,
        policyKey: meansInfo?.key ?? '?',
        policyName: meansInfo?.name ?? '(未分類)',
        ...(cl.cell ? { groupKey: cl.cell.id, groupName: cl.cell.name } : {}),
        name,
        departments: splitDepartments(text('department')),
        indicators,
        ...(reportFy !== undefined ? { reportFy } : {}),
        ...prog,
        classes: {
          ...(meansInfo ? { 推進手段: meansInfo.key } : {}),
          ...(stanceInfo ? { 基本姿勢: stanceInfo.key } : {}),
        },
        flags: [],
        ...(Object.keys(notes).length ? { notes } : {}),
        cells,
        source: { layout: LAYOUT, sheet: view.name, row: r },
      });
      rowOfItem[id] = r;
    }
    let nextFreeCol = 0;
    for (const r of [...cols.headerRows, ...dataRows]) {
      for (let c = view.colCount - 1; c >= nextFreeCol; c--) {
        if (view.text(r, c) !== '' || view.merge(r, c)) {
          nextFreeCol = Math.max(nextFreeCol, view.merge(r, c)?.right ?? c) + 1;
          break;
        }
      }
    }
    anchors.push({ sheet: view.name, headerRows: cols.headerRows, dataRows, nextFreeCol, owned: cols.owned, rowOfItem });
  }

  return {
    layout: LAYOUT,
    policyLabel: '推進手段',
    policies: MEANS.map((m) => ({ key: m.key, name: m.name, order: m.no })),
    classNames: {
      推進手段: Object.fromEntries(MEANS.map((m) => [m.key, m.name])),
      基本姿勢: Object.fromEntries(STANCES.map((s) => [s.key, s.name])),
    },
    items,
    findings,
    tables: anchors,
    ...(reportFy !== undefined ? { reportFy } : {}),
  };
}

export function detectTsukubamirai(wb: WorkbookGrid): SheetDetection[] {
  const out: SheetDetection[] = [];
  for (const grid of wb.sheets) {
    const view = new SheetView(grid);
    if (findGridSheet(view)) {
      out.push({
        sheet: grid.name,
        score: 0.7,
        reason: { ja: '推進手段×基本姿勢の整理表', en: '推進手段 × 基本姿勢 grid (整理表)' },
      });
      continue;
    }
    const h = findHeader(view);
    if (!h) continue;
    out.push({
      sheet: grid.name,
      score: h.fields.stance !== undefined && h.fields.cell !== undefined ? 0.95 : 0.85,
      reason: {
        ja: '見出し「推進手段」「基本姿勢/個別項目」「取組項目」',
        en: 'headers 推進手段, 基本姿勢/個別項目 and 取組項目',
      },
    });
  }
  return out;
}

export const tsukubamiraiLayout: LayoutReader = {
  id: LAYOUT,
  label: { ja: 'つくばみらい市 行政改革', en: 'Tsukubamirai reform plan' },
  detect: detectTsukubamirai,
  read: readTsukubamirai,
};
