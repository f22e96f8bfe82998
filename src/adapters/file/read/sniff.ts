import { PackageError } from '../errors';
import type { Package } from '../package/opc';
import { isZip } from '../package/zip';

/**
 * Tells what a file is from its bytes (never from its extension alone), so every input that is not
 * an .xlsx/.xlsm workbook gets its own answer: old .xls and password-encrypted workbooks (both OLE
 * compound files), .xlsb and .ods (zips of another kind), CSV and other text, Excel's ~$ owner files.
 */
export function sniffBytes(bytes: Uint8Array, fileName = ''): void {
  if (bytes.length === 0) throw new PackageError('empty');
  if (isZip(bytes)) return;
  const base = fileName.replace(/^.*[\\/]/, '');
  if (base.startsWith('~$') || looksLikeOwnerFile(bytes)) throw new PackageError('owner-file');
  if (isCfb(bytes)) {
    const names = cfbNames(bytes);
    if (names.has('encryptioninfo') || names.has('encryptedpackage')) throw new PackageError('encrypted');
    if (names.has('workbook') || names.has('book')) throw new PackageError('xls');
    throw new PackageError('cfb-other');
  }
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '');
  const lower = head.toLowerCase();
  if (lower.includes('urn:schemas-microsoft-com:office:spreadsheet')) throw new PackageError('spreadsheet-2003');
  if (/^\s*(<!doctype html|<html|<table)|mime-version:/i.test(head) || lower.includes('<html')) throw new PackageError('html');
  if (looksLikeText(bytes.subarray(0, 4096))) throw new PackageError('csv');
  // A file that starts like a zip entry but was cut before its directory is dealt with by readZip.
  throw new PackageError('not-workbook');
}

/** After the zip's directory is read: the zips that are not OOXML workbooks. */
export function sniffPackage(pkg: Package): void {
  if (pkg.has('mimetype') && pkg.entry('mimetype')!.method === 0) {
    const mime = new TextDecoder().decode(pkg.entry('mimetype')!.data).trim();
    if (mime.includes('opendocument.spreadsheet')) throw new PackageError('ods');
    throw new PackageError('not-workbook', /opendocument\.text/.test(mime) ? 'OpenDocument' : undefined, mime);
  }
  if (pkg.has('xl/workbook.bin')) throw new PackageError('xlsb');
  if (!pkg.has('[Content_Types].xml')) throw new PackageError('no-workbook-part');
}

function isCfb(b: Uint8Array): boolean {
  const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return b.length >= 512 && sig.every((x, i) => b[i] === x);
}

/**
 * Stream names of an OLE compound file (lower-cased): the directory is walked through the FAT;
 * if the structure is damaged, the names are looked for as UTF-16 text instead.
 */
export function cfbNames(b: Uint8Array): Set<string> {
  const names = new Set<string>();
  try {
    const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
    const sectorSize = 1 << dv.getUint16(0x1e, true);
    if (sectorSize !== 512 && sectorSize !== 4096) throw new Error('sector size');
    const at = (s: number) => (s + 1) * sectorSize;
    const fatSectors: number[] = [];
    for (let i = 0; i < 109; i++) {
      const s = dv.getUint32(0x4c + i * 4, true);
      if (s < 0xfffffffa) fatSectors.push(s);
    }
    let difat = dv.getUint32(0x44, true);
    for (let guard = 0; difat < 0xfffffffa && guard < 1000; guard++) {
      const per = sectorSize / 4 - 1;
      for (let i = 0; i < per; i++) {
        const s = dv.getUint32(at(difat) + i * 4, true);
        if (s < 0xfffffffa) fatSectors.push(s);
      }
      difat = dv.getUint32(at(difat) + per * 4, true);
    }
    const next = (s: number) => {
      const per = sectorSize / 4;
      const fs = fatSectors[Math.floor(s / per)];
      return fs === undefined ? 0xfffffffe : dv.getUint32(at(fs) + (s % per) * 4, true);
    };
    let s = dv.getUint32(0x30, true);
    for (let guard = 0; s < 0xfffffffa && guard < 10000 && at(s) + sectorSize <= b.length; guard++) {
      for (let e = 0; e < sectorSize / 128; e++) {
        const off = at(s) + e * 128;
        const len = dv.getUint16(off + 0x40, true);
        if (len < 2 || len > 64) continue;
        let name = '';
        for (let i = 0; i < len / 2 - 1; i++) name += String.fromCharCode(dv.getUint16(off + i * 2, true));
        names.add(name.toLowerCase());
      }
      s = next(s);
    }
  } catch {
    // fall through to the text search below
  }
  if (names.size === 0) {
    for (const n of ['EncryptionInfo', 'EncryptedPackage', 'Workbook', 'Book']) if (hasUtf16(b, n)) names.add(n.toLowerCase());
  }
  return names;
}

function hasUtf16(b: Uint8Array, s: string): boolean {
  const pat = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) pat[i * 2] = s.charCodeAt(i);
  outer: for (let i = 0; i + pat.length <= b.length; i++) {
    for (let j = 0; j < pat.length; j++) if (b[i + j] !== pat[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Excel's owner file (~$Book.xlsx): 162 or 165 bytes, a length byte, the user's name in the ANSI
 * code page padded with spaces to 54 bytes, then the name again in UTF-16.
 */
function looksLikeOwnerFile(b: Uint8Array): boolean {
  if (b.length !== 162 && b.length !== 165) return false;
  const n = b[0];
  if (n < 1 || n > 53) return false;
  for (let i = 1 + n; i < 54; i++) if (b[i] !== 0x20) return false;
  return true;
}

function looksLikeText(b: Uint8Array): boolean {
  if (b.length === 0) return false;
  let control = 0;
  for (const x of b) {
    if (x === 0) return false;
    if (x < 0x09 || (x > 0x0d && x < 0x20)) control++;
  }
  return control / b.length < 0.01;
}
