import { normalizeWidth } from './normalize';
import type { ParsedValue } from './types';

/**
 * A typed value as staff would read it, for comparing two copies of the same cell: numbers by
 * value (with a cap or a bracketed total kept), blank and 「-」 alike, text without width or spacing
 * differences. Two values are the same when their keys are equal.
 */
export function valueKey(v: ParsedValue | undefined): string {
  if (!v) return '';
  switch (v.kind) {
    case 'blank':
    case 'na':
      return '';
    case 'number':
      return `n:${v.value}${v.cap ?? ''}${v.secondary !== undefined ? `(${v.secondary})` : ''}`;
    case 'text':
      return `t:${normalizeWidth(v.text).replace(/\s+/g, '')}`;
  }
}
