import { fillTemplate, type TemplateVars } from '../core/i18n/template';

/**
 * Every line the command line prints that is not a finding (findings come from the catalogue).
 * `{name}` is a value; `{n|# item|# items}` a count with its English noun. Japanese is the product's
 * language; English has exactly the same keys and placeholders (a unit test checks both, and scans
 * the Japanese for stray English words and both for nested brackets and wrong plurals).
 */
export const ja = {
  // Help
  helpUsage: '使い方: shinchoku <コマンド> [ブック…] [オプション]',
  helpCommands: 'コマンド:',
  helpOptions: 'オプション:',
  helpExit: '終了コード: 0 正常、1 提出前に直すことがある、2 使い方・入力・出力の誤り、3 内部エラー',
  helpMore: 'コマンドごとの説明: shinchoku <コマンド> --help',
  helpCommandUsage: '使い方: shinchoku {usage}',
  helpArgsOne: 'ブック.xlsx',
  helpArgsMany: 'ブック.xlsx…|フォルダー/',
  helpArgsOptional: '[ブック.xlsx]',
  cmdInspect: '読み込んだ計画（取組・指標・評価）とレイアウトの判定理由を表示します。',
  cmdValidate: '提出前のチェック。直すことがあれば終了コード 1 を返します。',
  cmdFill: '評価の候補と達成率を書き込んだ写しを作ります（入力済みのセルは変更しません）。',
  cmdSummary: '基本方針別の件数と効果額を集計します。複数のブックやフォルダーは、同じ取組を二重に数えずに統合します。',
  cmdColumns: '計画表に、その年度の進捗列（実績・評価・取組状況）を追加した写しを作ります。',
  cmdMapping: '見出しの対応表（JSON）を推定して表示します。--mapping で再利用できます。',
  cmdDemo: '同梱のサンプル（伊勢原市 取組項目一覧）で一連の処理を試します。',
  optOut: '出力するブック（fill・columns では必須。summary と validate --write-report でも使います）',
  optFy: '報告年度（令和8年度、R8、2026 など）',
  optBy: '分類で集計（例: 所管課）。2 つ指定するとクロス集計',
  optLayout: 'レイアウトを指定（{ids}）',
  optMapping: 'mapping で保存した見出しの対応表で読む',
  optJson: '機械で読める JSON で出力',
  optWide: '表を省略せずに表示（80 桁を超えることがあります）',
  optForce: '-o の出力先にあるファイルを置き換える（入力ファイルは決して上書きしません）',
  optIncludeSuggested: '評価の候補も件数に含める（既定は入力済みの評価のみ）',
  optSheetName: '集計シートの名前（既定は「行革集計」）',
  optCsv: '集計の機械判読用の表を UTF-8 の CSV で出力',
  optMaster: '計画の取組一覧と照合する。ブック、フォルダー、前に出力した集計ファイルのどれでも可',
  optCompare: '前年度のブック、フォルダー、集計ファイルと比べて、前年度と増減を加える',
  optPrefer: '同じ取組の値がファイルによって異なるとき、このファイルの値を使う（複数指定可）',
  optWriteReport: '検証結果シートを加えた写しを -o に出力する（元のブックは変更しません）',
  optLang: '表示言語（既定は日本語。SHINCHOKU_LANG=en でも英語）',
  optHelp: 'この説明を表示',
  optVersion: 'バージョンを表示',
  exampleTitle: '例:',

  // Usage errors
  usageUnknownCommand: '「{command}」というコマンドはありません。',
  usageDidYouMean: 'もしかして: {suggestion}',
  usageCommands: '使えるコマンド: {list}',
  usageUnknownOption: '「{option}」というオプションはありません。',
  usageOptionNotForCommand: '{command} では {option} は使えません。',
  usageNeedsValue: '{option} の後に値を指定してください（例: {example}）。',
  usageBadFy: '「{value}」は年度として読めません。令和8年度、R8、2026 のように指定してください。',
  usageBadLang: '--lang には ja か en を指定してください（指定値: {value}）。',
  usageUnknownLayout: '「{value}」というレイアウトはありません。使えるレイアウト: {list}',
  usageTooManyAxes: '--by に指定できる分類は 2 つまでです（指定値: {value}）。',
  usageNeedOneFile: '{command} にはブックを 1 つ指定してください。',
  usageNeedFiles: '{command} にはブックを 1 つ以上指定してください。',
  usageAtMostOneFile: '{command} に指定できるブックは 1 つまでです。',
  usageNeedOut: '{command} には出力先を -o で指定してください（例: -o {example}）。',
  usageNeedFy: '{command} には年度を --fy で指定してください（例: --fy R8）。',
  usageSeeHelp: '詳しい使い方: shinchoku {command} --help',
  usageUnknownAxis: '「{axis}」という分類はこのブックにありません。使える分類: {list}',
  usageReportNeedsOut: '--write-report には出力先を -o で指定してください（例: -o {example}）。元のブックは変更しません。',
  usageOutNeedsReport: 'validate で -o を使えるのは --write-report と一緒のときだけです。',
  usageCrossTabOnly: '--by に分類を 2 つ指定するクロス集計では {option} は使えません。',
  usagePreferUnknown: '--prefer の「{file}」は集計するファイルにありません。フォルダーの中のファイルは、フォルダーからの相対パスで指定してください（例: {example}）。',

  // Input and output
  inputMappingUnreadable: '見出しの対応表（JSON）を読み込めません: {detail}',
  inputMappingInvalid: '見出しの対応表の形式が正しくありません: {detail}',
  inputSampleMissing: '同梱のサンプルが見つかりません。npm run fixtures で作り直せます。',
  inputNotFound: 'ファイルもフォルダーも見つかりません。パスを確かめてください。',
  inputEmptyFolder: 'フォルダーにファイルがありません。',
  inputNoItems: '取組を読み取れませんでした。進捗管理表も、このツールが作った内訳シートもありません。',
  inputNothingToSum: '集計できるブックがありません。',
  summaryNonFinite: '「{group}」の効果額の合計が数値として扱えません。桁違いの入力がないか、validate の SUM001 の指摘で確かめてください。集計は出力せず、何も書き込んでいません。',
  outputFailed: '{file} に書き込めません: {detail}',
  internalError: '予期しないエラーで止まりました。お手数ですが、この表示とコマンドを添えて開発者に連絡してください: {detail}',

  // inspect
  inspectLayout: 'レイアウト: {label}（{id}）{forced} 確からしさ {score}、シート {sheets} 枚',
  inspectForced: '指定',
  inspectReason: '  - {sheet}: {reason}',
  inspectMoreSheets: '  - ほか {n} シート（--wide ですべて表示）',
  inspectUnclaimed: '読み込まなかったシート: {list}',
  inspectYear: '報告年度: {fy}',
  inspectYearUnknown: '不明',
  inspectItems: '取組: {n} 件',
  inspectItemsRepost: '取組: {rows} 行（うち【再掲】{reposts} 行は別の箇所と同じ取組のため、集計では 1 回だけ数えます。集計対象は {n} 件）',
  inspectTemplates: '記入例・ひな形のシート {n} 枚は取組に数えていません。',
  inspectColItems: '取組',
  inspectColReposts: 'うち再掲',
  inspectColIndicators: '指標',
  inspectChecks: '検証: エラー {error} 件 / 警告 {warning} 件 / 情報 {info} 件（詳しくは shinchoku validate）',

  // validate
  validateHead: '{file}（レイアウト: {layout}）',
  severityError: 'エラー',
  severityWarning: '警告',
  severityInfo: '情報',
  validateCounts: 'エラー {error} 件 / 警告 {warning} 件 / 情報 {info} 件',
  verdictReady: '判定: 提出できます。',
  verdictReadyWithWarnings: '判定: 提出できます。警告は確認のうえ、理由があればそのままで構いません。',
  verdictErrors: '判定: まだ提出できません。エラー {n} 件を直してください。',
  verdictPlan: '判定: 進捗報告としてはまだ提出できません。{sheets}の取組 {items} 件には評価を書く欄がありません（計画表のままです）。',
  verdictPlanHowTo: '年度の進捗列（実績・評価・取組状況）を追加してから入力してください: shinchoku columns {file} --fy R8 -o 出力.xlsx（作業ウィンドウでは「計算」タブの「進捗列を追加」）',
  verdictEmpty: '判定: 取組が見つからないため、チェックできません。',

  // fill
  fillDone: '{parts}を書き込みました（計 {cells} セル）。入力済みのセルは変更していません。',
  fillPartRatings: '評価の候補 {n} 件',
  fillPartRatios: '達成率 {n} 件',
  fillPartSubtotals: '小計 {n} 件',
  fillPartHeaders: '達成率の列の見出し',
  fillNothing: '書き込むものがありません。出力ファイルは作成していません。',
  fillNothingPlan: '{sheets}には評価を書く欄がなく、達成率も計算できません。先に年度の進捗列を追加してください: shinchoku columns {file} --fy R8 -o 出力.xlsx',
  fillConflicts: '読み込んだ後に内容が変わっていたか結合セルの内側だったため、{n} セルは書き込みませんでした。',
  fillFormulaCells: '数式が入っているため、{n} セルには書き込みませんでした（数式は職員のものとして残します）: {cells}',
  fillSuggestedTitle: '評価の候補を書き込んだ取組 {n} 件（所管課で確認し、必要なら書き換えてください）:',
  fillNotesAdded: '候補を書き込んだセルのうち {n} 個に、候補であることを示すメモを付けました（印刷されないため、この一覧と集計シートの注記でも確認できます）。',
  fillNotesUpdated: '以前の候補のメモ {n} 個を新しい候補の内容に更新しました。',
  fillSuggestedRow: '  {id} {name}（{cell}）候補 {rating}: {reason}',
  fillDisagreeTitle: '入力された評価と計算上の候補が異なる取組 {n} 件（評価は変更していません。理由があればそのままで構いません）:',
  fillDisagreeRow: '  {id} {name}（{cell}）入力 {entered} / 候補 {suggested}: {reason}',
  outputWritten: '出力: {file}',

  // summary
  axisDepartment: '所管課',
  summaryUnrated: '未評価',
  summaryTotalCol: '計',
  summaryPlanned: '効果見込額',
  summaryActual: '実績効果額',
  summaryPlannedShort: '見込額',
  summaryActualShort: '実績額',
  summaryRatio: '達成割合',
  summaryRatioShort: '割合',
  summaryTotalRow: '合計',
  summaryUnit: '（件数は取組数、金額は千円。達成割合 = 実績効果額 ÷ 効果見込額）',
  summaryNarrowHint: '（名前は一部を省略しています。--wide で全体を表示）',
  summaryReposts: '【再掲】{n} 行は別の箇所と同じ取組のため 1 回だけ数えています（読み込んだ行 {rows}、集計対象 {counted} 件）。',
  summarySuggestedUsed: '評価が未入力の取組 {n} 件は、候補の評価で数えています（--include-suggested）。',
  summaryUnratedNote: '未評価の取組が {n} 件あります。',
  summaryUnconfirmed: '評価のうち {n} 件（{ids}）は、アドインが書き込んだ候補のままで所管課の確認が済んでいません（セルのメモを参照）。',
  summaryMultiDept: '複数の課が担当する取組 {n} 件は、それぞれの課の行に数えています（合計では 1 件として数えます）。',
  summarySheetWritten: '集計シート「{sheet}」を出力しました: {file}',
  summarySheetLeftAlone: '同じ名前のシート「{existing}」はこのアドインが作ったものではないため残し、「{sheet}」に出力しました。',
  consolidationFiles: '集計したファイル {used} 件（取組 {items} 件）、集計から除いたファイル {skipped} 件',
  consolidationRefused: '同じ取組の値がファイルによって異なるため（{n} 件）、集計しませんでした。どのファイルの値を使うかを --prefer ファイル名 で指定してください（複数指定できます）。',
  consolidationWritten: '出力: {file}（シート: {sheets}）',
  consolidationLeftAlone: '同じ名前のシート{sheets}はこのツールが作ったものではないため残しました。',
  csvWritten: '機械判読用 CSV: {file}',
  compareTitle: '前年度との比較（前年度: {file}）',
  compareRating: '評価',
  compareNow: '今年度',
  compareLast: '前年度',
  compareDelta: '増減',
  compareFell: '評価が下がった取組: {n} 件',
  compareAdded: '今年度新たに報告された取組: {n} 件',
  compareDropped: '前年度にあり今年度にない取組: {n} 件',
  compareFellRow: '  {id} {name}、{department}: {from} → {to}',
  compareItemRow: '  {id} {name}、{department}',
  reconcileHead: '計画との照合（{file}）: 計画 {plan} 件、提出 {submitted} 件、一致 {matched} 件。未提出 {missing} 件、計画外 {extra} 件、変更 {changed} 件',
  hearingHead: 'ヒアリング候補 {n} 件:',
  hearingColId: '番号',
  hearingColName: '取組名',
  hearingColRating: '評価',
  hearingColReasons: '理由',
  hearingReason: '  {id} {code}: {message}',
  crossCorner: '{a} ＼ {b}',
  crossLegendTitle: '{axis}:',
  crossLegendRow: '  {key} {name}',

  // validate --write-report
  reportWritten: '検証結果をシート「{sheet}」に書き込みました: {file}',
  reportWrittenDisplaced: '「{existing}」は職員が作ったシートのため残し、検証結果をシート「{sheet}」に書き込みました: {file}',

  // columns
  columnsDone: '{fy}の進捗列を {tables} 個の表に追加しました（{cells} セル。既存のセルは変更していません）。',
  columnsExist: '{fy}の進捗列はすでにあります。出力ファイルは作成していません。',
  columnsNotPlan: 'このブックの表にはすでに評価の欄があり、計画表ではありません。進捗列は追加しませんでした。出力ファイルは作成していません。',
  columnsSkippedResults: '評価の欄がある表 {n} 個（進捗報告の表）には追加していません。',

  // mapping
  mappingNone: '見出し行が見つかりませんでした。',
  mappingReason: '{reason}（確からしさ {score}）',

  // demo
  demoStep: '[{step}/4] {title}',
  demoStepRead: '読み込みとレイアウトの判定',
  demoStepValidate: '提出前のチェック',
  demoStepFill: '達成率と評価の候補の書き込み',
  demoStepSummary: '基本方針別の集計シート',
  demoRead: '{file}: レイアウト {layout}、取組 {n} 件、報告年度 {fy}',
  demoMore: '  …ほか {n} 件（shinchoku validate ですべて表示）',
  demoOutDir: '出力先: {dir}',
} as const;

export type MessageKey = keyof typeof ja;

export const en: Record<MessageKey, string> = {
  helpUsage: 'usage: shinchoku <command> [BOOK…] [options]',
  helpCommands: 'commands:',
  helpOptions: 'options:',
  helpExit: 'exit codes: 0 done, 1 something to fix before submitting, 2 bad usage or a file that cannot be read or written, 3 internal error',
  helpMore: 'help on one command: shinchoku <command> --help',
  helpCommandUsage: 'usage: shinchoku {usage}',
  helpArgsOne: 'BOOK.xlsx',
  helpArgsMany: 'BOOK.xlsx…|DIR/',
  helpArgsOptional: '[BOOK.xlsx]',
  cmdInspect: 'Show the plan read from the workbook (items, indicators, ratings) and why the layout was chosen.',
  cmdValidate: 'Pre-submission checks; exit code 1 when something must be fixed.',
  cmdFill: 'Write a copy with suggested ratings and achievement ratios (cells staff typed are never changed).',
  cmdSummary: 'Count items and effect amounts by basic policy. Several workbooks or a folder are consolidated without counting any item twice.',
  cmdColumns: 'Write a copy of a plan with progress columns (actual, rating, status) for a year.',
  cmdMapping: 'Guess a header mapping (JSON) to save and pass back with --mapping.',
  cmdDemo: 'Try the whole job on the bundled sample (Isehara item list).',
  optOut: 'workbook to write (required for fill and columns; also for summary and validate --write-report)',
  optFy: 'report year (令和8年度, R8, 2026 …)',
  optBy: 'count by a classification (e.g. 所管課); two give a cross-tab',
  optLayout: 'force a layout ({ids})',
  optMapping: 'read with a header mapping saved from mapping',
  optJson: 'print machine-readable JSON',
  optWide: 'print tables in full (may exceed 80 columns)',
  optForce: 'replace a file already at the -o path (inputs are never overwritten)',
  optIncludeSuggested: 'count suggested ratings too (default: entered ratings only)',
  optSheetName: 'name of the summary sheet (default 行革集計)',
  optCsv: 'write the machine-readable table of the summary as UTF-8 CSV',
  optMaster: 'reconcile with the plan’s list of items: a workbook, a folder or a summary file written earlier',
  optCompare: 'compare with last year’s workbooks, folder or summary file: adds 前年度 and 増減',
  optPrefer: 'when copies of an item disagree, count this file’s values (repeatable)',
  optWriteReport: 'write a copy with the findings in a 検証結果 sheet to -o (the workbook given is not changed)',
  optLang: 'language (Japanese by default; SHINCHOKU_LANG=en also selects English)',
  optHelp: 'show this help',
  optVersion: 'show the version',
  exampleTitle: 'example:',

  usageUnknownCommand: 'There is no command "{command}".',
  usageDidYouMean: 'Did you mean: {suggestion}',
  usageCommands: 'Commands: {list}',
  usageUnknownOption: 'There is no option "{option}".',
  usageOptionNotForCommand: '{command} does not take {option}.',
  usageNeedsValue: '{option} needs a value (e.g. {example}).',
  usageBadFy: '"{value}" is not a fiscal year. Give it as 令和8年度, R8 or 2026.',
  usageBadLang: '--lang takes ja or en (got {value}).',
  usageUnknownLayout: 'There is no layout "{value}". Layouts: {list}',
  usageTooManyAxes: '--by takes at most two classifications (got {value}).',
  usageNeedOneFile: '{command} takes exactly one workbook.',
  usageNeedFiles: '{command} needs one or more workbooks.',
  usageAtMostOneFile: '{command} takes at most one workbook.',
  usageNeedOut: '{command} needs the output file: -o {example}',
  usageNeedFy: '{command} needs the fiscal year: --fy R8',
  usageSeeHelp: 'more: shinchoku {command} --help',
  usageUnknownAxis: 'This workbook has no classification "{axis}". Classifications: {list}',
  usageReportNeedsOut: '--write-report needs the output file: -o {example}. The workbook given is not changed.',
  usageOutNeedsReport: 'validate takes -o only together with --write-report.',
  usageCrossTabOnly: 'A cross-tab (two classifications in --by) does not take {option}.',
  usagePreferUnknown: '--prefer "{file}" is not one of the files summarised. Name a file in a folder relative to the folder (e.g. {example}).',

  inputMappingUnreadable: 'Cannot read the header mapping (JSON): {detail}',
  inputMappingInvalid: 'The header mapping is not valid: {detail}',
  inputSampleMissing: 'The bundled sample is missing; npm run fixtures makes it again.',
  inputNotFound: 'No such file or folder. Check the path.',
  inputEmptyFolder: 'The folder has no files.',
  inputNoItems: 'No items could be read: no progress table, and no breakdown sheet made by this tool.',
  inputNothingToSum: 'No workbook could be summarised.',
  summaryNonFinite: 'The effect amounts of "{group}" add up beyond what a number can hold. Check for a mistyped amount (validate reports it as SUM001). No summary was printed and nothing was written.',
  outputFailed: 'Cannot write {file}: {detail}',
  internalError: 'Stopped by an unexpected error. Please send this message and the command to the developers: {detail}',

  inspectLayout: 'layout: {label} ({id}){forced} score {score}, {sheets|# sheet|# sheets}',
  inspectForced: ', forced,',
  inspectReason: '  - {sheet}: {reason}',
  inspectMoreSheets: '  - and {n|# more sheet|# more sheets} (--wide lists all)',
  inspectUnclaimed: 'sheets not read: {list}',
  inspectYear: 'report year: {fy}',
  inspectYearUnknown: 'unknown',
  inspectItems: 'items: {n}',
  inspectItemsRepost: 'items: {rows|# row|# rows} read; {reposts|# 【再掲】 row repeats|# 【再掲】 rows repeat} an item listed elsewhere and {reposts|is|are} counted once, so {n|# item is|# items are} counted',
  inspectTemplates: '{n|# template sheet is|# template sheets are} not counted as items.',
  inspectColItems: 'items',
  inspectColReposts: 'repeats',
  inspectColIndicators: 'indicators',
  inspectChecks: 'checks: {error|# error|# errors} / {warning|# warning|# warnings} / {info|# note|# notes} (shinchoku validate lists them)',

  validateHead: '{file} (layout: {layout})',
  severityError: 'error',
  severityWarning: 'warning',
  severityInfo: 'note',
  validateCounts: '{error|# error|# errors} / {warning|# warning|# warnings} / {info|# note|# notes}',
  verdictReady: 'Verdict: ready to submit.',
  verdictReadyWithWarnings: 'Verdict: ready to submit. Check the warnings; where there is a reason, they can stay.',
  verdictErrors: 'Verdict: not ready to submit. Fix {n|# error|# errors} first.',
  verdictPlan: 'Verdict: not ready as a progress report. {items|# item|# items} on {sheets} {items|has|have} no column for a rating (the sheet is still the plan).',
  verdictPlanHowTo: 'Add the year’s progress columns (actual, rating, status) and fill them in: shinchoku columns {file} --fy R8 -o OUT.xlsx (in the task pane: 計算 tab, Add progress columns)',
  verdictEmpty: 'Verdict: no items were found, so nothing could be checked.',

  fillDone: 'Wrote {parts} ({cells|# cell|# cells}). No cell typed by staff was changed.',
  fillPartRatings: '{n|# suggested rating|# suggested ratings}',
  fillPartRatios: '{n|# achievement ratio|# achievement ratios}',
  fillPartSubtotals: '{n|# subtotal|# subtotals}',
  fillPartHeaders: 'the header of the ratio column',
  fillNothing: 'Nothing to write; no output file was made.',
  fillNothingPlan: 'The items on {sheets} have no column for ratings and no ratio can be computed. Add the year’s progress columns first: shinchoku columns {file} --fy R8 -o OUT.xlsx',
  fillConflicts: '{n|# cell was|# cells were} not written: they changed after reading, or lie inside a merged area.',
  fillFormulaCells: '{n|# cell holds|# cells hold} a formula and {n|was|were} not written (formulas are staff\'s): {cells}',
  fillSuggestedTitle: 'Suggested ratings written for {n|# item|# items} (the department should confirm or change them):',
  fillNotesAdded: '{n|# cell|# cells} with a suggestion got a note saying so (notes do not print; this list and the summary sheet say it too).',
  fillNotesUpdated: '{n|# earlier suggestion note was|# earlier suggestion notes were} updated to the new suggestion.',
  fillSuggestedRow: '  {id} {name} ({cell}) suggested {rating}: {reason}',
  fillDisagreeTitle: '{n|# item has|# items have} an entered rating that differs from the suggestion (not changed; where there is a reason, it can stay):',
  fillDisagreeRow: '  {id} {name} ({cell}) entered {entered} / suggested {suggested}: {reason}',
  outputWritten: 'output: {file}',

  axisDepartment: 'department',
  summaryUnrated: 'unrated',
  summaryTotalCol: 'total',
  summaryPlanned: 'planned effect',
  summaryActual: 'actual effect',
  summaryPlannedShort: 'planned',
  summaryActualShort: 'actual',
  summaryRatio: 'achieved',
  summaryRatioShort: 'ratio',
  summaryTotalRow: 'Total',
  summaryUnit: '(counts are items; amounts in thousand yen; achieved = actual ÷ planned effect)',
  summaryNarrowHint: '(names shortened; --wide prints them in full)',
  summaryReposts: '{n|# 【再掲】 row repeats|# 【再掲】 rows repeat} an item listed elsewhere and {n|is|are} counted once ({rows|# row|# rows} read, {counted|# item|# items} counted).',
  summarySuggestedUsed: '{n|# unrated item is|# unrated items are} counted with the suggested rating (--include-suggested).',
  summaryUnratedNote: '{n|# item has|# items have} no rating yet.',
  summaryUnconfirmed: '{n|# rating is|# ratings are} still the add-in’s suggestion, not yet confirmed by the department ({ids}; see the cell notes).',
  summaryMultiDept: '{n|# item shared by several departments is|# items shared by several departments are} counted in each department’s row (once in the total).',
  summarySheetWritten: 'Summary sheet "{sheet}" written: {file}',
  summarySheetLeftAlone: 'Left the existing sheet "{existing}" alone (not made by this add-in) and wrote "{sheet}".',
  consolidationFiles: '{used|# file|# files} counted ({items|# item|# items}), {skipped|# file|# files} left out',
  consolidationRefused: '{n|# item has|# items have} different values in different files, so nothing was summed. Choose whose values count with --prefer FILE (repeatable).',
  consolidationWritten: 'output: {file} (sheets: {sheets})',
  consolidationLeftAlone: 'Left the existing {sheets} alone (not made by this tool).',
  csvWritten: 'machine-readable CSV: {file}',
  compareTitle: 'Compared with last year ({file})',
  compareRating: 'rating',
  compareNow: 'this year',
  compareLast: 'last year',
  compareDelta: 'change',
  compareFell: '{n|# item|# items} whose rating fell',
  compareAdded: '{n|# item|# items} new this year',
  compareDropped: '{n|# item|# items} reported last year, not this year',
  compareFellRow: '  {id} {name}, {department}: {from} → {to}',
  compareItemRow: '  {id} {name}, {department}',
  reconcileHead: 'Reconciled with the plan ({file}): {plan|# item|# items} in the plan, {submitted} submitted, {matched} matched; {missing} missing, {extra} not in the plan, {changed|# change|# changes}',
  hearingHead: '{n|# item|# items} to ask about:',
  hearingColId: 'no.',
  hearingColName: 'item',
  hearingColRating: 'rating',
  hearingColReasons: 'reasons',
  hearingReason: '  {id} {code}: {message}',
  crossCorner: '{a} \\ {b}',
  crossLegendTitle: '{axis}:',
  crossLegendRow: '  {key} {name}',

  reportWritten: 'Findings written to the sheet "{sheet}": {file}',
  reportWrittenDisplaced: 'Left "{existing}" alone (a staff sheet) and wrote the findings to the sheet "{sheet}": {file}',

  columnsDone: 'Added progress columns for {fy} to {tables|# table|# tables} ({cells|# cell|# cells}; no existing cell changed).',
  columnsExist: 'Progress columns for {fy} already exist; no output file was made.',
  columnsNotPlan: 'The tables in this workbook already have a rating column; it is not a plan. No columns added and no output file made.',
  columnsSkippedResults: '{n|# table that already has|# tables that already have} a rating column (a progress report) got no columns.',

  mappingNone: 'No header row was found.',
  mappingReason: '{reason} (score {score})',

  demoStep: '[{step}/4] {title}',
  demoStepRead: 'read the workbook and detect its layout',
  demoStepValidate: 'pre-submission checks',
  demoStepFill: 'write ratios and suggested ratings',
  demoStepSummary: 'summary sheet by basic policy',
  demoRead: '{file}: layout {layout}, {n|# item|# items}, report year {fy}',
  demoMore: '  … and {n} more (shinchoku validate lists all)',
  demoOutDir: 'outputs in: {dir}',
};

export type Lang = 'ja' | 'en';
export const MESSAGES: Record<Lang, Record<MessageKey, string>> = { ja, en };

/** A message in both languages, so it can be made where the language is not yet known. */
export interface Localized {
  ja: string;
  en: string;
}

/** Values may differ by language (a list of sheet names is quoted differently). */
export type Vars = Record<string, string | number | Localized>;

function pick(lang: Lang, vars: Vars | undefined): TemplateVars | undefined {
  if (!vars) return undefined;
  return Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, typeof v === 'object' ? v[lang] : v]));
}

export function say(lang: Lang, key: MessageKey, vars?: Vars): string {
  return fillTemplate(MESSAGES[lang][key], pick(lang, vars));
}

export function msg(key: MessageKey, vars?: Vars): Localized {
  return { ja: say('ja', key, vars), en: say('en', key, vars) };
}

/** 「a、b、c」 / "a, b and c". */
export function listOf(parts: Localized[]): Localized {
  const en = parts.map((p) => p.en);
  return { ja: parts.map((p) => p.ja).join('、'), en: en.length > 1 ? `${en.slice(0, -1).join(', ')} and ${en[en.length - 1]}` : (en[0] ?? '') };
}

/** 「A」「B」 in Japanese, sheet "A" / sheets "A", "B" in English. */
export function sheetList(names: string[]): Localized {
  return {
    ja: `シート${names.map((n) => `「${n}」`).join('')}`,
    en: `${names.length === 1 ? 'sheet' : 'sheets'} ${names.map((n) => `"${n}"`).join(', ')}`,
  };
}
