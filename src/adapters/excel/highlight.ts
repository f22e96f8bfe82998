import { planSettingsWrite, type SettingsRefusal } from '../../core/settings/update';
import type { Severity } from '../../core/validation/finding';
import { sendWrites, type Runner, type WriteItem } from './batches';
import { worksheet } from './proxies';
import { ACTION_BYTES, batchBySize, jsonBytes, PATH_BYTES } from './request-size';
import { queueSettingsSheet, queueStoreRead, settingsWriteItems, structureProtectedError } from './settings';

/**
 * Marks cells with a finding by colouring them, and puts the original fill back afterwards. The
 * originals are stored in the settings sheet, not in memory, so another session (a co-author, or
 * the same user after reopening) can remove the marks. Excel reads both No Fill and a white fill as
 * '#FFFFFF'; from ExcelApi 1.9 the fill's pattern tells them apart ('None' vs 'Solid'), so a white
 * cell gets its white back and a No Fill cell its gridlines. Reads and writes go in syncs sized by
 * the request office.js builds (a cell's fill is three object paths: ~0.6 KB each).
 */
export const HIGHLIGHT_COLORS: Record<Severity, string> = {
  error: '#FFC7CE',
  warning: '#FFEB9C',
  info: '#DDEBF7',
};

export interface HighlightCell {
  sheet: string;
  address: string;
  severity: Severity;
}

interface Mark {
  sheet: string;
  address: string;
  /** Fill colour before we coloured it (Excel reports No Fill as '#FFFFFF'). */
  original: string;
  /** ExcelApi 1.9: the fill pattern before ('None' = No Fill); absent when the host could not tell. */
  originalPattern?: string;
  /** Our colour, to tell whether someone has recoloured the cell since. */
  color: string;
}

export interface HighlightResult {
  highlighted: number;
  /** Cells not marked: on a protected or missing sheet. */
  skipped: { sheet: string; address: string; reason: 'protected' | 'missing' }[];
  restored: number;
  /** Marked cells someone recoloured since: their new fill is kept. */
  leftAlone: number;
  /** The marks could not be recorded (a newer or damaged store, a co-author's concurrent change). */
  settingsRefused: SettingsRefusal[];
}

function isMark(m: Record<string, unknown>): m is Record<string, unknown> & Mark {
  return typeof m.sheet === 'string' && typeof m.address === 'string' && typeof m.original === 'string' && typeof m.color === 'string';
}

const key = (c: { sheet: string; address: string }) => `${c.sheet}!${c.address.toUpperCase()}`;

/** One cell's fill read or set: range, format and fill paths with their references (measured ~0.9 KB). */
export const CELL_FILL_BYTES = 4 * PATH_BYTES + 2 * ACTION_BYTES + 60;

/**
 * Replaces the current marks with `cells` (an empty list just clears). The marks are recorded in the
 * settings store's `highlight` row against the revision read; a co-author's newer marks are not
 * overwritten (the row is refused and put back, the fills stay as they are shown).
 */
const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** One mark per cell, the most severe finding's colour. */
function dedupe(cells: HighlightCell[]): HighlightCell[] {
  const byKey = new Map<string, HighlightCell>();
  for (const c of cells) {
    const k = key(c);
    const had = byKey.get(k);
    if (!had || RANK[c.severity] > RANK[had.severity]) byKey.set(k, c);
  }
  return [...byKey.values()];
}

export async function setHighlight(
  runner: Runner,
  requested: HighlightCell[],
  opts: { requestBudget: number; fillPattern: boolean; by: string; progress?: (done: number, total: number) => void },
): Promise<HighlightResult> {
  const cells = dedupe(requested);
  if (cells.length > 0) {
    // The settings sheet, if missing, is made first and outside any undo group (hiding is not undoable on Windows and Mac).
    await runner(async (context) => {
      const probe = queueStoreRead(context);
      const structure = context.workbook.protection.load('protected');
      await context.sync();
      const store = probe.result();
      if (store.sheet !== null) return;
      if (structure.protected) throw structureProtectedError();
      queueSettingsSheet(context, store.createName, { header: true });
      await context.sync();
    }, { undoGroup: false });
  }
  return runner(
    async (context) => {
      const sheets = context.workbook.worksheets;
      const probe = queueStoreRead(context);
      const wanted = new Map(cells.map((c) => [key(c), c]));
      const sheetProbe = new Map<string, Excel.Worksheet>();
      const probeSheet = (n: string) => {
        if (sheetProbe.has(n)) return;
        const ws = sheets.getItemOrNullObject(n);
        ws.protection.load('protected');
        sheetProbe.set(n, ws);
      };
      for (const c of cells) probeSheet(c.sheet);
      await context.sync();

      const store = probe.result();
      const old = (store.settings.highlight ?? []).filter(isMark);
      const oldByKey = new Map(old.map((m) => [key(m), m]));
      // The old marks' sheets need checking too before anything is restored.
      const before = sheetProbe.size;
      for (const m of old) probeSheet(m.sheet);
      if (sheetProbe.size > before) await context.sync();
      const usable = (sheet: string) => {
        const ws = sheetProbe.get(sheet)!;
        return ws.isNullObject ? 'missing' : ws.protection.protected ? 'protected' : null;
      };

      // Fills are read only on sheets known to exist: a missing sheet would fail the whole sync.
      const toRead = [...new Map([...old, ...cells].filter((c) => !usable(c.sheet)).map((c) => [key(c), c])).values()];
      const fills = new Map<string, { color: string; pattern?: string }>();
      const props = opts.fillPattern ? 'color,pattern' : 'color';
      for (const part of batchBySize(toRead, () => CELL_FILL_BYTES, opts.requestBudget)) {
        const loaded = part.map((c) => worksheet(context, c.sheet).getRange(c.address).format.fill.load(props));
        await context.sync();
        part.forEach((c, i) => fills.set(key(c), { color: loaded[i].color ?? '#FFFFFF', ...(opts.fillPattern ? { pattern: loaded[i].pattern ?? undefined } : {}) }));
      }

      const result: HighlightResult = { highlighted: 0, skipped: [], restored: 0, leftAlone: 0, settingsRefused: [] };
      const items: WriteItem[] = [];
      const fillItem = (sheet: string, address: string, f: (fill: Excel.RangeFill) => void): WriteItem => ({
        bytes: CELL_FILL_BYTES + jsonBytes(address),
        idempotent: true,
        cells: [],
        queue: (ctx) => f(worksheet(ctx, sheet).getRange(address).format.fill),
      });
      const marks: Mark[] = [];
      for (const m of old) {
        const fill = fills.get(key(m));
        if (!fill || wanted.has(key(m))) continue;
        if (fill.color.toUpperCase() !== m.color.toUpperCase()) {
          result.leftAlone++;
          continue;
        }
        const noFill = m.originalPattern !== undefined ? m.originalPattern === 'None' : m.original.toUpperCase() === '#FFFFFF';
        items.push(fillItem(m.sheet, m.address, (f) => (noFill ? f.clear() : (f.color = m.original))));
        result.restored++;
      }
      for (const c of cells) {
        const why = usable(c.sheet);
        if (why) {
          result.skipped.push({ sheet: c.sheet, address: c.address, reason: why });
          continue;
        }
        const color = HIGHLIGHT_COLORS[c.severity];
        const prev = oldByKey.get(key(c));
        const now = fills.get(key(c))!;
        // Already ours: keep the recorded original, not our own colour.
        const ours = prev && now.color.toUpperCase() === prev.color.toUpperCase();
        const original = ours ? prev.original : now.color.toUpperCase();
        const originalPattern = ours ? prev.originalPattern : now.pattern;
        items.push(fillItem(c.sheet, c.address, (f) => (f.color = color)));
        marks.push({ sheet: c.sheet, address: c.address, original, ...(originalPattern ? { originalPattern } : {}), color });
        result.highlighted++;
      }
      if (JSON.stringify(marks) !== JSON.stringify(old)) {
        const entry = store.entries.highlight;
        const baseRev = entry && entry.raw !== '' ? entry.rev : null;
        const { write, refused } = planSettingsWrite(
          store,
          [marks.length ? { op: 'set', key: 'highlight', value: marks, baseRev } : { op: 'remove', key: 'highlight', baseRev }],
          { by: opts.by },
        );
        result.settingsRefused.push(...refused);
        // With no store (only when clearing marks that were never recorded) there is nothing to write.
        if (write && !write.create) items.push(...settingsWriteItems(write, result.settingsRefused));
      }
      await sendWrites(context, items, { budget: opts.requestBudget });
      opts.progress?.(1, 1);
      return result;
    },
    { undoGroup: true },
  );
}
