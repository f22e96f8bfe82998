import type { CellRef, CellValue } from '../grid/types';
import { DEFAULT_SCALE, readRating, type Scale } from './scales';
import type { Rating } from './types';

/**
 * A rating cell on a scale (A–D unless the plan says otherwise): `A`, `Ａ`, `b`,
 * `B 概ね計画どおり`, `B:…`, `B（…）`, `C 計画より進捗が遅れている`, a label alone, or a
 * not-rated mark (`－`, 評価対象外). Undefined for blank cells and for anything that is not on the
 * scale (`E` on A–D, `良`): the validator reports those (VLD003).
 */
export function parseRating(raw: CellValue | undefined, cell?: CellRef, scale: Scale = DEFAULT_SCALE): Rating | undefined {
  if (raw === null || raw === undefined || typeof raw === 'boolean') return undefined;
  const text = typeof raw === 'number' ? String(raw) : raw;
  const r = readRating(text, scale);
  if (!r) return undefined;
  return {
    raw: text,
    ...(cell ? { cell } : {}),
    symbol: r.symbol,
    ...(r.label !== undefined ? { label: r.label } : {}),
    ...(r.labelSymbol !== undefined ? { labelSymbol: r.labelSymbol } : {}),
    ...(r.notRated ? { notRated: true } : {}),
  };
}

/** The symbol a label stands for on a scale, if it is one of its wordings (spaces ignored). */
export function symbolOfLabel(label: string, scale: Scale = DEFAULT_SCALE): string | undefined {
  const r = readRating(label, scale);
  return r && !r.notRated && r.labelSymbol !== undefined ? r.labelSymbol : undefined;
}

/** The label a scale prints with a symbol (A → 計画を上回る). */
export function labelOfSymbol(symbol: string, scale: Scale = DEFAULT_SCALE): { ja: string; en: string } | undefined {
  return scale.symbols.find((s) => s.symbol === symbol)?.label;
}
