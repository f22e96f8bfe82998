import { adviceFor, ERROR_ADVICE, errorCode, ExcelHostError, toHostError } from '../../src/adapters/excel/errors';
import { StandInError } from '../../src/standin';

const CODES = [
  'InvalidArgument', 'ItemNotFound', 'AccessDenied', 'GeneralException', 'InsertDeleteConflict', 'InvalidOperation',
  'ItemAlreadyExists', 'ApiNotFound', 'NotImplemented', 'RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded',
  'ActivityLimitReached', 'Unauthenticated', 'InvalidOperationInCellEditMode', 'EditModeCellEditing', 'Conflict',
  'FilteredRangeConflict', 'MergedRangeConflict', 'InvalidReference', 'RangeExceedsLimit', 'OperationCellsExceedLimit',
  'InactiveWorkbook', 'UnsupportedSheet', 'UndoNotSupported', 'ServiceNotAvailable', 'RequestAborted', 'PropertyNotLoaded',
];
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('Office error codes → bilingual advice', () => {
  test.each(CODES)('%s has its own Japanese and English advice', (code) => {
    const a = adviceFor(code);
    expect(a).toBe(ERROR_ADVICE[code]);
    expect(a.ja).toMatch(JAPANESE);
    expect(a.en).toMatch(/^[\x20-\x7e’›]+$/);
    expect(a.ja.length).toBeGreaterThan(10);
  });

  test('advice differs between codes (no copy-paste fallback)', () => {
    const groups = new Map<string, string[]>();
    for (const c of CODES) groups.set(ERROR_ADVICE[c].ja, [...(groups.get(ERROR_ADVICE[c].ja) ?? []), c]);
    const shared = [...groups.values()].filter((g) => g.length > 1);
    // Only the two names Office uses for the same cell-edit state share a message.
    expect(shared).toEqual([['InvalidOperationInCellEditMode', 'EditModeCellEditing']]);
  });

  test('unknown codes get a generic message, not undefined', () => {
    expect(adviceFor('SomethingNew').ja).toMatch(JAPANESE);
    expect(adviceFor(undefined).en).toContain('failed');
  });

  test('toHostError keeps the code and where it happened; passes ExcelHostError through', () => {
    const e = toHostError(new StandInError('AccessDenied', 'locked', 'Range.values'));
    expect(e).toBeInstanceOf(ExcelHostError);
    expect(e).toMatchObject({ code: 'AccessDenied', ja: ERROR_ADVICE.AccessDenied.ja, detail: { officeMessage: 'locked', location: 'Range.values' } });
    expect(toHostError(e)).toBe(e);
    expect(errorCode({ debugInfo: { code: 'Conflict' } })).toBe('Conflict');
    expect(toHostError(new TypeError('x')).code).toBe('Unknown');
  });
});
