import { z } from 'zod';
import type { CellValue } from '../grid/types';
import { SETTINGS_KEYS, SETTINGS_VALUE_SCHEMAS, type SettingsKey } from './schema';
import {
  FIRST_KEY_ROW,
  readStoreValue,
  SETTINGS_CHUNK,
  SETTINGS_HEADER,
  keyRow,
  type SettingsStore,
} from './store';

/**
 * What a write plan asks of the settings, as data. A host applies changes against the store as it
 * reads it at apply time (not as the planner saw it), through `planSettingsWrite`, so a co-author's
 * save in between is either merged (list upserts) or detected (a `set` whose base revision moved).
 */
const KeySchema = z.enum(SETTINGS_KEYS);
const ListKeySchema = z.enum(['ownedSheets', 'ownedColumns', 'suggested', 'highlight']);
const ItemsSchema = z.array(z.record(z.string(), z.unknown()));

export const SettingsChangeSchema = z.discriminatedUnion('op', [
  /** Replace a key's value; refused as a conflict when its revision is no longer `baseRev` (null = absent). */
  z.object({ op: z.literal('set'), key: KeySchema, value: z.unknown(), baseRev: z.number().nullable() }),
  z.object({ op: z.literal('remove'), key: KeySchema, baseRev: z.number().nullable() }),
  /** Merge items into a list key: an item with the same identity fields replaces the stored one. */
  z.object({ op: z.literal('upsert'), key: ListKeySchema, items: ItemsSchema, identity: z.array(z.string()).min(1) }),
  /** Remove the items with these identities from a list key. */
  z.object({ op: z.literal('drop'), key: ListKeySchema, items: ItemsSchema, identity: z.array(z.string()).min(1) }),
]);
export type SettingsChange = z.infer<typeof SettingsChangeSchema>;

/** Cells a host writes into the settings sheet; values are written as text, revisions as numbers. */
export interface SettingsRowWrite {
  /** 0-based row. */
  row: number;
  /** From column A; trailing nulls blank what an older, longer value left behind. */
  values: CellValue[];
  /** What A and B held when the store was read: a host that finds otherwise at write time skips the row. */
  expect: { key: string | null; rev: number | null };
}

export interface SettingsWrite {
  sheet: string;
  /** Create the sheet (very hidden) first; its header rows are among `rows`. */
  create: boolean;
  rows: SettingsRowWrite[];
}

export interface SettingsRefusal {
  key: string;
  kind: 'newer' | 'broken' | 'conflict' | 'invalid';
  message: { ja: string; en: string };
}

export interface SettingsPlan {
  write: SettingsWrite | null;
  refused: SettingsRefusal[];
}

/**
 * Turns changes into row writes against `store` (read at apply time). Rows of keys not changed are
 * not written; a damaged row is never overwritten; a store written by a newer add-in is never
 * rewritten. A format-1 store is upgraded in place (the whole sheet is ours).
 */
export function planSettingsWrite(store: SettingsStore, changes: readonly SettingsChange[], opts: { by: string }): SettingsPlan {
  const refused: SettingsRefusal[] = [];
  if (changes.length === 0) return { write: null, refused };
  if (!store.writable) {
    for (const c of changes) refused.push(refusal(c.key, 'newer', store.format ?? 0));
    return { write: null, refused };
  }

  const next = new Map<string, unknown>();
  const current = (key: string): unknown => (next.has(key) ? next.get(key) : store.entries[key]?.json);
  for (const c of changes) {
    const entry = store.entries[c.key];
    if (entry?.broken) {
      refused.push(refusal(c.key, 'broken'));
      continue;
    }
    if (c.op === 'set' || c.op === 'remove') {
      const rev = entry && entry.raw !== '' ? entry.rev : null;
      if (!store.legacy && rev !== c.baseRev) {
        refused.push(refusal(c.key, 'conflict'));
        continue;
      }
      next.set(c.key, c.op === 'remove' ? undefined : keepUnknownFields(c.key, entry?.json, c.value));
      continue;
    }
    const list = Array.isArray(current(c.key)) ? [...(current(c.key) as Record<string, unknown>[])] : [];
    const same = (a: Record<string, unknown>, b: Record<string, unknown>) => c.identity.every((f) => a[f] === b[f]);
    if (c.op === 'upsert') {
      for (const item of c.items) {
        const i = list.findIndex((x) => same(x, item));
        if (i >= 0) list[i] = { ...list[i], ...item };
        else list.push(item);
      }
    } else {
      for (const item of c.items) for (let i = list.length - 1; i >= 0; i--) if (same(list[i], item)) list.splice(i, 1);
    }
    next.set(c.key, list);
  }

  for (const [key, value] of next) {
    if (value === undefined) continue;
    const ok = readStoreValue(key as SettingsKey, value);
    if (!ok.success) {
      refused.push(refusal(key, 'invalid'));
      next.delete(key);
    }
  }
  if (next.size === 0) return { write: null, refused };

  const sheet = store.sheet ?? store.createName;
  const rows: SettingsRowWrite[] = [];
  const width = (row: number, n: number) => Math.max(n, store.rowWidths[row] ?? 0);
  const pad = (values: CellValue[], row: number) => [...values, ...Array<CellValue>(width(row, values.length) - values.length).fill(null)];

  if (store.legacy) {
    // Upgrade: header, every key migrated or changed at its fixed row, then blank legacy rows left over.
    const all = new Map<string, unknown>();
    for (const key of SETTINGS_KEYS) {
      const v = next.has(key) ? next.get(key) : store.entries[key]?.json;
      if (v !== undefined) all.set(key, v);
    }
    const written = new Set<number>();
    SETTINGS_HEADER.forEach((h, r) => {
      rows.push({ row: r, values: pad([...h], r), expect: { key: null, rev: null } });
      written.add(r);
    });
    for (const [key, v] of all) {
      const r = keyRow(key as SettingsKey);
      rows.push({ row: r, values: pad(rowCells(key, 1, opts.by, v), r), expect: { key: null, rev: null } });
      written.add(r);
    }
    store.rowWidths.forEach((w, r) => {
      if (w > 0 && !written.has(r)) rows.push({ row: r, values: Array<CellValue>(w).fill(null), expect: { key: null, rev: null } });
    });
    return { write: { sheet, create: false, rows: rows.sort((a, b) => a.row - b.row) }, refused };
  }

  if (store.sheet === null) {
    SETTINGS_HEADER.forEach((h, r) => rows.push({ row: r, values: [...h], expect: { key: null, rev: null } }));
  }
  const taken = new Map(Object.values(store.entries).map((e) => [e.row, e.key]));
  let spare = Math.max(FIRST_KEY_ROW + SETTINGS_KEYS.length, store.rowWidths.length);
  for (const [key, value] of next) {
    const entry = store.entries[key];
    let row = entry?.row ?? keyRow(key as SettingsKey);
    if (!entry && taken.has(row)) row = spare++; // a foreign key sits on our row: never overwrite it
    const rev = (entry?.rev ?? 0) + 1;
    const cells = value === undefined ? [key, rev, opts.by, ''] : rowCells(key, rev, opts.by, value);
    rows.push({ row, values: pad(cells, row), expect: { key: entry ? entry.key : null, rev: entry ? entry.rev : null } });
  }
  return { write: { sheet, create: store.sheet === null, rows: rows.sort((a, b) => a.row - b.row) }, refused };
}

function rowCells(key: string, rev: number, by: string, value: unknown): CellValue[] {
  const json = JSON.stringify(value);
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += SETTINGS_CHUNK) chunks.push(json.slice(i, i + SETTINGS_CHUNK));
  return [key, rev, by, ...chunks];
}

/** Fields of a stored object this version does not know survive a rewrite of its key. */
function keepUnknownFields(key: string, stored: unknown, value: unknown): unknown {
  const isPlain = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
  const schema = SETTINGS_VALUE_SCHEMAS[key as SettingsKey];
  if (!isPlain(stored) || !isPlain(value) || !(schema instanceof z.ZodObject)) return value;
  const known = new Set(Object.keys(schema.shape));
  const unknown = Object.fromEntries(Object.entries(stored).filter(([k]) => !known.has(k)));
  return { ...unknown, ...value };
}

function refusal(key: string, kind: SettingsRefusal['kind'], format = 0): SettingsRefusal {
  const messages: Record<SettingsRefusal['kind'], { ja: string; en: string }> = {
    newer: {
      ja: `設定は新しい版のアドイン(保存形式 ${format})で保存されているため、「${key}」は書き換えませんでした。アドインを更新してください。`,
      en: `The settings were saved by a newer add-in (format ${format}), so "${key}" was not rewritten. Update the add-in.`,
    },
    broken: {
      ja: `設定「${key}」の行が壊れているため、書き換えずに残しました。設定画面から保存し直してください。`,
      en: `The "${key}" setting is damaged, so it was left as it is. Save the settings again from the settings tab.`,
    },
    conflict: {
      ja: `設定「${key}」は、読み込んだ後に他の人が変更しました。上書きせずに残したので、読み込み直してからもう一度保存してください。`,
      en: `Someone else changed the "${key}" setting after it was read. It was not overwritten: reload and save again.`,
    },
    invalid: {
      ja: `設定「${key}」に保存できない値があったため、保存しませんでした。`,
      en: `The "${key}" setting had a value that cannot be saved, so it was not saved.`,
    },
  };
  return { key, kind, message: messages[kind] };
}
