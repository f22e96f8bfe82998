import type { XmlElement } from '../package/xml';
import { escapeAttr } from '../package/xml';

/** A replacement of text [start, end) of a part; a zero-length edit inserts. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * Applies non-overlapping edits in one left-to-right pass; everything between them is kept as it
 * was, character for character. Inserts at a position come before a replacement starting there.
 */
export function splice(src: string, edits: Edit[]): string {
  if (edits.length === 0) return src;
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new Error(`overlapping edits at ${e.start}`);
    out += src.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + src.slice(at);
}

/**
 * The start tag of `el` rewritten with some attributes set (or removed with undefined), keeping
 * the others, their order and the producer's prefix; new attributes go last.
 */
export function startTag(el: XmlElement, set: Record<string, string | undefined>, selfClosing = el.selfClosing): string {
  const parts: string[] = [];
  const done = new Set<string>();
  for (let i = 0; i < el.attrs.length; i += 2) {
    const name = el.attrs[i];
    if (name in set) {
      done.add(name);
      const v = set[name];
      if (v !== undefined) parts.push(`${name}="${escapeAttr(v)}"`);
    } else {
      parts.push(`${name}="${escapeAttr(el.attrs[i + 1])}"`);
    }
  }
  for (const [k, v] of Object.entries(set)) if (!done.has(k) && v !== undefined) parts.push(`${k}="${escapeAttr(v)}"`);
  return `<${el.qname}${parts.length ? ' ' + parts.join(' ') : ''}${selfClosing ? '/>' : '>'}`;
}

/** The prefix to write child elements with, e.g. 'x:' when the producer wrote `<x:row>`. */
export function qualified(prefix: string, local: string): string {
  return prefix ? `${prefix}:${local}` : local;
}
