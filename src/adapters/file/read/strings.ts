import type { XmlElement, XmlHandler } from '../package/xml';
import { isMainNs } from './namespaces';

/**
 * Excel escapes characters XML cannot carry as `_xHHHH_` (a literal `_x…_` is written with its
 * underscore escaped as `_x005F_`). One left-to-right pass undoes both, as Excel reads them.
 */
export function unescapeXString(s: string): string {
  return s.indexOf('_x') < 0 ? s : s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The inverse, for text the writer stores: control characters and anything that looks like an escape. */
export function escapeXString(s: string): string {
  // eslint-disable-next-line no-control-regex -- these are exactly the characters XML cannot carry
  return s.replace(/_x([0-9A-Fa-f]{4})_|[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, (m) =>
    m.length > 1 ? `_x005F_${m.slice(1)}` : `_x${m.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
}

/**
 * Collects the text of rich-text containers (`<si>`, `<is>`): plain `<t>` and run `<r><t>` text,
 * without phonetic guides (`<rPh>`, the furigana over Japanese names, is not part of the value).
 */
export class RichTextCollector {
  private depthRph = 0;
  private inT = false;
  private buf = '';

  /** Returns true when the element was part of rich text (so callers need not look further). */
  open(el: XmlElement, h: XmlHandler): boolean {
    if (!isMainNs(el.ns)) return false;
    if (el.local === 't') {
      if (this.depthRph === 0) {
        this.inT = true;
        h.wantText = true;
      }
      return true;
    }
    if (el.local === 'rPh') {
      this.depthRph++;
      return true;
    }
    return el.local === 'r' || el.local === 'rPr' || el.local === 'phoneticPr';
  }

  close(el: XmlElement, h: XmlHandler): void {
    if (!isMainNs(el.ns)) return;
    if (el.local === 't' && this.inT) {
      this.inT = false;
      h.wantText = false;
    } else if (el.local === 'rPh') this.depthRph--;
  }

  text(t: string): void {
    if (this.inT) this.buf += t;
  }

  take(): string {
    const s = unescapeXString(this.buf);
    this.buf = '';
    this.inT = false;
    this.depthRph = 0;
    return s;
  }
}

/** The shared-string table: one entry per `<si>`, in order. */
export class SharedStringsHandler implements XmlHandler {
  readonly strings: string[] = [];
  wantText = false;
  private inSi = false;
  private readonly rich = new RichTextCollector();

  open(el: XmlElement): void {
    if (el.local === 'si' && isMainNs(el.ns)) {
      this.inSi = true;
      return;
    }
    if (this.inSi) this.rich.open(el, this);
  }

  close(el: XmlElement): void {
    if (el.local === 'si' && isMainNs(el.ns)) {
      this.strings.push(this.rich.take());
      this.inSi = false;
      return;
    }
    if (this.inSi) this.rich.close(el, this);
  }

  text(t: string): void {
    this.rich.text(t);
  }
}
