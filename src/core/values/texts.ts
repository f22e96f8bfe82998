import { normalizeWidth } from './normalize';
import { parseValue } from './parse-value';

/**
 * Text that reports nothing: a dash, 「なし」, 「同上」, 「未記入」. A status or an outlook that says
 * only this has not been written yet, whatever the cell looks like.
 */
export function saysNothing(text: string): boolean {
  const v = parseValue(text);
  if (v.kind === 'blank' || v.kind === 'na') return true;
  const s = normalizeWidth(text).replace(/\s+/g, '');
  return /^[-‐ー―—–・.。]+$/.test(s) || /^(なし|無し|特になし|特に無し|該当なし|未記入|記入なし|同上|〃|省略|未定|なし。)$/.test(s);
}
