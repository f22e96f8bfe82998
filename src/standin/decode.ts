import JSZip from 'jszip';
import { gridFromXlsxBuffer } from './load';
import { modelFromGrid, type SheetModel } from './model';

/** base64 without node's Buffer, so the stand-in runs in the browser too. */
export function base64ToBytes(base64: string): Uint8Array {
  const bin = atob(base64.replace(/^data:[^,]*,/, '').replace(/\s+/g, ''));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) bin += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(bin);
}

const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

function relsOf(xml: string | undefined): { type: string; target: string }[] {
  if (!xml) return [];
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => ({ type: attr(m[0], 'Type') ?? '', target: attr(m[0], 'Target') ?? '' }));
}

function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

const relsPath = (part: string) => part.replace(/([^/]+)$/, '_rels/$1.rels');

/**
 * Names of the sheets holding what Excel on the web refuses to insert from a file (charts,
 * comments, PivotTables, slicers), read from the package's relationships.
 */
export async function sheetsWithUnsupportedParts(bytes: Uint8Array): Promise<Set<string>> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (p: string) => zip.file(p)?.async('string');
  const workbook = (await text('xl/workbook.xml')) ?? '';
  const relTarget = new Map<string, string>();
  for (const m of (await text('xl/_rels/workbook.xml.rels'))?.matchAll(/<Relationship\b[^>]*>/g) ?? []) {
    relTarget.set(attr(m[0], 'Id') ?? '', attr(m[0], 'Target') ?? '');
  }
  const out = new Set<string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = (attr(m[0], 'name') ?? '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
    const target = relTarget.get(attr(m[0], 'r:id') ?? '');
    if (!target) continue;
    const part = resolvePart('xl/workbook.xml', target);
    const rels = relsOf(await text(relsPath(part)));
    let blocked = rels.some((r) => /\/(comments|pivotTable|threadedComment|slicer)$/.test(r.type));
    for (const r of rels.filter((x) => x.type.endsWith('/drawing'))) {
      const drawing = resolvePart(part, r.target);
      if (relsOf(await text(relsPath(drawing))).some((d) => d.type.endsWith('/chart'))) blocked = true;
    }
    if (!blocked && /<(?:\w+:)?slicerList\b/.test((await text(part)) ?? '')) blocked = true;
    if (blocked) out.add(name);
  }
  return out;
}

/** What Excel would insert from a base64 workbook: its sheets, settings sheet included as a sheet. */
export async function decodeWorkbook(base64: string): Promise<{ sheets: SheetModel[]; unsupported: Set<string> }> {
  const bytes = base64ToBytes(base64);
  const grid = await gridFromXlsxBuffer(bytes, 'inserted.xlsx');
  return { sheets: modelFromGrid(grid).sheets, unsupported: await sheetsWithUnsupportedParts(bytes) };
}
