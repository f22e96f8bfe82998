import { toA1 } from '../../../core/grid/a1';
import type { CellWrite, NewSheet, WritePlan } from '../../../core/plan/write-plan';
import { readSettings, SETTINGS_KEY, writeSettings } from '../../../core/settings/schema';
import { partKey, relsPartOf } from '../package/opc';
import { scanString } from '../package/xml';
import { newEntry, writeZip, type OutEntry } from '../package/zip';
import { MAIN_NS, MAIN_NS_STRICT, relTypeUri } from '../read/namespaces';
import { SheetHandler } from '../read/sheet';
import { SharedStringsHandler } from '../read/strings';
import type { SheetEntry, WorkbookPackage } from '../read/workbook';
import { rowsToSettings, SETTINGS_SHEET, settingsToRows } from '../settings-sheet';
import { StructureLockedError } from './errors';
import { newSheetXml } from './new-sheet';
import { SharedStringTable } from './shared-strings';
import { NonFiniteWriteError, patchSheet, type Skipped } from './sheet-patch';
import { minimalStylesheet, StyleBook } from './styles';
import { addOverride, addRelationship, addSheetEntry, maxSheetId, setFullCalcOnLoad } from './workbook-patch';

const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_SST = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml';
const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

export interface FileApplyResult {
  written: number;
  conflicts: Skipped[];
  sheetsCreated: string[];
  sheetsLeftAlone: string[];
  notes: string[];
}

/**
 * Applies write plans to the package itself. Each plan is staged in full first (protection and
 * non-finite numbers are checked before anything is kept); the parts it changes are held as text,
 * and `toBytes` copies every other part's compressed bytes as they were.
 */
export class WorkbookEditor {
  private readonly overlay = new Map<string, { name: string; text: string }>();
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
    return o ? o.text : this.wp.pkg.text(part);
  }

  private sheet(name: string): SheetEntry | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  async apply(plan: WritePlan, opts: { hasFormulas: boolean }): Promise<FileApplyResult> {
    refuseNonFinite(plan);
    const wp = this.wp;
    const mainNs = wp.strict ? MAIN_NS_STRICT : MAIN_NS;
    const staged = new Map<string, { name: string; text: string }>();
    const stage = (part: string, text: string) => staged.set(partKey(part), { name: part, text });
    const current = async (part: string) => staged.get(partKey(part))?.text ?? (await this.text(part));

    const sstPart = wp.sharedStringsPart;
    const sstText = sstPart ? await this.text(sstPart) : undefined;
    const sst = sstText !== undefined ? SharedStringTable.parse(sstText, sstPart!, mainNs) : SharedStringTable.empty(mainNs);
    const strings = sstText !== undefined ? stringsOf(sstText, sstPart!) : [];
    const stylesPart = wp.stylesPart;
    const styles = StyleBook.parse(stylesPart ? await this.text(stylesPart) : minimalStylesheet(mainNs), stylesPart ?? 'styles.xml');
    const result: FileApplyResult = { written: 0, conflicts: [], sheetsCreated: [], sheetsLeftAlone: [], notes: [] };

    // 1. Cells of existing sheets.
    const bySheet = new Map<string, CellWrite[]>();
    for (const w of plan.writes) (bySheet.get(w.sheet) ?? bySheet.set(w.sheet, []).get(w.sheet)!).push(w);
    let wroteExisting = false;
    for (const [name, writes] of bySheet) {
      const entry = this.sheet(name);
      if (!entry || entry.kind !== 'worksheet' || !entry.part) {
        for (const w of writes) result.conflicts.push({ sheet: w.sheet, address: w.address, found: 'missing sheet', expected: w.expect, reason: 'changed' });
        continue;
      }
      const xml = await current(entry.part);
      const r = patchSheet(entry.name, entry.part, xml, writes, { sst, strings, styles, date1904: wp.date1904 });
      if (r.xml !== xml) stage(entry.part, r.xml);
      result.written += r.written.length;
      result.conflicts.push(...r.skipped);
      result.notes.push(...r.notes);
      if (r.written.length) wroteExisting = true;
    }

    // 2. Sheets the plan creates; a sheet of the same name is replaced only if the add-in made it.
    const settingsNow = await this.readSettingsSheet(current);
    const owned = new Set(readSettings(settingsNow).settings.ownedSheets);
    let workbookXml = await current(wp.workbookPart);
    const relsPart = relsPartOf(wp.workbookPart);
    let relsXml = this.has(relsPart) ? await current(relsPart) : undefined;
    let ctXml = await current('[Content_Types].xml');
    const addedSheets: { entry: SheetEntry; text: string }[] = [];
    const addSheet = (name: string, state: SheetEntry['state'], text: string) => {
      if (wp.structureLocked) throw new StructureLockedError(name);
      const part = this.freePart(`${dirOf(wp.workbookPart)}worksheets/sheet`, '.xml', staged);
      const rel = addRelationship(relsXml, relsPart, relTypeUri(wp.strict, 'worksheet'), part.slice(dirOf(wp.workbookPart).length));
      relsXml = rel.xml;
      const sheetId = maxSheetId(workbookXml, wp.workbookPart) + 1;
      workbookXml = addSheetEntry(workbookXml, wp.workbookPart, { name, sheetId, rId: rel.id, state, strict: wp.strict });
      ctXml = addOverride(ctXml, part, CT_WORKSHEET);
      stage(part, text);
      const entry: SheetEntry = { name, sheetId, rId: rel.id, state, part, kind: 'worksheet' };
      addedSheets.push({ entry, text });
    };
    for (const spec of plan.sheets) {
      const existing = this.sheet(spec.name);
      const text = newSheetXml(spec, mainNs, sst, styles);
      if (existing && spec.replaceOwned && owned.has(existing.name) && existing.part && !hasFormula(await current(existing.part))) {
        stage(existing.part, text);
        result.sheetsCreated.push(existing.name);
      } else {
        let name = spec.name;
        if (existing || addedSheets.some((s) => s.entry.name.toLowerCase() === name.toLowerCase())) {
          result.sheetsLeftAlone.push(existing?.name ?? name);
          name = this.freeName(spec.name, addedSheets.map((s) => s.entry.name));
        }
        addSheet(name, 'visible', text);
        result.sheetsCreated.push(name);
        owned.add(name);
      }
      result.written += spec.cells.length;
      if (spec.chart) result.notes.push(`chart "${spec.chart.title}" is drawn only in Excel (the file writer does not create charts)`);
    }

    // 3. Settings, in the very hidden settings sheet.
    if (plan.settings || plan.sheets.length > 0) {
      const merged = { ...settingsNow, ...(plan.settings ?? {}) };
      if (plan.sheets.length > 0) {
        const s = readSettings(merged).settings;
        merged[SETTINGS_KEY] = writeSettings({ ...s, ownedSheets: [...owned] })[SETTINGS_KEY];
      }
      const spec: NewSheet = {
        name: SETTINGS_SHEET,
        replaceOwned: true,
        merges: [],
        cells: settingsToRows(merged).flatMap((row, r) =>
          row.map((v, c) => ({ sheet: SETTINGS_SHEET, address: toA1(r, c), value: v, expect: null, reason: 'summary' as const })),
        ),
      };
      const text = newSheetXml(spec, mainNs, sst, styles);
      const existing = this.sheet(SETTINGS_SHEET);
      if (existing?.part) stage(existing.part, text);
      else if (wp.structureLocked) result.notes.push('workbook structure is protected: settings were not saved in the workbook');
      else addSheet(SETTINGS_SHEET, 'veryHidden', text);
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
        const rel = addRelationship(relsXml, relsPart, `${relTypeUri(wp.strict, 'worksheet').replace(/worksheet$/, 'styles')}`, 'styles.xml');
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
    this.sheets.push(...addedSheets.map((s) => s.entry));
    return result;
  }

  private async readSettingsSheet(current: (part: string) => Promise<string>): Promise<Record<string, string>> {
    const entry = this.sheet(SETTINGS_SHEET);
    if (!entry?.part) return {};
    const h = new SheetHandler(stringsOf(this.wp.sharedStringsPart ? await current(this.wp.sharedStringsPart) : '', 'sst'), this.wp.date1904, { used: 0, max: Infinity });
    scanString(await current(entry.part), h, entry.part);
    return rowsToSettings(h.values.filter((r) => r !== undefined));
  }

  private freePart(stem: string, ext: string, staged: Map<string, unknown>): string {
    for (let n = 1; ; n++) {
      const p = `${stem}${n}${ext}`;
      if (!this.has(p) && !staged.has(partKey(p))) return p;
    }
  }

  /** Excel compares sheet names case-insensitively and allows 31 characters. */
  private freeName(base: string, alsoTaken: string[]): string {
    const taken = new Set([...this.sheets.map((s) => s.name), ...alsoTaken].map((n) => n.toLowerCase()));
    for (let i = 2; ; i++) {
      const suffix = `(${i})`;
      const n = `${base.slice(0, 31 - suffix.length)}${suffix}`;
      if (!taken.has(n.toLowerCase())) return n;
    }
  }

  /** The package with every change: unchanged parts copied compressed, as they were, in their order. */
  async toBytes(): Promise<Uint8Array> {
    const enc = new TextEncoder();
    const deflate = (b: Uint8Array) => this.wp.pkg.codec.deflate(b);
    const out: OutEntry[] = [];
    for (const e of this.wp.pkg.entries) {
      const o = this.overlay.get(partKey(e.name));
      out.push(o ? await newEntry(e.name, enc.encode(utf8Declaration(o.text)), deflate) : { copy: e });
    }
    for (const name of this.newParts) out.push(await newEntry(name, enc.encode(this.overlay.get(partKey(name))!.text), deflate));
    return writeZip(out);
  }

  /** Part names changed or added so far (for reports and tests). */
  get changedParts(): string[] {
    return [...this.overlay.values()].map((v) => v.name);
  }
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
