import * as path from 'node:path';
import type { WorkbookHost } from '../../core/host';
import type { WorkbookGrid } from '../../core/grid/types';
import type { ApplyResult, WritePlan } from '../../core/plan/write-plan';
import { isSettingsSheet } from '../../core/settings/store';
import { asReadError, type Bilingual } from './errors';
import { nodeCodec } from './package/node-codec';
import { readFileBytes } from './read-xlsx';
import { openXlsx, readGrid, type ReadOptions } from './read/grid';
import { writeOutput, type OutputOptions } from './safe-output';
import { blankWorkbookBytes } from './write/blank';
import { WorkbookEditor } from './write/editor';
import { extensionFor, OutputKindError } from './write/errors';
import { contentTypeOf } from './package/opc';

/**
 * The CLI's host: a workbook file read once; plans are applied to its package (only the parts a
 * write needs change, everything else is kept byte for byte); `save` writes a new file safely.
 */
export class FileHost implements WorkbookHost {
  private editor: WorkbookEditor | undefined;
  private grid: WorkbookGrid | undefined;
  /** What the user should know about the writes (said after the command's own output). */
  notes: Bilingual[] = [];

  constructor(
    readonly file: string,
    private readonly readOptions: ReadOptions = {},
    /** A workbook that exists only in memory until saved (see `blank`): no file of this name is read. */
    private readonly blank = false,
  ) {}

  /**
   * A new, empty workbook named `name` (a consolidation of many files is written into one: every
   * sheet in it is the add-in's). Written by the same package writer, from a minimal package.
   */
  static blank(name: string): FileHost {
    return new FileHost(name, {}, true);
  }

  async read(): Promise<WorkbookGrid> {
    const name = path.basename(this.file);
    const bytes = this.blank ? await blankWorkbookBytes(nodeCodec) : readFileBytes(this.file);
    try {
      const wp = await openXlsx(bytes, name, { codec: nodeCodec, ...this.readOptions });
      this.grid = await readGrid(wp, name, this.readOptions);
      this.editor = new WorkbookEditor(wp);
    } catch (e) {
      throw asReadError(this.file, e);
    }
    return this.grid;
  }

  async apply(plan: WritePlan): Promise<ApplyResult> {
    if (!this.editor) await this.read();
    const hasFormulas = this.grid!.sheets.some((s) => s.formulas !== undefined);
    const markedSheets = this.grid!.sheets.filter(isSettingsSheet).map((s) => s.name);
    const r = await this.editor!.apply(plan, { hasFormulas, markedSheets });
    this.notes.push(...r.messages);
    return r;
  }

  /** Writes the patched workbook to `out`; `inputs` are every file of the run (none may be replaced). */
  async save(out: string, opts: OutputOptions & { inputs?: readonly string[] } = {}): Promise<void> {
    if (!this.editor) throw new Error('nothing read yet');
    const { wp } = this.editor;
    const wanted = extensionFor(contentTypeOf(await wp.pkg.contentTypes(), wp.workbookPart));
    const ext = /\.[^./\\]+$/.exec(out)?.[0].toLowerCase();
    if (wanted && ext !== wanted) throw new OutputKindError(out, wanted);
    const bytes = await this.editor.toBytes();
    writeOutput(out, bytes, [...(this.blank ? [] : [this.file]), ...(opts.inputs ?? [])], opts);
  }

  /** Parts changed or added by the plans applied so far. */
  get changedParts(): string[] {
    return this.editor?.changedParts ?? [];
  }
}
