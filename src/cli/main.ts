import { parseFiscalYear } from '../core/values/fiscal-year';
import { UnknownLayoutError } from '../core/layouts/detect';
import { parseArgs, UsageError, type Args } from './args';
import { columnsCommand, mappingCommand } from './commands/plan-commands';
import { demoCommand } from './commands/demo';
import { inspectCommand, validateCommand } from './commands/read-commands';
import { consolidatedSummaryCommand } from './commands/consolidate';
import { fillCommand } from './commands/write-commands';
import { processIo, type Io } from './io';
import { InputError } from './load';

const HELP = {
  ja: `使い方: shinchoku <コマンド> [ファイル…] [オプション]

コマンド:
  inspect FILE            読み込んだ計画(取組・指標・評価)を表示  [--layout ID] [--json]
  validate FILE           提出前チェック。エラーがあれば終了コード 1、読めなければ 2  [--json]
                          [--write-report -o OUT] 検証結果シートを書き込んだ写しを出力
  fill FILE -o OUT        空欄の評価に候補を、達成率(自動)列に達成率を書き込む(入力済みセルは変更しない)
  summary FILE…|DIR/     基本方針別の集計(複数ファイル・フォルダーは重複なく統合)  [--json] [-o OUT.xlsx] [--csv OUT.csv]
                          [--master 計画一覧] 計画との照合  [--compare 前年度] 前年度・増減  [--prefer FILE] 値が異なる時に使うファイル
                          [--by 分類] 分類軸で集計 (例: --by 推進手段)、2軸で件数のクロス集計 (--by 推進手段,基本姿勢)
  columns FILE --fy 年度 -o OUT   計画表に年度の進捗列(実績・評価・取組状況)を追加
  mapping FILE            汎用レイアウトの見出し対応表(JSON)を推定して表示(--mapping で再利用)
  demo                    同梱のサンプル(伊勢原市 取組項目一覧)で一連の処理を実行

オプション:
  --layout ID   レイアウトを指定 (isehara-list, isehara-sheet, nihonmatsu, yuzawa, aizuwakamatsu, tsukubamirai, generic)
  --mapping F   保存した見出し対応表(JSON)
  --fy 年度     報告年度 (例: 令和5年度, R5, 2023)
  --lang en     英語で表示 (既定は日本語。SHINCHOKU_LANG=en でも可)
  --json        機械可読な JSON を出力`,
  en: `usage: shinchoku <command> [files…] [options]

commands:
  inspect FILE            show the plan read from the workbook  [--layout ID] [--json]
  validate FILE           pre-submission checks; exit 1 on errors, 2 when unreadable  [--json]
                          [--write-report -o OUT] a copy with the findings in a 検証結果 sheet
  fill FILE -o OUT        suggested ratings into blank rating cells, ratios into the owned column
  summary FILE…|DIR/     summary by basic policy; files and folders consolidated, nothing counted twice
                          [--json] [-o OUT.xlsx] [--csv OUT.csv] [--master PLAN] [--compare LAST] [--prefer FILE]
                          [--by AXIS] by a classification axis; two axes give a cross-tab of counts
  columns FILE --fy FY -o OUT   add progress columns (actual, rating, status) for a year to a plan sheet
  mapping FILE            guess a header mapping (JSON) for the generic layout, to save and pass with --mapping
  demo                    run the whole job on the bundled sample (Isehara item list)

options: --layout ID, --mapping FILE, --fy FY (令和5年度, R5, 2023), --lang ja|en, --json`,
};

const COMMANDS: Record<Exclude<Args['command'], 'help'>, (a: Args, io: Io) => Promise<number>> = {
  inspect: inspectCommand,
  validate: validateCommand,
  fill: fillCommand,
  summary: consolidatedSummaryCommand,
  columns: columnsCommand,
  mapping: mappingCommand,
  demo: demoCommand,
};

/** Exit codes: 0 ok, 1 validation errors, 2 unreadable input or bad usage. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv, parseFiscalYear);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`shinchoku: ${e.message}\n\n${HELP.ja}`);
      return 2;
    }
    throw e;
  }
  if (args.command === 'help') {
    io.out(HELP[args.lang]);
    return 0;
  }
  try {
    return await COMMANDS[args.command](args, io);
  } catch (e) {
    if (e instanceof InputError) {
      io.err(`shinchoku: ${e.file}: ${e.reason[args.lang]}`);
      return 2;
    }
    if (e instanceof UsageError || e instanceof UnknownLayoutError) {
      io.err(`shinchoku: ${e.message}`);
      return 2;
    }
    const reason = (e as { reason?: { ja: string; en: string } }).reason;
    if (reason) {
      io.err(`shinchoku: ${reason[args.lang]}`);
      return 2;
    }
    throw e;
  }
}
