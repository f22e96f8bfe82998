import type { WorkbookGrid } from '../grid/types';
import type { CellRules, Field } from '../model/fields';
import type { Item, Policy } from '../model/plan';
import type { Scale } from '../values/scales';
import type { Finding } from '../validation/finding';
import type { SavedLayout } from './generic/mapping';
import type { LayoutSpec } from './kit/spec';

/**
 * A layout reader turns a workbook in one city's layout into plan items. Readers find tables by
 * their header text (never by fixed addresses) so they survive copies a person has edited.
 */
export interface LayoutReader {
  id: string;
  label: { ja: string; en: string };
  /** How sure this reader is that each sheet is in its layout; only sheets with score > 0 are listed. */
  detect(wb: WorkbookGrid): SheetDetection[];
  /** Reads the sheets that `detect` claimed (or `opts.sheets` when forced). */
  read(wb: WorkbookGrid, opts: ReadOptions): LayoutRead;
  /** A workbook in assets/samples/ that shows the layout (CLI demo, playground). */
  sample?: string;
}

export interface SheetDetection {
  sheet: string;
  /** 0..1; ≥ 0.6 is taken without asking. */
  score: number;
  /** Why, in both languages: the header cells that matched. */
  reason: { ja: string; en: string };
}

export interface ReadOptions {
  sheets?: string[];
  /** Fiscal year being reported, when the user chose one; readers otherwise infer it. */
  reportFy?: number;
  /** A layout the user saved for this workbook (a spec, or a first-format header→field mapping). */
  mapping?: SavedLayout | LayoutSpec;
  /** The scale of the rule pack the workbook was rated with: ratings are read on it, whatever the layout says. */
  scale?: Scale;
  /** Keep how the sheets were read beside the read (kit/trace.ts), for an incremental re-analysis later. */
  trace?: boolean;
}

/** Where an owned column lives or would go, so write plans can find it again. */
export interface TableAnchor {
  sheet: string;
  /** 0-based header rows (the last is where owned headers are written). */
  headerRows: number[];
  /** 0-based data rows in sheet order. */
  dataRows: number[];
  /** First column right of the table that is free in every header and data row. */
  nextFreeCol: number;
  /** Owned columns already present: field → 0-based column. */
  owned: Record<string, number>;
  /** item id → 0-based row, for writing owned cells. */
  rowOfItem: Record<string, number>;
}

export interface LayoutRead {
  layout: string;
  policyLabel: string;
  policies: Policy[];
  items: Item[];
  /** Problems found while reading: unreadable layout, duplicate numbers, unparseable cells … */
  findings: Finding[];
  tables: TableAnchor[];
  reportFy?: number;
  /** The scale ratings were read on (stated by the layout, or inferred from the values). */
  scale?: Scale;
  /** What the layout requires of its cells, by layout id (the validator checks it). */
  cellRules?: Record<string, CellRules>;
  /** Which column was taken for which field, how sure the reader is, and why. */
  fields?: FieldConfidence[];
  /** The rule pack family the layout's city rates with (its version chosen by the plan period). */
  rulePack?: string;
  /** Names of the classes items carry (axis → key → name), e.g. 基本姿勢 ① → 時代変化を先取りする…. */
  classNames?: Record<string, Record<string, string>>;
}

export interface FieldConfidence {
  sheet: string;
  field: Field;
  /** The header as shown. */
  header: string;
  /** 0-based column. */
  col: number;
  /** 0..1: 1 for an exact label or a saved layout, less for a header that only contains one. */
  confidence: number;
  reason: { ja: string; en: string };
}

/**
 * Joins the reads of layouts that describe the same plan in one workbook (e.g. Isehara's list plus
 * its item sheets) into one read, reconciling what they disagree on.
 */
export interface Combiner {
  layouts: string[];
  combine(reads: LayoutRead[]): LayoutRead;
}
