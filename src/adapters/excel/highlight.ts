import { planSettingsWrite } from '../../core/settings/update';
import type { Severity } from '../../core/validation/finding';
import { queueSettingsWrite, queueStoreRead } from './settings';

/**
 * Marks cells with a finding by colouring them, and puts the original fill back afterwards. The
 * originals are stored in the settings sheet, not in memory, so another session (a co-author, or
 * the same user after reopening) can remove the marks. Four syncs whatever the number of cells:
 * settings and sheets of the new marks, sheets of the old marks, current fills, then the writes.
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
  /** Fill before we coloured it ('#FFFFFF' = none, Excel reports no fill as white). */
  original: string;
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
}

function isMark(m: Record<string, unknown>): m is Record<string, unknown> & Mark {
  return typeof m.original === 'string' && typeof m.color === 'string';
}

const key = (c: { sheet: string; address: string }) => `${c.sheet}!${c.address.toUpperCase()}`;

/** Replaces the current marks with `cells` (an empty list just clears). */
export async function setHighlight(
  context: Excel.RequestContext,
  cells: HighlightCell[],
  progress?: (done: number, total: number) => void,
): Promise<HighlightResult> {
  const sheets = context.workbook.worksheets;
  const probe = queueStoreRead(context);
  const wanted = new Map(cells.map((c) => [key(c), c]));
  const sheetNames = [...new Set(cells.map((c) => c.sheet))];
  const sheetProbe = new Map(
    sheetNames.map((n) => {
      const ws = sheets.getItemOrNullObject(n);
      ws.protection.load('protected');
      return [n, ws] as const;
    }),
  );
  await context.sync();
  progress?.(1, 4);

  const store = probe.result();
  const old = (store.settings.highlight ?? []).filter(isMark);
  const oldByKey = new Map(old.map((m) => [key(m), m]));
  // The old marks' sheets need checking too before anything is restored.
  for (const m of old) {
    if (!sheetProbe.has(m.sheet)) {
      const ws = sheets.getItemOrNullObject(m.sheet);
      ws.protection.load('protected');
      sheetProbe.set(m.sheet, ws);
    }
  }
  await context.sync();
  progress?.(2, 4);
  const usable = (sheet: string) => {
    const ws = sheetProbe.get(sheet)!;
    return ws.isNullObject ? 'missing' : ws.protection.protected ? 'protected' : null;
  };

  // Fills are read only on sheets known to exist: a missing sheet would fail the whole sync.
  const fills = new Map<string, Excel.RangeFill>();
  for (const c of [...old, ...cells]) {
    if (usable(c.sheet) || fills.has(key(c))) continue;
    fills.set(key(c), sheets.getItem(c.sheet).getRange(c.address).format.fill.load('color'));
  }
  await context.sync();
  progress?.(3, 4);

  const result: HighlightResult = { highlighted: 0, skipped: [], restored: 0, leftAlone: 0 };
  const marks: Mark[] = [];
  for (const m of old) {
    const fill = fills.get(key(m));
    if (!fill) continue;
    const current = (fill.color ?? '').toUpperCase();
    if (wanted.has(key(m))) continue;
    if (current !== m.color.toUpperCase()) {
      result.leftAlone++;
      continue;
    }
    const range = sheets.getItem(m.sheet).getRange(m.address);
    if (m.original.toUpperCase() === '#FFFFFF') range.format.fill.clear();
    else range.format.fill.color = m.original;
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
    const current = (fills.get(key(c))!.color ?? '#FFFFFF').toUpperCase();
    // Already ours: keep the recorded original, not our own colour.
    const original = prev && current === prev.color.toUpperCase() ? prev.original : current;
    sheets.getItem(c.sheet).getRange(c.address).format.fill.color = color;
    marks.push({ sheet: c.sheet, address: c.address, original, color });
    result.highlighted++;
  }
  if (JSON.stringify(marks) !== JSON.stringify(old)) {
    const entry = store.entries.highlight;
    const baseRev = entry && entry.raw !== '' ? entry.rev : null;
    const write = planSettingsWrite(store, [marks.length ? { op: 'set', key: 'highlight', value: marks, baseRev } : { op: 'remove', key: 'highlight', baseRev }], {
      by: 'shinchoku',
    }).write;
    if (write) queueSettingsWrite(context, write);
  }
  await context.sync();
  progress?.(4, 4);
  return result;
}
