/** Writes refused before anything is written: each carries the one line a person gets. */
export class ProtectedSheetError extends Error {
  readonly reason: { ja: string; en: string };
  constructor(readonly sheet: string) {
    super(`sheet "${sheet}" is protected`);
    this.reason = {
      ja: `シート「${sheet}」は保護されているため書き込めません。保護を解除してから実行してください。何も書き込んでいません。`,
      en: `Sheet "${sheet}" is protected; unprotect it and run again. Nothing was written.`,
    };
  }
}

export class StructureLockedError extends Error {
  readonly reason: { ja: string; en: string };
  constructor(readonly sheet: string) {
    super(`workbook structure is protected; cannot add sheet "${sheet}"`);
    this.reason = {
      ja: `ブックの構成が保護されているため、シート「${sheet}」を追加できません。「校閲」→「ブックの保護」を解除してから実行してください。何も書き込んでいません。`,
      en: `The workbook's structure is protected, so sheet "${sheet}" cannot be added. Unprotect the workbook (Review > Protect Workbook) and run again. Nothing was written.`,
    };
  }
}

/** The extension Excel expects for each kind of workbook package (by its main part's content type). */
const EXTENSION_OF: Record<string, string> = {
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml': '.xlsx',
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml': '.xlsm',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml': '.xltx',
  'application/vnd.ms-excel.template.macroEnabled.main+xml': '.xltm',
};

/** The extension a package of this main content type must be saved under (undefined: strict or unknown, any). */
export function extensionFor(contentType: string | undefined): string | undefined {
  return contentType === undefined ? undefined : EXTENSION_OF[contentType];
}

/**
 * Excel refuses a file whose extension does not match its package ("the file format or extension is
 * not valid"): a macro workbook saved as .xlsx cannot be opened, and one re-saved as .xlsx loses its macros.
 */
export class OutputKindError extends Error {
  readonly reason: { ja: string; en: string };
  constructor(
    readonly out: string,
    readonly wanted: string,
  ) {
    super(`a ${wanted} workbook cannot be saved as ${out}`);
    const macro = wanted === '.xlsm' || wanted === '.xltm';
    this.reason = macro
      ? {
          ja: `入力はマクロ有効ブックです。出力ファイル名も ${wanted} にしてください（${out} のままでは Excel で開けません）。何も書き込んでいません。`,
          en: `The input is a macro-enabled workbook: name the output ${wanted} too (as ${out} Excel cannot open it). Nothing was written.`,
        }
      : {
          ja: `出力ファイル名の拡張子は ${wanted} にしてください（入力と同じ種類のブックです。${out} のままでは Excel で開けません）。何も書き込んでいません。`,
          en: `Name the output ${wanted}, the input's kind of workbook (as ${out} Excel cannot open it). Nothing was written.`,
        };
  }
}
