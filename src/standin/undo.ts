/**
 * Which APIs cannot join an undo group (`Excel.run({ mergeUndoGroup: true })`, ExcelApi 1.20), from
 * Microsoft's table "Unsupported APIs" in docs/excel/excel-add-ins-undo-capabilities.md
 * (office-js-docs-pr 096a3ee, ms.date 2025-09-09). Inside a group such an API throws UndoNotSupported.
 * Only the rows for APIs the stand-in implements matter at run time; the others are kept so the
 * table can be compared with the page line by line.
 */
export type Platform = 'web' | 'windows' | 'mac';

/** API → [supported on the web, supported on Windows and Mac]. */
export const UNDO_UNSUPPORTED: Record<string, readonly [boolean, boolean]> = {
  'AllowEditRange.address': [false, false],
  'AllowEditRange.delete': [false, false],
  'AllowEditRange.pauseProtection': [false, false],
  'AllowEditRange.setPassword': [false, false],
  'AllowEditRange.title': [false, false],
  'AllowEditRangeCollection.add': [false, false],
  'AllowEditRangeCollection.pauseProtection': [false, false],
  'Chart.categoryLabelLevel': [false, false],
  'Chart.seriesNameLevel': [false, false],
  'LinkedWorkbook.refresh': [false, false],
  'Style.numberFormat': [false, true],
  'Style.numberFormatLocal': [false, true],
  'Workbook.close': [false, false],
  'Workbook.insertWorksheetsFromBase64': [false, false],
  'Workbook.save': [false, false],
  'Worksheet.copy': [false, false],
  'Worksheet.delete': [false, false],
  'Worksheet.name': [true, false],
  'Worksheet.standardWidth': [false, true],
  'Worksheet.position': [true, false],
  'Worksheet.visibility': [true, false],
  'WorksheetCollection.addFromBase64': [false, false],
  'WorksheetProtection.pauseProtection': [false, false],
  'WorksheetProtection.protect': [false, false],
  'WorksheetProtection.resumeProtection': [false, false],
  'WorksheetProtection.setPassword': [false, false],
  'WorksheetProtection.unprotect': [false, false],
  'WorksheetProtection.updateOptions': [false, false],
};

export function undoSupported(api: string, platform: Platform): boolean {
  const row = UNDO_UNSUPPORTED[api];
  if (!row) return true;
  return platform === 'web' ? row[0] : row[1];
}
