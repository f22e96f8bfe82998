import { toA1 } from '../../../core/grid/a1';
import { settingsChangesFor, type ApplyResult, type CellWrite, type NewSheet, type WritePlan } from '../../../core/plan/write-plan';
import { isOwnedBy, keptForObjects } from '../../../core/settings/ownership';
import { emptyStore, SETTINGS_SHEET, SETTINGS_SHEET_FALLBACK, storeFromSheet, storeSheetName } from '../../../core/settings/store';
import { planSettingsWrite } from '../../../core/settings/update';
import { partKey, relsPartOf } from '../package/opc';
import { scanString } from '../package/xml';
import { newEntry, writeZip, type OutEntry } from '../package/zip';
import { MAIN_NS, MAIN_NS_STRICT, relTypeUri } from '../read/namespaces';
import { SheetHandler } from '../read/sheet';
import { SharedStringsHandler } from '../read/strings';
import type { SheetEntry, WorkbookPackage } from '../read/workbook';
import type { Bilingual } from '../errors';
import { StructureLockedError } from './errors';
import { newSheetXml, printNames } from './new-sheet';
import { writeSheetNotes, type NotePartStore } from './notes';
import { SharedStringTable } from './shared-strings';
import { NonFiniteWriteError, patchSheet } from './sheet-patch';
import { minimalStylesheet, StyleBook } from './styles';
import { addOverride, addRelationship, addSheetEntry, maxSheetId, setFullCalcOnLoad, setSheetNames, setSheetState } from './workbook-patch';

const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_SST = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml';
const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

export type FileApplyResult = ApplyResult & { messages: Bilingual[] };

/** A part as the editor holds a change: XML as text, or bytes kept as they are given (VML). */
type Held = { name: string; text: string; raw?: undefined } | { name: string; raw: Uint8Array; text?: undefined };

const toLatin1 = (b: Uint8Array) => {
  let s = '';
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return s;
};
const fromLatin1 = (s: string) => {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i) & 0xff;
  return b;
};

/**
 * Applies write plans to the package itself. Each plan is staged in full first (protection and
 * non-finite numbers are checked before anything is kept); the parts it changes are held as text,
 * and `toBytes` copies every other part's compressed bytes as they were.
 */
export class WorkbookEditor {
  private readonly overlay = new Map<string, Held>();
  private readonly newParts: string[] = [];
  private readonly sheets: SheetEntry[];

  constructor(readonly wp: WorkbookPackage) {
    this.sheets = wp.sheets.map((s) => ({ ...s }));
  }

  private has(part: string): boolean {
    return this.overlay.has(partKey(part)) || this.wp.pkg.has(part);
  }

  private async text(part: string): Promise<string> {
    const o = this.overlay.get(partKey(part));
    if (!o) return this.wp.pkg.text(part);
    return o.raw ? new TextDecoder().decode(o.raw) : o.text;
  }

  private sheet(name: string): SheetEntry | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  /**
   * @param opts.hasFormulas whether the workbook has formulas (then Excel is asked to recalculate on open).
   * @param opts.markedSheets sheets whose A1 is the settings marker, as last read (the store is found by it).
   */
  async apply(plan: WritePlan, opts: { hasFormulas: boolean; markedSheets?: string[] }): Promise<FileApplyResult> {
    refuseNonFinite(plan);
    const wp = this.wp;
    const mainNs = wp.strict ? MAIN_NS_STRICT : MAIN_NS;
    const staged = new Map<string, Held>();
    const stage = (part: string, text: string) => staged.set(partKey(part), { name: part, text });
    const current = async (part: string) => {
      const h = staged.get(partKey(part));
      if (!h) return this.text(part);
      return h.raw ? new TextDecoder().decode(h.raw) : h.text;
    };
    const io: NotePartStore = {
      has: (part) => staged.has(partKey(part)) || this.has(part),
      text: current,
      latin1: async (part) => {
        const h = staged.get(partKey(part)) ?? this.overlay.get(partKey(part));
        if (h) return toLatin1(h.raw ?? new TextEncoder().encode(h.text));
        return toLatin1(await wp.pkg.bytes(part));
      },
      stage,
      stageLatin1: (part, text) => staged.set(partKey(part), { name: part, raw: fromLatin1(text) }),
      freePart: (stem, ext) => this.freePart(stem, ext, staged),
      parts: () => [...new Set([...wp.pkg.entries.map((e) => e.name), ...[...this.overlay.values()].map((h) => h.name), ...[...staged.values()].map((h) => h.name)])],
    };
    const notesOf = async (part: string, sheet: string, xml: string, writes: CellWrite[]): Promise<string> => {
      const wanted = writes.filter((w) => w.note);
      if (wanted.length === 0) return xml;
      const n = await writeSheetNotes(io, part, xml, wanted.map((w) => ({ address: w.address, body: w.note! })), { strict: wp.strict, mainNs, baseDir: dirOf(wp.workbookPart) });
      const tally = (result.cellNotes ??= { added: 0, updated: 0, notWritten: [] });
      tally.added += n.added.length;
      tally.updated += n.updated.length;
      tally.notWritten.push(...n.staffNotes.map((address) => ({ sheet, address, reason: 'staff-note' as const })));
      if (n.staffNotes.length) {
        const cells = n.staffNotes.join(', ');
        result.messages.push({
          ja: `シート「${sheet}」の ${cells} には職員のメモまたはコメントがすでにあるため、そのまま残し、候補のメモは付けていません(候補は一覧に出しています)。`,
          en: `${sheet}!${cells} already ${n.staffNotes.length === 1 ? 'has a note or comment' : 'have notes or comments'} by staff, kept as they are; no suggestion note was added (the suggestions are listed).`,
        });
      }
      return n.sheetXml;
    };

    const sstPart = wp.sharedStringsPart;
    const sstText = sstPart ? await this.text(sstPart) : undefined;
    const sst = sstText !== undefined ? SharedStringTable.parse(sstText, sstPart!, mainNs) : SharedStringTable.empty(mainNs);
    const strings = sstText !== undefined ? stringsOf(sstText, sstPart!) : [];
    const stylesPart = wp.stylesPart;
    const styles = StyleBook.parse(stylesPart ? await this.text(stylesPart) : minimalStylesheet(mainNs), stylesPart ?? 'styles.xml');
    const result: FileApplyResult = { written: 0, conflicts: [], sheetsCreated: [], sheetsLeftAlone: [], formulaCells: [], settingsRefused: [], messages: [] };
    const ctx = { sst, strings, styles, date1904: wp.date1904 };
    const sheetValues = async (entry: SheetEntry) => {
      const h = new SheetHandler(strings, wp.date1904, { used: 0, max: Infinity }, false);
      scanString(await current(entry.part!), h, entry.part!);
      return h.values;
    };

    // 1. Cells of existing sheets.
    const bySheet = new Map<string, CellWrite[]>();
    for (const w of plan.writes) (bySheet.get(w.sheet) ?? bySheet.set(w.sheet, []).get(w.sheet)!).push(w);
    let wroteExisting = false;
    for (const [name, writes] of bySheet) {
      const entry = this.sheet(name);
      if (!entry || entry.kind !== 'worksheet' || !entry.part) {
        for (const w of writes) result.conflicts.push({ sheet: w.sheet, address: w.address, found: 'missing sheet', expected: w.expect });
        continue;
      }
      const xml = await current(entry.part);
      const r = patchSheet(entry.name, entry.part, xml, writes, ctx);
      // Notes go only on cells that were written: a skipped cell is reported as such, without a note.
      const patched = await notesOf(entry.part, entry.name, r.xml, r.written);
      if (patched !== xml) stage(entry.part, patched);
      result.written += r.written.length;
      for (const k of r.skipped) {
        if (k.reason === 'formula') result.formulaCells.push({ sheet: k.sheet, address: k.address });
        else result.conflicts.push({ sheet: k.sheet, address: k.address, found: k.found, expected: k.expected });
      }
      result.messages.push(...r.notes);
      if (r.written.length) wroteExisting = true;
    }

    // 2. Sheets the plan creates. One of the same name is replaced only if it still carries the
    //    plan's owner token (identity, not name); anything else is left alone and said.
    let workbookXml = await current(wp.workbookPart);
    const relsPart = relsPartOf(wp.workbookPart);
    let relsXml = this.has(relsPart) ? await current(relsPart) : undefined;
    let ctXml = await current('[Content_Types].xml');
    const added: SheetEntry[] = [];
    const allSheets = () => [...this.sheets, ...added];
    const addSheet = (name: string, state: SheetEntry['state'], text: string): number => {
      if (wp.structureLocked) throw new StructureLockedError(name);
      const part = this.freePart(`${dirOf(wp.workbookPart)}worksheets/sheet`, '.xml', staged);
      const rel = addRelationship(relsXml, relsPart, relTypeUri(wp.strict, 'worksheet'), part.slice(dirOf(wp.workbookPart).length));
      relsXml = rel.xml;
      const sheetId = maxSheetId(workbookXml, wp.workbookPart) + 1;
      workbookXml = addSheetEntry(workbookXml, wp.workbookPart, { name, sheetId, rId: rel.id, state, strict: wp.strict });
      ctXml = addOverride(ctXml, part, CT_WORKSHEET);
      stage(part, text);
      added.push({ name, sheetId, rId: rel.id, state, part, kind: 'worksheet' });
      return allSheets().length - 1;
    };
    for (const spec of plan.sheets) {
      const existing = allSheets().find((x) => x.name.toLowerCase() === spec.name.toLowerCase());
      const text = newSheetXml(spec, mainNs, sst, styles);
      let index: number;
      if (existing) {
        const owned = existing.part && spec.replace && isOwnedBy(await sheetValues(existing), spec.replace.expectToken);
        if (!owned) {
          result.sheetsLeftAlone.push(existing.name);
          continue;
        }
        const before = await current(existing.part!);
        if (hasFormula(before)) {
          // Someone added formulas to the add-in's sheet: that work is theirs now, so the sheet stays.
          result.sheetsLeftAlone.push(existing.name);
          result.messages.push({ ja: `シート「${existing.name}」には手で加えた数式があるため、作り直さずに残しました。`, en: `Sheet "${existing.name}" holds formulas added by hand, so it was not rebuilt.` });
          continue;
        }
        // Its own notes and (drawn by the pane) its chart are the add-in's: rebuilt, not kept.
        const own = new Set([...(spec.cells.some((c) => c.note) ? ['legacyDrawing'] : []), ...(spec.chart ? ['drawing'] : [])]);
        const added = objectsAddedBy(before, text).filter((o) => !own.has(o.tag));
        if (added.length) {
          // A chart, a rule or a link someone put on the add-in's sheet would go with the sheet.
          result.sheetsLeftAlone.push(existing.name);
          result.messages.push(keptForObjects(existing.name, added));
          continue;
        }
        stage(existing.part!, await notesOf(existing.part!, spec.name, text, spec.cells));
        index = allSheets().indexOf(existing);
        workbookXml = setSheetState(workbookXml, wp.workbookPart, index, spec.visibility ?? 'visible');
      } else {
        index = addSheet(spec.name, spec.visibility ?? 'visible', text);
        const part = added[added.length - 1].part!;
        const withNotes = await notesOf(part, spec.name, text, spec.cells);
        if (withNotes !== text) stage(part, withNotes);
      }
      workbookXml = setSheetNames(workbookXml, wp.workbookPart, index, printNames(spec));
      result.sheetsCreated.push(spec.name);
      result.written += spec.cells.length;
      if (spec.chart) result.messages.push({ ja: 'グラフはファイルに書き込みません(作業ウィンドウで集計すると描かれます)。', en: 'Charts are not written to files; the task pane draws them in Excel.' });
    }

    // 3. Settings: the store as it is now, one row per changed key (core/settings/update.ts).
    const names = allSheets().map((x) => x.name);
    let store = emptyStore(storeSheetName(names));
    for (const name of [SETTINGS_SHEET, SETTINGS_SHEET_FALLBACK, ...(opts.markedSheets ?? [])]) {
      const entry = allSheets().find((x) => x.name === name && x.part && x.kind === 'worksheet');
      const found = entry ? storeFromSheet({ name: entry.name, values: await sheetValues(entry) }, store.createName) : null;
      if (found) {
        store = found;
        break;
      }
    }
    const settings = planSettingsWrite(store, settingsChangesFor(plan, result.sheetsLeftAlone) ?? [], { by: 'shinchoku-cli' });
    result.settingsRefused = settings.refused;
    if (settings.write) {
      const w = settings.write;
      const cells = w.rows.flatMap((row) => row.values.map((v, c) => ({ row: row.row, col: c, v })));
      if (w.create) {
        if (wp.structureLocked) {
          result.messages.push({ ja: 'ブックの構成が保護されているため、設定シートを追加できず、設定はブックに保存していません。', en: 'The workbook structure is protected: the settings sheet could not be added, so the settings were not saved in the workbook.' });
        }
        else {
          const spec: NewSheet = {
            name: w.sheet,
            owner: { role: 'settings', token: '' },
            replace: null,
            visibility: 'veryHidden',
            merges: [],
            cells: cells.filter((x) => x.v !== null).map((x) => settingsCell(w.sheet, x.row, x.col, x.v as string | number, null)),
          };
          addSheet(w.sheet, 'veryHidden', newSheetXml(spec, mainNs, sst, styles));
        }
      } else {
        const entry = allSheets().find((x) => x.name === w.sheet)!;
        const values = await sheetValues(entry);
        const text = (v: unknown) => (v === null || v === undefined ? null : v);
        const rows = w.rows.filter((row) => {
          // A row whose key or revision moved since the store was read is someone else's now.
          const ok = row.expect.key === null || (text(values[row.row]?.[0]) === row.expect.key && Number(values[row.row]?.[1]) === row.expect.rev);
          if (!ok) result.messages.push({ ja: `設定の ${row.row + 1} 行目は読み込んだ後に変わっていたため、書き換えずに残しました。`, en: `Settings row ${row.row + 1} changed meanwhile and was left alone.` });
          return ok;
        });
        const writes = rows.flatMap((row) =>
          row.values
            .map((v, c) => ({ v, c, now: values[row.row]?.[c] ?? null }))
            .filter(({ v, now }) => !(v === null && now === null))
            .map(({ v, c, now }) => settingsCell(w.sheet, row.row, c, v as string | number | null, typeof now === 'boolean' ? String(now).toUpperCase() : now)),
        );
        const xml = await current(entry.part!);
        const r = patchSheet(entry.name, entry.part!, xml, writes, ctx);
        if (r.xml !== xml) stage(entry.part!, r.xml);
      }
    }

    // 4. Shared strings, styles, calculation, relationships, content types.
    if (sst.changed) {
      if (sstPart) stage(sstPart, sst.toXml());
      else {
        const part = `${dirOf(wp.workbookPart)}sharedStrings.xml`;
        const rel = addRelationship(relsXml, relsPart, relTypeUri(wp.strict, 'sharedStrings'), 'sharedStrings.xml');
        relsXml = rel.xml;
        ctXml = addOverride(ctXml, part, CT_SST);
        stage(part, sst.toXml());
        wp.sharedStringsPart = part;
      }
    }
    if (styles.changed) {
      if (stylesPart) stage(stylesPart, styles.toXml());
      else {
        const part = `${dirOf(wp.workbookPart)}styles.xml`;
        const rel = addRelationship(relsXml, relsPart, relTypeUri(wp.strict, 'worksheet').replace(/worksheet$/, 'styles'), 'styles.xml');
        relsXml = rel.xml;
        ctXml = addOverride(ctXml, part, CT_STYLES);
        stage(part, styles.toXml());
        wp.stylesPart = part;
      }
    }
    if (wroteExisting && opts.hasFormulas) workbookXml = setFullCalcOnLoad(workbookXml, wp.workbookPart);
    if (workbookXml !== (await current(wp.workbookPart))) stage(wp.workbookPart, workbookXml);
    if (relsXml !== undefined && relsXml !== (this.has(relsPart) ? await current(relsPart) : undefined)) stage(relsPart, relsXml);
    if (ctXml !== (await current('[Content_Types].xml'))) stage('[Content_Types].xml', ctXml);

    // Everything staged: keep it.
    for (const [k, v] of staged) {
      if (!this.overlay.has(k) && !wp.pkg.has(v.name)) this.newParts.push(v.name);
      this.overlay.set(k, v);
    }
    this.sheets.push(...added);
    return result;
  }

  private freePart(stem: string, ext: string, staged: Map<string, unknown>): string {
    for (let n = 1; ; n++) {
      const p = `${stem}${n}${ext}`;
      if (!this.has(p) && !staged.has(partKey(p))) return p;
    }
  }

  /** The package with every change: unchanged parts copied compressed, as they were, in their order. */
  async toBytes(): Promise<Uint8Array> {
    const enc = new TextEncoder();
    const deflate = (b: Uint8Array) => this.wp.pkg.codec.deflate(b);
    const out: OutEntry[] = [];
    const bytesOf = (o: Held) => o.raw ?? enc.encode(utf8Declaration(o.text));
    for (const e of this.wp.pkg.entries) {
      const o = this.overlay.get(partKey(e.name));
      out.push(o ? await newEntry(e.name, bytesOf(o), deflate) : { copy: e });
    }
    for (const name of this.newParts) out.push(await newEntry(name, bytesOf(this.overlay.get(partKey(name))!), deflate));
    return writeZip(out);
  }

  /** Part names changed or added so far (for reports and tests). */
  get changedParts(): string[] {
    return [...this.overlay.values()].map((v) => v.name);
  }
}

/** A settings cell: JSON and keys stay text (Text format), even when they start with '='. */
function settingsCell(sheet: string, row: number, col: number, value: string | number | null, expect: string | number | null): CellWrite {
  return { sheet, address: toA1(row, col), value, expect, reason: 'summary', ...(typeof value === 'string' ? { numberFormat: '@' } : {}) };
}

function refuseNonFinite(plan: WritePlan): void {
  for (const w of [...plan.writes, ...plan.sheets.flatMap((s) => s.cells)]) {
    if (typeof w.value === 'number' && !Number.isFinite(w.value)) throw new NonFiniteWriteError(`${w.sheet}!${w.address}`, w.value);
  }
}

function stringsOf(xml: string, part: string): string[] {
  if (!xml) return [];
  const h = new SharedStringsHandler();
  scanString(xml, h, part);
  return h.strings;
}

/** What staff may add to a sheet that the sheet's XML carries (beside its cells). */
const SHEET_OBJECTS: { tag: string; ja: string; en: string }[] = [
  { tag: 'drawing', ja: 'グラフや図形', en: 'charts or shapes' },
  { tag: 'legacyDrawing', ja: 'メモ', en: 'notes' },
  { tag: 'conditionalFormatting', ja: '条件付き書式', en: 'conditional formats' },
  { tag: 'dataValidations', ja: '入力規則', en: 'data validation' },
  { tag: 'hyperlinks', ja: 'ハイパーリンク', en: 'hyperlinks' },
  { tag: 'tableParts', ja: 'テーブル', en: 'tables' },
  { tag: 'picture', ja: '背景画像', en: 'a background picture' },
  { tag: 'oleObjects', ja: '埋め込みオブジェクト', en: 'embedded objects' },
  { tag: 'controls', ja: 'コントロール', en: 'controls' },
];

/** The kinds of object the sheet holds that the add-in's own version of it would not. */
function objectsAddedBy(before: string, ours: string): (typeof SHEET_OBJECTS)[number][] {
  const has = (xml: string, tag: string) => new RegExp(`<(\\w+:)?${tag}[\\s>/]`).test(xml);
  return SHEET_OBJECTS.filter((o) => has(before, o.tag) && !has(ours, o.tag));
}

function hasFormula(xml: string): boolean {
  return /<(\w+:)?f[\s>/]/.test(xml);
}

function dirOf(part: string): string {
  return part.slice(0, part.lastIndexOf('/') + 1);
}

/** A part decoded from UTF-16 is written back as UTF-8; its declaration must say so. */
function utf8Declaration(text: string): string {
  return text.startsWith('<?xml') ? text.replace(/^(<\?xml[^>]*encoding=["'])utf-16(le|be)?(["'])/i, '$1UTF-8$3') : text;
}
