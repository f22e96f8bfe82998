import { PackageError } from '../errors';
import { crc32 } from './crc32';

/**
 * A zip archive read from its central directory, without inflating anything: each entry keeps a
 * view of its compressed bytes, so a writer can copy an entry it does not change as it was. Only
 * what OOXML producers write is accepted (stored and deflate, no zip encryption); zip64 records
 * are read. Sizes in the directory are not trusted for memory: inflating enforces the limits.
 */
export interface ZipEntry {
  /** Name as stored (OOXML part names are ASCII; flag bit 11 says UTF-8). */
  name: string;
  rawName: Uint8Array;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  dosTime: number;
  dosDate: number;
  versionMadeBy: number;
  versionNeeded: number;
  externalAttrs: number;
  internalAttrs: number;
  /** The compressed bytes (a view into the archive). */
  data: Uint8Array;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOC = 0x07064b50;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

export function readZip(bytes: Uint8Array): ZipEntry[] {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEocd(dv);
  if (eocd < 0) throw new PackageError(bytes.length > 0 && dv.getUint32(0, true) === SIG_LOCAL ? 'truncated' : 'corrupt-zip');
  let count = dv.getUint16(eocd + 10, true);
  let cdSize = dv.getUint32(eocd + 12, true);
  let cdOffset = dv.getUint32(eocd + 16, true);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc >= 0 && dv.getUint32(loc, true) === SIG_EOCD64_LOC) {
      const rec = num64(dv, loc + 8);
      if (rec + 56 > bytes.length || dv.getUint32(rec, true) !== SIG_EOCD64) throw new PackageError('corrupt-zip', undefined, 'zip64 record');
      count = num64(dv, rec + 32);
      cdSize = num64(dv, rec + 40);
      cdOffset = num64(dv, rec + 48);
    }
  }
  if (cdOffset + cdSize > bytes.length) throw new PackageError('truncated');
  const entries: ZipEntry[] = [];
  const utf8 = new TextDecoder('utf-8');
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || dv.getUint32(p, true) !== SIG_CENTRAL) throw new PackageError('corrupt-zip', undefined, 'central directory');
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    let compressedSize = dv.getUint32(p + 20, true);
    let uncompressedSize = dv.getUint32(p + 24, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    let localOffset = dv.getUint32(p + 42, true);
    const rawName = bytes.subarray(p + 46, p + 46 + nameLen);
    // Zip64 extra field: only the fields whose 32-bit value is saturated are present, in this order.
    let x = p + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = dv.getUint16(x, true);
      const len = dv.getUint16(x + 2, true);
      if (id === 0x0001) {
        let q = x + 4;
        if (uncompressedSize === 0xffffffff) {
          uncompressedSize = num64(dv, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = num64(dv, q);
          q += 8;
        }
        if (localOffset === 0xffffffff) localOffset = num64(dv, q);
      }
      x += 4 + len;
    }
    if (localOffset + 30 > bytes.length || dv.getUint32(localOffset, true) !== SIG_LOCAL) throw new PackageError('corrupt-zip', undefined, 'local header');
    const start = localOffset + 30 + dv.getUint16(localOffset + 26, true) + dv.getUint16(localOffset + 28, true);
    if (start + compressedSize > bytes.length) throw new PackageError('truncated');
    entries.push({
      name: utf8.decode(rawName),
      rawName,
      method,
      flags,
      crc: dv.getUint32(p + 16, true),
      compressedSize,
      uncompressedSize,
      dosTime: dv.getUint16(p + 12, true),
      dosDate: dv.getUint16(p + 14, true),
      versionMadeBy: dv.getUint16(p + 4, true),
      versionNeeded: dv.getUint16(p + 6, true),
      internalAttrs: dv.getUint16(p + 36, true),
      externalAttrs: dv.getUint32(p + 38, true),
      data: bytes.subarray(start, start + compressedSize),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function findEocd(dv: DataView): number {
  const min = Math.max(0, dv.byteLength - 22 - 0xffff);
  for (let i = dv.byteLength - 22; i >= min; i--) {
    if (dv.getUint32(i, true) === SIG_EOCD && i + 22 + dv.getUint16(i + 20, true) <= dv.byteLength) return i;
  }
  return -1;
}

function num64(dv: DataView, at: number): number {
  return dv.getUint32(at, true) + dv.getUint32(at + 4, true) * 0x100000000;
}

/** An entry to write: either copied from an archive as it was, or new bytes to deflate. */
export type OutEntry = { copy: ZipEntry } | { name: string; compressed: Uint8Array; crc: number; size: number };

/** 1980-01-01 00:00, what Excel stamps on every part: new parts get it too, so output is deterministic. */
const DOS_DATE = 0x0021;

/**
 * Writes entries in order. Copied entries keep their compressed bytes, method, CRC, time stamp and
 * attributes; their local header is rebuilt without a data descriptor (sizes are known).
 */
export function writeZip(entries: OutEntry[]): Uint8Array {
  const utf8 = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const h =
      'copy' in e
        ? { ...e.copy, flags: e.copy.flags & 0x0800 }
        : {
            name: e.name,
            rawName: utf8.encode(e.name),
            method: 8,
            flags: /^[\x20-\x7e]*$/.test(e.name) ? 0 : 0x0800,
            crc: e.crc,
            compressedSize: e.compressed.length,
            uncompressedSize: e.size,
            dosTime: 0,
            dosDate: DOS_DATE,
            versionMadeBy: 20,
            versionNeeded: 20,
            internalAttrs: 0,
            externalAttrs: 0,
            data: e.compressed,
          };
    if (h.compressedSize > 0xfffffffe || h.uncompressedSize > 0xfffffffe || offset > 0xfffffffe) {
      throw new PackageError('too-large', '4 GB');
    }
    const local = new Uint8Array(30 + h.rawName.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, SIG_LOCAL, true);
    lv.setUint16(4, Math.min(h.versionNeeded, 45), true);
    lv.setUint16(6, h.flags, true);
    lv.setUint16(8, h.method, true);
    lv.setUint16(10, h.dosTime, true);
    lv.setUint16(12, h.dosDate, true);
    lv.setUint32(14, h.crc, true);
    lv.setUint32(18, h.compressedSize, true);
    lv.setUint32(22, h.uncompressedSize, true);
    lv.setUint16(26, h.rawName.length, true);
    local.set(h.rawName, 30);
    const cd = new Uint8Array(46 + h.rawName.length);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, SIG_CENTRAL, true);
    cv.setUint16(4, h.versionMadeBy, true);
    cv.setUint16(6, Math.min(h.versionNeeded, 45), true);
    cv.setUint16(8, h.flags, true);
    cv.setUint16(10, h.method, true);
    cv.setUint16(12, h.dosTime, true);
    cv.setUint16(14, h.dosDate, true);
    cv.setUint32(16, h.crc, true);
    cv.setUint32(20, h.compressedSize, true);
    cv.setUint32(24, h.uncompressedSize, true);
    cv.setUint16(28, h.rawName.length, true);
    cv.setUint16(36, h.internalAttrs, true);
    cv.setUint32(38, h.externalAttrs, true);
    cv.setUint32(42, offset, true);
    cd.set(h.rawName, 46);
    chunks.push(local, h.data);
    central.push(cd);
    offset += local.length + h.data.length;
  }
  const cdStart = offset;
  const cdSize = central.reduce((s, c) => s + c.length, 0);
  if (entries.length > 0xfffe) throw new PackageError('too-large', undefined, 'over 65,535 parts');
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, SIG_EOCD, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, cdStart, true);
  const out = new Uint8Array(offset + cdSize + 22);
  let p = 0;
  for (const c of [...chunks, ...central, end]) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

/** A new entry from its uncompressed bytes and a deflater. */
export async function newEntry(name: string, bytes: Uint8Array, deflateRaw: (b: Uint8Array) => Promise<Uint8Array>): Promise<OutEntry> {
  return { name, compressed: await deflateRaw(bytes), crc: crc32(bytes), size: bytes.length };
}
