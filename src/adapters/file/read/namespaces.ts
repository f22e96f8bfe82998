import { internNamespace } from '../package/xml';

/** SpreadsheetML namespaces: Transitional (what Excel writes) and Strict (ISO 29500 strict). */
export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const MAIN_NS_STRICT = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const REL_NS_STRICT = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
export const REL_NAMESPACES = [REL_NS, REL_NS_STRICT] as const;

for (const uri of [MAIN_NS, MAIN_NS_STRICT, REL_NS, REL_NS_STRICT]) internNamespace(uri);

/** Called for every element of a sheet: the scanner interns namespaces, so this is two identity checks. */
export function isMainNs(ns: string): boolean {
  return ns === MAIN_NS || ns === MAIN_NS_STRICT;
}

/** Relationship type URIs for parts the writer adds, in the package's own flavour. */
export function relTypeUri(strict: boolean, kind: 'worksheet' | 'sharedStrings'): string {
  return strict ? `http://purl.oclc.org/ooxml/officeDocument/relationships/${kind}` : `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${kind}`;
}
