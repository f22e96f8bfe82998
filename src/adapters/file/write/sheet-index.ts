import { rangeFromA1 } from '../../../core/grid/a1';
import type { Range } from '../../../core/grid/types';
import { scanString, type XmlElement } from '../package/xml';
import { parseCellRef } from '../read/cell';
import { isMainNs } from '../read/namespaces';
import { RichTextCollector } from '../read/strings';

export interface CellAt {
  col: number;
  el: XmlElement;
  /** Offset just past the cell's end. */
  end: number;
  t: string | undefined;
  s: number | undefined;
  v: string | undefined;
  inline: string | undefined;
  formula: string | undefined;
  hasR: boolean;
}

export interface RowAt {
  r: number;
  el: XmlElement;
  hasR: boolean;
  /** Only for rows the write touches. */
  cells?: CellAt[];
}

/**
 * Where things are in one worksheet part: rows (all, by position), the cells of the rows a write
 * touches (with what they hold), and the elements a write may update. Reading the whole part as a
 * string is fine here: the writer rewrites it anyway.
 */
export class SheetIndex {
  root!: XmlElement;
  sheetData: XmlElement | undefined;
  dimension: XmlElement | undefined;
  dataValidations: XmlElement | undefined;
  readonly topLevel: XmlElement[] = [];
  readonly rows: RowAt[] = [];
  readonly merges: Range[] = [];
  readonly arrayRanges: Range[] = [];
  readonly validated: Range[] = [];
  readonly colStyles: { min: number; max: number; style: number }[] = [];
  protected = false;

  constructor(
    readonly xml: string,
    part: string,
    targetRows: ReadonlySet<number>,
  ) {
    let row: RowAt | undefined;
    let cell: CellAt | undefined;
    let mode = 0;
    let inIs = false;
    let lastRow = -1;
    let lastCol = -1;
    const rich = new RichTextCollector();
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the handler below fills this index
    const ix = this;
    scanString(
      xml,
      {
        wantText: false,
        open(el) {
          if (!isMainNs(el.ns)) return;
          if (inIs && rich.open(el, this)) return;
          if (el.depth === 0) ix.root = el;
          if (el.depth === 1) ix.topLevel.push(el);
          switch (el.local) {
            case 'sheetData':
              ix.sheetData = el;
              return;
            case 'dimension':
              ix.dimension = el;
              return;
            case 'dataValidations':
              if (el.depth === 1) ix.dataValidations = el;
              return;
            case 'dataValidation':
              if (el.depth === 2) for (const ref of (el.attr('sqref') ?? '').split(/\s+/)) pushRange(ix.validated, ref);
              return;
            case 'row': {
              const r = el.attr('r');
              lastRow = r === undefined ? lastRow + 1 : Number(r) - 1;
              lastCol = -1;
              row = { r: lastRow, el, hasR: r !== undefined };
              if (targetRows.has(lastRow)) row.cells = [];
              ix.rows.push(row);
              return;
            }
            case 'c': {
              const ref = el.attr('r');
              const at = ref === undefined ? null : parseCellRef(ref);
              lastCol = at ? at.col : lastCol + 1;
              if (!row?.cells) return;
              const s = el.attr('s');
              cell = { col: lastCol, el, end: el.end, t: el.attr('t'), s: s === undefined ? undefined : Number(s), v: undefined, inline: undefined, formula: undefined, hasR: ref !== undefined };
              return;
            }
            case 'v':
              if (cell) {
                mode = 1;
                cell.v = '';
                this.wantText = true;
              }
              return;
            case 'f': {
              const t = el.attr('t');
              const ref = el.attr('ref');
              if ((t === 'array' || t === 'dataTable') && ref) pushRange(ix.arrayRanges, ref);
              if (cell) {
                mode = 2;
                cell.formula = '';
                this.wantText = true;
              }
              return;
            }
            case 'is':
              if (cell) inIs = true;
              return;
            case 'mergeCell':
              pushRange(ix.merges, el.attr('ref') ?? '');
              return;
            case 'sheetProtection': {
              const s = el.attr('sheet');
              ix.protected = s === '1' || s === 'true';
              return;
            }
            case 'col': {
              const style = el.attr('style');
              if (style !== undefined) ix.colStyles.push({ min: Number(el.attr('min')) - 1, max: Number(el.attr('max')) - 1, style: Number(style) });
              return;
            }
          }
        },
        close(el) {
          if (!isMainNs(el.ns)) return;
          if (inIs) {
            if (el.local === 'is') {
              inIs = false;
              if (cell) cell.inline = rich.take();
            } else rich.close(el, this);
            return;
          }
          if (el.local === 'v' || el.local === 'f') {
            mode = 0;
            this.wantText = false;
          } else if (el.local === 'c' && cell && el === cell.el) {
            cell.end = el.closeEnd;
            row!.cells!.push(cell);
            cell = undefined;
          } else if (el.local === 'row') row = undefined;
        },
        text(t) {
          if (inIs) rich.text(t);
          else if (cell && mode === 1) cell.v += t;
          else if (cell && mode === 2) cell.formula += t;
        },
      },
      part,
    );
    // Rules Excel keeps in the extension list (x14:dataValidation: a list taken from another sheet)
    // are rules on those cells too; their ranges are an <xm:sqref> element, not an attribute.
    if (xml.includes('dataValidation', ix.sheetData?.closeEnd ?? 0)) {
      for (const block of xml.matchAll(/<(\w+:)dataValidation[\s>][\s\S]*?<\/\1dataValidation>/g)) {
        const sqref = /<(?:\w+:)?sqref>([^<]*)</.exec(block[0]);
        if (sqref) for (const ref of sqref[1].trim().split(/\s+/)) pushRange(ix.validated, ref);
      }
    }
  }
}

function pushRange(into: Range[], ref: string): void {
  const r = ref.replace(/\$/g, '');
  if (/^[A-Za-z]{1,3}\d+(:[A-Za-z]{1,3}\d+)?$/.test(r)) into.push(rangeFromA1(r));
}

export function inRanges(ranges: readonly Range[], row: number, col: number): Range | undefined {
  return ranges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
}
