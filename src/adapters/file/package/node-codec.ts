import * as zlib from 'node:zlib';
import { PackageError } from '../errors';
import type { Codec } from './codec';

/** Parts up to this size inflate in one call (no thread-pool round trip per chunk). */
const SYNC_LIMIT = 64 * 1024 * 1024;
const CHUNK = 256 * 1024;

/**
 * zlib for node (CLI, tests, bench). A part inflates in one synchronous call while it stays under
 * 64 MB (what nearly every part is) and is handed on in pieces; a larger one — a real giant or a
 * zip bomb — is inflated as a stream, so it never has to fit in memory.
 */
export const nodeCodec: Codec = {
  inflate(data, onChunk) {
    let whole: Buffer | undefined;
    try {
      whole = zlib.inflateRawSync(data, { maxOutputLength: SYNC_LIMIT });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE') {
        return Promise.reject(new PackageError('corrupt-zip', undefined, `deflate: ${(e as Error).message}`));
      }
    }
    if (whole) {
      try {
        for (let o = 0; o < whole.length; o += CHUNK) onChunk(whole.subarray(o, o + CHUNK));
      } catch (e) {
        return Promise.reject(e);
      }
      return Promise.resolve();
    }
    return inflateStream(data, onChunk);
  },
  async deflate(data) {
    return zlib.deflateRawSync(data, { level: 6 });
  },
};

function inflateStream(data: Uint8Array, onChunk: (chunk: Uint8Array) => void): Promise<void> {
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
}
