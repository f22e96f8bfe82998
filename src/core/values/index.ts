/**
 * Value normalisation (DOMAIN §4): the only place that decides what a typed cell means.
 * Readers call these; nothing else parses numbers, ratings or fiscal years. docs/values.md has the
 * table of forms.
 */
export { parseValue, decimalsOfNumber, STATES } from './parse-value';
export { parseRating, symbolOfLabel, labelOfSymbol } from './rating';
export { SCALES, DEFAULT_SCALE, scaleById, readRating, inferScale, rankOf, NOT_RATED_MARKS } from './scales';
export type { Scale, ScaleSymbol, Grade, ScaleGuess } from './scales';
export { readDepartments, splitDepartments } from './departments';
export { saysNothing } from './texts';
export { parseFiscalYear, fiscalYearLabel } from './fiscal-year';
export { parseNumbering, parseCircled, parseRoman, circled } from './numbering';
export type { Numbering } from './numbering';
export { normalizeWidth, NA_DASHES, BLANK_MARKS } from './normalize';
export { unitKey, splitScale, unitsComparable, convertUnit, valueIn, parseUnit } from './units';
export type { ScaledUnit, UnitCell } from './units';
export type { ParsedValue, NumberValue, Rating } from './types';
