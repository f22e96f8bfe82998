import { PackageError } from '../errors';
import type { Codec } from '../package/codec';
import { contentTypeOf, DEFAULT_LIMITS, Package, relType, type ContentTypes, type PackageLimits } from '../package/opc';
import { scanString } from '../package/xml';
import { isMainNs, MAIN_NS_STRICT, REL_NAMESPACES } from './namespaces';
import { sniffPackage } from './sniff';

/** One `<sheet>` of workbook.xml with the part it points at. */
export interface SheetEntry {
  name: string;
  sheetId: number;
  rId: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** Resolved part name; undefined when the relationship is missing. */
  part: string | undefined;
  kind: 'worksheet' | 'chartsheet' | 'dialogsheet' | 'macrosheet' | 'other';
}

/** What reading and writing need to know about a package before touching any sheet. */
export interface WorkbookPackage {
  pkg: Package;
  contentTypes: ContentTypes;
  workbookPart: string;
  workbookType: string;
  sheets: SheetEntry[];
  sharedStringsPart: string | undefined;
  stylesPart: string | undefined;
  date1904: boolean;
  strict: boolean;
  /** Workbook structure protection (lockStructure): no sheet may be added or removed. */
  structureLocked: boolean;
}

export async function openWorkbookPackage(bytes: Uint8Array, codec: Codec, limits: PackageLimits = DEFAULT_LIMITS): Promise<WorkbookPackage> {
  const pkg = Package.open(bytes, codec, limits);
  sniffPackage(pkg);
  const contentTypes = await pkg.contentTypes();
  const rootRels = await pkg.relationships('');
  const office = rootRels.find((r) => relType(r) === 'officeDocument' && !r.external);
  if (!office || !pkg.has(office.target)) throw new PackageError('no-workbook-part');
  const workbookPart = office.target;
  const workbookType = contentTypeOf(contentTypes, workbookPart) ?? '';
  if (/binary/i.test(workbookType)) throw new PackageError('xlsb');
  if (!/spreadsheetml|ms-excel/i.test(workbookType)) throw new PackageError('not-workbook', documentKind(workbookType), workbookType);

  const rels = await pkg.relationships(workbookPart);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  let strict = false;
  let structureLocked = false;
  scanString(
    await pkg.text(workbookPart),
    {
      open(el) {
        if (!isMainNs(el.ns)) return;
        if (el.local === 'workbook') strict = el.ns === MAIN_NS_STRICT;
        else if (el.local === 'workbookPr') date1904 = truthy(el.attr('date1904'));
        else if (el.local === 'workbookProtection') structureLocked = truthy(el.attr('lockStructure'));
        else if (el.local === 'sheet') {
          const rId = el.attrNs('id', REL_NAMESPACES) ?? '';
          const rel = byId.get(rId);
          const t = rel ? relType(rel) : '';
          const state = el.attr('state');
          sheets.push({
            name: el.attr('name') ?? '',
            sheetId: Number(el.attr('sheetId') ?? 0),
            rId,
            state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
            part: rel && !rel.external && pkg.has(rel.target) ? rel.target : undefined,
            kind: t === 'worksheet' || t === 'chartsheet' || t === 'dialogsheet' ? t : t === 'xlMacrosheet' || t === 'xlIntlMacrosheet' ? 'macrosheet' : 'other',
          });
        }
      },
      close() {},
    },
    workbookPart,
  );
  const sst = rels.find((r) => relType(r) === 'sharedStrings' && !r.external && pkg.has(r.target));
  const styles = rels.find((r) => relType(r) === 'styles' && !r.external && pkg.has(r.target));
  return { pkg, contentTypes, workbookPart, workbookType, sheets, sharedStringsPart: sst?.target, stylesPart: styles?.target, date1904, strict, structureLocked };
}

export function truthy(v: string | undefined): boolean {
  return v === '1' || v === 'true';
}

/** What a non-workbook OOXML package is, in words a person knows. */
function documentKind(contentType: string): string | undefined {
  if (/wordprocessingml|ms-word/i.test(contentType)) return 'Word';
  if (/presentationml|ms-powerpoint/i.test(contentType)) return 'PowerPoint';
  if (/visio/i.test(contentType)) return 'Visio';
  return undefined;
}
