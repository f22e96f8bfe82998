import * as zlib from 'node:zlib';
import { PackageError } from '../errors';
import type { Codec } from './codec';

/** zlib for node (CLI, tests, bench): streaming inflate so a part never has to fit in memory. */
export const nodeCodec: Codec = {
  inflate(data, onChunk) {
    return new Promise<void>((resolve, reject) => {
      const z = zlib.createInflateRaw({ chunkSize: 128 * 1024 });
      let failed = false;
      z.on('data', (chunk: Buffer) => {
        if (failed) return;
        try {
          onChunk(chunk);
        } catch (e) {
          failed = true;
          z.destroy();
          reject(e);
        }
      });
      z.on('error', (e) => {
        if (failed) return;
        failed = true;
        reject(new PackageError('corrupt-zip', undefined, `deflate: ${(e as Error).message}`));
      });
      z.on('end', () => {
        if (!failed) resolve();
      });
      z.end(data);
    });
  },
  async deflate(data) {
    return zlib.deflateRawSync(data, { level: 6 });
  },
};
