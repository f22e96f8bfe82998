import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import type { WorkbookGrid } from '../../core/grid/types';
import type { WorkbookHost } from '../../core/host';
import type { ApplyResult, WritePlan } from '../../core/plan/write-plan';
import { applyPlanToWorkbook } from './apply-plan';

/**
 * A new workbook that exists only in memory until saved: where a consolidation of many department
 * files is written (its sheets are all the add-in's, so there is nothing of staff's to keep).
 * Saved through a temporary file in the same folder, then renamed, so a failed save leaves nothing.
 */
export class BlankFileHost implements WorkbookHost {
  private readonly wb = new ExcelJS.Workbook();

  constructor(readonly name: string) {
    this.wb.creator = 'shinchoku';
  }

  async read(): Promise<WorkbookGrid> {
    return { name: this.name, sheets: [] };
  }

  async apply(plan: WritePlan): Promise<ApplyResult> {
    return applyPlanToWorkbook(this.wb, plan);
  }

  async save(out: string): Promise<void> {
    const tmp = `${out}.${process.pid}.tmp`;
    try {
      await this.wb.xlsx.writeFile(tmp);
      fs.renameSync(tmp, out);
    } catch (e) {
      fs.rmSync(tmp, { force: true });
      throw e;
    }
  }
}
