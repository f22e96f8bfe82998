import { toA1 } from '../../grid/a1';
import { headerKey, SheetView } from '../../grid/sheet-view';
import type { CellRef, WorkbookGrid } from '../../grid/types';
import type { CellMap, Indicator, Item, NoteMap, YearValue } from '../../model/plan';
import { inferDirection } from '../../rules/direction';
import { finding, type Finding } from '../../validation/finding';
import { fiscalYearLabel, normalizeWidth, parseCircled, parseRating, parseValue, type ParsedValue } from '../../values';
import type { LayoutRead, LayoutReader, ReadOptions, SheetDetection } from '../types';
import {
  formatIseharaCode,
  iseharaGroup,
  iseharaPolicy,
  ISEHARA_POLICIES,
  ISEHARA_POLICY_LABEL,
  parseGroupCell,
  parsePolicyCell,
  splitItemName,
} from './common';
import { locateForm, type ItemSheetForm, type Pos } from './item-sheet-form';

/**
 * Isehara 実施項目・進捗管理シート (seed 004, 参考②): one form per item. Every part is found by its
 * label (基本方針, 実施項目, 指標(行動/成果), 評価, 〔小計〕 …), so copies with title rows, an empty
 * column in front, retyped labels or sheets in another order read the same.
 */

export const ISEHARA_SHEET_LAYOUT = 'isehara-sheet';
const SHEET_LABEL = { ja: '実施項目・進捗管理シート', en: 'an Isehara item sheet' };

/** The plan's years: 令和5年度 … 令和9年度. */
export const PLAN_YEARS = [2023, 2024, 2025, 2026, 2027] as const;

/** Baseline year when the 現状値 carries none: the sheets were drawn up in 令和4年度 (legend ケ). */
const BASELINE_FY = 2022;

interface SheetRead {
  sheet: string;
  form: ItemSheetForm;
  view: SheetView;
  template: boolean;
}

function detectSheet(v: SheetView): { score: number; found: string[]; form: ItemSheetForm } {
  const form = locateForm(v);
  const found: string[] = [];
  if (form.policy) found.push('基本方針');
  if (form.group) found.push('改革の推進項目');
  if (form.item) found.push('実施項目');
  if (form.indicator) found.push('指標(行動/成果)');
  if (form.planHeader) found.push('年次計画');
  if (form.resultHeader) found.push('取組実績');
  if (form.years.length) found.push(`評価×${form.years.length}`);
  if (form.subtotalPlanned || form.subtotalActual) found.push('〔小計〕');
  // Eight marks; the form is unmistakable with six (the year blocks and 実施項目 weigh most).
  const score = found.length >= 6 && form.item && form.years.length ? Math.min(1, 0.5 + found.length / 16) : found.length / 16;
  return { score, found, form };
}

export const iseharaSheetLayout: LayoutReader = {
  id: ISEHARA_SHEET_LAYOUT,
  label: { ja: '伊勢原市 実施項目・進捗管理シート', en: 'Isehara item sheets' },

  detect(wb: WorkbookGrid): SheetDetection[] {
    const out: SheetDetection[] = [];
    for (const g of wb.sheets) {
      const { score, found, form } = detectSheet(new SheetView(g));
      if (score <= 0) continue;
      const template = isTemplate(form);
      out.push({
        sheet: g.name,
        score: Math.round(score * 100) / 100,
        reason: {
          ja: `見出し ${found.join('・')} が一致${template ? '(記入例・ひな形のシート)' : ''}`,
          en: `labels matched: ${found.join(', ')}${template ? ' (the blank template)' : ''}`,
        },
      });
    }
    return out;
  },

  read(wb: WorkbookGrid, opts: ReadOptions): LayoutRead {
    const wanted = opts.sheets ?? this.detect(wb).filter((d) => d.score >= 0.6).map((d) => d.sheet);
    const sheets: SheetRead[] = [];
    for (const g of wb.sheets) {
      if (!wanted.includes(g.name)) continue;
      const view = new SheetView(g);
      const form = locateForm(view);
      sheets.push({ sheet: g.name, form, view, template: isTemplate(form) });
    }
    return readSheets(sheets, opts);
  },
};

/** The 見方 page: legend lines ア〜サ or a 見方/記入例 title, and no results entered anywhere. */
function isTemplate(form: ItemSheetForm): boolean {
  return form.templateMarks >= 2;
}

function readSheets(sheets: SheetRead[], opts: ReadOptions): LayoutRead {
  const findings: Finding[] = [];
  const reportFy = opts.reportFy ?? inferReportFy(sheets.filter((s) => !s.template));
  const items: Item[] = [];
  const seen = new Map<string, { sheet: string; cell: CellRef }>();

  for (const s of sheets) {
    if (s.template) {
      findings.push(
        finding('LAY014', { sheet: s.sheet, address: 'A1' }, { sheet: s.sheet }),
      );
      continue;
    }
    const r = readItem(s, reportFy);
    findings.push(...r.findings);
    if (!r.item) continue;
    const dup = seen.get(r.item.id);
    if (dup) {
      findings.push(
        finding('VLD008', r.item.cells.id ?? { sheet: s.sheet, address: 'A1' }, { id: r.item.id, first: `${dup.sheet}!${dup.cell.address}` }, r.item.id),
      );
      r.item.id = `${r.item.id}@${s.sheet}`;
    }
    seen.set(r.item.id, { sheet: s.sheet, cell: r.item.cells.id ?? { sheet: s.sheet, address: 'A1' } });
    items.push(r.item);
  }

  if (items.length) {
    const first = items[0].source.sheet;
    findings.push(
      finding('ISS008', { sheet: first, address: 'A1' }, { n: items.length, ids: items.map((i) => i.id) }),
    );
  }

  return {
    layout: ISEHARA_SHEET_LAYOUT,
    policyLabel: ISEHARA_POLICY_LABEL,
    policies: [...ISEHARA_POLICIES],
    items,
    findings,
    tables: [],
    reportFy,
  };
}

/** The latest plan year in which any sheet has an actual or a rating; the first plan year if none. */
function inferReportFy(sheets: SheetRead[]): number {
  let latest: number | undefined;
  for (const s of sheets) {
    for (const y of s.form.years) {
      const has =
        s.view.text(y.rating.row, y.rating.col) !== '' ||
        filled(parseValue(s.view.value(y.actual.row, y.actual.col)));
      if (has && (latest === undefined || y.fy > latest)) latest = y.fy;
    }
  }
  return latest ?? PLAN_YEARS[0];
}

function filled(v: ParsedValue): boolean {
  return v.kind === 'number' || v.kind === 'text';
}

interface ItemRead {
  item?: Item;
  findings: Finding[];
}

function readItem(s: SheetRead, reportFy: number): ItemRead {
  const { form, view: v, sheet } = s;
  const findings: Finding[] = [];
  const ref = (p: Pos): CellRef => v.ref(p.row, p.col);
  const at = (p: Pos | undefined) => ({ sheet, address: p ? toA1(p.row, p.col) : 'A1' });
  const unreadable = (p: Pos | undefined, ja: string, en: string): ItemRead => ({
    findings: [
      ...findings,
      finding('LAY003', at(p), { sheet, layout: SHEET_LABEL, reason: { ja, en } }),
    ],
  });

  if (!form.item?.no) return unreadable(form.item?.label, '「実施項目」の番号が見つかりません。', 'no 実施項目 number found.');
  const policyKey = readPolicy(v, form);
  if (!policyKey) return unreadable(form.policy?.label, '「基本方針」の番号が読めません。', 'the 基本方針 number is unreadable.');
  const groupNo = form.group?.value ? parseGroupCell(v.text(form.group.value.row, form.group.value.col)) : undefined;
  const group = groupNo !== undefined ? iseharaGroup(groupNo) : undefined;
  if (!group) return unreadable(form.group?.label, '「改革の推進項目」の番号が読めません。', 'the 改革の推進項目 number is unreadable.');
  if (group.policyKey !== policyKey) {
    findings.push(
      finding('LAY012', at(form.group?.value), { what: { ja: '基本方針', en: 'policy' }, first: `基本方針 ${policyKey}`, second: `改革の推進項目 ${group.key} → ${group.policyKey}`, used: `基本方針 ${policyKey}` }),
    );
  }
  const noText = v.text(form.item.no.row, form.item.no.col);
  const split = splitItemName(noText);
  const itemNo = split.itemNo ?? parseCircled(noText) ?? (/^\d{1,2}$/.test(normalizeWidth(noText)) ? Number(normalizeWidth(noText)) : undefined);
  if (itemNo === undefined) return unreadable(form.item.no, `実施項目の番号「${noText}」が読めません。`, `item number "${noText}" is unreadable.`);
  const id = formatIseharaCode({ policyKey, groupNo: group.no, itemNo });
  const name = (split.name && split.itemNo !== undefined ? split.name : form.item.name ? v.text(form.item.name.row, form.item.name.col) : '').replace(/\s+/g, ' ');
  if (form.years.length === 0) return unreadable(form.planHeader ?? form.item.label, '年度ごとの欄(令和5年度…・評価)が見つかりません。', 'no year blocks (令和5年度 … 評価) found.');

  const cells: CellMap = { id: ref(form.item.no) };
  if (form.item.name) cells.name = ref(form.item.name);
  if (form.policy?.no) cells.policy = ref(form.policy.no);
  if (form.group?.value) cells.group = ref(form.group.value);

  const dept = form.item.department ? v.text(form.item.department.row, form.item.department.col) : '';
  if (form.item.department) cells.department = ref(form.item.department);
  const { lead, related } = parseDepartments(dept);

  for (const b of form.brokenYears) {
    findings.push(
      finding('LAY015', at(b.at), { sheet, part: { ja: `${fiscalYearLabel(b.fy)}の欄(評価の欄がありません)`, en: `${fiscalYearLabel(b.fy, 'en')} block (no 評価 label)` } }, id),
    );
  }

  // Indicator.
  const ind = form.indicator;
  const val = (p: Pos | undefined): ParsedValue | undefined => (p ? parseValue(v.value(p.row, p.col), ref(p)) : undefined);
  const indName = ind?.name ? v.text(ind.name.row, ind.name.col) : '';
  const unit = ind?.unit ? v.text(ind.unit.row, ind.unit.col) : '';
  if (ind) cells.indicator = ref(ind.name ?? ind.label);
  if (ind?.unit) cells.unit = ref(ind.unit);
  if (ind?.baseline) cells.baseline = ref(ind.baseline);
  if (ind?.finalTarget) cells.finalTarget = ref(ind.finalTarget);
  const baseline = val(ind?.baseline);
  const finalTarget = ind?.fusedFinal
    ? parseValue(ind.fusedFinal, ind.finalTarget ? ref(ind.finalTarget) : ref(ind.label))
    : val(ind?.finalTarget);

  const targets: YearValue[] = [];
  const actuals: YearValue[] = [];
  const byYear: { fy: number; planned?: ParsedValue; actual?: ParsedValue }[] = [];
  let rating: Item['rating'];
  let ratingCell: CellRef | undefined;
  let comment: string | undefined;
  let unreadRating: string | undefined;
  const years = [...form.years].sort((a, b) => a.fy - b.fy);
  for (const y of years) {
    const t = val(y.target)!;
    const a = val(y.actual)!;
    targets.push({ fy: y.fy, value: t });
    if (filled(a)) actuals.push({ fy: y.fy, value: a });
    cells[`target:${y.fy}`] = ref(y.target);
    cells[`actual:${y.fy}`] = ref(y.actual);
    cells[`rating:${y.fy}`] = ref(y.rating);
    const ep = val(y.effectPlanned);
    const ea = val(y.effectActual);
    if (y.effectPlanned) cells[`effectPlanned:${y.fy}`] = ref(y.effectPlanned);
    if (y.effectActual) cells[`effectActual:${y.fy}`] = ref(y.effectActual);
    byYear.push({ fy: y.fy, ...(ep ? { planned: ep } : {}), ...(ea ? { actual: ea } : {}) });

    const rText = v.text(y.rating.row, y.rating.col);
    const parsed = parseRating(v.value(y.rating.row, y.rating.col), ref(y.rating));
    if (y.fy === reportFy && rText !== '' && !parsed) unreadRating = rText;
    if (y.fy === reportFy) {
      ratingCell = ref(y.rating);
      if (parsed) rating = parsed;
      if (y.comment) {
        cells[`status:${y.fy}`] = ref(y.comment);
        const c = v.text(y.comment.row, y.comment.col);
        if (c) comment = c;
      }
    }
  }
  if (ratingCell) cells.rating = ratingCell;

  const numeric = (x: ParsedValue | undefined) => x?.kind === 'number';
  const qualitative = normalizeWidth(unit) === '-' || unit === '' ? !targets.some((t) => numeric(t.value)) : !targets.some((t) => numeric(t.value)) && !numeric(finalTarget);
  const dir = inferDirection({
    name: indName,
    unit,
    ...(baseline ? { baseline } : {}),
    targets: targets.map((t) => t.value),
    ...(finalTarget ? { finalTarget } : {}),
  });
  const indicator: Indicator = {
    name: indName,
    ...(unit ? { unit } : {}),
    direction: dir.direction,
    directionSource: dir.source,
    aggregation: /累計/.test(indName) ? 'cumulative' : 'annual',
    qualitative,
    ...(baseline && baseline.kind !== 'blank'
      ? { baseline: { value: baseline, fy: baseline.kind === 'number' && baseline.year !== undefined ? baseline.year : BASELINE_FY } }
      : {}),
    targets,
    actuals,
    ...(finalTarget && finalTarget.kind !== 'blank' ? { finalTarget: { value: finalTarget, fy: PLAN_YEARS[PLAN_YEARS.length - 1] } } : {}),
    ...(ind ? { cell: ref(ind.name ?? ind.label) } : {}),
  };

  // 〔小計〕: as written, and located so a blank one can be filled; the validator checks the sums.
  const subPlanned = form.subtotalPlanned ? val(form.subtotalPlanned.value) : undefined;
  const subActual = form.subtotalActual ? val(form.subtotalActual.value) : undefined;
  if (form.subtotalPlanned) cells.effectPlannedSubtotal = ref(form.subtotalPlanned.value);
  if (form.subtotalActual) cells.effectActualSubtotal = ref(form.subtotalActual.value);

  const policy = iseharaPolicy(policyKey)!;
  const notes: NoteMap = {};
  if (comment) notes.status = comment;
  if (unreadRating) notes.rating = unreadRating;
  if (related) notes.related = related;
  const item: Item = {
    id,
    policyKey,
    policyName: policy.name,
    groupKey: group.key,
    groupName: group.name,
    name,
    departments: lead,
    indicators: [indicator],
    effects: {
      unit: '千円',
      byYear,
      ...(subPlanned ? { plannedSubtotal: subPlanned } : {}),
      ...(subActual ? { actualSubtotal: subActual } : {}),
    },
    reportFy,
    ...(rating ? { rating } : {}),
    ...(ratingCell ? { ratingCell } : {}),
    flags: [],
    ...(Object.keys(notes).length ? { notes } : {}),
    cells,
    source: { layout: ISEHARA_SHEET_LAYOUT, sheet, row: form.item.label.row },
  };
  return { item, findings };
}

function readPolicy(v: SheetView, form: ItemSheetForm): string | undefined {
  const no = form.policy?.no ? v.value(form.policy.no.row, form.policy.no.col) : null;
  if (typeof no === 'number' && iseharaPolicy(String(no))) return String(no);
  const text = [form.policy?.no, form.policy?.name]
    .filter((p): p is Pos => !!p)
    .map((p) => v.text(p.row, p.col))
    .join(' ');
  return parsePolicyCell(text);
}

/** 【総務部 職員課、企画部 経営企画課】 〔関連所属；…〕 → lead departments and the related text. */
export function parseDepartments(text: string): { lead: string[]; related?: string } {
  const s = text.trim();
  if (!s) return { lead: [] };
  const parts = [...s.matchAll(/[【[［〔(（]([^】\]］〕)）]*)[】\]］〕)）]/g)].map((m) => m[1].trim());
  const isRelated = (p: string) => /^関[連係]所属/.test(p);
  const leadPart = parts.find((p) => !isRelated(p)) ?? (parts.length ? '' : s);
  const rel = parts.find(isRelated);
  const lead = leadPart
    .split(/[、,，]/)
    .map((x) => x.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return { lead, ...(rel ? { related: rel.replace(/^関[連係]所属\s*[;；:：]\s*/, '') } : {}) };
}

/** Exposed for the combiner and tests: the sheet's id key for matching by name. */
export function nameKey(s: string): string {
  return headerKey(s).replace(/[()・:：;；、,.。\-ー－]/g, '');
}
