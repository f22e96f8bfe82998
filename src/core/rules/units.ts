import { convertUnit, normalizeWidth, unitsComparable } from '../values';

/**
 * Unit agreement as validation and evaluation need it, on top of the value parser's unit algebra:
 * per-year marks (/年, 年間, 年2回's 年) only say how a value is counted, so they are set aside.
 */
const PER_YEAR = /(\/年|毎年|年間|\/年度)$/;

function counted(unit: string): string {
  return normalizeWidth(unit).replace(/\s+/g, '').replace(PER_YEAR, '').replace(/^年/, '');
}

/** Whether a unit typed inside a value (`5回`, `30億円`) agrees with the 単位 column (億円 ~ 千円 ~ 円). */
export function unitsAgree(inValue: string, column: string): boolean {
  const a = counted(inValue);
  const b = counted(column);
  return a === '' || b === '' || unitsComparable(a, b);
}

/**
 * A typed number in the scale of the 単位 column, so `19.1億円`, `19.1` and `1,910,000千円` all
 * compare as 19.1 under 単位 億円. A value without a unit, or in another unit, is taken as typed.
 */
export function inColumnScale(value: number, valueUnit: string | undefined, columnUnit: string | undefined): number {
  if (!valueUnit || !columnUnit || !unitsAgree(valueUnit, columnUnit)) return value;
  return convertUnit(value, counted(valueUnit), counted(columnUnit)) ?? value;
}
