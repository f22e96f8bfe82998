import { rangeFromA1 } from '../../../core/grid/a1';
import type { CellValue, Range } from '../../../core/grid/types';
import { PackageError } from '../errors';
import type { XmlElement, XmlHandler } from '../package/xml';
import { cellValue, parseCellRef } from './cell';
import { isMainNs } from './namespaces';
import { shiftFormula } from './shared-formula';
import { RichTextCollector } from './strings';

/** Counts cells across every sheet of one read, for the cell limit. */
export interface CellBudget {
  used: number;
  max: number;
}

/**
 * Builds one sheet's grid from its XML as it streams by. Rows and cells are stored where they are
 * (sparse arrays: a stray cell at XFD1048576 is one entry, not a bounding box); cells with only a
 * style cost nothing; styles are never read.
 */
export class SheetHandler implements XmlHandler {
  readonly values: CellValue[][] = [];
  readonly formulas: (string | null)[][] = [];
  anyFormula = false;
  readonly merges: Range[] = [];
  protected = false;
  wantText = false;

  private row = -1;
  private col = -1;
  private inCell = false;
  private type: string | undefined;
  private v: string | undefined;
  private f: string | undefined;
  private fAttrs: XmlElement | undefined;
  private mode = 0; // 1 <v>, 2 <f>
  private inIs = false;
  private readonly rich = new RichTextCollector();
  private readonly shared = new Map<string, { formula: string; row: number; col: number }>();
  private readonly arrays: { range: Range; formula: string }[] = [];

  constructor(
    private readonly sst: readonly string[],
    private readonly date1904: boolean,
    private readonly budget: CellBudget,
  ) {}

  open(el: XmlElement): void {
    if (!isMainNs(el.ns)) return;
    if (this.inIs && this.rich.open(el, this)) return;
    switch (el.local) {
      case 'c': {
        const ref = el.attr('r');
        const at = ref === undefined ? null : parseCellRef(ref);
        if (at) {
          this.row = at.row;
          this.col = at.col;
        } else {
          this.col++;
        }
        this.inCell = true;
        this.type = el.attr('t');
        this.v = undefined;
        this.f = undefined;
        this.fAttrs = undefined;
        if (++this.budget.used > this.budget.max) throw new PackageError('too-many-cells', this.budget.max.toLocaleString('en'));
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
          this.fAttrs = el;
          this.wantText = true;
        }
        return;
      case 'is':
        if (this.inCell) this.inIs = true;
        return;
      case 'row': {
        const r = el.attr('r');
        this.row = r === undefined ? this.row + 1 : Number(r) - 1;
        this.col = -1;
        return;
      }
      case 'mergeCell': {
        const ref = el.attr('ref');
        if (ref && /^\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/.test(ref)) this.merges.push(rangeFromA1(ref.replace(/\$/g, '')));
        return;
      }
      case 'sheetProtection': {
        const s = el.attr('sheet');
        this.protected = s === '1' || s === 'true';
        return;
      }
    }
  }

  close(el: XmlElement): void {
    if (!isMainNs(el.ns)) return;
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
      case 'c':
        this.inCell = false;
        this.endCell();
        return;
    }
  }

  text(t: string): void {
    if (this.inIs) this.rich.text(t);
    else if (this.mode === 1) this.v += t;
    else if (this.mode === 2) this.f += t;
  }

  private endCell(): void {
    const r = this.row;
    const c = this.col;
    const inline = this.type === 'inlineStr' ? this.rich.take() : undefined;
    const value = cellValue(this.type, this.v, inline, this.sst, this.date1904);
    if (value !== null) (this.values[r] ??= [])[c] = value;
    if (this.fAttrs) {
      const formula = this.formulaText(r, c);
      (this.formulas[r] ??= [])[c] = formula;
      this.anyFormula = true;
    }
  }

  private formulaText(r: number, c: number): string {
    const el = this.fAttrs!;
    const text = this.f ?? '';
    const t = el.attr('t');
    if (t === 'shared') {
      const si = el.attr('si') ?? '';
      if (text !== '') {
        this.shared.set(si, { formula: text, row: r, col: c });
        return '=' + text;
      }
      const master = this.shared.get(si);
      return master ? '=' + shiftFormula(master.formula, r - master.row, c - master.col) : '=';
    }
    if ((t === 'array' || t === 'dataTable') && el.attr('ref')) {
      const ref = el.attr('ref')!.replace(/\$/g, '');
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
