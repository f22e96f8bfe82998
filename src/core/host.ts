import type { WorkbookGrid } from './grid/types';
import type { ApplyResult, WritePlan } from './plan/write-plan';

/**
 * What the core needs from wherever the workbook lives. The ExcelJS file adapter (CLI, tests), the
 * Office.js adapter (task pane) and the in-memory stand-in all implement this one interface.
 */
export interface WorkbookHost {
  /** Reads every sheet (values, formulas, merges, protection) and the workbook's settings. */
  read(progress?: (done: number, total: number) => void): Promise<WorkbookGrid>;
  /** Applies a plan after checking protection; skips cells that changed since they were read. */
  apply(plan: WritePlan, progress?: (done: number, total: number) => void): Promise<ApplyResult>;
  /** Selects a cell for the user (no-op where there is no UI). */
  select?(sheet: string, address: string): Promise<void>;
}
