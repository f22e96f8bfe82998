import { analyse, type AnalyseOptions, type Analysis } from '../engine/analyse';
import { importedSheets, IMPORT_ROLE } from '../engine/staff-sheets';
import type { WorkbookGrid } from '../grid/types';
import { leadDepartment } from './hearing';
import type { FileInput } from './types';
import type { Plan } from '../model/plan';
import { summarise } from '../summary/summarise';
import type { Summary } from '../summary/types';
import { consolidate, consolidatedIds } from './consolidate';
import { unconfirmedSuggestions } from '../plan/fill';
import type { SettingsChange } from '../settings/update';

/**
 * A workbook in which the 取り込み tab inserted other departments' sheets holds several sources: its
 * own sheets, and one group of inserted sheets per file they came from. Each is analysed on its own
 * (put together, two departments' sheets would be read as one plan) and handed to consolidate(), so
 * an inserted copy is counted once, as its department's, never again as this workbook's.
 */
export interface WorkbookSource {
  /** The workbook's own name, or the file the inserted sheets came from. */
  file: string;
  own: boolean;
  analysis: Analysis;
}

export function workbookSources(grid: WorkbookGrid, opts: AnalyseOptions = {}, analysed?: Analysis): WorkbookSource[] {
  const own = analysed ?? analyse(grid, opts);
  const out: WorkbookSource[] = [{ file: grid.name, own: true, analysis: own }];
  const bySource = new Map<string, string[]>();
  for (const imp of importedSheets(own.store)) bySource.set(imp.source, [...(bySource.get(imp.source) ?? []), imp.name.toLowerCase()]);
  for (const [source, names] of bySource) {
    const sheets = grid.sheets.filter((s) => names.includes(s.name.toLowerCase()));
    if (sheets.length) out.push({ file: source, own: false, analysis: analyse({ name: source, sheets }) });
  }
  return out;
}

/**
 * The summary of a workbook for 集計: its own analysis when nothing was inserted, else the
 * consolidation of its own sheets and each inserted source, each item once. Conflicting copies
 * cannot be chosen here; the user is sent to 取り込み, where they can.
 */
export function workbookSummary(grid: WorkbookGrid, analysed?: Analysis): { summary: Summary; files: string[]; unconfirmed: string[] } {
  const sources = workbookSources(grid, {}, analysed);
  // Suggestions still unconfirmed are recorded in this workbook's settings, for its own sheets.
  const own = sources[0].analysis;
  const unconfirmed = unconfirmedSuggestions(grid, own).map((u) => u.itemId);
  if (sources.length === 1) return { summary: own.summary, files: [grid.name], unconfirmed };
  const c = consolidate(sources.map((s) => fileInput(s.file, s.analysis)));
  if (c.unresolved.length) {
    const ids = c.unresolved.map((d) => d.id).join('、');
    throw Object.assign(new Error('conflicting copies'), {
      ja: `取り込んだシートとこのブックで値が異なる取組があります(${ids})。[取り込み] でどちらを使うか選んでから集計してください。`,
      en: `Some items differ between the inserted sheets and this workbook (${c.unresolved.map((d) => d.id).join(', ')}). Choose which copy to use in Import, then summarise.`,
    });
  }
  return {
    summary: summarise(c.plan, { evaluations: c.evaluations }),
    files: c.files.filter((f) => f.status === 'used').map((f) => f.file),
    unconfirmed: consolidatedIds(c, grid.name, unconfirmed),
  };
}

export function fileInput(file: string, a: Analysis): FileInput {
  return {
    file,
    plan: a.plan,
    evaluations: a.evaluations,
    errors: a.findings.filter((f) => f.severity === 'error').length,
    layouts: a.detection.chosen.map((c) => c.layout),
  };
}

const FORBIDDEN = /[\\/?*:[\]]/g;
const MAX_SHEET_NAME = 31;

/**
 * What an inserted sheet is called: the department that sent it (when its items name one lead
 * department), else the file's name, so that nobody has to guess whose 取組項目一覧 (3) is which.
 * A file with several data sheets gets the sheet's name after the source. Names are unique in the
 * workbook (case-insensitively, as Excel compares them) and valid Excel sheet names.
 */
export function importSheetNames(file: string, plan: Plan, sheets: readonly string[], taken: readonly string[]): Record<string, string> {
  const leads = new Set(plan.items.map((i) => leadDepartment(i.departments)).filter(Boolean));
  const stem = (file.split(/[\\/]/).pop() ?? file).replace(/\.[^.]+$/, '');
  const base = (leads.size === 1 ? [...leads][0] : stem).replace(FORBIDDEN, '_').replace(/^'+|'+$/g, '').trim() || 'import';
  const used = new Set(taken.map((t) => t.toLowerCase()));
  const out: Record<string, string> = {};
  for (const sheet of sheets) {
    const want = (sheets.length === 1 ? base : `${base}_${sheet.replace(FORBIDDEN, '_')}`).slice(0, MAX_SHEET_NAME);
    let name = want;
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = want.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    }
    used.add(name.toLowerCase());
    out[sheet] = name;
  }
  return out;
}

/** The settings change that records inserted sheets as copies from `file` (not this workbook's data). */
export function recordImportedSheets(file: string, names: Record<string, string>): SettingsChange | null {
  const items = Object.entries(names).map(([sheet, name]) => ({ role: IMPORT_ROLE, name, token: '', source: file, sheet }));
  return items.length ? { op: 'upsert', key: 'ownedSheets', items, identity: ['name'] } : null;
}
