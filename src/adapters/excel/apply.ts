import type { CellValue } from '../../core/grid/types';
import { settingsChangesFor, type ApplyResult, type CellWrite, type NewSheet, type WritePlan } from '../../core/plan/write-plan';
import { isOwnedBy } from '../../core/settings/ownership';
import { planSettingsWrite } from '../../core/settings/update';
import { ExcelHostError } from './errors';
import { runAddress, runBytes, toRuns, type Run } from './runs';
import { queueSettingsWrite, queueStoreRead } from './settings';

/**
 * Applies a write plan in two syncs whatever its size (more only when the writes alone would pass
 * Excel on the web's 5 MB request limit):
 *   1. check — protection of every target sheet, the settings sheet (owned sheets), and the current
 *      value of every target cell; nothing is written yet, so a refusal leaves the workbook as it was;
 *   2. write — with calculation suspended: new sheets, cell runs (text as text), validation lists,
 *      charts, settings.
 * A cell whose value changed since the plan was made (a co-author typed in it) is skipped and reported.
 */
export interface ApplyOptions {
  /** Estimated request bytes per write sync. */
  maxBatchBytes?: number;
  features: { dataValidation: boolean };
  progress?: (done: number, total: number) => void;
  /** Who writes, recorded beside each settings row (a per-session id). */
  by?: string;
}

/** The top-left block a sheet's owner tag lives in (settings/ownership.ts scans the same block). */
const OWNER_BLOCK = 'A1:AD8';
const VIS = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' } as const;

/** Plan values compare to what Excel shows: '' is blank, numbers by value. */
function same(found: unknown, expected: CellWrite['expect']): boolean {
  const f = found === '' || found === undefined ? null : found;
  if (f === null || expected === null) return f === expected;
  if (typeof expected === 'number') return typeof f === 'number' ? Math.abs(f - expected) < 1e-9 : String(f).trim() === String(expected);
  return String(f) === expected;
}

const ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const BORDER_EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal'] as const;
const CHART_TYPE = { stackedBar: 'BarStacked', clusteredColumn: 'ColumnClustered' } as const;
/** Excel's column width is in points; a character of the default font is about 7 px = 5.25 pt, plus padding. */
const charsToPoints = (chars: number) => Math.round(chars * 5.25 + 3.75);

function queueRun(ws: Excel.Worksheet, run: Run, features: ApplyOptions['features']): void {
  const range = ws.getRange(runAddress(run));
  // Text is written as text: '@' first, so '=…' stays literal and '001' keeps its zeros.
  range.numberFormat = run.writes.map((w) => [typeof w.value === 'string' ? '@' : (w.numberFormat ?? null)]) as string[][];
  range.values = run.writes.map((w) => [w.value === null ? '' : w.value]);
  const style = run.writes[0].style;
  if (style) {
    if (style.bold !== undefined) range.format.font.bold = style.bold;
    if (style.fill) range.format.fill.color = style.fill;
    if (style.align) range.format.horizontalAlignment = ALIGN[style.align];
    if (style.wrap !== undefined) range.format.wrapText = style.wrap;
    if (style.border) for (const e of BORDER_EDGES) range.format.borders.getItem(e).style = 'Continuous';
  }
  // Links are per cell (ExcelApi 1.7); the text shown stays the value just written.
  run.writes.forEach((w, i) => {
    if (!w.link) return;
    const target = `'${w.link.sheet.replace(/'/g, "''")}'!${w.link.address}`;
    ws.getRange(runAddress({ ...run, top: run.top + i, writes: [w] })).hyperlink = { documentReference: target, textToDisplay: String(w.value ?? '') };
  });
  const list = run.writes[0].validationList;
  if (list && features.dataValidation) {
    range.dataValidation.clear();
    range.dataValidation.rule = { list: { inCellDropDown: true, source: list.join(',') } };
  }
}

function queueNewSheet(ws: Excel.Worksheet, sheet: NewSheet, features: ApplyOptions['features']): void {
  for (const run of toRuns(sheet.cells.map((c) => ({ ...c, sheet: sheet.name })))) queueRun(ws, run, features);
  for (const m of sheet.merges) ws.getRange(m).merge(false);
  for (const [col, chars] of Object.entries(sheet.columnWidths ?? {})) {
    ws.getRange(`${col}:${col}`).format.columnWidth = charsToPoints(chars);
  }
  if (sheet.visibility && sheet.visibility !== 'visible') ws.visibility = VIS[sheet.visibility];
  if (sheet.chart) {
    const chart = ws.charts.add(CHART_TYPE[sheet.chart.kind], ws.getRange(sheet.chart.dataRange), 'Auto');
    chart.title.text = sheet.chart.title;
    chart.setPosition(sheet.chart.anchor);
  }
}

export async function applyPlan(context: Excel.RequestContext, plan: WritePlan, opts: ApplyOptions): Promise<ApplyResult> {
  const maxBatch = opts.maxBatchBytes ?? 3_000_000;
  const sheets = context.workbook.worksheets;
  const runs = toRuns(plan.writes);
  let done = 0;
  const total = 2;
  const tick = () => opts.progress?.(++done, Math.max(total, done));

  // Sync 1: check.
  const targetNames = [...new Set(plan.writes.map((w) => w.sheet))];
  const targets = targetNames.map((n) => {
    const ws = sheets.getItemOrNullObject(n);
    ws.protection.load('protected');
    return ws;
  });
  const existing = plan.sheets.map((s) => sheets.getItemOrNullObject(s.name));
  const storeProbe = queueStoreRead(context);
  const current = runs.map((r) => sheets.getItem(r.sheet).getRange(runAddress(r)).load(['values', 'formulas']));
  await context.sync();
  tick();
  // Sheets to replace must still carry the owner tag; read only when there are such sheets.
  const blocks = plan.sheets.map((s, i) => (s.replace && !existing[i].isNullObject ? existing[i].getRange(OWNER_BLOCK).load('values') : null));
  if (blocks.some((b) => b)) await context.sync();

  const locked = targetNames.filter((_, i) => !targets[i].isNullObject && targets[i].protection.protected);
  if (locked.length > 0) {
    const list = locked.map((n) => `「${n}」`).join('、');
    throw new ExcelHostError(
      'SheetProtected',
      `シート${list}は保護されているため、書き込みませんでした(何も変更していません)。[校閲]→[シート保護の解除]を行ってから、もう一度実行してください。`,
      `Sheet ${locked.map((n) => `"${n}"`).join(', ')} is protected, so nothing was written. Unprotect it (Review › Unprotect Sheet) and try again.`,
      { location: locked.join(',') },
    );
  }

  const conflicts: ApplyResult['conflicts'] = [];
  const formulaCells: ApplyResult['formulaCells'] = [];
  const accepted: Run[] = [];
  runs.forEach((run, i) => {
    const values = current[i].values;
    const formulas = current[i].formulas;
    let piece: CellWrite[] = [];
    let pieceTop = run.top;
    const flush = () => {
      if (piece.length) accepted.push({ ...run, top: pieceTop, writes: piece });
      piece = [];
    };
    run.writes.forEach((w, k) => {
      const found = values[k][0];
      const f = formulas[k][0];
      if (typeof f === 'string' && f.startsWith('=')) {
        // A staff formula is never overwritten, whatever its result shows ('' included).
        flush();
        formulaCells.push({ sheet: w.sheet, address: w.address });
      } else if (same(found, w.expect)) {
        if (!piece.length) pieceTop = run.top + k;
        piece.push(w);
      } else {
        flush();
        conflicts.push({ sheet: w.sheet, address: w.address, found: found === '' ? null : found, expected: w.expect });
      }
    });
    flush();
  });

  const sheetsCreated: string[] = [];
  const sheetsLeftAlone: string[] = [];
  const creating: { sheet: NewSheet; replace: boolean }[] = [];
  plan.sheets.forEach((s, i) => {
    const there = !existing[i].isNullObject;
    const block = blocks[i];
    if (!there) creating.push({ sheet: s, replace: false });
    else if (s.replace && block && isOwnedBy(block.values as CellValue[][], s.replace.expectToken)) creating.push({ sheet: s, replace: true });
    else sheetsLeftAlone.push(s.name);
  });

  // Sync 2 (…): write, batched by estimated request size.
  const batches: (() => void)[][] = [[]];
  let bytes = 0;
  const add = (cost: number, f: () => void) => {
    if (bytes + cost > maxBatch && batches[batches.length - 1].length > 0) {
      batches.push([]);
      bytes = 0;
    }
    batches[batches.length - 1].push(f);
    bytes += cost;
  };
  for (const { sheet, replace } of creating) {
    const cost = sheet.cells.reduce((n, c) => n + 40 + String(c.value ?? '').length * 3, 500);
    add(cost, () => {
      if (replace) sheets.getItem(sheet.name).delete();
      queueNewSheet(sheets.add(sheet.name), sheet, opts.features);
    });
    sheetsCreated.push(sheet.name);
  }
  for (const run of accepted) add(runBytes(run), () => queueRun(sheets.getItem(run.sheet), run, opts.features));

  const settingsPlan = planSettingsWrite(storeProbe.result(), settingsChangesFor(plan, sheetsLeftAlone) ?? [], { by: opts.by ?? 'shinchoku' });
  const settingsWrite = settingsPlan.write;
  if (settingsWrite) add(2000 + JSON.stringify(settingsWrite.rows).length, () => queueSettingsWrite(context, settingsWrite));

  for (const batch of batches) {
    if (batch.length === 0) continue;
    context.workbook.application.suspendApiCalculationUntilNextSync();
    for (const f of batch) f();
    await context.sync();
    tick();
  }

  const written = accepted.reduce((n, r) => n + r.writes.length, 0) + creating.reduce((n, c) => n + c.sheet.cells.length, 0);
  return { written, conflicts, sheetsCreated, sheetsLeftAlone, formulaCells, settingsRefused: settingsPlan.refused };
}
