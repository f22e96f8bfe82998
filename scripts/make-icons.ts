import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

/**
 * Writes the ribbon/manifest icons (16, 32, 64, 80 px) as plain PNGs with node:zlib only: a teal
 * square with a white rising bar chart, readable at 16 px. Run: npx tsx scripts/make-icons.ts
 */
const SIZES = [16, 32, 64, 80];
const BG = [0x0f, 0x6c, 0xbd];
const FG = [0xff, 0xff, 0xff];

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

export function iconPng(size: number): Buffer {
  const rows: Buffer[] = [];
  const pad = Math.max(1, Math.round(size * 0.18));
  const bars = 3;
  const gap = Math.max(1, Math.round(size * 0.06));
  const barW = Math.floor((size - 2 * pad - (bars - 1) * gap) / bars);
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      let on = false;
      for (let b = 0; b < bars; b++) {
        const x0 = pad + b * (barW + gap);
        const h = Math.round((size - 2 * pad) * (0.4 + 0.3 * b));
        if (x >= x0 && x < x0 + barW && y >= size - pad - h && y < size - pad) on = true;
      }
      const px = on ? FG : BG;
      px.forEach((v, i) => (row[1 + x * 3 + i] = v));
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (require.main === module) {
  const dir = path.join(__dirname, '..', 'assets', 'icons');
  fs.mkdirSync(dir, { recursive: true });
  for (const s of SIZES) {
    const f = path.join(dir, `icon-${s}.png`);
    fs.writeFileSync(f, iconPng(s));
    console.log(path.relative(process.cwd(), f));
  }
}
