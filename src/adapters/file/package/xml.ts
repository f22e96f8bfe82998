import { PackageError } from '../errors';

/**
 * A small streaming XML scanner for package parts: namespace-aware (producers write `x:c`, a
 * default namespace, or Strict OOXML's URIs), never expands entities beyond XML's five and
 * character references, and refuses any DTD (no entity bombs, no external fetches). Positions are
 * offsets into the decoded text, so a writer can splice a part and keep every other character.
 */

export class XmlElement {
  /** Offset of '<' and just past '>' of the start tag. */
  start = 0;
  end = 0;
  /** Offset of the end tag's '<' and just past its '>' (equal to `end` when self-closing). */
  closeStart = 0;
  closeEnd = 0;
  constructor(
    readonly qname: string,
    readonly prefix: string,
    readonly local: string,
    readonly ns: string,
    /** Flat list: qualified name, value (decoded), qualified name, value … */
    readonly attrs: string[],
    readonly selfClosing: boolean,
    readonly scope: Scope,
    readonly depth: number,
  ) {}

  /** An attribute without a prefix (the usual case: OOXML attributes are unqualified). */
  attr(name: string): string | undefined {
    const a = this.attrs;
    for (let i = 0; i < a.length; i += 2) if (a[i] === name) return a[i + 1];
    return undefined;
  }

  /** An attribute in one of the given namespaces (e.g. r:id in either relationship namespace). */
  attrNs(local: string, namespaces: readonly string[]): string | undefined {
    const a = this.attrs;
    for (let i = 0; i < a.length; i += 2) {
      const q = a[i];
      const c = q.indexOf(':');
      if (c < 0 || q.slice(c + 1) !== local) continue;
      const uri = this.scope.get(q.slice(0, c));
      if (uri !== undefined && namespaces.includes(uri)) return a[i + 1];
    }
    return undefined;
  }
}

export type Scope = ReadonlyMap<string, string>;

/**
 * A handler may take over the raw text inside one element (a sheet's <sheetData>, which is most of
 * a workbook's bytes) with a tokenizer made for it. `consume` reads complete tokens from `i` and
 * returns where it stopped: at an incomplete token (more text is needed), or at the region's own
 * end tag once `done` is set; the scanner then goes on as usual.
 */
export interface XmlRegion {
  consume(s: string, i: number): number;
  done: boolean;
}

export interface XmlHandler {
  open(el: XmlElement): void;
  /** Set by `open` to read the element's content with a tokenizer of its own (see XmlRegion). */
  region?: XmlRegion;
  close(el: XmlElement): void;
  /** Character data (entities decoded, CDATA included) directly inside the innermost open element. */
  text?(text: string): void;
  /** Read before each text run: text is sliced and decoded only while the handler wants it. */
  wantText?: boolean;
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const NO_ATTRS: string[] = [];
const NAMESPACES = new Map<string, string>();

/**
 * Namespace URIs are kept as one string each, so handlers compare them by identity (the hot path
 * of a sheet compares every element's namespace). Callers register their constants here.
 */
export function internNamespace(uri: string): string {
  const known = NAMESPACES.get(uri);
  if (known !== undefined) return known;
  NAMESPACES.set(uri, uri);
  return uri;
}
const BASE_SCOPE: Scope = new Map([['xml', XML_NS]]);

export interface ScanLimits {
  /** A single tag or text run longer than this is refused (Excel's longest cell text is 32,767). */
  maxToken: number;
}

export class XmlScanner {
  private rest = '';
  private base = 0;
  private pendingText = '';
  private readonly stack: XmlElement[] = [];
  private sawRoot = false;
  // Element names resolved in the current scope (a part has one or two scopes in practice).
  private namesScope: Scope | undefined;
  private names = new Map<string, { qname: string; prefix: string; local: string; ns: string }>();

  constructor(
    private readonly handler: XmlHandler,
    private readonly part: string,
    private readonly limits: ScanLimits = { maxToken: 8 * 1024 * 1024 },
  ) {}

  feed(chunk: string): void {
    const s = this.rest.length ? this.rest + chunk : chunk;
    const consumed = this.scan(s);
    this.base += consumed;
    this.rest = consumed < s.length ? s.slice(consumed) : '';
    if (this.rest.length > this.limits.maxToken || this.pendingText.length > this.limits.maxToken) {
      throw new PackageError('bad-xml', this.part, 'token too long');
    }
  }

  end(): void {
    if (this.rest.trim() !== '' || this.stack.length > 0 || !this.sawRoot) throw this.error('unexpected end');
  }

  private error(what: string): PackageError {
    return new PackageError('bad-xml', this.part, what);
  }

  /** Scans complete tokens; returns how many characters were consumed. */
  private scan(s: string): number {
    const h = this.handler;
    const len = s.length;
    let i = 0;
    for (;;) {
      const region = h.region;
      if (region) {
        const at = region.consume(s, i);
        if (!region.done) return at;
        h.region = undefined;
        i = at;
      }
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        if (i < len && this.stack.length > 0 && h.wantText) this.pendingText += s.slice(i);
        return len;
      }
      if (lt > i && this.stack.length > 0 && h.wantText) this.pendingText += s.slice(i, lt);
      if (lt + 1 >= len) return lt;
      const c = s.charCodeAt(lt + 1);
      if (c === 47 /* / */) {
        const gt = s.indexOf('>', lt + 2);
        if (gt < 0) return lt;
        this.flushText();
        const el = this.stack.pop();
        // Compared in place: no string is made for a well-formed end tag.
        if (!el || !s.startsWith(el.qname, lt + 2) || s.slice(lt + 2 + el.qname.length, gt).trim() !== '') {
          throw this.error(`mismatched </${s.slice(lt + 2, gt).trim()}>`);
        }
        el.closeStart = this.base + lt;
        el.closeEnd = this.base + gt + 1;
        h.close(el);
        i = gt + 1;
        continue;
      }
      if (c === 63 /* ? */) {
        const e = s.indexOf('?>', lt + 2);
        if (e < 0) return lt;
        i = e + 2;
        continue;
      }
      if (c === 33 /* ! */) {
        if (s.startsWith('<!--', lt)) {
          const e = s.indexOf('-->', lt + 4);
          if (e < 0) return lt;
          i = e + 3;
          continue;
        }
        if (s.startsWith('<![CDATA[', lt)) {
          const e = s.indexOf(']]>', lt + 9);
          if (e < 0) return lt;
          if (h.wantText && this.stack.length > 0) this.pendingText += protectCdata(s.slice(lt + 9, e));
          i = e + 3;
          continue;
        }
        if (lt + 9 > len) return lt;
        if (s.startsWith('<!DOCTYPE', lt)) throw new PackageError('dtd', this.part);
        throw this.error('unexpected <!');
      }
      const end = this.startTag(s, lt);
      if (end < 0) return lt;
      i = end;
    }
  }

  private flushText(): void {
    if (this.pendingText === '') return;
    const t = this.pendingText;
    this.pendingText = '';
    if (this.handler.text) this.handler.text(decodeText(t, this.part));
  }

  /** Parses the start tag at `lt`; returns the offset after it, or -1 when the tag is incomplete. */
  private startTag(s: string, lt: number): number {
    const len = s.length;
    let j = lt + 1;
    for (; j < len; j++) {
      const ch = s.charCodeAt(j);
      if (ch === 62 || ch === 47 || ch === 32 || ch === 10 || ch === 13 || ch === 9) break;
    }
    if (j >= len) return -1;
    const qname = s.slice(lt + 1, j);
    if (qname === '') throw this.error('empty tag name');
    let attrs: string[] = NO_ATTRS;
    let selfClosing = false;
    let declares = false;
    for (;;) {
      let ch = s.charCodeAt(j);
      while (ch === 32 || ch === 10 || ch === 13 || ch === 9) ch = s.charCodeAt(++j);
      if (j >= len) return -1;
      if (ch === 62) {
        j++;
        break;
      }
      if (ch === 47) {
        if (j + 1 >= len) return -1;
        if (s.charCodeAt(j + 1) !== 62) throw this.error(`bad tag <${qname}`);
        selfClosing = true;
        j += 2;
        break;
      }
      const eq = s.indexOf('=', j);
      if (eq < 0) return -1;
      if (attrs === NO_ATTRS) attrs = [];
      const name = s.slice(j, eq).trimEnd();
      let k = eq + 1;
      ch = s.charCodeAt(k);
      while (ch === 32 || ch === 10 || ch === 13 || ch === 9) ch = s.charCodeAt(++k);
      if (k >= len) return -1;
      if (ch !== 34 && ch !== 39) throw this.error(`unquoted attribute in <${qname}`);
      const close = s.indexOf(ch === 34 ? '"' : "'", k + 1);
      if (close < 0) return -1;
      let plain = true;
      for (let x = k + 1; x < close; x++) {
        const cc = s.charCodeAt(x);
        if (cc === 60) throw this.error(`'<' in attribute of <${qname}`);
        if (cc === 38 || cc === 9 || cc === 10 || cc === 13) plain = false;
      }
      const raw = s.slice(k + 1, close);
      attrs.push(name, plain ? raw : decodeAttr(raw, this.part));
      if (name.charCodeAt(0) === 120 /* x */ && (name === 'xmlns' || name.startsWith('xmlns:'))) declares = true;
      j = close + 1;
      const after = s.charCodeAt(j);
      if (j < len && after !== 32 && after !== 10 && after !== 13 && after !== 9 && after !== 62 && after !== 47) {
        throw this.error(`bad attribute in <${qname}`);
      }
    }
    this.flushText();
    const parent = this.stack.length ? this.stack[this.stack.length - 1] : undefined;
    if (!parent) {
      if (this.sawRoot) throw this.error('second root element');
      this.sawRoot = true;
    }
    let scope = parent ? parent.scope : BASE_SCOPE;
    if (declares) {
      const m = new Map(scope);
      for (let a = 0; a < attrs.length; a += 2) {
        if (attrs[a] === 'xmlns') m.set('', internNamespace(attrs[a + 1]));
        else if (attrs[a].startsWith('xmlns:')) m.set(attrs[a].slice(6), internNamespace(attrs[a + 1]));
      }
      scope = m;
    }
    if (scope !== this.namesScope) {
      this.namesScope = scope;
      this.names = new Map();
    }
    let name = this.names.get(qname);
    if (!name) {
      const colon = qname.indexOf(':');
      const prefix = colon < 0 ? '' : qname.slice(0, colon);
      const ns = scope.get(prefix);
      if (ns === undefined && prefix !== '') throw this.error(`undeclared prefix ${prefix}:`);
      name = { qname, prefix, local: colon < 0 ? qname : qname.slice(colon + 1), ns: ns ?? '' };
      this.names.set(qname, name);
    }
    const el = new XmlElement(name.qname, name.prefix, name.local, name.ns, attrs, selfClosing, scope, this.stack.length);
    el.start = this.base + lt;
    el.end = this.base + j;
    this.handler.open(el);
    if (selfClosing) {
      el.closeStart = el.closeEnd = el.end;
      this.handler.close(el);
    } else {
      this.stack.push(el);
    }
    return j;
  }
}

/** CDATA is literal: mark its '&' so the shared decoder leaves it alone. */
function protectCdata(s: string): string {
  return s.indexOf('&') < 0 ? s : s.replace(/&/g, '&amp;');
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeRefs(s: string, part: string): string {
  return s.replace(/&([^;&]*);?/g, (m, ref: string) => {
    if (!m.endsWith(';')) throw new PackageError('bad-xml', part, "bare '&'");
    const named = NAMED[ref];
    if (named !== undefined) return named;
    let cp = NaN;
    if (ref.startsWith('#x') || ref.startsWith('#X')) cp = /^[0-9a-fA-F]+$/.test(ref.slice(2)) ? parseInt(ref.slice(2), 16) : NaN;
    else if (ref.startsWith('#')) cp = /^[0-9]+$/.test(ref.slice(1)) ? parseInt(ref.slice(1), 10) : NaN;
    else throw new PackageError('bad-xml', part, `undefined entity &${ref};`);
    if (!(cp >= 1 && cp <= 0x10ffff)) throw new PackageError('bad-xml', part, 'bad character reference');
    return String.fromCodePoint(cp);
  });
}

export function decodeText(s: string, part = 'xml'): string {
  if (s.indexOf('\r') >= 0) s = s.replace(/\r\n?/g, '\n');
  return s.indexOf('&') < 0 ? s : decodeRefs(s, part);
}

export function decodeAttr(s: string, part = 'xml'): string {
  // Attribute-value normalisation: literal white space becomes a space; character references do not.
  if (/[\t\n\r]/.test(s)) s = s.replace(/\r\n|[\t\n\r]/g, ' ');
  return s.indexOf('&') < 0 ? s : decodeRefs(s, part);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

export function escapeText(s: string): string {
  return s.replace(/[&<>\r]/g, (c) => ESCAPES[c]);
}

export function escapeAttr(s: string): string {
  return s.replace(/[&<>"\t\n\r]/g, (c) => ESCAPES[c]);
}

/** Parses a whole part held as a string (the writer's case: it rewrites the part anyway). */
export function scanString(text: string, handler: XmlHandler, part: string): void {
  const sc = new XmlScanner(handler, part, { maxToken: Math.max(text.length + 1, 8 * 1024 * 1024) });
  sc.feed(text);
  sc.end();
}

/**
 * Picks the text decoder from the first bytes: a UTF-16 byte-order mark, else UTF-8 (OOXML parts
 * are UTF-8 or UTF-16; the UTF-8 mark is dropped by the decoder).
 */
export function decoderFor(first: Uint8Array): TextDecoder {
  if (first.length >= 2 && first[0] === 0xff && first[1] === 0xfe) return new TextDecoder('utf-16le');
  if (first.length >= 2 && first[0] === 0xfe && first[1] === 0xff) return new TextDecoder('utf-16be');
  return new TextDecoder('utf-8');
}
