import type { Io } from './io';

/** Printed text is handed on in pieces of about this many characters. */
const PIECE = 1 << 16;

/**
 * Prints `JSON.stringify(value, null, 2)` without ever holding all of it: at 21,300 items the
 * summary's JSON (every figure with its sources) is some 47 MB of text, which as one string and
 * then one buffer was most of the command's peak memory. The text printed is the same, character
 * for character (test/cli/json-out.test.ts).
 */
export function printJson(io: Pick<Io, 'out'>, value: unknown): void {
  let pieces: string[] = [];
  let size = 0;
  const put = (s: string) => {
    pieces.push(s);
    size += s.length;
    if (size < PIECE) return;
    const text = pieces.join('');
    // io.out ends each piece with a newline: cut at the last one.
    const cut = text.lastIndexOf('\n');
    if (cut <= 0) {
      pieces = [text];
      return;
    }
    io.out(text.slice(0, cut));
    pieces = [text.slice(cut + 1)];
    size = pieces[0].length;
  };
  write(value, '', put);
  io.out(pieces.join(''));
}

/**
 * Objects are walked key by key and arrays element by element; each element is stringified whole
 * (a row with its sources: small next to the whole, and one call instead of one per field).
 */
function write(value: unknown, indent: string, put: (s: string) => void): void {
  const v = toJsonValue(value);
  if (v === null || typeof v !== 'object') {
    put(JSON.stringify(v) ?? 'null');
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) return put('[]');
    put('[');
    v.forEach((x, i) => {
      // JSON.stringify gives undefined for what JSON has no value for; in an array that is null.
      const json = JSON.stringify(toJsonValue(x), null, 2) ?? 'null';
      put(`${i ? ',' : ''}\n${inner}${indented(json, inner)}`);
    });
    put(`\n${indent}]`);
    return;
  }
  // Keys whose value JSON cannot hold (undefined, functions, symbols) are left out, as JSON.stringify does.
  const entries = Object.entries(v)
    .map(([k, x]) => [k, toJsonValue(x)] as const)
    .filter(([, x]) => x !== undefined && typeof x !== 'function' && typeof x !== 'symbol');
  if (entries.length === 0) return put('{}');
  put('{');
  entries.forEach(([k, x], i) => {
    put(`${i ? ',' : ''}\n${inner}${JSON.stringify(k)}: `);
    write(x, inner, put);
  });
  put(`\n${indent}}`);
}

function toJsonValue(v: unknown): unknown {
  return v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function' ? (v as { toJSON(): unknown }).toJSON() : v;
}

function indented(text: string, indent: string): string {
  return text.includes('\n') ? text.replace(/\n/g, `\n${indent}`) : text;
}
