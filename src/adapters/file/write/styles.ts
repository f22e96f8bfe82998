import { escapeAttr, scanString, type XmlElement } from '../package/xml';
import { isMainNs } from '../read/namespaces';
import { qualified, splice, startTag, type Edit } from './splice';

/** What a write asks of a cell's look; everything else about the cell's style stays. */
export interface StyleChange {
  numFmt?: string;
  bold?: boolean;
  /** '#RRGGBB' */
  fill?: string;
  align?: 'left' | 'center' | 'right';
  wrap?: boolean;
  border?: boolean;
  /** Shown as a link: underlined, in Excel's hyperlink blue (the cell carries a `<hyperlink>`). */
  link?: boolean;
}

/** Excel's Hyperlink cell style colour (Office theme), as an RGB so it holds without a theme part. */
const LINK_RGB = 'FF0563C1';

interface Item {
  el: XmlElement;
  raw: string;
  /** For cellXfs: the `<alignment>` child, if any. */
  alignment?: XmlElement;
}

interface List {
  el: XmlElement;
  items: Item[];
  added: string[];
}

const BUILTIN_FORMATS: Record<string, number> = {
  General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '0.00E+00': 11, '# ?/?': 12, '# ??/??': 13, '@': 49,
};

/**
 * styles.xml as the writer needs it: new cell formats are derived from the cell's own (its font,
 * borders, protection stay; so does the workbook's default font, e.g. 游ゴシック), appended to the
 * lists, and the part is patched in place. Formats already there are reused.
 */
export class StyleBook {
  private readonly lists = new Map<string, List>();
  private readonly numFmts = new Map<string, number>();
  private numFmtsEl: XmlElement | undefined;
  private readonly addedNumFmts: string[] = [];
  private maxNumFmtId = 163;
  private readonly derived = new Map<string, number>();
  private prefix = '';

  private constructor(private readonly xml: string) {}

  static parse(xml: string, part: string): StyleBook {
    const book = new StyleBook(xml);
    let list: List | undefined;
    let item: Item | undefined;
    scanString(
      xml,
      {
        open(el) {
          if (!isMainNs(el.ns)) return;
          if (el.depth === 0) book.prefix = el.prefix;
          // Ids of formats in differential formats (conditional formatting) share the space.
          if (el.local === 'numFmt') book.maxNumFmtId = Math.max(book.maxNumFmtId, Number(el.attr('numFmtId')) || 0);
          if (el.depth === 1) {
            if (['fonts', 'fills', 'borders', 'cellXfs'].includes(el.local)) {
              list = { el, items: [], added: [] };
              book.lists.set(el.local, list);
            } else if (el.local === 'numFmts') book.numFmtsEl = el;
          } else if (el.depth === 2 && list) {
            item = { el, raw: '' };
          } else if (el.depth === 2 && el.local === 'numFmt') {
            const id = Number(el.attr('numFmtId'));
            const code = el.attr('formatCode') ?? '';
            if (!book.numFmts.has(code)) book.numFmts.set(code, id);
          } else if (el.depth === 3 && item && el.local === 'alignment' && list?.el.local === 'cellXfs') {
            item.alignment = el;
          }
        },
        close(el) {
          if (el.depth === 2 && list && item && el === item.el) {
            item.raw = xml.slice(el.start, el.closeEnd);
            list.items.push(item);
            item = undefined;
          } else if (el.depth === 1) list = undefined;
        },
      },
      part,
    );
    return book;
  }

  get changed(): boolean {
    return this.addedNumFmts.length > 0 || [...this.lists.values()].some((l) => l.added.length > 0);
  }

  /** The cell format index for `base` with `change` applied (the same index when nothing changes). */
  derive(base: number, change: StyleChange): number {
    const xfs = this.lists.get('cellXfs');
    if (!xfs || xfs.items.length === 0) return base;
    if (!(base >= 0 && base < xfs.items.length)) base = 0;
    const key = `${base}|${JSON.stringify(change)}`;
    const hit = this.derived.get(key);
    if (hit !== undefined) return hit;
    const xf = xfs.items[base];
    const set: Record<string, string | undefined> = {};
    if (change.numFmt !== undefined) {
      const id = String(this.numFmtId(change.numFmt));
      if (xf.el.attr('numFmtId') !== id) Object.assign(set, { numFmtId: id, applyNumberFormat: '1' });
    }
    if (change.bold) {
      const id = String(this.boldFont(Number(xf.el.attr('fontId') ?? 0)));
      if (xf.el.attr('fontId') !== id) Object.assign(set, { fontId: id, applyFont: '1' });
    }
    if (change.link) {
      const current = Number(set.fontId ?? xf.el.attr('fontId') ?? 0);
      const id = String(this.linkFont(current));
      if (String(current) !== id) Object.assign(set, { fontId: id, applyFont: '1' });
    }
    if (change.fill) Object.assign(set, { fillId: String(this.solidFill(change.fill)), applyFill: '1' });
    if (change.border) Object.assign(set, { borderId: String(this.thinBorder()), applyBorder: '1' });
    let inner = xf.el.selfClosing ? '' : this.xml.slice(xf.el.end, xf.el.closeStart);
    if (change.align || change.wrap) {
      const a: Record<string, string | undefined> = { vertical: 'center' };
      if (change.align) a.horizontal = change.align;
      if (change.wrap) a.wrapText = '1';
      const al = xf.alignment;
      if (al) {
        const unchanged = Object.entries(a).every(([k, v]) => al.attr(k) === v);
        if (!unchanged) inner = inner.slice(0, al.start - xf.el.end) + startTag(al, a, true) + inner.slice(al.closeEnd - xf.el.end);
      } else {
        inner = `<${qualified(xf.el.prefix, 'alignment')}${Object.entries(a).map(([k, v]) => ` ${k}="${v}"`).join('')}/>` + inner;
      }
      if (inner !== (xf.el.selfClosing ? '' : this.xml.slice(xf.el.end, xf.el.closeStart))) set.applyAlignment = '1';
    }
    if (Object.keys(set).length === 0 && inner === (xf.el.selfClosing ? '' : this.xml.slice(xf.el.end, xf.el.closeStart))) {
      this.derived.set(key, base);
      return base;
    }
    const text = inner ? `${startTag(xf.el, set, false)}${inner}</${xf.el.qname}>` : startTag(xf.el, set, true);
    const index = this.add(xfs, text);
    this.derived.set(key, index);
    return index;
  }

  private add(list: List, raw: string): number {
    const existing = list.items.findIndex((i) => i.raw === raw);
    if (existing >= 0) return existing;
    const a = list.added.indexOf(raw);
    if (a >= 0) return list.items.length + a;
    list.added.push(raw);
    return list.items.length + list.added.length - 1;
  }

  private numFmtId(code: string): number {
    if (code in BUILTIN_FORMATS) return BUILTIN_FORMATS[code];
    const known = this.numFmts.get(code);
    if (known !== undefined) return known;
    const id = ++this.maxNumFmtId;
    this.numFmts.set(code, id);
    this.addedNumFmts.push(`<${qualified(this.prefix, 'numFmt')} numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  private boldFont(fontId: number): number {
    const fonts = this.lists.get('fonts');
    const font = fonts?.items[fontId];
    if (!fonts || !font) return fontId;
    if (/<(\w+:)?b(\s[^>]*)?\/?>/.test(font.raw) && !/<(\w+:)?b\s+val="(0|false)"/.test(font.raw)) return fontId;
    const b = `<${qualified(font.el.prefix, 'b')}/>`;
    const raw = font.el.selfClosing
      ? `${startTag(font.el, {}, false)}${b}</${font.el.qname}>`
      : font.raw.slice(0, font.el.end - font.el.start) + b + font.raw.slice(font.el.end - font.el.start);
    return this.add(fonts, raw);
  }

  /**
   * The font underlined and coloured as a link. CT_Font's children have a fixed order (b, i, strike,
   * condense, extend, outline, shadow, u, vertAlign, sz, color, name, family, charset, scheme), so
   * `<u/>` goes before the first of vertAlign…scheme and `<color>` before the first of name…scheme.
   */
  private linkFont(fontId: number): number {
    const fonts = this.lists.get('fonts');
    const font = fonts?.items[fontId];
    if (!fonts || !font) return fontId;
    const q = (l: string) => qualified(font.el.prefix, l);
    const open = font.el.selfClosing ? startTag(font.el, {}, false) : font.raw.slice(0, font.el.end - font.el.start);
    const inner = (font.el.selfClosing ? '' : font.raw.slice(font.el.end - font.el.start, font.raw.length - `</${font.el.qname}>`.length))
      .replace(/<(\w+:)?u(\s[^>]*)?(\/>|>.*?<\/(\w+:)?u>)/g, '')
      .replace(/<(\w+:)?color(\s[^>]*)?(\/>|>.*?<\/(\w+:)?color>)/g, '');
    const insertBefore = (text: string, names: string[], add: string) => {
      const m = new RegExp(`<(\\w+:)?(${names.join('|')})[\\s/>]`).exec(text);
      return m ? text.slice(0, m.index) + add + text.slice(m.index) : text + add;
    };
    let body = insertBefore(inner, ['name', 'family', 'charset', 'scheme'], `<${q('color')} rgb="${LINK_RGB}"/>`);
    body = insertBefore(body, ['vertAlign', 'sz', 'color', 'name', 'family', 'charset', 'scheme'], `<${q('u')}/>`);
    return this.add(fonts, `${open}${body}</${font.el.qname}>`);
  }

  private solidFill(color: string): number {
    const fills = this.lists.get('fills')!;
    const q = (l: string) => qualified(fills.el.prefix, l);
    const rgb = 'FF' + color.replace('#', '').toUpperCase();
    return this.add(fills, `<${q('fill')}><${q('patternFill')} patternType="solid"><${q('fgColor')} rgb="${rgb}"/><${q('bgColor')} indexed="64"/></${q('patternFill')}></${q('fill')}>`);
  }

  private thinBorder(): number {
    const borders = this.lists.get('borders')!;
    const q = (l: string) => qualified(borders.el.prefix, l);
    const side = (s: string) => `<${q(s)} style="thin"><${q('color')} indexed="64"/></${q(s)}>`;
    return this.add(borders, `<${q('border')}>${side('left')}${side('right')}${side('top')}${side('bottom')}<${q('diagonal')}/></${q('border')}>`);
  }

  /** The patched part: new entries appended to each list, counts updated, the rest as it was. */
  toXml(): string {
    const edits: Edit[] = [];
    for (const list of this.lists.values()) {
      if (list.added.length === 0) continue;
      const total = String(list.items.length + list.added.length);
      if (list.el.selfClosing) {
        edits.push({ start: list.el.start, end: list.el.end, text: `${startTag(list.el, { count: total }, false)}${list.added.join('')}</${list.el.qname}>` });
      } else {
        edits.push({ start: list.el.start, end: list.el.end, text: startTag(list.el, list.el.attr('count') !== undefined ? { count: total } : {}) });
        edits.push({ start: list.el.closeStart, end: list.el.closeStart, text: list.added.join('') });
      }
    }
    if (this.addedNumFmts.length) {
      const el = this.numFmtsEl;
      if (el && !el.selfClosing) {
        const count = String(Number(el.attr('count') ?? 0) + this.addedNumFmts.length);
        edits.push({ start: el.start, end: el.end, text: startTag(el, el.attr('count') !== undefined ? { count } : {}) });
        edits.push({ start: el.closeStart, end: el.closeStart, text: this.addedNumFmts.join('') });
      } else {
        const text = `<${qualified(this.prefix, 'numFmts')} count="${this.addedNumFmts.length}">${this.addedNumFmts.join('')}</${qualified(this.prefix, 'numFmts')}>`;
        if (el) edits.push({ start: el.start, end: el.end, text });
        else {
          // numFmts is the stylesheet's first child: before fonts (or whatever comes first).
          const first = this.lists.get('fonts')?.el ?? [...this.lists.values()].sort((a, b) => a.el.start - b.el.start)[0]?.el;
          if (first) edits.push({ start: first.start, end: first.start, text });
        }
      }
    }
    return splice(this.xml, edits);
  }
}

/** A stylesheet for a package that has none (Excel's defaults), so derived formats have a base. */
export function minimalStylesheet(mainNs: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${mainNs}">` +
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
}
