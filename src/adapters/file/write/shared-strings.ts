import { escapeText, scanString, type XmlElement } from '../package/xml';
import { isMainNs } from '../read/namespaces';
import { escapeXString } from '../read/strings';
import { qualified, splice, startTag, type Edit } from './splice';

/**
 * The shared-string table as the writer needs it: text written by a plan is appended (or an equal
 * plain entry reused), counts are updated, every existing entry (rich text, furigana) stays as is.
 */
export class SharedStringTable {
  private root: XmlElement | undefined;
  private entries = 0;
  private readonly plain = new Map<string, number>();
  private readonly added: string[] = [];
  private refDelta = 0;

  private constructor(
    private readonly xml: string,
    private readonly mainNs: string,
  ) {}

  static parse(xml: string, part: string, mainNs: string): SharedStringTable {
    const t = new SharedStringTable(xml, mainNs);
    let si: XmlElement | undefined;
    let simple = true;
    let text = '';
    let inT = false;
    scanString(
      xml,
      {
        wantText: false,
        open(el) {
          if (!isMainNs(el.ns)) return;
          if (el.depth === 0) t.root = el;
          else if (el.depth === 1 && el.local === 'si') {
            si = el;
            simple = true;
            text = '';
          } else if (si && el.depth === 2 && el.local === 't') {
            inT = true;
            this.wantText = true;
          } else if (si) simple = false;
        },
        close(el) {
          if (el === si) {
            if (simple && !t.plain.has(text)) t.plain.set(text, t.entries);
            t.entries++;
            si = undefined;
          } else if (inT && el.local === 't') {
            inT = false;
            this.wantText = false;
          }
        },
        text(s) {
          if (inT) text += s;
        },
      },
      part,
    );
    return t;
  }

  static empty(mainNs: string): SharedStringTable {
    return new SharedStringTable('', mainNs);
  }

  get changed(): boolean {
    return this.added.length > 0 || this.refDelta !== 0;
  }

  /** Index of `s` in the table, appending it when no plain entry has the same text. */
  index(s: string): number {
    const hit = this.plain.get(s);
    if (hit !== undefined) return hit;
    const prefix = this.root?.prefix ?? '';
    const t = qualified(prefix, 't');
    const space = /^\s|\s$|\n/.test(s) ? ' xml:space="preserve"' : '';
    this.added.push(`<${qualified(prefix, 'si')}><${t}${space}>${escapeText(escapeXString(s))}</${t}></${qualified(prefix, 'si')}>`);
    const i = this.entries + this.added.length - 1;
    this.plain.set(s, i);
    return i;
  }

  /** Keeps the table's total reference count (the `count` attribute) in step with the cells. */
  references(delta: number): void {
    this.refDelta += delta;
  }

  toXml(): string {
    const unique = this.entries + this.added.length;
    if (!this.root) {
      return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${this.mainNs}" count="${Math.max(0, this.refDelta)}" uniqueCount="${unique}">${this.added.join('')}</sst>`;
    }
    const r = this.root;
    const set: Record<string, string> = {};
    if (r.attr('count') !== undefined) set.count = String(Math.max(0, (Number(r.attr('count')) || 0) + this.refDelta));
    if (r.attr('uniqueCount') !== undefined) set.uniqueCount = String(unique);
    const edits: Edit[] = [];
    if (r.selfClosing) edits.push({ start: r.start, end: r.end, text: `${startTag(r, set, false)}${this.added.join('')}</${r.qname}>` });
    else {
      edits.push({ start: r.start, end: r.end, text: startTag(r, set) });
      edits.push({ start: r.closeStart, end: r.closeStart, text: this.added.join('') });
    }
    return splice(this.xml, edits);
  }
}
