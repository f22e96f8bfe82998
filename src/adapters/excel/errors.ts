/**
 * Office error codes → what the user should do, in Japanese first and English. Office's own
 * `message` is localized but not meant for end users, so the code decides and the message is ours.
 */
export interface ErrorAdvice {
  ja: string;
  en: string;
  /** Worth one automatic retry (transient host state). */
  transient?: boolean;
}

export const ERROR_ADVICE: Record<string, ErrorAdvice> = {
  InvalidArgument: {
    ja: '引数が正しくありません。シート名やセル番地が変わっていないか確認し、もう一度「読み込み」からやり直してください。',
    en: 'An argument was not valid. Check that sheet names and cell addresses have not changed, then start again from Read.',
  },
  InvalidReference: {
    ja: '参照先のセル範囲が無効です。シートの行や列が削除・移動されていないか確認し、読み込み直してください。',
    en: 'The referenced range is not valid. Check that rows or columns were not deleted or moved, then read again.',
  },
  ItemNotFound: {
    ja: '対象のシートまたは範囲が見つかりません。別の人がシート名を変更・削除した可能性があります。読み込み直してください。',
    en: 'The sheet or range was not found; someone may have renamed or deleted it. Read the workbook again.',
  },
  ItemAlreadyExists: {
    ja: '同じ名前のシートが既にあります。そのシートの名前を変えるか削除してから、もう一度実行してください。',
    en: 'A sheet with that name already exists. Rename or delete it, then try again.',
  },
  AccessDenied: {
    ja: 'シートが保護されているか、このブックを編集する権限がありません。[校閲]→[シート保護の解除]を行うか、所管の担当者に編集権限を確認してください。',
    en: 'The sheet is protected or you lack permission to edit this workbook. Unprotect the sheet (Review › Unprotect Sheet) or ask for edit rights.',
  },
  GeneralException: {
    ja: 'Excel で予期しないエラーが発生しました。ブックを保存し、作業ウィンドウを閉じて開き直してから、もう一度お試しください。',
    en: 'Excel reported an unexpected error. Save the workbook, reopen the task pane and try again.',
    transient: true,
  },
  InsertDeleteConflict: {
    ja: '行や列の挿入・削除が他の範囲(表や結合セル)とぶつかりました。結合セルや表の位置を確認してください。',
    en: 'Inserting or deleting cells conflicts with a table or merged cells nearby. Check the merged cells and tables around it.',
  },
  InvalidOperation: {
    ja: 'この操作は現在の状態では実行できません。セルの編集中であれば Enter で確定してから、もう一度実行してください。',
    en: 'The operation is not possible right now. If you are editing a cell, press Enter to finish, then try again.',
  },
  InvalidOperationInCellEditMode: {
    ja: 'セルを編集中のため実行できません。Enter または Esc でセルの編集を終えてから、もう一度実行してください。',
    en: 'A cell is being edited. Press Enter or Esc to finish editing, then try again.',
    transient: true,
  },
  EditModeCellEditing: {
    ja: 'セルを編集中のため実行できません。Enter または Esc でセルの編集を終えてから、もう一度実行してください。',
    en: 'A cell is being edited. Press Enter or Esc to finish editing, then try again.',
    transient: true,
  },
  ApiNotFound: {
    ja: 'お使いの Excel ではこの機能が使えません。Microsoft 365 の Excel を最新版に更新するか、Excel on the web をお使いください。',
    en: 'This Excel version does not support the feature. Update Microsoft 365 Excel or use Excel on the web.',
  },
  NotImplemented: {
    ja: 'お使いの Excel ではこの機能が実装されていません。Microsoft 365 の Excel を最新版に更新するか、Excel on the web をお使いください。',
    en: 'This Excel version does not implement the feature. Update Microsoft 365 Excel or use Excel on the web.',
  },
  UnsupportedOperation: {
    ja: 'この操作はサポートされていません。Excel を最新版に更新するか、別の方法をお試しください。',
    en: 'The operation is not supported. Update Excel or try another way.',
  },
  RequestPayloadSizeLimitExceeded: {
    ja: '一度に書き込むデータが多すぎます(Excel on the web の 5MB 制限)。対象のシートを絞るか、Excel デスクトップ版でお試しください。',
    en: 'Too much data to write at once (the 5 MB limit of Excel on the web). Select fewer sheets or use Excel desktop.',
  },
  ResponsePayloadSizeLimitExceeded: {
    ja: '一度に読み込むデータが多すぎます(Excel on the web の 5MB 制限)。不要なシートを除外するか、Excel デスクトップ版でお試しください。',
    en: 'Too much data to read at once (the 5 MB limit of Excel on the web). Exclude unneeded sheets or use Excel desktop.',
  },
  RangeExceedsLimit: {
    ja: '範囲のセル数が Excel の上限を超えています。シートの末尾に不要な書式や値が残っていないか確認してください。',
    en: 'The range has more cells than Excel allows. Check for stray values or formatting far below or right of the table.',
  },
  OperationCellsExceedLimit: {
    ja: '一度に処理するセル数が Excel on the web の上限を超えました。シートの末尾に不要な書式や値が残っていないか確認してください。',
    en: 'The operation touches more cells than Excel on the web allows. Check for stray values or formatting far from the table.',
  },
  ActivityLimitReached: {
    ja: 'Excel の処理回数の上限に達しました。少し待ってから、もう一度実行してください。',
    en: 'Excel’s activity limit was reached. Wait a moment, then try again.',
    transient: true,
  },
  Unauthenticated: {
    ja: '認証情報が確認できません。Microsoft 365 にサインインし直してから、もう一度実行してください。',
    en: 'You are not signed in. Sign in to Microsoft 365 again and retry.',
  },
  Conflict: {
    ja: '他の人の編集と競合しました。画面上部の更新表示があれば更新し、読み込み直してから実行してください。',
    en: 'Your change conflicted with another person’s edit. Refresh if Excel asks you to, read again, then retry.',
    transient: true,
  },
  FilteredRangeConflict: {
    ja: 'フィルターが掛かった範囲には書き込めません。[データ]→[クリア]でフィルターを解除してから実行してください。',
    en: 'Cannot write into a filtered range. Clear the filter (Data › Clear), then try again.',
  },
  MergedRangeConflict: {
    ja: '結合セルと重なるため実行できません。書き込み先の結合セルを確認してください。',
    en: 'The operation overlaps merged cells. Check the merged cells at the target.',
  },
  InactiveWorkbook: {
    ja: '別のブックが前面にあるため実行できません。このブックをクリックして前面に出してから、もう一度実行してください。',
    en: 'Another workbook is active. Click this workbook to bring it to the front, then try again.',
    transient: true,
  },
  InvalidSelection: {
    ja: '選択範囲が無効です。シート上のセルを 1 つ選択してから、もう一度実行してください。',
    en: 'The selection is not valid. Select a single cell on the sheet and try again.',
  },
  InvalidBinding: {
    ja: 'ブック内の連携情報が無効です。読み込み直してください。',
    en: 'A binding in the workbook is no longer valid. Read the workbook again.',
  },
  ServiceNotAvailable: {
    ja: 'Excel のサービスが一時的に利用できません。少し待ってから、もう一度実行してください。',
    en: 'The Excel service is temporarily unavailable. Wait a moment and try again.',
    transient: true,
  },
  RequestAborted: {
    ja: '処理が中断されました。もう一度実行してください。',
    en: 'The request was aborted. Try again.',
    transient: true,
  },
  Timeout: {
    ja: '処理が時間内に終わりませんでした。対象のシートを絞るか、少し待ってからもう一度実行してください。',
    en: 'The operation timed out. Select fewer sheets or try again later.',
    transient: true,
  },
  UndoNotSupported: {
    ja: 'Excel が「元に戻す」の 1 回分にまとめられない処理があったため、止まりました。このあと同じ操作をすると、まとめずに(「元に戻す」を何回かに分けて)実行します。',
    en: 'Excel could not put one step into a single undo group, so the operation stopped. Run it again: it will then run without grouping (Undo takes several steps).',
  },
  UnsupportedFeature: {
    ja: '取り込むファイルのシートにグラフ・ピボットテーブル・スライサー、またはセルのメモ・コメント(行革進捗アシスタントが評価の候補に付けたメモも含みます)があるため、Excel on the web ではシートとして挿入できません。集計は挿入せずに行えます(「シートをこのブックに取り込む」を外してください)。シートも必要なら、そのファイルを Excel デスクトップ版で取り込むか、メモやグラフのあるシートを外したファイルを選んでください。',
    en: 'A sheet of the file has a chart, PivotTable or slicer, or cell notes or comments (the notes 行革進捗アシスタント puts on suggested ratings count too), which Excel on the web cannot insert. The summary works without inserting (turn off “Insert their sheets into this workbook”). To insert the sheets, use Excel desktop or a copy of the file without those sheets.',
  },
  MemoryLimitReached: {
    ja: 'Excel のメモリーの上限に達しました。ほかのブックを閉じるか、対象のシートを絞ってから、もう一度実行してください。',
    en: 'Excel ran out of memory for this request. Close other workbooks or select fewer sheets, then try again.',
  },
  InvalidRequest: {
    ja: 'Excel がこの要求を受け付けませんでした。作業ウィンドウを開き直し、読み込み直してから実行してください。',
    en: 'Excel did not accept the request. Reopen the task pane, read the workbook again, then retry.',
  },
  UnsupportedSheet: {
    ja: 'グラフシートやマクロシートには書き込めません。通常のワークシートを選んでください。',
    en: 'Chart sheets and macro sheets cannot be written to. Choose a normal worksheet.',
  },
  FormulaLengthExceedsLimit: {
    ja: '数式が長すぎます。',
    en: 'The formula is too long.',
  },
  PropertyNotLoaded: {
    ja: 'アドインの内部エラーです(読み込み前の値を参照しました)。作業ウィンドウを開き直してください。解決しない場合は管理者に連絡してください。',
    en: 'Internal add-in error (a value was used before it was loaded). Reopen the task pane; contact the administrator if it persists.',
  },
  WorkbookLocked: {
    ja: 'ブックがロックされているため編集できません。読み取り専用で開いていないか確認してください。',
    en: 'The workbook is locked for editing. Check that it is not open read-only.',
  },
};

const UNKNOWN: ErrorAdvice = {
  ja: 'Excel の操作に失敗しました。作業ウィンドウを開き直して、もう一度お試しください。',
  en: 'The Excel operation failed. Reopen the task pane and try again.',
};

/** Error thrown by the adapter: bilingual, with Office's code and where it happened for logs. */
export class ExcelHostError extends Error {
  constructor(
    readonly code: string,
    readonly ja: string,
    readonly en: string,
    readonly detail?: {
      officeMessage?: string;
      location?: string;
      /** After a write that stopped part-way: the cells that hold the new values. */
      written?: { sheet: string; address: string }[];
      /** … and those that could not be checked. */
      unknown?: { sheet: string; address: string }[];
    },
  ) {
    super(en);
    this.name = 'ExcelHostError';
  }
}

/** Office's code, for OfficeExtension.Error, the stand-in's error or anything with a `code`. */
export function errorCode(e: unknown): string | undefined {
  if (e && typeof e === 'object') {
    const o = e as { code?: unknown; debugInfo?: { code?: unknown } };
    if (typeof o.code === 'string') return o.code;
    if (typeof o.debugInfo?.code === 'string') return o.debugInfo.code;
  }
  return undefined;
}

export function adviceFor(code: string | undefined): ErrorAdvice {
  return (code && ERROR_ADVICE[code]) || UNKNOWN;
}

/** Wraps whatever Excel threw; an ExcelHostError passes through unchanged. */
export function toHostError(e: unknown): ExcelHostError {
  if (e instanceof ExcelHostError) return e;
  const code = errorCode(e) ?? 'Unknown';
  const a = adviceFor(code);
  const o = (e ?? {}) as { message?: string; debugInfo?: { errorLocation?: string } };
  return new ExcelHostError(code, a.ja, a.en, { officeMessage: o.message, location: o.debugInfo?.errorLocation });
}
