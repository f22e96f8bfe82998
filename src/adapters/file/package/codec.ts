/**
 * Deflate as the package layer needs it, injected so the layer has no node-only import: node passes
 * zlib (node-codec.ts), browsers and other hosts use the standard compression streams.
 */
export interface Codec {
  /**
   * Inflates a raw deflate stream, handing each piece to `onChunk` as it comes, so nothing needs the
   * whole part in memory. If `onChunk` throws, inflating stops and the error propagates.
   */
  inflate(data: Uint8Array, onChunk: (chunk: Uint8Array) => void): Promise<void>;
  deflate(data: Uint8Array): Promise<Uint8Array>;
}

/** Compression streams (browsers, Deno, Node ≥ 20): the default where zlib is not at hand. */
export const webCodec: Codec = {
  async inflate(data, onChunk) {
    const ds = new DecompressionStream('deflate-raw');
    const writer = ds.writable.getWriter();
    const reader = ds.readable.getReader();
    // Errors from a truncated stream surface on read; the write promise must not be left unhandled.
    writer.write(data as Uint8Array<ArrayBuffer>).catch(() => undefined);
    writer.close().catch(() => undefined);
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        onChunk(value);
      }
    } catch (e) {
      await reader.cancel().catch(() => undefined);
      throw e;
    }
  },
  async deflate(data) {
    const cs = new CompressionStream('deflate-raw');
    const writer = cs.writable.getWriter();
    writer.write(data as Uint8Array<ArrayBuffer>).catch(() => undefined);
    writer.close().catch(() => undefined);
    const parts: Uint8Array[] = [];
    const reader = cs.readable.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
    }
    return concat(parts);
  },
};

export function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
