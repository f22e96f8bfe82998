import { fromA1 } from '../../../core/grid/a1';
import { isAssistantNote, NOTE_AUTHOR, noteText } from '../../../core/plan/notes';
import { parseRelationships, relsPartOf, relType, type Relationship } from '../package/opc';
import { escapeAttr, escapeText, scanString, type XmlElement, type XmlHandler } from '../package/xml';
import { isMainNs, REL_NAMESPACES, REL_NS, REL_NS_STRICT } from '../read/namespaces';
import { escapeXString, RichTextCollector } from '../read/strings';
import { qualified, splice, startTag, type Edit } from './splice';
import { WORKSHEET_ORDER } from './sheet-patch';
import { addOverride, addRelationship } from './workbook-patch';

/**
 * Cell notes ("comments" in ECMA-376, "notes" in Excel since threaded comments came) written the way
 * Excel writes them: the text in the sheet's comments part (§18.7, `xl/commentsN.xml`), the box in
 * its legacy VML drawing (`xl/drawings/vmlDrawingN.vml`, a `<v:shape>` whose `<x:ClientData
 * ObjectType="Note">` names the cell), the sheet pointing at the drawing with `<legacyDrawing r:id>`,
 * and the relationships and content types that tie them together.
 *
 * Nothing of what is there is rewritten: a new note is appended to the existing comment list and its
 * shape to the existing drawing (which may also hold staff notes, form controls or other shapes);
 * a staff note, a threaded comment (and its legacy placeholder) or a shape is never changed. A cell
 * that already has someone else's note or thread keeps it and gets no note from the add-in. A note
 * the add-in wrote earlier (its first line is the add-in's name) is updated in place.
 */
export interface NoteRequest {
  /** 'H7' (no sheet, no $). */
  address: string;
  /** The plan's note, without the author line. */
  body: string;
}

/** The package as the editor holds it: staged text and bytes over the original parts. */
export interface NotePartStore {
  has(part: string): boolean;
  text(part: string): Promise<string>;
  /** A part's bytes as a string of one character per byte (VML is patched byte for byte). */
  latin1(part: string): Promise<string>;
  stage(part: string, text: string): void;
  stageLatin1(part: string, text: string): void;
  freePart(stem: string, ext: string): string;
  /** Every part name of the package, staged ones included. */
  parts(): string[];
}

export interface SheetNotesOutcome {
  sheetXml: string;
  added: string[];
  updated: string[];
  /** Cells that already carry someone else's note or thread. */
  staffNotes: string[];
}

const NS_V = 'urn:schemas-microsoft-com:vml';
const NS_O = 'urn:schemas-microsoft-com:office:office';
const NS_X = 'urn:schemas-microsoft-com:office:excel';
const CT_COMMENTS = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
const CT_VML = 'application/vnd.openxmlformats-officedocument.vmlDrawing';
/** A VML drawing owns shape ids in blocks of 1,024 (its `<o:idmap data>`); ids are unique across the workbook. */
const BLOCK = 1024;

interface CommentAt {
  ref: string;
  text: string;
  /** The `<text>` element, replaced when the add-in updates its own note. */
  textEl: XmlElement | undefined;
}

interface CommentsPart {
  root: XmlElement;
  authors: XmlElement | undefined;
  authorNames: string[];
  list: XmlElement | undefined;
  comments: CommentAt[];
}

function readComments(xml: string, part: string): CommentsPart {
  const out: CommentsPart = { root: undefined as unknown as XmlElement, authors: undefined, authorNames: [], list: undefined, comments: [] };
  let inAuthor = false;
  let author = '';
  let current: CommentAt | undefined;
  let inText = 0;
  const rich = new RichTextCollector();
  const h: XmlHandler = {
    wantText: false,
    open(el) {
      if (el.depth === 0) out.root = el;
      if (!isMainNs(el.ns)) return;
      if (inText && rich.open(el, h)) return;
      if (el.depth === 1 && el.local === 'authors') out.authors = el;
      else if (el.depth === 1 && el.local === 'commentList') out.list = el;
      else if (el.depth === 2 && el.local === 'author') {
        inAuthor = true;
        author = '';
        h.wantText = true;
      } else if (el.depth === 2 && el.local === 'comment') current = { ref: (el.attr('ref') ?? '').replace(/\$/g, '').toUpperCase(), text: '', textEl: undefined };
      else if (el.depth === 3 && el.local === 'text' && current) {
        current.textEl = el;
        inText = 1;
      }
    },
    close(el) {
      if (!isMainNs(el.ns)) return;
      if (inText) {
        if (el === current?.textEl) {
          inText = 0;
          current.text = rich.take();
        } else rich.close(el, h);
        return;
      }
      if (inAuthor && el.local === 'author') {
        inAuthor = false;
        h.wantText = false;
        out.authorNames.push(author);
      } else if (el.depth === 2 && el.local === 'comment' && current) {
        out.comments.push(current);
        current = undefined;
      }
    },
    text(t) {
      if (inText) rich.text(t);
      else if (inAuthor) author += t;
    },
  };
  scanString(xml, h, part);
  if (!out.root) throw new Error(`${part}: empty comments part`);
  return out;
}

/** Cells with a threaded comment (Excel 365's comments, with replies): never given a note. */
function threadRefs(xml: string, part: string): string[] {
  const refs: string[] = [];
  scanString(
    xml,
    {
      open(el) {
        if (el.local === 'threadedComment') refs.push((el.attr('ref') ?? '').replace(/\$/g, '').toUpperCase());
      },
      close() {},
    },
    part,
  );
  return refs;
}

/**
 * The worksheet's top-level elements, without walking <sheetData> (most of a sheet's bytes). An
 * `mc:AlternateContent` (Excel wraps <controls> and <oleObjects> in one) counts as what its first
 * choice holds, so schema order is kept around it.
 */
function sheetTopLevel(xml: string, part: string): { root: XmlElement; children: { el: XmlElement; local: string }[] } {
  let root: XmlElement | undefined;
  const children: { el: XmlElement; local: string }[] = [];
  const h: XmlHandler = {
    open(el) {
      if (el.depth === 0) root = el;
      else if (el.depth === 1) {
        children.push({ el, local: el.local });
        if (el.local === 'sheetData' && !el.selfClosing) {
          const close = `</${el.qname}`;
          h.region = {
            done: false,
            consume(s, i) {
              const at = s.indexOf(close, i);
              if (at < 0) return Math.max(i, s.length - close.length);
              this.done = true;
              return at;
            },
          };
        }
      } else if (el.depth === 3) {
        const last = children[children.length - 1];
        if (last && last.local === 'AlternateContent' && last.el.local === 'AlternateContent') last.local = el.local;
      }
    },
    close() {},
  };
  scanString(xml, h, part);
  return { root: root!, children };
}

/** Target of a relationship from `from` to `to`, relative like Excel writes it ('../comments1.xml'). */
function relativeTarget(from: string, to: string): string {
  const a = from.split('/').slice(0, -1);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

function relUri(strict: boolean, kind: 'comments' | 'vmlDrawing'): string {
  return `${strict ? 'http://purl.oclc.org/ooxml/officeDocument/relationships' : 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'}/${kind}`;
}

/** The note's text as Excel stores it: the author line in bold, then the body, in Excel's note font. */
function richText(q: (l: string) => string, body: string): string {
  const font = `<${q('sz')} val="9"/><${q('color')} indexed="81"/><${q('rFont')} val="MS P ゴシック"/><${q('family')} val="3"/><${q('charset')} val="128"/>`;
  const [head, ...rest] = noteText(body).split('\n');
  const t = (s: string) => `<${q('t')} xml:space="preserve">${escapeText(escapeXString(s))}</${q('t')}>`;
  return (
    `<${q('text')}><${q('r')}><${q('rPr')}><${q('b')}/>${font}</${q('rPr')}>${t(head)}</${q('r')}>` +
    `<${q('r')}><${q('rPr')}>${font}</${q('rPr')}>${t('\n' + rest.join('\n'))}</${q('r')}></${q('text')}>`
  );
}

function commentXml(q: (l: string) => string, ref: string, authorId: number, body: string): string {
  return `<${q('comment')} ref="${ref}" authorId="${authorId}" shapeId="0">${richText(q, body)}</${q('comment')}>`;
}

/** Shape ids and idmap blocks used by one VML part (`_x0000_s1025` → 1025; `data="1,3"`). */
function vmlIds(vml: string): { ids: number[]; blocks: number[] } {
  const ids = [...vml.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1]));
  const blocks: number[] = [];
  for (const m of vml.matchAll(/<[\w.-]+:idmap\b[^>]*?\bdata\s*=\s*["']([^"']*)["']/g)) for (const n of m[1].split(/[\s,]+/)) if (/^\d+$/.test(n)) blocks.push(Number(n));
  return { ids, blocks };
}

/** Prefixes the VML root declares for the three VML namespaces (others get their own declarations). */
function rootPrefixes(vml: string): { v?: string; o?: string; x?: string; rootEnd: number } {
  const m = /<xml\b[^>]*>/i.exec(vml);
  const out: { v?: string; o?: string; x?: string; rootEnd: number } = { rootEnd: m ? m.index + m[0].length : -1 };
  if (!m) return out;
  for (const d of m[0].matchAll(/xmlns:([\w.-]+)\s*=\s*["']([^"']*)["']/g)) {
    if (d[2] === NS_V) out.v ??= d[1];
    else if (d[2] === NS_O) out.o ??= d[1];
    else if (d[2] === NS_X) out.x ??= d[1];
  }
  return out;
}

interface VmlNames {
  v: string;
  o: string;
  x: string;
  /** Declarations to put on each top-level element we add (for prefixes the root does not declare). */
  decl: string;
}

function vmlNames(p: ReturnType<typeof rootPrefixes>): VmlNames {
  const taken = new Set([p.v, p.o, p.x].filter(Boolean));
  const pick = (want: string) => {
    let n = want;
    for (let i = 1; taken.has(n); i++) n = `${want}${i}`;
    taken.add(n);
    return n;
  };
  const v = p.v ?? pick('v');
  const o = p.o ?? pick('o');
  const x = p.x ?? pick('x');
  const decl = [p.v ? '' : ` xmlns:${v}="${NS_V}"`, p.o ? '' : ` xmlns:${o}="${NS_O}"`, p.x ? '' : ` xmlns:${x}="${NS_X}"`].join('');
  return { v, o, x, decl };
}

const shapeType = (n: VmlNames) =>
  `<${n.v}:shapetype${n.decl} id="_x0000_t202" coordsize="21600,21600" ${n.o}:spt="202" path="m,l,21600r21600,l21600,xe"><${n.v}:stroke joinstyle="miter"/><${n.v}:path gradientshapeok="t" ${n.o}:connecttype="rect"/></${n.v}:shapetype>`;

const shapeLayout = (n: VmlNames, blocks: number[]) => `<${n.o}:shapelayout${n.decl} ${n.v}:ext="edit"><${n.o}:idmap ${n.v}:ext="edit" data="${blocks.join(',')}"/></${n.o}:shapelayout>`;

/**
 * A hidden note box beside the cell, as Excel draws a new note: anchored from one column right of
 * the cell and a row above it, five columns wide and eight rows tall (our notes are a few lines).
 * Only ASCII, so it can be spliced into a drawing of any encoding.
 */
function noteShape(n: VmlNames, id: number, z: number, address: string): string {
  const { row, col } = fromA1(address);
  const top = Math.max(0, row - 1);
  const anchor = [col + 1, 15, top, 10, col + 6, 15, top + 8, 4].join(', ');
  // Margins only place the box before Excel recomputes it from the anchor (64 px columns, 20 px rows).
  const left = (col + 1) * 48 + 11.25;
  const y = top * 15 + 7.5;
  return (
    `<${n.v}:shape${n.decl} id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:${left}pt;margin-top:${y}pt;width:240pt;height:120pt;z-index:${z};visibility:hidden" fillcolor="#ffffe1" ${n.o}:insetmode="auto">` +
    `<${n.v}:fill color2="#ffffe1"/><${n.v}:shadow on="t" color="black" obscured="t"/><${n.v}:path ${n.o}:connecttype="none"/><${n.v}:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></${n.v}:textbox>` +
    `<${n.x}:ClientData ObjectType="Note"><${n.x}:MoveWithCells/><${n.x}:SizeWithCells/><${n.x}:Anchor>${anchor}</${n.x}:Anchor><${n.x}:AutoFill>False</${n.x}:AutoFill><${n.x}:Row>${row}</${n.x}:Row><${n.x}:Column>${col}</${n.x}:Column></${n.x}:ClientData></${n.v}:shape>`
  );
}

/**
 * Adds the notes of one sheet. `sheetXml` is the sheet as staged so far; the returned text has a
 * `<legacyDrawing>` when a drawing had to be made. Comments, VML, relationships and content types
 * are staged through `io`.
 */
export async function writeSheetNotes(
  io: NotePartStore,
  sheetPart: string,
  sheetXml: string,
  notes: NoteRequest[],
  opts: { strict: boolean; mainNs: string; /** Where new parts go: the workbook's folder, e.g. 'xl/'. */ baseDir: string },
): Promise<SheetNotesOutcome> {
  const outcome: SheetNotesOutcome = { sheetXml, added: [], updated: [], staffNotes: [] };
  if (notes.length === 0) return outcome;
  const relsPart = relsPartOf(sheetPart);
  let relsXml = io.has(relsPart) ? await io.text(relsPart) : undefined;
  const rels: Relationship[] = relsXml !== undefined ? parseRelationships(relsXml, sheetPart, relsPart) : [];
  const top = sheetTopLevel(sheetXml, sheetPart);
  const legacy = top.children.map((c) => c.el).find((c) => c.local === 'legacyDrawing' && isMainNs(c.ns));
  const legacyRid = legacy?.attrNs('id', REL_NAMESPACES);
  const vmlRel = legacyRid ? rels.find((r) => r.id === legacyRid && !r.external) : undefined;
  if (legacy && (!vmlRel || !io.has(vmlRel.target))) {
    // A drawing the sheet names but the package lacks: adding a second one would be worse than no note.
    outcome.staffNotes.push(...notes.map((n) => n.address));
    return outcome;
  }
  const commentsRel = rels.find((r) => relType(r) === 'comments' && !r.external && io.has(r.target));
  const taken = new Set<string>();
  for (const r of rels.filter((x) => relType(x) === 'threadedComment' && !x.external && io.has(x.target))) {
    for (const ref of threadRefs(await io.text(r.target), r.target)) taken.add(ref);
  }
  const commentsXml = commentsRel ? await io.text(commentsRel.target) : undefined;
  const existing = commentsXml !== undefined ? readComments(commentsXml, commentsRel!.target) : undefined;
  const byRef = new Map((existing?.comments ?? []).map((c) => [c.ref, c]));

  const adds: NoteRequest[] = [];
  const updates: { c: CommentAt; n: NoteRequest }[] = [];
  const seen = new Set<string>();
  for (const n of notes) {
    const ref = n.address.replace(/\$/g, '').toUpperCase();
    if (seen.has(ref)) continue;
    seen.add(ref);
    const c = byRef.get(ref);
    if (taken.has(ref) || (c && !isAssistantNote(c.text))) outcome.staffNotes.push(ref);
    else if (c) {
      if (c.textEl) updates.push({ c, n: { ...n, address: ref } });
    } else adds.push({ ...n, address: ref });
  }
  if (adds.length === 0 && updates.length === 0) return outcome;

  // The comments part: ours appended (and our author with them); our earlier notes' text replaced.
  const nsPrefix = existing?.root.prefix ?? '';
  const q = (l: string) => qualified(nsPrefix, l);
  let commentsPart = commentsRel?.target;
  if (existing && commentsXml !== undefined && commentsPart) {
    const edits: Edit[] = [];
    let authorId = existing.authorNames.indexOf(NOTE_AUTHOR);
    if (adds.length && authorId < 0) {
      authorId = existing.authorNames.length;
      const a = `<${q('author')}>${escapeText(NOTE_AUTHOR)}</${q('author')}>`;
      const el = existing.authors;
      if (!el) edits.push({ start: existing.root.end, end: existing.root.end, text: `<${q('authors')}>${a}</${q('authors')}>` });
      else if (el.selfClosing) edits.push({ start: el.start, end: el.end, text: `${startTag(el, {}, false)}${a}</${el.qname}>` });
      else edits.push({ start: el.closeStart, end: el.closeStart, text: a });
    }
    for (const { c, n } of updates) edits.push({ start: c.textEl!.start, end: c.textEl!.closeEnd, text: richText(q, n.body) });
    if (adds.length) {
      const items = adds.map((n) => commentXml(q, n.address, authorId, n.body)).join('');
      const list = existing.list;
      if (!list) {
        const at = existing.authors ? existing.authors.closeEnd : existing.root.end;
        edits.push({ start: at, end: at, text: `<${q('commentList')}>${items}</${q('commentList')}>` });
      } else if (list.selfClosing) edits.push({ start: list.start, end: list.end, text: `${startTag(list, {}, false)}${items}</${list.qname}>` });
      else edits.push({ start: list.closeStart, end: list.closeStart, text: items });
    }
    io.stage(commentsPart, splice(commentsXml, edits));
  } else {
    commentsPart = io.freePart(`${opts.baseDir}comments`, '.xml');
    io.stage(
      commentsPart,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${opts.mainNs}"><authors><author>${escapeText(NOTE_AUTHOR)}</author></authors><commentList>${adds
        .map((n) => commentXml((l) => l, n.address, 0, n.body))
        .join('')}</commentList></comments>`,
    );
    const r = addRelationship(relsXml, relsPart, relUri(opts.strict, 'comments'), relativeTarget(sheetPart, commentsPart));
    relsXml = r.xml;
    io.stage('[Content_Types].xml', addOverride(await io.text('[Content_Types].xml'), commentsPart, CT_COMMENTS));
  }

  // The drawing: a box per new note, in the sheet's drawing beside whatever is there.
  if (adds.length) {
    const used = new Set<number>();
    for (const p of io.parts().filter((x) => /\.vml$/i.test(x))) {
      const u = vmlIds(await io.latin1(p));
      for (const b of u.blocks) used.add(b);
      for (const id of u.ids) used.add(Math.floor(id / BLOCK));
    }
    const freeBlock = () => {
      let b = 1;
      while (used.has(b)) b++;
      used.add(b);
      return b;
    };
    let sheet = sheetXml;
    if (vmlRel) {
      let vml = await io.latin1(vmlRel.target);
      const own = vmlIds(vml);
      const names = vmlNames(rootPrefixes(vml));
      const edits: Edit[] = [];
      const blocks = [...own.blocks];
      let next = Math.max(0, ...own.ids, ...(blocks.length ? [Math.min(...blocks) * BLOCK] : [])) + 1;
      const idmap = /<([\w.-]+):idmap\b[^>]*?\bdata\s*=\s*["']([^"']*)["']/.exec(vml);
      const ids: number[] = [];
      let z = (vml.match(/<[\w.-]+:shape\b/g) ?? []).length;
      for (let i = 0; i < adds.length; i++) {
        if (!blocks.includes(Math.floor(next / BLOCK))) {
          const b = freeBlock();
          blocks.push(b);
          next = b * BLOCK + 1;
        }
        ids.push(next++);
      }
      const root = rootPrefixes(vml);
      if (root.rootEnd < 0) throw new Error(`${vmlRel.target}: no <xml> root`);
      const addType = !/\bid\s*=\s*["']_x0000_t202["']/.test(vml);
      if (idmap && blocks.length !== own.blocks.length) {
        const dataAt = idmap.index + idmap[0].length - idmap[2].length - 1;
        edits.push({ start: dataAt, end: dataAt + idmap[2].length, text: blocks.join(',') });
      }
      const head = `${idmap ? '' : shapeLayout(names, blocks)}${addType ? shapeType(names) : ''}`;
      if (head) {
        // Before every shape, so the shape type is defined before the boxes that use it.
        const layoutEnd = /<\/[\w.-]+:shapelayout\s*>/.exec(vml);
        const at = layoutEnd ? layoutEnd.index + layoutEnd[0].length : root.rootEnd;
        edits.push({ start: at, end: at, text: head });
      }
      const close = vml.search(/<\/xml\s*>\s*$/i);
      if (close < 0) throw new Error(`${vmlRel.target}: no </xml>`);
      edits.push({ start: close, end: close, text: adds.map((n, i) => noteShape(names, ids[i], ++z, n.address)).join('') });
      vml = splice(vml, edits);
      io.stageLatin1(vmlRel.target, vml);
    } else {
      const block = freeBlock();
      const names = vmlNames({ v: 'v', o: 'o', x: 'x', rootEnd: 0 });
      const vml =
        `<xml xmlns:v="${NS_V}" xmlns:o="${NS_O}" xmlns:x="${NS_X}">${shapeLayout(names, [block])}${shapeType(names)}` +
        adds.map((n, i) => noteShape(names, block * BLOCK + 1 + i, i + 1, n.address)).join('') +
        '</xml>';
      const part = io.freePart(`${opts.baseDir}drawings/vmlDrawing`, '.vml');
      io.stageLatin1(part, vml);
      const r = addRelationship(relsXml, relsPart, relUri(opts.strict, 'vmlDrawing'), relativeTarget(sheetPart, part));
      relsXml = r.xml;
      const ct = await io.text('[Content_Types].xml');
      if (!/<(\w+:)?Default\b[^>]*\bExtension\s*=\s*["']vml["']/i.test(ct)) io.stage('[Content_Types].xml', addOverride(ct, part, CT_VML));
      sheet = withLegacyDrawing(sheet, top, r.id, opts.strict);
    }
    outcome.sheetXml = sheet;
  }
  if (relsXml !== undefined && relsXml !== (io.has(relsPart) ? await io.text(relsPart) : undefined)) io.stage(relsPart, relsXml);
  outcome.added = adds.map((n) => n.address);
  outcome.updated = updates.map((u) => u.n.address);
  return outcome;
}

/** `<legacyDrawing r:id>` where the schema wants it (after <drawing>, before <legacyDrawingHF> …). */
function withLegacyDrawing(xml: string, top: ReturnType<typeof sheetTopLevel>, rid: string, strict: boolean): string {
  const relNs = strict ? REL_NS_STRICT : REL_NS;
  let prefix: string | undefined;
  for (const [p, uri] of top.root.scope) if (p && uri === relNs) prefix = p;
  const decl = prefix === undefined ? ` xmlns:r="${relNs}"` : '';
  const el = `<${qualified(top.root.prefix, 'legacyDrawing')}${decl} ${prefix ?? 'r'}:id="${escapeAttr(rid)}"/>`;
  const mine = WORKSHEET_ORDER.indexOf('legacyDrawing');
  const after = top.children.find((c) => WORKSHEET_ORDER.indexOf(c.local) > mine);
  const at = after ? after.el.start : top.root.closeStart;
  return splice(xml, [{ start: at, end: at, text: el }]);
}

/** For tests and reports: the notes of a comments part as cell → text. */
export function commentsOf(xml: string, part = 'comments.xml'): { ref: string; text: string }[] {
  return readComments(xml, part).comments.map((c) => ({ ref: c.ref, text: c.text }));
}

