import { PackageError } from '../errors';
import type { Codec } from './codec';
import { concat } from './codec';
import { decoderFor, scanString, XmlScanner, type XmlElement, type XmlHandler } from './xml';
import { readZip, type ZipEntry } from './zip';

/**
 * An OPC package (the zip behind .xlsx/.xlsm) opened for reading: parts by name (case-insensitive,
 * as OPC says), relationships, content types. Every inflation draws on one budget of uncompressed
 * bytes, so a zip bomb is refused after at most that much work and never held in memory.
 */
export interface PackageLimits {
  /** Uncompressed bytes inflated from the whole package, at most. */
  maxUncompressed: number;
  /** Cells read from all sheets, at most. */
  maxCells: number;
}

export const DEFAULT_LIMITS: PackageLimits = {
  maxUncompressed: 1024 * 1024 * 1024,
  maxCells: 2_000_000,
};

export interface Relationship {
  id: string;
  type: string;
  /** Resolved part name (no leading '/'), or the raw target when external. */
  target: string;
  external: boolean;
}

export class Package {
  private readonly byName = new Map<string, ZipEntry>();
  private inflated = 0;

  private constructor(
    readonly entries: ZipEntry[],
    readonly codec: Codec,
    readonly limits: PackageLimits,
  ) {
    for (const e of entries) {
      const k = e.name.toLowerCase();
      if (!this.byName.has(k)) this.byName.set(k, e);
    }
  }

  static open(bytes: Uint8Array, codec: Codec, limits: PackageLimits = DEFAULT_LIMITS): Package {
    const entries = readZip(bytes);
    return new Package(entries, codec, limits);
  }

  entry(part: string): ZipEntry | undefined {
    return this.byName.get(partKey(part));
  }

  has(part: string): boolean {
    return this.byName.has(partKey(part));
  }

  /** Bytes inflated so far from this package (for the bench and for limits). */
  get inflatedBytes(): number {
    return this.inflated;
  }

  /** Streams a part's uncompressed bytes; every chunk counts against the package's budget. */
  async stream(part: string, onChunk: (chunk: Uint8Array) => void): Promise<void> {
    const e = this.entry(part);
    if (!e) throw new PackageError('corrupt-zip', part, 'part missing');
    if (e.flags & 1) throw new PackageError('zip-encrypted');
    // A declared size over the budget is refused before any work (honest zip bombs).
    if (this.inflated + e.uncompressedSize > this.limits.maxUncompressed) throw tooLarge(this.limits);
    let own: { error: unknown } | undefined;
    const take = (chunk: Uint8Array) => {
      try {
        this.inflated += chunk.length;
        if (this.inflated > this.limits.maxUncompressed) throw tooLarge(this.limits);
        onChunk(chunk);
      } catch (error) {
        // The consumer's own errors pass through unchanged; only the codec's mean a damaged part.
        own = { error };
        throw error;
      }
    };
    if (e.method === 0) {
      for (let o = 0; o < e.data.length; o += 256 * 1024) take(e.data.subarray(o, o + 256 * 1024));
    } else if (e.method === 8) {
      try {
        await this.codec.inflate(e.data, take);
      } catch (err) {
        if (own) throw own.error;
        if (err instanceof PackageError) throw err.kind === 'corrupt-zip' && !err.detail ? new PackageError('corrupt-zip', part, err.debug) : err;
        // A browser's decompression stream rejects with its own TypeError: the part is damaged.
        throw new PackageError('corrupt-zip', part, String(err));
      }
    } else {
      throw new PackageError('zip-method');
    }
  }

  async bytes(part: string): Promise<Uint8Array> {
    const chunks: Uint8Array[] = [];
    await this.stream(part, (c) => chunks.push(c));
    return concat(chunks);
  }

  async text(part: string): Promise<string> {
    const b = await this.bytes(part);
    return decoderFor(b).decode(b);
  }

  /** Streams a part through the XML scanner, decoding text chunk by chunk. */
  async parse(part: string, handler: XmlHandler): Promise<void> {
    let decoder: TextDecoder | undefined;
    const scanner = new XmlScanner(handler, part);
    await this.stream(part, (chunk) => {
      decoder ??= decoderFor(chunk);
      const s = decoder.decode(chunk, { stream: true });
      if (s) scanner.feed(s);
    });
    if (decoder) {
      const tail = decoder.decode();
      if (tail) scanner.feed(tail);
    }
    scanner.end();
  }

  async relationships(sourcePart: string): Promise<Relationship[]> {
    const relsPart = relsPartOf(sourcePart);
    if (!this.has(relsPart)) return [];
    return parseRelationships(await this.text(relsPart), sourcePart, relsPart);
  }

  async contentTypes(): Promise<ContentTypes> {
    if (!this.has('[Content_Types].xml')) throw new PackageError('no-workbook-part');
    return parseContentTypes(await this.text('[Content_Types].xml'));
  }
}

function tooLarge(limits: PackageLimits): PackageError {
  return new PackageError('too-large', `${Math.round(limits.maxUncompressed / 1024 / 1024).toLocaleString('en')} MB`);
}

export function partKey(part: string): string {
  return (part.startsWith('/') ? part.slice(1) : part).toLowerCase();
}

/** 'xl/workbook.xml' → 'xl/_rels/workbook.xml.rels'; '' (the package) → '_rels/.rels'. */
export function relsPartOf(part: string): string {
  const p = part.replace(/^\//, '');
  const slash = p.lastIndexOf('/');
  return `${p.slice(0, slash + 1)}_rels/${p.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against its source part (absolute targets start with '/'). */
export function resolveTarget(sourcePart: string, target: string): string {
  const t = target.replace(/\\/g, '/');
  const baseDir = sourcePart.replace(/^\//, '').split('/').slice(0, -1);
  const segs = t.startsWith('/') ? [] : baseDir;
  const out = [...segs];
  for (const s of t.replace(/^\//, '').split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') out.pop();
    else out.push(s);
  }
  return out.map(decodeURIComponentSafe).join('/');
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const PR_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';

export function parseRelationships(xml: string, sourcePart: string, relsPart: string): Relationship[] {
  const out: Relationship[] = [];
  scanString(
    xml,
    {
      open(el: XmlElement) {
        if (el.local !== 'Relationship' || el.ns !== PR_NS) return;
        const external = el.attr('TargetMode') === 'External';
        const target = el.attr('Target') ?? '';
        out.push({ id: el.attr('Id') ?? '', type: el.attr('Type') ?? '', target: external ? target : resolveTarget(sourcePart, target), external });
      },
      close() {},
    },
    relsPart,
  );
  return out;
}

export interface ContentTypes {
  defaults: Map<string, string>;
  overrides: Map<string, string>;
}

export function parseContentTypes(xml: string): ContentTypes {
  const ct: ContentTypes = { defaults: new Map(), overrides: new Map() };
  scanString(
    xml,
    {
      open(el) {
        if (el.ns !== CT_NS) return;
        if (el.local === 'Default') ct.defaults.set((el.attr('Extension') ?? '').toLowerCase(), el.attr('ContentType') ?? '');
        else if (el.local === 'Override') ct.overrides.set(partKey(el.attr('PartName') ?? ''), el.attr('ContentType') ?? '');
      },
      close() {},
    },
    '[Content_Types].xml',
  );
  return ct;
}

export function contentTypeOf(ct: ContentTypes, part: string): string | undefined {
  const o = ct.overrides.get(partKey(part));
  if (o !== undefined) return o;
  const dot = part.lastIndexOf('.');
  return dot < 0 ? undefined : ct.defaults.get(part.slice(dot + 1).toLowerCase());
}

/** Relationship types end the same way in Transitional and Strict OOXML. */
export function relType(r: Relationship): string {
  return r.type.slice(r.type.lastIndexOf('/') + 1);
}
