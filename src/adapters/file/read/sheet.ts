import { columnIndex, rangeFromA1 } from '../../../core/grid/a1';
import type { CellValue, Range } from '../../../core/grid/types';
import { PackageError } from '../errors';
import { decodeAttr, decodeText, type XmlElement, type XmlHandler, type XmlRegion } from '../package/xml';
import { cellValue } from './cell';
import { isMainNs } from './namespaces';
import { shiftFormula } from './shared-formula';
import { RichTextCollector, unescapeXString } from './strings';

/** Counts cells across every sheet of one read, for the cell limit. */
export interface CellBudget {
  used: number;
  max: number;
}

/** A `<f>` element's attributes that matter for reading. */
interface FormulaAttrs {
  t: string | undefined;
  si: string | undefined;
  ref: string | undefined;
}

const MAX_ROW = 1048575;
const MAX_COL = 16383;

/**
 * Builds one sheet's grid from its XML as it streams by. Rows and cells are stored where they are
 * (sparse arrays: a stray cell at XFD1048576 is one entry, not a bounding box); cells with only a
 * style cost nothing; styles are never read. <sheetData> (nearly all of a sheet's bytes) is read by
 * a tokenizer made for it (SheetDataRegion); anything it does not expect there sends the whole
 * part back through the general scanner, which this handler also reads.
 */
export class SheetHandler implements XmlHandler {
  readonly values: CellValue[][] = [];
  readonly formulas: (string | null)[][] = [];
  anyFormula = false;
  readonly merges: Range[] = [];
  /** Areas under an input rule, the sheet's own (<dataValidation sqref>) and Excel 2010's (<x14:dataValidation><xm:sqref>). */
  readonly ruled: Range[] = [];
  protected = false;
  wantText = false;
  region: XmlRegion | undefined;

  row = -1;
  col = -1;
  private inCell = false;
  private type: string | undefined;
  private v: string | undefined;
  private f: string | undefined;
  private fAttrs: FormulaAttrs | undefined;
  private mode = 0; // 1 <v>, 2 <f>, 3 <xm:sqref> of an extension's rule
  private sqref = '';
  private inExtRule = false;
  private inIs = false;
  private readonly rich = new RichTextCollector();
  private readonly shared = new Map<string, { formula: string; row: number; col: number }>();
  private readonly arrays: { range: Range; formula: string }[] = [];

  constructor(
    private readonly sst: readonly string[],
    private readonly date1904: boolean,
    private readonly budget: CellBudget,
    private readonly fast = true,
  ) {}

  open(el: XmlElement): void {
    if (!isMainNs(el.ns)) {
      // Rules Excel keeps in the extension list (a list taken from another sheet) name their cells in an element.
      if (el.local === 'dataValidation') this.inExtRule = true;
      else if (el.local === 'sqref' && this.inExtRule) {
        this.mode = 3;
        this.sqref = '';
        this.wantText = true;
      }
      return;
    }
    if (this.inIs && this.rich.open(el, this)) return;
    switch (el.local) {
      case 'sheetData':
        if (this.fast && !el.selfClosing) this.region = new SheetDataRegion(this, el.prefix);
        return;
      case 'c': {
        this.at(el.attr('r'));
        this.inCell = true;
        this.type = el.attr('t');
        this.v = undefined;
        this.f = undefined;
        this.fAttrs = undefined;
        return;
      }
      case 'v':
        if (this.inCell) {
          this.mode = 1;
          this.v = '';
          this.wantText = true;
        }
        return;
      case 'f':
        if (this.inCell) {
          this.mode = 2;
          this.f = '';
          this.fAttrs = { t: el.attr('t'), si: el.attr('si'), ref: el.attr('ref') };
          this.wantText = true;
        }
        return;
      case 'is':
        if (this.inCell) this.inIs = true;
        return;
      case 'row':
        this.startRow(el.attr('r'));
        return;
      case 'mergeCell': {
        const ref = el.attr('ref');
        if (ref && /^\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/.test(ref)) this.merges.push(rangeFromA1(ref.replace(/\$/g, '')));
        return;
      }
      case 'dataValidation':
        this.addRuled(el.attr('sqref') ?? '');
        return;
      case 'sheetProtection': {
        const s = el.attr('sheet');
        this.protected = s === '1' || s === 'true';
        return;
      }
    }
  }

  close(el: XmlElement): void {
    if (!isMainNs(el.ns)) {
      if (el.local === 'dataValidation') this.inExtRule = false;
      else if (el.local === 'sqref' && this.mode === 3) {
        this.mode = 0;
        this.wantText = false;
        this.addRuled(this.sqref);
      }
      return;
    }
    if (this.inIs) {
      if (el.local === 'is') this.inIs = false;
      else this.rich.close(el, this);
      return;
    }
    switch (el.local) {
      case 'v':
      case 'f':
        this.mode = 0;
        this.wantText = false;
        return;
      case 'c': {
        this.inCell = false;
        const inline = this.type === 'inlineStr' ? this.rich.take() : undefined;
        this.cell(this.type, this.v, inline, this.fAttrs, this.f);
        return;
      }
    }
  }

  text(t: string): void {
    if (this.inIs) this.rich.text(t);
    else if (this.mode === 1) this.v += t;
    else if (this.mode === 2) this.f += t;
    else if (this.mode === 3) this.sqref += t;
  }

  /** The areas of a space-separated list of references (A1, A1:B9, whole columns or rows). */
  private addRuled(sqref: string): void {
    for (const ref of sqref.trim().split(/\s+/)) {
      const m = /^\$?([A-Za-z]{1,3})?\$?(\d+)?(?::\$?([A-Za-z]{1,3})?\$?(\d+)?)?$/.exec(ref);
      if (!ref || !m || (!m[1] && !m[2])) continue;
      const col = (letters: string | undefined, dflt: number) => (letters ? columnIndex(letters) : dflt);
      const row = (digits: string | undefined, dflt: number) => (digits ? Number(digits) - 1 : dflt);
      const left = col(m[1], 0);
      const top = row(m[2], 0);
      const hasEnd = ref.includes(':');
      const right = hasEnd ? col(m[3], MAX_COL) : left;
      const bottom = hasEnd ? row(m[4], MAX_ROW) : top;
      if (left < 0 || top < 0 || right > MAX_COL || bottom > MAX_ROW) continue;
      this.ruled.push({ top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) });
    }
  }

  startRow(r: string | undefined): void {
    this.row = r === undefined ? this.row + 1 : Number(r) - 1;
    if (!(this.row >= 0 && this.row <= MAX_ROW)) throw new PackageError('bad-xml', undefined, `row ${r ?? this.row + 1}`);
    this.col = -1;
  }

  /** Moves to the cell at `ref`, or the next one when the producer left r out. */
  at(ref: string | undefined): void {
    this.atSpan(ref ?? '', ref === undefined ? -1 : 0, ref?.length ?? 0);
  }

  /** `at` for the reference in text[from, to) (from = -1: no r attribute), without making a string. */
  atSpan(text: string, from: number, to: number): void {
    if (from < 0 || !this.moveTo(text, from, to)) {
      if (++this.col > MAX_COL) throw new PackageError('bad-xml', undefined, 'column beyond XFD');
    }
    if (++this.budget.used > this.budget.max) throw new PackageError('too-many-cells', this.budget.max.toLocaleString('en'));
  }

  /** Reads 'B12' into row/col (no allocation: this runs for every cell); false when it is no A1 address. */
  private moveTo(ref: string, from: number, n: number): boolean {
    let col = 0;
    let row = 0;
    let i = from;
    if (ref.charCodeAt(i) === 36) i++;
    for (; i < n; i++) {
      const c = ref.charCodeAt(i);
      if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
      else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
      else break;
    }
    if (ref.charCodeAt(i) === 36) i++;
    const digits = i;
    for (; i < n; i++) {
      const c = ref.charCodeAt(i);
      if (c < 48 || c > 57) return false;
      row = row * 10 + (c - 48);
    }
    if (col === 0 || col > MAX_COL + 1 || i === digits || row === 0 || row > MAX_ROW + 1) return false;
    this.row = row - 1;
    this.col = col - 1;
    return true;
  }

  /** A shared-string cell without formula, the fast tokenizer's commonest case. */
  sharedString(index: number): void {
    const value = this.sst[index];
    if (value !== undefined) (this.values[this.row] ??= [])[this.col] = value;
  }

  /** One cell read, by either tokenizer: its value as Office.js gives it, and its formula if any. */
  cell(type: string | undefined, v: string | undefined, inline: string | undefined, f: FormulaAttrs | undefined, fText: string | undefined): void {
    const r = this.row;
    const c = this.col;
    const value = cellValue(type, v, inline, this.sst, this.date1904);
    if (value !== null) (this.values[r] ??= [])[c] = value;
    if (f) {
      (this.formulas[r] ??= [])[c] = this.formulaText(r, c, f, fText ?? '');
      this.anyFormula = true;
    }
  }

  private formulaText(r: number, c: number, f: FormulaAttrs, text: string): string {
    if (f.t === 'shared') {
      const si = f.si ?? '';
      if (text !== '') {
        this.shared.set(si, { formula: text, row: r, col: c });
        return '=' + text;
      }
      const master = this.shared.get(si);
      return master ? '=' + shiftFormula(master.formula, r - master.row, c - master.col) : '=';
    }
    if ((f.t === 'array' || f.t === 'dataTable') && f.ref) {
      const ref = f.ref.replace(/\$/g, '');
      if (/^[A-Za-z]{1,3}\d+(:[A-Za-z]{1,3}\d+)?$/.test(ref)) this.arrays.push({ range: rangeFromA1(ref), formula: '=' + text });
    }
    return '=' + text;
  }

  /**
   * Cells inside an array formula's range hold only values, but they are formula cells to Excel
   * (and never targets): mark the ones that exist, without walking empty rows of a huge range.
   */
  finish(): void {
    for (const { range, formula } of this.arrays) {
      const last = Math.min(range.bottom, this.values.length - 1);
      for (let r = range.top; r <= last; r++) {
        const row = this.values[r];
        if (!row) continue;
        row.forEach((_v, c) => {
          if (c < range.left || c > range.right) return;
          const fr = (this.formulas[r] ??= []);
          if (fr[c] === undefined || fr[c] === null) fr[c] = formula;
        });
      }
    }
  }
}

/** Raised by the fast tokenizer for XML it leaves to the general scanner (the part is read again). */
export class SlowPathNeeded extends Error {}

/**
 * The tokenizer for <sheetData>: rows, cells and their <v>, <f>, <is> in the main namespace with
 * the prefix <sheetData> itself has. It reads one row start tag or one whole cell at a time (a
 * cell split across chunks waits for the next chunk), and gives anything else it meets there —
 * a namespace declaration, CDATA, an element it does not know — to the general scanner.
 */
class SheetDataRegion implements XmlRegion {
  done = false;
  private readonly p: string;
  private readonly rowOpen: string;
  private readonly rowClose: string;
  private readonly cOpen: string;
  private readonly cClose: string;
  private readonly end: string;
  private readonly vOpen: string;
  private readonly vClose: string;

  constructor(
    private readonly h: SheetHandler,
    prefix: string,
  ) {
    this.p = prefix ? `${prefix}:` : '';
    this.rowOpen = `<${this.p}row`;
    this.rowClose = `</${this.p}row>`;
    this.cOpen = `<${this.p}c`;
    this.cClose = `</${this.p}c>`;
    this.end = `</${this.p}sheetData`;
    this.vOpen = `<${this.p}v>`;
    this.vClose = `</${this.p}v>`;
  }

  consume(s: string, i: number): number {
    const len = s.length;
    for (;;) {
      const lt = s.indexOf('<', i);
      if (lt < 0) return len;
      if (lt + 1 >= len) return lt;
      const next = s.charCodeAt(lt + 1);
      if (next === 47 /* / */) {
        if (s.startsWith(this.rowClose, lt)) {
          i = lt + this.rowClose.length;
          continue;
        }
        if (s.startsWith(this.end, lt)) {
          this.done = true;
          return lt;
        }
        if (lt + this.end.length + 1 > len) return lt;
        throw new SlowPathNeeded();
      }
      if (next === 33 /* ! */) {
        if (!s.startsWith('<!--', lt)) {
          if (lt + 4 > len) return lt;
          throw new SlowPathNeeded();
        }
        const e = s.indexOf('-->', lt + 4);
        if (e < 0) return lt;
        i = e + 3;
        continue;
      }
      if (s.startsWith(this.cOpen, lt) && isNameEnd(s.charCodeAt(lt + this.cOpen.length))) {
        const end = this.cell(s, lt);
        if (end < 0) return lt;
        i = end;
        continue;
      }
      if (s.startsWith(this.rowOpen, lt) && isNameEnd(s.charCodeAt(lt + this.rowOpen.length))) {
        const gt = tagEnd(s, lt);
        if (gt < 0) return lt;
        const attrs = s.slice(lt + this.rowOpen.length, gt);
        this.h.startRow(attr(attrs, 'r'));
        i = gt + 1;
        continue;
      }
      if (lt + this.rowOpen.length + 1 > len) return lt;
      throw new SlowPathNeeded();
    }
  }

  /** Reads the cell whose start tag is at `lt`; returns the offset after it, or -1 if it is incomplete. */
  private cell(s: string, lt: number): number {
    const gt = tagEnd(s, lt);
    if (gt < 0) return -1;
    const selfClosing = s.charCodeAt(gt - 1) === 47;
    const aFrom = lt + this.cOpen.length;
    const aTo = selfClosing ? gt - 1 : gt;
    let close = gt + 1;
    if (!selfClosing) {
      close = s.indexOf(this.cClose, gt + 1);
      if (close < 0) return -1;
    }
    const h = this.h;
    cellAttrs(s, aFrom, aTo);
    const t = attrT;
    h.atSpan(attrRSrc, attrR0, attrR1);
    if (selfClosing || close === gt + 1) {
      h.cell(t, undefined, t === 'inlineStr' ? '' : undefined, undefined, undefined);
      return selfClosing ? gt + 1 : close + this.cClose.length;
    }
    let v: string | undefined;
    let inline: string | undefined;
    let f: FormulaAttrs | undefined;
    let fText: string | undefined;
    let j = gt + 1;
    const p = this.p;
    for (;;) {
      const a = s.indexOf('<', j);
      if (a < 0 || a >= close) break;
      if (s.startsWith(this.vOpen, a)) {
        // <v>…</v>, by far the most common child: read without looking at anything else.
        const e = s.indexOf(this.vClose, a);
        if (e < 0 || e > close) throw new PackageError('bad-xml', undefined, 'unclosed <v>');
        if (t === 's' && e + this.vClose.length === close && f === undefined) {
          // A shared string, the commonest cell of all: its index is read straight from the text.
          const index = digits(s, a + this.vOpen.length, e);
          if (index >= 0) {
            h.sharedString(index);
            return close + this.cClose.length;
          }
        }
        const text = s.slice(a + this.vOpen.length, e);
        v = text.indexOf('&') < 0 && text.indexOf('\r') < 0 ? text : decodeText(text);
        j = e + this.vClose.length;
        continue;
      }
      const b = tagEnd(s, a);
      if (b < 0 || b > close) throw new PackageError('bad-xml', undefined, 'bad tag in <c>');
      const c1 = s.charCodeAt(a + 1);
      if (c1 === 33 || c1 === 63 || c1 === 47) {
        // Comments are skipped; CDATA, processing instructions and stray end tags go to the general scanner.
        if (!s.startsWith('<!--', a)) throw new SlowPathNeeded();
        const e = s.indexOf('-->', a + 4);
        j = e < 0 ? close : e + 3;
        continue;
      }
      const nameEnd = nameEndAt(s, a + 1);
      const self = s.charCodeAt(b - 1) === 47;
      let local = '';
      if (!p || s.startsWith(p, a + 1)) local = s.slice(a + 1 + p.length, nameEnd);
      else if (s.lastIndexOf(':', nameEnd) < a) throw new SlowPathNeeded(); // an unprefixed element under a prefixed parent
      if (local === 'c' || local === 'row' || s.slice(nameEnd, b).indexOf('xmlns') >= 0) throw new PackageError('bad-xml', undefined, 'unclosed <c>');
      const closeTag = self ? '' : `</${s.slice(a + 1, nameEnd)}>`;
      const closeAt = self ? b : s.indexOf(closeTag, b + 1);
      if (closeAt < 0 || closeAt > close) throw new PackageError('bad-xml', undefined, `unclosed <${s.slice(a + 1, nameEnd)}>`);
      if (local === 'v' || local === 'f' || local === 'is') {
        const inner = self ? '' : s.slice(b + 1, closeAt);
        if (inner.indexOf('<![CDATA[') >= 0) throw new SlowPathNeeded();
        if (local === 'v') v = decodeText(inner);
        else if (local === 'is') inline = richText(inner, p);
        else {
          const fa = s.slice(nameEnd, self ? b - 1 : b);
          f = { t: attr(fa, 't'), si: attr(fa, 'si'), ref: attr(fa, 'ref') };
          fText = decodeText(inner);
        }
      }
      j = self ? b + 1 : closeAt + closeTag.length;
    }
    h.cell(t, v, t === 'inlineStr' ? (inline ?? '') : inline, f, fText);
    return close + this.cClose.length;
  }
}

// What cellAttrs found, kept here rather than in an object made for every cell.
let attrR0 = -1;
let attrR1 = -1;
let attrT: string | undefined;
/** The text attrR0/attrR1 index: the tag's own text, or the decoded value when it held a reference. */
let attrRSrc = '';

const CELL_TYPES = ['s', 'n', 'b', 'e', 'd', 'str', 'inlineStr'];

/** The r (as a span of s) and t attributes of a cell's start tag, read in one pass over s[from, to). */
function cellAttrs(s: string, from: number, to: number): void {
  attrR0 = -1;
  attrR1 = -1;
  attrT = undefined;
  let i = from;
  while (i < to) {
    let c = s.charCodeAt(i);
    while (c === 32 || c === 9 || c === 10 || c === 13) c = s.charCodeAt(++i);
    if (i >= to) break;
    const nameStart = i;
    while (i < to && c !== 61 && c !== 32) c = s.charCodeAt(++i);
    const nameLen = i - nameStart;
    while (c === 32) c = s.charCodeAt(++i);
    if (c !== 61) throw new PackageError('bad-xml', undefined, 'bad attribute in <c>');
    c = s.charCodeAt(++i);
    while (c === 32) c = s.charCodeAt(++i);
    if (c !== 34 && c !== 39) throw new PackageError('bad-xml', undefined, 'unquoted attribute in <c>');
    const q = c;
    let e = i + 1;
    let plain = true;
    for (; e < to; e++) {
      const x = s.charCodeAt(e);
      if (x === q) break;
      if (x === 38 || x === 9 || x === 10 || x === 13) plain = false;
    }
    if (e >= to) throw new PackageError('bad-xml', undefined, 'bad attribute in <c>');
    if (nameLen === 1) {
      const n = s.charCodeAt(nameStart);
      if (n === 114 /* r */) {
        if (plain) {
          attrRSrc = s;
          attrR0 = i + 1;
          attrR1 = e;
        } else {
          // An escaped reference is rare enough to take the slow way: a string of its own.
          attrRSrc = decodeAttr(s.slice(i + 1, e));
          attrR0 = 0;
          attrR1 = attrRSrc.length;
        }
      } else if (n === 116 /* t */) {
        const raw = plain ? undefined : decodeAttr(s.slice(i + 1, e));
        attrT = raw ?? CELL_TYPES.find((k) => k.length === e - i - 1 && s.startsWith(k, i + 1)) ?? s.slice(i + 1, e);
      }
    } else if (nameLen >= 5 && s.startsWith('xmlns', nameStart)) throw new SlowPathNeeded();
    i = e + 1;
  }
}
/** The non-negative integer written in s[from, to), or -1 when it is anything else. */
function digits(s: string, from: number, to: number): number {
  if (from >= to || to - from > 9) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

function isNameEnd(c: number): boolean {
  return c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13;
}

function nameEndAt(s: string, i: number): number {
  while (i < s.length && !isNameEnd(s.charCodeAt(i))) i++;
  return i;
}

/**
 * Index of the '>' closing the tag that starts at `lt` (quotes respected), or -1. A loop over the
 * tag's own characters: searching for a quote with indexOf would run to the end of the text.
 */
function tagEnd(s: string, lt: number): number {
  let quote = 0;
  for (let i = lt + 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 62) return i;
    else if (c === 34 || c === 39) quote = c;
  }
  return -1;
}

/** An unprefixed attribute's decoded value from the text of a start tag's attributes. */
function attr(attrs: string, name: string): string | undefined {
  let i = 0;
  for (;;) {
    i = attrs.indexOf(name, i);
    if (i < 0) return undefined;
    const before = i === 0 ? 32 : attrs.charCodeAt(i - 1);
    let j = i + name.length;
    while (attrs.charCodeAt(j) === 32) j++;
    if ((before === 32 || before === 9 || before === 10 || before === 13) && attrs.charCodeAt(j) === 61) {
      j++;
      while (attrs.charCodeAt(j) === 32) j++;
      const q = attrs.charCodeAt(j);
      if (q !== 34 && q !== 39) return undefined;
      const e = attrs.indexOf(q === 34 ? '"' : "'", j + 1);
      if (e < 0) return undefined;
      const raw = attrs.slice(j + 1, e);
      return raw.indexOf('&') < 0 && raw.indexOf('\n') < 0 && raw.indexOf('\t') < 0 && raw.indexOf('\r') < 0 ? raw : decodeAttr(raw);
    }
    i += name.length;
  }
}

/** The text of an inline string: <t> and run <t> text, without phonetic guides (<rPh>). */
function richText(inner: string, p: string): string {
  let out = '';
  let i = 0;
  const t = `<${p}t`;
  const rPh = `<${p}rPh`;
  const rPhEnd = `</${p}rPh>`;
  const tEnd = `</${p}t>`;
  for (;;) {
    const a = inner.indexOf('<', i);
    if (a < 0) break;
    if (inner.startsWith(rPh, a) && isNameEnd(inner.charCodeAt(a + rPh.length))) {
      const e = inner.indexOf(rPhEnd, a);
      i = e < 0 ? inner.length : e + rPhEnd.length;
      continue;
    }
    if (inner.startsWith(t, a) && isNameEnd(inner.charCodeAt(a + t.length))) {
      const gt = tagEnd(inner, a);
      if (gt < 0) break;
      if (inner.charCodeAt(gt - 1) === 47) {
        i = gt + 1;
        continue;
      }
      const e = inner.indexOf(tEnd, gt);
      if (e < 0) throw new PackageError('bad-xml', undefined, 'unclosed <t>');
      out += decodeText(inner.slice(gt + 1, e));
      i = e + tEnd.length;
      continue;
    }
    i = a + 1;
  }
  return unescapeXString(out);
}
