import { escapeAttr, escapeText, scanString, type XmlElement } from '../package/xml';
import { isMainNs, REL_NAMESPACES, REL_NS, REL_NS_STRICT } from '../read/namespaces';
import { qualified, splice, startTag, type Edit } from './splice';

/** Workbook children in schema order (where a missing calcPr must go). */
const WORKBOOK_ORDER = [
  'fileVersion', 'fileSharing', 'workbookPr', 'workbookProtection', 'bookViews', 'sheets', 'functionGroups', 'externalReferences',
  'definedNames', 'calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing',
  'fileRecoveryPr', 'webPublishObjects', 'extLst',
];

function topLevel(xml: string, part: string): { root: XmlElement; children: XmlElement[] } {
  let root: XmlElement | undefined;
  const children: XmlElement[] = [];
  scanString(
    xml,
    {
      open(el) {
        if (el.depth === 0) root = el;
        else if (el.depth === 1) children.push(el);
      },
      close() {},
    },
    part,
  );
  return { root: root!, children };
}

/** Appends a `<sheet>` to workbook.xml's `<sheets>` (so it becomes the last tab). */
export function addSheetEntry(xml: string, part: string, s: { name: string; sheetId: number; rId: string; state: 'visible' | 'hidden' | 'veryHidden'; strict: boolean }): string {
  const { root, children } = topLevel(xml, part);
  const sheets = children.find((c) => c.local === 'sheets' && isMainNs(c.ns));
  if (!sheets) throw new Error(`${part}: no <sheets>`);
  let relPrefix: string | undefined;
  for (const [p, uri] of sheets.scope) if (p && (REL_NAMESPACES as readonly string[]).includes(uri)) relPrefix = p;
  const decl = relPrefix === undefined ? ` xmlns:r="${s.strict ? REL_NS_STRICT : REL_NS}"` : '';
  const rp = relPrefix ?? 'r';
  const state = s.state === 'visible' ? '' : ` state="${s.state}"`;
  const text = `<${qualified(root.prefix, 'sheet')} name="${escapeAttr(s.name)}" sheetId="${s.sheetId}"${state}${decl} ${rp}:id="${s.rId}"/>`;
  if (sheets.selfClosing) return splice(xml, [{ start: sheets.start, end: sheets.end, text: `${startTag(sheets, {}, false)}${text}</${sheets.qname}>` }]);
  return splice(xml, [{ start: sheets.closeStart, end: sheets.closeStart, text }]);
}

/**
 * Asks Excel to recalculate every formula when the file is next opened. A patched file carries no
 * "dirty" marks, so without this a staff formula that counts the ratings (COUNTIF …) would keep
 * showing its old cached result until a full recalculation (see docs/files.md).
 */
export function setFullCalcOnLoad(xml: string, part: string): string {
  const { root, children } = topLevel(xml, part);
  const calc = children.find((c) => c.local === 'calcPr' && isMainNs(c.ns));
  if (calc) {
    if (calc.attr('fullCalcOnLoad') === '1' || calc.attr('fullCalcOnLoad') === 'true') return xml;
    return splice(xml, [{ start: calc.start, end: calc.end, text: startTag(calc, { fullCalcOnLoad: '1' }) }]);
  }
  const mine = WORKBOOK_ORDER.indexOf('calcPr');
  const after = children.find((c) => WORKBOOK_ORDER.indexOf(c.local) > mine);
  const at = after ? after.start : root.closeStart;
  return splice(xml, [{ start: at, end: at, text: `<${qualified(root.prefix, 'calcPr')} fullCalcOnLoad="1"/>` }]);
}

/** The highest sheetId in workbook.xml: a new sheet takes the next one (ids are never reused). */
export function maxSheetId(xml: string, part: string): number {
  let max = 0;
  scanString(
    xml,
    {
      open(el) {
        if (el.local === 'sheet' && isMainNs(el.ns)) max = Math.max(max, Number(el.attr('sheetId')) || 0);
      },
      close() {},
    },
    part,
  );
  return max;
}

/** Adds a relationship with a fresh id; returns the new part text and the id. */
export function addRelationship(xml: string | undefined, part: string, type: string, target: string): { xml: string; id: string } {
  if (xml === undefined) {
    const id = 'rId1';
    return {
      xml: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="${id}" Type="${type}" Target="${escapeAttr(target)}"/></Relationships>`,
      id,
    };
  }
  const { root, children } = topLevel(xml, part);
  const ids = new Set(children.map((c) => c.attr('Id')));
  let n = children.length + 1;
  while (ids.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const text = `<${qualified(root.prefix, 'Relationship')} Id="${id}" Type="${type}" Target="${escapeAttr(target)}"/>`;
  const edits: Edit[] = root.selfClosing
    ? [{ start: root.start, end: root.end, text: `${startTag(root, {}, false)}${text}</${root.qname}>` }]
    : [{ start: root.closeStart, end: root.closeStart, text }];
  return { xml: splice(xml, edits), id };
}

/** Registers a new part's content type with an Override. */
export function addOverride(xml: string, partName: string, contentType: string): string {
  const { root } = topLevel(xml, '[Content_Types].xml');
  const text = `<${qualified(root.prefix, 'Override')} PartName="/${escapeAttr(partName)}" ContentType="${contentType}"/>`;
  return splice(xml, [{ start: root.closeStart, end: root.closeStart, text }]);
}

/**
 * Sets a sheet's own defined names (print titles, print area: `_xlnm.*` with localSheetId), replacing
 * any of the same name for that sheet; every other name stays as it was.
 */
export function setSheetNames(xml: string, part: string, localSheetId: number, names: { name: string; value: string }[]): string {
  if (names.length === 0) return xml;
  const { root, children } = topLevel(xml, part);
  const q = (l: string) => qualified(root.prefix, l);
  const edits: Edit[] = [];
  const text = names.map((n) => `<${q('definedName')} name="${escapeAttr(n.name)}" localSheetId="${localSheetId}">${escapeText(n.value)}</${q('definedName')}>`).join('');
  const dn = children.find((c) => c.local === 'definedNames' && isMainNs(c.ns));
  if (dn && !dn.selfClosing) {
    scanString(
      xml,
      {
        open() {},
        // On close: only then is the element's end known.
        close(el) {
          if (el.depth === 2 && el.local === 'definedName' && el.attr('localSheetId') === String(localSheetId) && names.some((n) => n.name === el.attr('name'))) {
            edits.push({ start: el.start, end: el.closeEnd, text: '' });
          }
        },
      },
      part,
    );
    edits.push({ start: dn.closeStart, end: dn.closeStart, text });
  } else {
    const full = `<${q('definedNames')}>${text}</${q('definedNames')}>`;
    if (dn) edits.push({ start: dn.start, end: dn.end, text: full });
    else {
      const mine = WORKBOOK_ORDER.indexOf('definedNames');
      const after = children.find((c) => WORKBOOK_ORDER.indexOf(c.local) > mine);
      const at = after ? after.start : root.closeStart;
      edits.push({ start: at, end: at, text: full });
    }
  }
  return splice(xml, edits);
}

/** The state (visible / hidden / very hidden) of the sheet at `index` in `<sheets>`. */
export function setSheetState(xml: string, part: string, index: number, state: 'visible' | 'hidden' | 'veryHidden'): string {
  let i = -1;
  let edit: Edit | undefined;
  scanString(
    xml,
    {
      open(el) {
        if (el.local === 'sheet' && isMainNs(el.ns) && ++i === index) {
          const now = el.attr('state') ?? 'visible';
          if (now !== state) edit = { start: el.start, end: el.end, text: startTag(el, { state: state === 'visible' ? undefined : state }) };
        }
      },
      close() {},
    },
    part,
  );
  return edit ? splice(xml, [edit]) : xml;
}
