import * as path from 'node:path';
import { FINDINGS_ROLE, FINDINGS_SHEET, planFindingsSheet } from '../../core/plan/findings-sheet';
import { planOwnedSheet } from '../../core/settings/ownership';
import type { Args } from '../args';
import type { Loaded } from '../load';
import { ConsolidateError } from './consolidate';

/**
 * `validate BOOK --write-report -o OUT`: a copy of the workbook with its findings in a 検証結果 sheet
 * the add-in owns, so the result travels with the file. Returns the line to print once the findings
 * themselves have been printed.
 */
export async function writeFindingsReport(loaded: Loaded, args: Args): Promise<{ ja: string; en: string }> {
  if (!args.out) {
    throw new ConsolidateError({
      ja: 'validate --write-report: 検証結果を書き込む出力ファイルを -o で指定してください(元のブックは変更しません)。',
      en: 'validate --write-report: give the output file with -o (the input workbook is not changed).',
    });
  }
  const { grid, analysis } = loaded;
  const target = planOwnedSheet(grid, analysis.store, FINDINGS_ROLE, FINDINGS_SHEET);
  const plan = planFindingsSheet(analysis.findings, {
    lang: args.lang,
    target,
    workbook: path.basename(loaded.file),
    sheets: grid.sheets.map((s) => s.name),
    createdAt: new Date().toISOString().slice(0, 16).replace('T', ' '),
  });
  const r = await loaded.host.apply(plan);
  await loaded.host.save(args.out);
  const sheet = r.sheetsCreated[0] ?? target.name;
  const displaced = target.displaced
    ? { ja: `(「${target.displaced}」は職員のシートのため残しました)`, en: ` ("${target.displaced}" is a staff sheet and was left alone)` }
    : { ja: '', en: '' };
  return {
    ja: `検証結果をシート「${sheet}」に書き込みました${displaced.ja}: ${args.out}`,
    en: `Findings written to the sheet "${sheet}"${displaced.en}: ${args.out}`,
  };
}
