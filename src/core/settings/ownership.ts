import { fromA1 } from '../grid/a1';
import type { CellValue, WorkbookGrid } from '../grid/types';
import type { OwnedSheet } from './schema';
import { freeSheetName, type SettingsStore } from './store';
import type { SettingsChange } from './update';

/**
 * Which sheets and columns are the add-in's, decided by identity, never by name alone: a sheet is
 * the add-in's when the settings record it (role, name, token) AND the sheet itself still carries
 * the token in a cell near its top. A staff sheet that happens to be called 行革集計 carries no
 * token, so it is never replaced: the new sheet gets another name and the user is told.
 */
const TAG = /\[shinchoku:([a-z][a-z0-9-]*):([0-9a-z]{4,32})\]/;
const SCAN_ROWS = 8;
const SCAN_COLS = 30;
/** Format-1 sheets carry no token; they are recognised by the credit line the add-in wrote. */
const LEGACY_CREDIT = /行革進捗アシスタント|Made by Shinchoku/;

export function ownerTag(role: string, token: string): string {
  return `[shinchoku:${role}:${token}]`;
}

/** The sentence written into an owned sheet; it tells people the sheet is rebuilt and carries the token. */
export function ownerNote(role: string, token: string, lang: 'ja' | 'en'): string {
  return lang === 'ja'
    ? `このシートは行革進捗アシスタントが作成しました。再実行すると作り直されるため、手で加えた変更は残りません。 ${ownerTag(role, token)}`
    : `Made by Shinchoku. Running it again rebuilds this sheet, so changes made by hand are not kept. ${ownerTag(role, token)}`;
}

function scan(values: readonly (readonly CellValue[] | undefined)[], test: (s: string) => boolean): string | undefined {
  for (let r = 0; r < Math.min(values.length, SCAN_ROWS); r++) {
    const row = values[r];
    if (!row) continue;
    for (let c = 0; c < Math.min(row.length, SCAN_COLS); c++) {
      const v = row[c];
      if (typeof v === 'string' && test(v)) return v;
    }
  }
  return undefined;
}

/** The owner tag in a sheet's top-left block, if any. */
export function ownerTokenOf(values: readonly (readonly CellValue[] | undefined)[]): { role: string; token: string } | undefined {
  const hit = scan(values, (s) => TAG.test(s));
  const m = hit ? TAG.exec(hit) : null;
  return m ? { role: m[1], token: m[2] } : undefined;
}

/**
 * What a host checks right before replacing a sheet (the sheet may have changed since the plan was
 * made): its top-left block still carries `expectToken`, or, for a format-1 sheet (null), the credit line.
 */
export function isOwnedBy(values: readonly (readonly CellValue[] | undefined)[], expectToken: string | null): boolean {
  if (expectToken === null) return scan(values, (s) => LEGACY_CREDIT.test(s)) !== undefined;
  return ownerTokenOf(values)?.token === expectToken;
}

export interface OwnedSheetTarget {
  role: string;
  /** The sheet to write. */
  name: string;
  token: string;
  /** Replace the existing sheet of that name, after checking it still carries `expectToken`. */
  replace: { expectToken: string | null } | null;
  /** The wanted name is a sheet that is not the add-in's, so `name` was chosen instead. */
  displaced?: string;
  /** The sheet `displaced` names is the add-in's, but someone changed what it shows since: it is kept as theirs. */
  edited?: true;
}

/**
 * A fingerprint of what a sheet shows: every filled cell's place and value. Recorded when the add-in
 * writes its sheet; a sheet that no longer matches was typed in by someone (a remark, a corrected
 * figure), and rebuilding it would lose that. Texts are compared trimmed, numbers to the 15 digits
 * Excel keeps, so reading the sheet back through either host gives the fingerprint it was written with.
 */
export function sheetDigest(cells: Iterable<{ row: number; col: number; value: CellValue | undefined }>): string {
  const parts: string[] = [];
  for (const { row, col, value } of cells) {
    if (value === null || value === undefined) continue;
    const shown = typeof value === 'number' ? `n${Number(value.toPrecision(15))}` : typeof value === 'string' ? `s${value.replace(/\r\n?/g, '\n').trim()}` : `b${value}`;
    if (shown === 's') continue;
    parts.push(`${row},${col}=${shown}`);
  }
  parts.sort();
  return `${parts.length}-${fnv(parts.join('\u0000'), 0x811c9dc5)}${fnv(parts.join('\u0001'), 0x01000193)}`;
}

/** The fingerprint of a sheet as read (a grid's values). */
export function gridDigest(values: readonly (readonly CellValue[] | undefined | null)[]): string {
  function* cells() {
    for (let row = 0; row < values.length; row++) {
      const r = values[row];
      if (r) for (let col = 0; col < r.length; col++) yield { row, col, value: r[col] };
    }
  }
  return sheetDigest(cells());
}

function fnv(text: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0');
}

/** Deterministic so that outputs are reproducible; unique enough that no staff cell holds the tag. */
function makeToken(seed: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0');
}

/** Where an owned sheet of `role` goes: its own earlier sheet (replaced), a free wanted name, or another free name. */
export function planOwnedSheet(
  wb: WorkbookGrid,
  store: SettingsStore,
  role: string,
  wanted: string,
  opts: { token?: string } = {},
): OwnedSheetTarget {
  const byName = (n: string) => wb.sheets.find((s) => s.name.toLowerCase() === n.toLowerCase());
  const records = store.settings.ownedSheets;
  const ours = (rec: OwnedSheet): boolean => {
    const sheet = byName(rec.name);
    if (!sheet) return false;
    if (rec.role === 'legacy' && rec.token === '') return isOwnedBy(sheet.values, null);
    return rec.role === role && rec.token !== '' && isOwnedBy(sheet.values, rec.token);
  };
  const fresh = opts.token ?? makeToken(`${role}|${wanted}|${wb.name}|${records.map((r) => r.token).join(',')}`);

  const existing = byName(wanted);
  if (!existing) {
    const rec = records.find((r) => r.role === role && r.name.toLowerCase() === wanted.toLowerCase() && r.token);
    return { role, name: wanted, token: rec?.token ?? fresh, replace: null };
  }
  // What the add-in wrote and nobody changed since (sheets recorded before fingerprints were: as written).
  const untouched = (rec: OwnedSheet): boolean => typeof rec.digest !== 'string' || gridDigest(byName(rec.name)!.values) === rec.digest;
  const same = records.find((r) => r.name.toLowerCase() === wanted.toLowerCase() && ours(r));
  if (same && untouched(same)) {
    const legacy = same.token === '';
    return { role, name: existing.name, token: legacy ? fresh : same.token, replace: { expectToken: legacy ? null : same.token } };
  }
  // The wanted name is a staff sheet, or ours with someone's changes: the sheet we put beside it last time, if still ours and unchanged.
  const why = same ? { displaced: existing.name, edited: true as const } : { displaced: wanted };
  const beside = records.find((r) => r.role === role && r.name.toLowerCase() !== wanted.toLowerCase() && r.name.startsWith(wanted.slice(0, 20)) && ours(r) && untouched(r));
  if (beside) return { role, name: byName(beside.name)!.name, token: beside.token, replace: { expectToken: beside.token }, ...why };
  return {
    role,
    name: freeSheetName(
      wb.sheets.map((s) => s.name),
      wanted,
    ),
    token: fresh,
    replace: null,
    ...why,
  };
}

/** The settings change that records an owned sheet (one record per sheet name), with the fingerprint of the cells written. */
export function recordOwnedSheet(target: OwnedSheetTarget, cells: readonly { address: string; value: CellValue }[]): SettingsChange {
  const digest = sheetDigest(cells.map((c) => ({ ...fromA1(c.address), value: c.value })));
  return { op: 'upsert', key: 'ownedSheets', items: [{ role: target.role, name: target.name, token: target.token, digest }], identity: ['name'] };
}

/**
 * Whether a column found by the add-in's own header text is really the add-in's: the settings
 * record it on that sheet. Format-1 workbooks recorded no columns, so there the header decides.
 */
export function ownsColumn(store: SettingsStore, sheet: string, field: string): boolean {
  if (store.legacy) return true;
  return store.settings.ownedColumns.some((c) => c.sheet === sheet && c.field === field);
}

export function recordOwnedColumns(columns: { sheet: string; field: string; header: string }[]): SettingsChange | null {
  return columns.length ? { op: 'upsert', key: 'ownedColumns', items: columns, identity: ['sheet', 'field'] } : null;
}

/**
 * What a host says when it keeps one of the add-in's sheets because someone put a chart, a rule, a
 * table … on it (replacing the sheet would take them along): the kinds found, and how to get the new one.
 */
export function keptForObjects(sheet: string, kinds: readonly { ja: string; en: string }[]): { ja: string; en: string } {
  return {
    ja: `シート「${sheet}」には手で加えたもの（${kinds.map((o) => o.ja).join('、')}）があるため、作り直さずに残しました。新しい内容を書き出すには、シート名を変えてから再実行してください。`,
    en: `Sheet "${sheet}" holds ${kinds.map((o) => o.en).join(', ')} added by hand, so it was not rebuilt. Rename it and run again to write the new one.`,
  };
}
