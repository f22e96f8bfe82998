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
    if (size >= PIECE) {
      // io.out ends each piece with a newline: the piece ends at the first line end of what comes next.
      const cut = s.indexOf('\n');
      if (cut >= 0) {
        pieces.push(s.slice(0, cut));
        io.out(pieces.join(''));
        s = s.slice(cut + 1);
        pieces = [];
        size = 0;
      }
    }
    pieces.push(s);
    size += s.length;
  };
  write(value, 0, put);
  io.out(pieces.join(''));
}

/** A value of at most this many nodes is stringified in one call; a larger one is walked. */
const SMALL = 256;
/** Elements of a walked array are stringified in batches of at most this many nodes. */
const BATCH = 4096;

/**
 * Large objects and arrays are walked key by key and element by element, down to values small
 * enough to be stringified whole at their depth (one native call instead of one per field).
 */
function write(value: unknown, depth: number, put: (s: string) => void): void {
  const v = toJsonValue(value);
  if (v === null || typeof v !== 'object' || fits(v, { left: SMALL })) {
    put(stringifyAt(v, depth));
    return;
  }
  const indent = '  '.repeat(depth);
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    put('[');
    for (let i = 0; i < v.length; ) {
      put(`${i ? ',' : ''}\n${inner}`);
      // Small elements in a row are stringified together, as one array whose brackets are cut off:
      // one native call per batch instead of one per element (a summary has one per item).
      const budget = { left: BATCH };
      let end = i;
      while (end < v.length && fits(v[end], budget)) end++;
      if (end > i) {
        const text = stringifyAt(v.slice(i, end), depth);
        put(text.slice(2 + inner.length, text.length - (2 + indent.length)));
        i = end;
        continue;
      }
      // JSON.stringify gives undefined for what JSON has no value for; in an array that is null.
      const j = toJsonValue(v[i]);
      write(j === undefined || typeof j === 'function' || typeof j === 'symbol' ? null : j, depth + 1, put);
      i++;
    }
    put(`\n${indent}]`);
    return;
  }
  // Keys whose value JSON cannot hold (undefined, functions, symbols) are left out, as JSON.stringify does.
  const entries = Object.entries(v)
    .map(([k, x]) => [k, toJsonValue(x)] as const)
    .filter(([, x]) => x !== undefined && typeof x !== 'function' && typeof x !== 'symbol');
  put('{');
  entries.forEach(([k, x], i) => {
    put(`${i ? ',' : ''}\n${inner}${JSON.stringify(k)}: `);
    write(x, depth + 1, put);
  });
  put(`\n${indent}}`);
}

/** Whether a value has fewer nodes than `budget.left` (walks at most that many). */
function fits(v: unknown, budget: { left: number }): boolean {
  if (--budget.left < 0) return false;
  if (v === null || typeof v !== 'object') return true;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (!fits(v[i], budget)) return false;
    return true;
  }
  for (const k in v) if (Object.prototype.hasOwnProperty.call(v, k) && !fits((v as Record<string, unknown>)[k], budget)) return false;
  return true;
}

/**
 * `JSON.stringify(v, null, 2)` as it reads `depth` levels down: JSON.stringify indents a value by
 * how deep it sits, so the value is wrapped in `depth` arrays and their brackets' lines cut off
 * again, instead of indenting every line of the text afterwards.
 */
function stringifyAt(v: unknown, depth: number): string {
  let wrapped: unknown = v;
  for (let i = 0; i < depth; i++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2) ?? 'null';
  return depth === 0 ? text : text.slice(depth * depth + 3 * depth, text.length - (depth * depth + depth));
}

function toJsonValue(v: unknown): unknown {
  return v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function' ? (v as { toJSON(): unknown }).toJSON() : v;
}
