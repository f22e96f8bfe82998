import type ExcelJS from 'exceljs';
import * as path from 'node:path';
import type { WorkbookHost } from '../../core/host';
import type { WorkbookGrid } from '../../core/grid/types';
import type { ApplyResult, WritePlan } from '../../core/plan/write-plan';
import { applyPlanToWorkbook } from './apply-plan';
import { readXlsx } from './read-xlsx';
import ExcelJSLib from 'exceljs';

/**
 * The CLI's host: an .xlsx file read once, plans applied in memory, written to a new file (the
 * input is never overwritten, so a bad run loses nothing).
 */
export class FileHost implements WorkbookHost {
  private wb: ExcelJS.Workbook | undefined;
  notes: string[] = [];

  constructor(readonly file: string) {}

  async read(): Promise<WorkbookGrid> {
    const g = await readXlsx(this.file);
    this.wb = new ExcelJSLib.Workbook();
    await this.wb.xlsx.readFile(this.file);
    return g;
  }

  async apply(plan: WritePlan): Promise<ApplyResult> {
    if (!this.wb) await this.read();
    const r = applyPlanToWorkbook(this.wb!, plan);
    this.notes.push(...r.notes);
    return r;
  }

  async save(out: string): Promise<void> {
    if (!this.wb) throw new Error('nothing read yet');
    if (path.resolve(out) === path.resolve(this.file)) {
      throw Object.assign(new Error('refusing to overwrite the input workbook'), {
        reason: {
          ja: '入力ファイルには上書きしません。別の出力ファイル名を指定してください(元のブックは残します)。',
          en: 'The input workbook is never overwritten; choose another output file.',
        },
      });
    }
    await this.wb.xlsx.writeFile(out);
  }
}
