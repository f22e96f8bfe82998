/**
 * Value normalisation (DOMAIN §4): the only place that decides what a typed cell means.
 * Readers call these; nothing else parses numbers, ratings or fiscal years.
 */
export { parseValue } from './parse-value';
export { parseRating } from './rating';
export { parseFiscalYear, fiscalYearLabel } from './fiscal-year';
export { parseNumbering, parseCircled, parseRoman } from './numbering';
export { normalizeWidth } from './normalize';
export type { ParsedValue, NumberValue, Rating, RatingLetter } from './types';
