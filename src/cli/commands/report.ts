import * as path from 'node:path';
import { FINDINGS_ROLE, FINDINGS_SHEET, planFindingsSheet } from '../../core/plan/findings-sheet';
import { planOwnedSheet } from '../../core/settings/ownership';
import type { Args } from '../args';
import { saveOutput, type Loaded } from '../load';
import { msg, type Localized } from '../messages';

/**
 * `validate BOOK --write-report -o OUT`: a copy of the workbook with its findings in a 検証結果 sheet
 * the add-in owns, so the result travels with the file. The output path was checked before the
 * workbook was read (validate.ts); returns the line to print after the findings.
 */
export async function writeFindingsReport(loaded: Loaded, args: Args & { out: string }): Promise<Localized> {
  const { grid, analysis } = loaded;
  const target = planOwnedSheet(grid, analysis.store, FINDINGS_ROLE, FINDINGS_SHEET);
  const plan = planFindingsSheet(analysis.plan, analysis.findings, {
    lang: args.lang,
    target,
    workbook: path.basename(loaded.file),
    sheets: grid.sheets.map((s) => s.name),
    createdAt: new Date().toISOString().slice(0, 16).replace('T', ' '),
  });
  const r = await loaded.host.apply(plan);
  await saveOutput(loaded.host, args.out, args);
  const sheet = r.sheetsCreated[0] ?? target.name;
  return target.displaced
    ? msg('reportWrittenDisplaced', { existing: target.displaced, sheet, file: args.out })
    : msg('reportWritten', { sheet, file: args.out });
}
