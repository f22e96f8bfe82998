import { toA1 } from '../grid/a1';
import type { CellValue, SheetGrid, WorkbookGrid } from '../grid/types';
import { DEFAULT_RULES, RuleConfigSchema } from '../rules/config';
import {
  DEFAULT_SETTINGS,
  SETTINGS_KEYS,
  SETTINGS_VALUE_SCHEMAS,
  type OwnedSheet,
  type Settings,
  type SettingsKey,
} from './schema';

/**
 * The settings sheet, format 2. A very hidden sheet (named `_shinchoku` unless a staff sheet has
 * that name) recognised by its first cell, not by its name:
 *
 *   row 1   shinchoku-settings | 2 (format) | a note asking people not to edit it
 *   row 2   key | rev | by | value (JSON, continued in E, F … when longer than one cell allows)
 *   row 3…  one row per key, at a fixed row (SETTINGS_KEYS order)
 *
 * Why rows, not one JSON value: Excel merges co-authors' edits cell by cell, so two people saving
 * different keys at once both keep their change, and `rev` (+1 per write) lets a writer notice
 * that someone changed the same key since it read it. Fixed rows mean two people adding different
 * keys never write the same row. Nothing is cleared before it is rewritten.
 */
export const SETTINGS_MARKER = 'shinchoku-settings';
export const SETTINGS_FORMAT = 2;
export const SETTINGS_SHEET = '_shinchoku';
/** Where a new store goes when a staff sheet already has the name `_shinchoku`. */
export const SETTINGS_SHEET_FALLBACK = '_shinchoku_settings';
/** 0-based row of SETTINGS_KEYS[0]. */
export const FIRST_KEY_ROW = 2;
/** 0-based column where the JSON starts. */
export const VALUE_COL = 3;
/** Excel allows 32,767 characters per cell. */
export const SETTINGS_CHUNK = 30000;

export const SETTINGS_HEADER: CellValue[][] = [
  [SETTINGS_MARKER, SETTINGS_FORMAT, '行革進捗アシスタントの設定です。編集・削除しないでください。 / Shinchoku settings: do not edit.'],
  ['key', 'rev', 'by', 'value'],
];

export interface StoredEntry {
  key: string;
  /** 0-based row in the settings sheet. */
  row: number;
  rev: number;
  by: string;
  /** The stored text (JSON in format 2). */
  raw: string;
  /** Parsed JSON when it parsed; the value written back keeps fields this version does not know. */
  json?: unknown;
  /** Set when the row could not be used; such a row is reported and never rewritten. */
  broken?: 'corrupt' | 'invalid';
}

export interface SettingsProblem {
  kind: 'corrupt' | 'invalid' | 'newer' | 'duplicate';
  sheet: string;
  /** A1 address of the row's value cell, or A1 of the sheet for whole-store problems. */
  address: string;
  key?: string;
  message: { ja: string; en: string };
}

export interface SettingsStore {
  /** The sheet holding the settings, null when the workbook has none yet. */
  sheet: string | null;
  /** 2 for this format, 1 for the legacy single-JSON layout, higher for a newer add-in's. */
  format: number | null;
  legacy: boolean;
  /** False when a newer add-in wrote the store: it is read as far as understood, never rewritten. */
  writable: boolean;
  entries: Record<string, StoredEntry>;
  /** Used width (cells) of each used row, so a rewrite can blank what it no longer needs. */
  rowWidths: number[];
  settings: Settings;
  problems: SettingsProblem[];
  /** Name for a new settings sheet: `_shinchoku` unless a sheet of the workbook already has it. */
  createName: string;
}

const text = (v: CellValue | undefined): string => (v === null || v === undefined ? '' : String(v));

export function isSettingsSheet(sheet: { values: readonly (readonly CellValue[] | undefined)[] }): boolean {
  return text(sheet.values[0]?.[0]).trim() === SETTINGS_MARKER;
}

/** Format 1 (until 0.1): `_shinchoku` rows of [key, JSON chunks…] with keys `shinchoku.*`. */
function isLegacySheet(sheet: Pick<SheetGrid, 'name' | 'values'>): boolean {
  if (sheet.name !== SETTINGS_SHEET) return false;
  const keys = sheet.values.map((r) => text(r?.[0])).filter((k) => k !== '');
  return keys.length > 0 && keys.every((k) => k.startsWith('shinchoku.'));
}

/** Finds and reads the workbook's settings store; never throws, problems are listed. */
export function readStore(wb: WorkbookGrid): SettingsStore {
  const createName = storeSheetName(wb.sheets.map((s) => s.name));
  const marked = wb.sheets.filter(isSettingsSheet);
  const sheet = marked.find((s) => s.name === SETTINGS_SHEET) ?? marked.find((s) => s.name === SETTINGS_SHEET_FALLBACK) ?? marked[0];
  if (sheet) return storeFromRows(sheet.name, sheet.values, createName);
  const legacy = wb.sheets.find(isLegacySheet);
  if (legacy) return legacyStore(legacy.name, legacy.values, createName);
  return emptyStore(createName);
}

/**
 * The store held by one sheet, for hosts that read just the likely sheets (`_shinchoku`, then
 * `_shinchoku_settings`) rather than the whole workbook; null when the sheet is not a store.
 */
export function storeFromSheet(sheet: { name: string; values: readonly (readonly CellValue[] | undefined)[] }, createName: string): SettingsStore | null {
  if (isSettingsSheet(sheet)) return storeFromRows(sheet.name, sheet.values, createName);
  if (isLegacySheet({ name: sheet.name, values: sheet.values as CellValue[][] })) return legacyStore(sheet.name, sheet.values, createName);
  return null;
}

export function emptyStore(createName: string): SettingsStore {
  return {
    sheet: null,
    format: null,
    legacy: false,
    writable: true,
    entries: {},
    rowWidths: [],
    settings: DEFAULT_SETTINGS,
    problems: [],
    createName,
  };
}

/** Reads a format-2 (or newer) settings sheet from its cell values. */
export function storeFromRows(sheet: string, rows: readonly (readonly CellValue[] | undefined)[], createName = SETTINGS_SHEET): SettingsStore {
  const problems: SettingsProblem[] = [];
  const format = Number(rows[0]?.[1]);
  const knownFormat = Number.isInteger(format) && format >= 1 ? format : SETTINGS_FORMAT;
  const writable = knownFormat <= SETTINGS_FORMAT;
  if (!writable) problems.push(newerProblem(sheet, knownFormat));
  const entries: Record<string, StoredEntry> = {};
  for (let r = FIRST_KEY_ROW; r < rows.length; r++) {
    const row = rows[r];
    const key = text(row?.[0]).trim();
    if (!row || key === '') continue;
    if (entries[key]) {
      problems.push(problem('duplicate', sheet, r, key));
      continue;
    }
    const rev = Number(row[1]);
    const raw = row
      .slice(VALUE_COL)
      .map((c) => text(c))
      .join('');
    entries[key] = { key, row: r, rev: Number.isFinite(rev) ? rev : 0, by: text(row[2]), raw };
  }
  return finish(sheet, knownFormat, false, writable, entries, rows, problems, createName);
}

function legacyStore(sheet: string, rows: readonly (readonly CellValue[] | undefined)[], createName: string): SettingsStore {
  const problems: SettingsProblem[] = [];
  const entries: Record<string, StoredEntry> = {};
  let v1: Record<string, unknown> = {};
  rows.forEach((row, r) => {
    const key = text(row?.[0]).trim();
    if (!row || key === '') return;
    const raw = row
      .slice(1)
      .map((c) => text(c))
      .join('');
    if (key === 'shinchoku.settings') {
      try {
        const parsed = JSON.parse(raw) as unknown;
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) v1 = parsed as Record<string, unknown>;
        else problems.push(problem('invalid', sheet, r, key, 1));
      } catch {
        problems.push(problem('corrupt', sheet, r, key, 1));
      }
    } else if (key === 'shinchoku.highlight') {
      entries.highlight = { key: 'highlight', row: r, rev: 0, by: '', raw };
    }
  });
  // Format 1 kept owned sheets by name only; they carry no marker, so ownership.ts checks them by content.
  const owned = Array.isArray(v1.ownedSheets) ? (v1.ownedSheets as unknown[]).filter((n): n is string => typeof n === 'string') : [];
  const migrated: Record<string, unknown> = {
    rules: v1.rules,
    layout: v1.layout,
    mapping: v1.mapping,
    reportFy: v1.reportFy,
    lang: v1.lang,
    ownedSheets: owned.length ? owned.map((name): OwnedSheet => ({ role: 'legacy', name, token: '' })) : undefined,
    suggested: v1.suggested,
  };
  for (const [key, value] of Object.entries(migrated)) {
    if (value === undefined) continue;
    entries[key] = { key, row: -1, rev: 0, by: '', raw: JSON.stringify(value) };
  }
  return finish(sheet, 1, true, true, entries, rows, problems, createName);
}

function finish(
  sheet: string,
  format: number,
  legacy: boolean,
  writable: boolean,
  entries: Record<string, StoredEntry>,
  rows: readonly (readonly CellValue[] | undefined)[],
  problems: SettingsProblem[],
  createName: string,
): SettingsStore {
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of SETTINGS_KEYS) {
    const e = entries[key];
    if (!e || e.raw === '') continue; // a removed key keeps its row and revision, with no value
    let json: unknown;
    try {
      json = JSON.parse(e.raw);
    } catch {
      e.broken = 'corrupt';
      problems.push(problem('corrupt', sheet, e.row, key, format));
      continue;
    }
    e.json = json;
    const value = readStoreValue(key, json);
    if (!value.success) {
      e.broken = 'invalid';
      problems.push(problem('invalid', sheet, e.row, key, format, value.error.issues.map((i) => i.path.join('.')).filter(Boolean).join(', ')));
      continue;
    }
    settings[key] = value.data;
  }
  return {
    sheet,
    format,
    legacy,
    writable,
    entries,
    rowWidths: rows.map((r) => lastFilled(r) + 1),
    settings: settings as Settings,
    problems,
    createName,
  };
}

/** A stored value checked against its key's schema; `rules` is completed with the defaults first. */
export function readStoreValue(key: SettingsKey, json: unknown): ReturnType<typeof mergeRules> {
  return key === 'rules' ? mergeRules(json) : SETTINGS_VALUE_SCHEMAS[key].safeParse(json);
}

function mergeRules(json: unknown): { success: true; data: unknown } | { success: false; error: { issues: { path: PropertyKey[] }[] } } {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return { success: false, error: { issues: [{ path: [] }] } };
  const stored = json as Record<string, unknown>;
  const thresholds = { ...DEFAULT_RULES.thresholds, ...((stored.thresholds as object | undefined) ?? {}) };
  const r = RuleConfigSchema.safeParse({ ...DEFAULT_RULES, ...stored, thresholds });
  return r.success ? { success: true, data: r.data } : { success: false, error: r.error };
}

function lastFilled(row: readonly CellValue[] | undefined): number {
  if (!row) return -1;
  for (let c = row.length - 1; c >= 0; c--) if (text(row[c]) !== '') return c;
  return -1;
}

/** `_shinchoku`, or `_shinchoku_settings` when a staff sheet has that name (hosts probe both). */
export function storeSheetName(taken: readonly string[]): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  if (!lower.has(SETTINGS_SHEET)) return SETTINGS_SHEET;
  return freeSheetName(taken, SETTINGS_SHEET_FALLBACK);
}

/** Excel compares sheet names without regard to case; a taken name gets ` (2)`, ` (3)` … within 31 characters. */
export function freeSheetName(taken: readonly string[], wanted: string): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = wanted.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

function problem(kind: SettingsProblem['kind'], sheet: string, row: number, key: string, format = SETTINGS_FORMAT, where = ''): SettingsProblem {
  const at = row >= 0 ? `${row + 1}行目` : '';
  const atEn = row >= 0 ? ` (row ${row + 1})` : '';
  const address = row >= 0 ? toA1(row, format === 1 ? 1 : VALUE_COL) : 'A1';
  const msg = {
    corrupt: {
      ja: `設定シート「${sheet}」の「${key}」${at ? `(${at})` : ''}が壊れているため、この設定は既定値で動きます。その行は変更せずに残します。設定画面で保存し直すと直ります。`,
      en: `The "${key}" setting in sheet "${sheet}"${atEn} is damaged, so its default is used. The row is left as it is; save the settings again to repair it.`,
    },
    invalid: {
      ja: `設定シート「${sheet}」の「${key}」${at ? `(${at})` : ''}に使えない値があります${where ? `(${where})` : ''}。この設定は既定値で動き、その行は変更せずに残します。`,
      en: `The "${key}" setting in sheet "${sheet}"${atEn} has a value this version cannot use${where ? ` (${where})` : ''}. Its default is used and the row is left as it is.`,
    },
    duplicate: {
      ja: `設定シート「${sheet}」に「${key}」が2回あります${at ? `(${at})` : ''}。最初の行を使い、この行は変更しません。`,
      en: `Sheet "${sheet}" holds the "${key}" setting twice${atEn}; the first row is used and this one is left alone.`,
    },
    newer: { ja: '', en: '' },
  }[kind];
  return { kind, sheet, address, key, message: msg };
}

function newerProblem(sheet: string, format: number): SettingsProblem {
  return {
    kind: 'newer',
    sheet,
    address: 'B1',
    message: {
      ja: `このブックの設定は新しい版のアドイン(保存形式 ${format})で保存されています。読める範囲で使いますが、設定や所有シートを書き換える操作は行いません。アドインを最新版に更新してください。`,
      en: `This workbook's settings were saved by a newer add-in (format ${format}). They are used as far as they are understood, but nothing that would rewrite them is done. Update the add-in.`,
    },
  };
}

/** Keys with a row of their own, for tests and the docs. */
export function keyRow(key: SettingsKey): number {
  return FIRST_KEY_ROW + SETTINGS_KEYS.indexOf(key);
}
