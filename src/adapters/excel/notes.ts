import { isAssistantNote, noteText } from '../../core/plan/notes';
import type { CellNotesResult, CellWrite } from '../../core/plan/write-plan';
import type { WriteItem } from './batches';
import { worksheet } from './proxies';
import { ACTION_BYTES, batchBySize, jsonBytes, PATH_BYTES } from './request-size';

/**
 * Cell notes (ExcelApi 1.18 `Worksheet.notes`) for the cells a plan writes. A cell that already has
 * someone else's note, or a threaded comment (ExcelApi 1.10 `Worksheet.comments`; a cell holds one
 * or the other), keeps it and gets none; a note the add-in wrote earlier (its first line is the
 * add-in's name, core/plan/notes.ts) is updated in place, never added twice. Where Excel or the
 * office.js it runs lacks the API, nothing is attempted and the result says so.
 */

export interface NoteTarget {
  sheet: string;
  address: string;
  text: string;
}

export interface NoteDecision {
  add: NoteTarget[];
  update: NoteTarget[];
  notWritten: CellNotesResult['notWritten'];
}

/** The NoteCollection of a sheet, or null when the client library has no `Worksheet.notes` (office.js before 1.18). */
export function notesOf(ws: Excel.Worksheet): Excel.NoteCollection | null {
  const c = (ws as unknown as { notes?: Excel.NoteCollection }).notes;
  return c ?? null;
}

/**
 * Whether this office.js can address notes at all: the CDN build has `Worksheet.notes`, the npm
 * build a self-hosted pane serves (1.1.110) does not. Checked on a proxy; nothing is queued.
 */
export function libraryHasNotes(context: Excel.RequestContext): boolean {
  try {
    return notesOf(context.workbook.worksheets.getActiveWorksheet()) !== null;
  } catch {
    return false;
  }
}

/** Measured on office.js 1.1.110: a probe is about 290 bytes, an add about 170 plus its arguments. */
export const NOTE_PROBE_BYTES = PATH_BYTES + ACTION_BYTES + 40;
export const THREAD_COUNT_BYTES = 2 * PATH_BYTES + ACTION_BYTES;
export const THREAD_LOCATION_BYTES = 3 * PATH_BYTES + 2 * ACTION_BYTES + 80;

/** Request bytes of adding a note (office.js: the collection, the Add method object with its arguments). */
export const noteAddBytes = (t: NoteTarget) => PATH_BYTES + 40 + jsonBytes([t.address, t.text]);
/** Request bytes of updating one (the note by address, the content set). */
export const noteUpdateBytes = (t: NoteTarget) => 2 * PATH_BYTES + ACTION_BYTES + jsonBytes(t.address) + jsonBytes(t.text);

const key = (sheet: string, address: string) => `${sheet}!${address.replace(/\$/g, '').toUpperCase()}`;

export interface NoteReader {
  /**
   * Queues probes worth at most `room` bytes (the thread counts and at least one probe while any
   * are left), so the first ones can ride with the check's own sync. Returns the bytes queued.
   */
  queue(room: number): number;
  /** Reads the rest (syncs sized by `budget`) and where the threads are; then says what to do. */
  finish(budget: number, onSync?: () => void): Promise<(written: (w: CellWrite) => boolean) => NoteDecision>;
}

/**
 * Reads each noted cell's current note and, on ExcelApi 1.10, where each target sheet's threads
 * are (only a sheet that has threads costs a read of their locations), then decides, for the
 * writes that will be made, what to add, update and leave.
 */
export function noteReader(context: Excel.RequestContext, writes: CellWrite[], withThreads: boolean): NoteReader {
  const noted = writes.filter((w) => w.note);
  const notes = new Map<string, Excel.Note>();
  const counts = new Map<string, OfficeExtension.ClientResult<number>>();
  const sheets = [...new Set(noted.map((w) => w.sheet))];
  let next = 0;
  const queue = (room: number, atLeastOne = false): number => {
    let used = 0;
    if (withThreads && counts.size === 0 && sheets.length) {
      for (const s of sheets) counts.set(s, worksheet(context, s).comments.getCount());
      used += sheets.length * THREAD_COUNT_BYTES;
    }
    const from = next;
    while (next < noted.length && (used + NOTE_PROBE_BYTES <= room || (atLeastOne && next === from))) {
      const w = noted[next++];
      notes.set(key(w.sheet, w.address), notesOf(worksheet(context, w.sheet))!.getItemOrNullObject(w.address).load('content'));
      used += NOTE_PROBE_BYTES;
    }
    return used;
  };
  return {
    queue: (room) => queue(room),
    async finish(budget, onSync) {
      while (next < noted.length) {
        queue(budget, true);
        await context.sync();
        onSync?.();
      }
      const located: { sheet: string; i: number }[] = [];
      for (const [sheet, n] of counts) for (let i = 0; i < n.value; i++) located.push({ sheet, i });
      const threads = new Set<string>();
      for (const part of batchBySize(located, () => THREAD_LOCATION_BYTES, budget)) {
        const ranges = part.map((l) => ({ sheet: l.sheet, r: worksheet(context, l.sheet).comments.getItemAt(l.i).getLocation().load('address') }));
        await context.sync();
        onSync?.();
        for (const x of ranges) threads.add(key(x.sheet, x.r.address.split('!').pop()!));
      }
      return (written) => {
        const out: NoteDecision = { add: [], update: [], notWritten: [] };
        const seen = new Set<string>();
        for (const w of noted) {
          const k = key(w.sheet, w.address);
          if (seen.has(k) || !written(w)) continue;
          seen.add(k);
          const t = { sheet: w.sheet, address: w.address, text: noteText(w.note!) };
          const n = notes.get(k)!;
          if (threads.has(k)) out.notWritten.push({ sheet: w.sheet, address: w.address, reason: 'staff-note' });
          else if (n.isNullObject) out.add.push(t);
          else if (isAssistantNote(n.content)) {
            if (n.content !== t.text) out.update.push(t);
          } else out.notWritten.push({ sheet: w.sheet, address: w.address, reason: 'staff-note' });
        }
        return out;
      };
    },
  };
}

/**
 * The note writes, after the cell writes: updates are idempotent (setting a note's text twice is
 * harmless); adds are not (a second add on the same cell fails), so they travel in items of their
 * own, each within the budget. A cell whose value was put back because a co-author changed it
 * meanwhile (`skip`, filled in as the cell writes complete) gets no note.
 */
export function noteItems(d: NoteDecision, budget: number, skip: () => ReadonlySet<string>, tally: { added: number; updated: number }): WriteItem[] {
  const items: WriteItem[] = [];
  for (const part of batchBySize(d.update, noteUpdateBytes, budget)) {
    items.push({
      bytes: part.reduce((n, t) => n + noteUpdateBytes(t), 0),
      idempotent: true,
      cells: [],
      queue: (context) => {
        const skipped = skip();
        for (const t of part) {
          if (skipped.has(key(t.sheet, t.address))) continue;
          notesOf(worksheet(context, t.sheet))!.getItem(t.address).content = t.text;
        }
      },
      after: () => {
        const skipped = skip();
        tally.updated += part.filter((t) => !skipped.has(key(t.sheet, t.address))).length;
        return [];
      },
    });
  }
  for (const part of batchBySize(d.add, noteAddBytes, budget)) {
    let sent = 0;
    items.push({
      bytes: part.reduce((n, t) => n + noteAddBytes(t), 0),
      idempotent: false,
      cells: [],
      queue: (context) => {
        const skipped = skip();
        sent = 0;
        for (const t of part) {
          if (skipped.has(key(t.sheet, t.address))) continue;
          notesOf(worksheet(context, t.sheet))!.add(t.address, t.text);
          sent++;
        }
      },
      after: () => {
        tally.added += sent;
        return [];
      },
    });
  }
  return items;
}

export { key as noteKey };
