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
