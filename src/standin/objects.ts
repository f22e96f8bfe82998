import type { CellValue, Range as Rect } from '../core/grid/types';
import { MAX_COLS, MAX_ROWS, parseAddress, qualified } from './address';
import { ClientObject, jsonBytes, parseLoad, type RequestContextCore, type WorksheetChangedArgs } from './context';
import { StandInError } from './errors';
import { cellKey, SheetModel, type CellStyle, type NoteModel, type Visibility } from './model';
import { decodeWorkbook } from './decode';

/** Excel refuses to read more than this many cells in one go (docs: reads may come back null). */
const MAX_READ_CELLS = 5_000_000;
/** Range.getMergedAreasOrNullObject: "if the merged areas count in this range is more than 512, then this method will fail". */
export const MAX_MERGED_AREAS = 512;

/** Adding, deleting, hiding or inserting sheets fails while the workbook's structure is protected. */
function checkStructure(ctx: RequestContextCore, api: string): void {
  if (ctx.env.model.structureProtected) {
    throw new StandInError('AccessDenied', 'The workbook structure is protected, so sheets cannot be added, deleted, hidden or moved.', api);
  }
}

const VISIBILITIES: Visibility[] = ['Visible', 'Hidden', 'VeryHidden'];

export class ClientResult<T> {
  private _value: T | undefined;
  private _set = false;
  setValue(v: T): void {
    this._value = v;
    this._set = true;
  }
  get value(): T {
    if (!this._set) throw new StandInError('PropertyNotLoaded', 'The value is available only after context.sync().');
    return this._value as T;
  }
}

export class RequestContext {
  readonly workbook: Workbook;
  constructor(readonly core: RequestContextCore) {
    this.workbook = new Workbook(core);
  }
  get application(): Application {
    return this.workbook.application;
  }
  get trackedObjects(): RequestContextCore['trackedObjects'] {
    return this.core.trackedObjects;
  }
  sync<T>(passThrough?: T): Promise<T | undefined> {
    return this.core.sync().then(() => passThrough);
  }
}

export class Application extends ClientObject {
  protected get typeName() {
    return 'Application';
  }
  protected loaders() {
    return { calculationMode: () => 'Automatic' };
  }
  suspendApiCalculationUntilNextSync(): void {
    this.context.requireApi('1.6', 'Application.suspendApiCalculationUntilNextSync');
    this.context.enqueue(undefined, () => {
      this.context.calcSuspended = true;
    });
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.context.requireApi('1.9', 'Application.suspendScreenUpdatingUntilNextSync');
  }
}

export class WorkbookProtection extends ClientObject {
  protected get typeName() {
    return 'WorkbookProtection';
  }
  protected loaders() {
    return { protected: () => this.context.env.model.structureProtected };
  }
  get protected(): boolean {
    return this.get('protected');
  }
}

export class Workbook extends ClientObject {
  readonly worksheets: WorksheetCollection;
  readonly application: Application;
  readonly protection: WorkbookProtection;
  constructor(ctx: RequestContextCore) {
    super(ctx);
    this.worksheets = new WorksheetCollection(ctx);
    this.application = new Application(ctx);
    this.protection = new WorkbookProtection(ctx);
  }
  protected get typeName() {
    return 'Workbook';
  }
  protected loaders() {
    return { name: () => this.context.env.model.name };
  }
  get name(): string {
    return this.get('name');
  }
  protected override children() {
    return { worksheets: this.worksheets, application: this.application, protection: this.protection } as Record<string, ClientObject>;
  }

  /** ExcelApi 1.13. Sheets come from the file as Excel would import them (values, merges, visibility). */
  insertWorksheetsFromBase64(
    base64: string,
    options?: { sheetNamesToInsert?: string[]; positionType?: string; relativeTo?: string },
  ): ClientResult<string[]> {
    this.context.requireApi('1.13', 'Workbook.insertWorksheetsFromBase64');
    const result = new ClientResult<string[]>();
    const api = 'Workbook.insertWorksheetsFromBase64';
    this.context.enqueue([base64, options], async () => {
      this.context.checkUndo(api);
      checkStructure(this.context, api);
      let incoming: SheetModel[];
      let unsupported: Set<string>;
      try {
        ({ sheets: incoming, unsupported } = await decodeWorkbook(base64));
      } catch (e) {
        throw new StandInError('InvalidArgument', `The file could not be read: ${(e as Error).message}`, api);
      }
      const wanted = options?.sheetNamesToInsert?.length ? new Set(options.sheetNamesToInsert) : null;
      const chosen = incoming.filter((s) => !wanted || wanted.has(s.name));
      // Microsoft: on the web the source sheets must not hold a PivotTable, Chart, Comment or Slicer.
      const blocked = chosen.filter((s) => unsupported.has(s.name)).map((s) => s.name);
      if (this.context.env.platform === 'web' && blocked.length > 0) {
        throw new StandInError('UnsupportedFeature', `The source worksheet contains an unsupported feature (${blocked.join(', ')}).`, api);
      }
      const model = this.context.env.model;
      const ids: string[] = [];
      for (const s of chosen) {
        // Excel renames a clash the way it does on copy: 'Name (2)'.
        let name = s.name;
        for (let i = 2; model.find(name); i++) name = `${s.name} (${i})`;
        s.name = name;
        model.sheets.push(s);
        ids.push(s.id);
      }
      return { wrote: true, response: jsonBytes(ids), commit: () => result.setValue(ids) };
    });
    return result;
  }
}

export class WorksheetCollection extends ClientObject {
  /** ExcelApi 1.9. Handlers hear about other people's edits (the co-author model), as source 'Remote'. */
  get onChanged(): { add(handler: (e: WorksheetChangedArgs) => unknown): { context: RequestContextCore; remove(): void } } {
    this.context.requireApi('1.9', 'WorksheetCollection.onChanged');
    const handlers = this.context.env.changeHandlers;
    const ctx = this.context;
    return {
      add: (handler) => {
        ctx.enqueue(undefined, () => {
          handlers.add(handler);
        });
        return { context: ctx, remove: () => void handlers.delete(handler) };
      },
    };
  }
  protected get typeName() {
    return 'WorksheetCollection';
  }
  protected loaders() {
    return {};
  }
  get items(): Worksheet[] {
    return this.get('items');
  }

  override load(arg?: Parameters<ClientObject['load']>[0]): this {
    const props = parseLoad(arg)
      .map((p) => p.replace(/^items\//, ''))
      .filter((p) => p !== 'items');
    this.context.enqueue(props, () => {
      const sheets = this.context.env.model.sheets.map((s) => new Worksheet(this.context, { id: s.id }));
      // Each item's own load action runs right away, inside this same sync.
      let response = 0;
      const commits: (() => void)[] = [];
      for (const w of sheets) {
        const r = w.loadNow(props);
        response += r.response;
        commits.push(r.commit);
      }
      return {
        response,
        commit: () => {
          for (const c of commits) c();
          this._v.items = sheets;
        },
      };
    });
    return this;
  }

  /** By name or by id, as Excel's getItem. */
  getItem(key: string): Worksheet {
    const byId = this.context.env.model.findById(key);
    const ws = new Worksheet(this.context, byId ? { id: key } : { name: key });
    this.context.enqueue(key, () => {
      ws.model();
    });
    return ws;
  }

  getItemAt(index: number): Worksheet {
    const s = this.context.env.model.sheets[index];
    const ws = new Worksheet(this.context, s ? { id: s.id } : { name: `#${index}` });
    this.context.enqueue(index, () => {
      ws.model();
    });
    return ws;
  }

  getItemOrNullObject(key: string): Worksheet {
    this.context.requireApi('1.4', 'WorksheetCollection.getItemOrNullObject');
    return new Worksheet(this.context, { name: key, nullable: true });
  }

  getActiveWorksheet(): Worksheet {
    const model = this.context.env.model;
    const name = model.activeSheet ?? model.sheets.find((s) => s.visibility === 'Visible')?.name ?? '';
    return new Worksheet(this.context, { name });
  }

  add(name?: string): Worksheet {
    const model = this.context.env.model;
    const ref: { id?: string; name?: string } = {};
    const ws = new Worksheet(this.context, ref);
    this.context.enqueue(name ?? '', () => {
      checkStructure(this.context, 'WorksheetCollection.add');
      let n = name;
      if (!n) for (let i = 1; !n || model.find(n); i++) n = `Sheet${i}`;
      if (n.length > 31 || /[\\/?*[\]:]/.test(n) || /^'|'$/.test(n)) {
        throw new StandInError('InvalidArgument', `'${n}' is not a valid sheet name.`, 'WorksheetCollection.add');
      }
      if (model.find(n)) throw new StandInError('ItemAlreadyExists', `A sheet named '${n}' already exists.`, 'WorksheetCollection.add');
      const s = new SheetModel(n);
      model.sheets.push(s);
      ref.id = s.id;
      return { wrote: true };
    });
    return ws;
  }
}

/** A part of one worksheet (its protection, notes, threads, page layout, breaks): office.js addresses it through the sheet. */
abstract class SheetChild extends ClientObject {
  constructor(
    ctx: RequestContextCore,
    readonly sheet: Worksheet,
  ) {
    super(ctx);
  }
  override pathParent(): ClientObject | undefined {
    return this.sheet;
  }
}

export class Worksheet extends ClientObject {
  readonly protection: WorksheetProtection;
  readonly charts: ChartCollection;
  private nullFound: boolean | undefined;
  private notesProxy: NoteCollection | undefined;
  private commentsProxy: CommentCollection | undefined;
  private pageLayoutProxy: PageLayout | undefined;
  private breaksProxy: PageBreakCollection | undefined;

  /** ExcelApi 1.18. */
  get notes(): NoteCollection {
    this.context.requireApi('1.18', 'Worksheet.notes');
    return (this.notesProxy ??= new NoteCollection(this.context, this));
  }
  /** ExcelApi 1.10: threaded comments. */
  get comments(): CommentCollection {
    this.context.requireApi('1.10', 'Worksheet.comments');
    return (this.commentsProxy ??= new CommentCollection(this.context, this));
  }
  /** Excel tables (ListObjects) on the sheet: counted only. */
  get tables(): CountedCollection {
    return new CountedCollection(this.context, () => this.model().counted.tables, 'TableCollection');
  }
  /** ExcelApi 1.3: PivotTables on the sheet, counted only. */
  get pivotTables(): CountedCollection {
    this.context.requireApi('1.3', 'Worksheet.pivotTables');
    return new CountedCollection(this.context, () => this.model().counted.pivotTables, 'PivotTableCollection');
  }
  /** ExcelApi 1.9. */
  get pageLayout(): PageLayout {
    this.context.requireApi('1.9', 'Worksheet.pageLayout');
    return (this.pageLayoutProxy ??= new PageLayout(this.context, this));
  }
  /** ExcelApi 1.9: manual breaks only. */
  get horizontalPageBreaks(): PageBreakCollection {
    this.context.requireApi('1.9', 'Worksheet.horizontalPageBreaks');
    return (this.breaksProxy ??= new PageBreakCollection(this.context, this));
  }

  constructor(
    ctx: RequestContextCore,
    private readonly ref: { id?: string; name?: string; nullable?: boolean },
  ) {
    super(ctx);
    this.protection = new WorksheetProtection(ctx, this);
    this.charts = new ChartCollection(ctx, this);
    if (ref.nullable) {
      // isNullObject is available after the sync in which the object was asked for.
      ctx.enqueue(undefined, () => {
        const missing = !this.find();
        return { response: 8, commit: () => (this._v.isNullObject = missing) };
      });
    }
  }

  protected get typeName() {
    return 'Worksheet';
  }

  find(): SheetModel | undefined {
    const model = this.context.env.model;
    if (this.ref.id) return model.findById(this.ref.id);
    if (this.ref.name !== undefined) {
      // Excel's getItem takes a sheet's name or its id.
      const s = model.find(this.ref.name) ?? model.findById(this.ref.name);
      if (s) this.ref.id = s.id;
      return s;
    }
    return undefined;
  }

  /** The sheet this proxy stands for, at the moment an action runs. */
  model(): SheetModel {
    const s = this.find();
    if (!s) {
      throw new StandInError(
        'ItemNotFound',
        `The requested resource doesn't exist (worksheet '${this.ref.name ?? this.ref.id}').`,
        'WorksheetCollection.getItem',
      );
    }
    return s;
  }

  protected override exists(): boolean {
    return !this.ref.nullable || !!this.find();
  }

  protected loaders() {
    return {
      name: () => this.model().name,
      id: () => this.model().id,
      visibility: () => this.model().visibility,
      position: () => this.context.env.model.sheets.indexOf(this.model()),
      tabColor: () => '',
    };
  }
  protected override children() {
    return { protection: this.protection } as Record<string, ClientObject>;
  }

  /** For collection loads: evaluate now, inside the collection's action. */
  loadNow(props: string[]): { response: number; commit: () => void } {
    const loaders = this.loaders() as Record<string, () => unknown>;
    const own = props.filter((p) => !p.includes('/'));
    const list = own.length ? own : Object.keys(loaders);
    const got: Record<string, unknown> = {};
    for (const p of list) {
      if (!(p in loaders)) throw new StandInError('InvalidArgument', `Unknown property '${p}'.`, 'Worksheet.load');
      got[p] = loaders[p]();
    }
    let prot: boolean | undefined;
    if (props.some((p) => p.startsWith('protection'))) prot = this.model().protected;
    return {
      response: jsonBytes(got) + (prot === undefined ? 0 : 20),
      commit: () => {
        Object.assign(this._v, got);
        if (prot !== undefined) this.protection.setLoaded(prot);
      },
    };
  }

  get isNullObject(): boolean {
    if (!this.ref.nullable) return false;
    return this.get('isNullObject');
  }
  get name(): string {
    return this.get('name');
  }
  /** Renaming follows Excel's rules: 1–31 characters, none of \\ / ? * : [ ], unique ignoring case. */
  set name(n: string) {
    this.set('name', n, () => {
      const model = this.context.env.model;
      const s = this.model();
      if (typeof n !== 'string' || n.length === 0 || n.length > 31 || /[\\/?*:[\]]/.test(n) || /^'|'$/.test(n)) {
        throw new StandInError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.', 'Worksheet.name');
      }
      if (model.sheets.some((x) => x !== s && x.name.toLowerCase() === n.toLowerCase())) {
        throw new StandInError('InvalidArgument', 'The sheet name is already taken. Try another name.', 'Worksheet.name');
      }
      if (model.activeSheet === s.name) model.activeSheet = n;
      if (model.selection?.sheet === s.name) model.selection = { ...model.selection, sheet: n };
      s.name = n;
    });
  }
  get id(): string {
    return this.get('id');
  }
  get position(): number {
    return this.get('position');
  }
  get visibility(): Visibility {
    return this.get('visibility');
  }
  set visibility(v: Visibility) {
    const norm = VISIBILITIES.find((x) => x.toLowerCase() === String(v).toLowerCase());
    this.set('visibility', v, () => {
      this.context.checkUndo('Worksheet.visibility');
      checkStructure(this.context, 'Worksheet.visibility');
      if (!norm) throw new StandInError('InvalidArgument', `Bad visibility '${v}'.`, 'Worksheet.visibility');
      const s = this.model();
      if (norm !== 'Visible' && this.context.env.model.sheets.filter((x) => x.visibility === 'Visible' && x !== s).length === 0) {
        throw new StandInError('InvalidOperation', 'A workbook must keep at least one visible sheet.', 'Worksheet.visibility');
      }
      s.visibility = norm;
    });
  }

  getRange(address?: string): Range {
    const rect = address ? parseAddress(address) : { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 };
    return new Range(this.context, this, () => rect);
  }
  getRangeByIndexes(row: number, col: number, rowCount: number, colCount: number): Range {
    this.context.requireApi('1.7', 'Worksheet.getRangeByIndexes');
    return new Range(this.context, this, () => ({ top: row, left: col, bottom: row + rowCount - 1, right: col + colCount - 1 }));
  }
  getCell(row: number, col: number): Range {
    return new Range(this.context, this, () => ({ top: row, left: col, bottom: row, right: col }));
  }
  getUsedRange(valuesOnly?: boolean): Range {
    return new Range(this.context, this, () => this.model().usedRect(!!valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    this.context.requireApi('1.4', 'Worksheet.getUsedRangeOrNullObject');
    return new Range(this.context, this, () => (this.find() ? this.model().usedRect(!!valuesOnly) : null), true);
  }

  delete(): void {
    this.act(undefined, () => {
      this.context.checkUndo('Worksheet.delete');
      checkStructure(this.context, 'Worksheet.delete');
      const model = this.context.env.model;
      const s = this.model();
      if (model.sheets.filter((x) => x.visibility === 'Visible' && x !== s).length === 0) {
        throw new StandInError('InvalidOperation', 'A workbook must keep at least one visible sheet.', 'Worksheet.delete');
      }
      model.sheets.splice(model.sheets.indexOf(s), 1);
      if (model.selection?.sheet === s.name) model.selection = null;
    });
  }

  activate(): void {
    this.act(undefined, () => {
      const s = this.model();
      if (s.visibility !== 'Visible') throw new StandInError('InvalidOperation', 'A hidden sheet cannot be activated.', 'Worksheet.activate');
      this.context.env.model.activeSheet = s.name;
    });
  }
}

export class WorksheetProtection extends SheetChild {
  protected get typeName() {
    return 'WorksheetProtection';
  }
  protected loaders() {
    return { protected: () => this.sheet.model().protected };
  }
  protected override exists(): boolean {
    return !!this.sheet.find() || !(this.sheet as unknown as { ref: { nullable?: boolean } }).ref.nullable;
  }
  setLoaded(v: boolean): void {
    this._v.protected = v;
  }
  get protected(): boolean {
    return this.get('protected');
  }
}

/** Excel's empty cell reads as ''; the stand-in's model keeps null. */
const shown = (v: CellValue): string | number | boolean => (v === null ? '' : v);

export class Range extends ClientObject {
  private rectMemo: Rect | null | undefined;
  readonly format: RangeFormat;
  readonly dataValidation: DataValidation;
  /** ExcelApi 1.6: the sheet's conditional formats (staff's, counted only; any range answers for the sheet). */
  get conditionalFormats(): CountedCollection {
    this.context.requireApi('1.6', 'Range.conditionalFormats');
    return new CountedCollection(this.context, () => this.sheet.model().counted.conditionalFormats, 'ConditionalFormatCollection');
  }

  constructor(
    ctx: RequestContextCore,
    readonly sheet: Worksheet,
    private readonly locate: () => Rect | null,
    private readonly nullable = false,
  ) {
    super(ctx);
    this.format = new RangeFormat(ctx, this);
    this.dataValidation = new DataValidation(ctx, this);
    if (nullable) {
      ctx.enqueue(undefined, () => {
        const missing = !this.rectOrNull();
        return { response: 8, commit: () => (this._v.isNullObject = missing) };
      });
    }
  }

  override pathParent(): ClientObject | undefined {
    return this.sheet;
  }
  protected get typeName() {
    return 'Range';
  }

  rectOrNull(): Rect | null {
    if (this.rectMemo === undefined) this.rectMemo = this.locate();
    return this.rectMemo;
  }
  rect(): Rect {
    const r = this.rectOrNull();
    if (!r) throw new StandInError('ItemNotFound', 'The range does not exist.', 'Range');
    if (r.top < 0 || r.left < 0 || r.bottom < r.top || r.right < r.left || r.bottom >= MAX_ROWS || r.right >= MAX_COLS) {
      throw new StandInError('InvalidArgument', 'The range is outside the sheet.', 'Range');
    }
    return r;
  }
  protected override exists(): boolean {
    return !this.nullable || !!this.rectOrNull();
  }

  private grid<T>(f: (s: SheetModel, r: number, c: number) => T): T[][] | null {
    const s = this.sheet.model();
    const r = this.rect();
    const rows = r.bottom - r.top + 1;
    const cols = r.right - r.left + 1;
    if (rows * cols > MAX_READ_CELLS) return null;
    const out: T[][] = new Array(rows);
    for (let i = 0; i < rows; i++) {
      const row: T[] = new Array(cols);
      for (let j = 0; j < cols; j++) row[j] = f(s, r.top + i, r.left + j);
      out[i] = row;
    }
    return out;
  }

  protected loaders() {
    return {
      address: () => qualified(this.sheet.model().name, this.rect()),
      rowIndex: () => this.rect().top,
      columnIndex: () => this.rect().left,
      rowCount: () => this.rect().bottom - this.rect().top + 1,
      columnCount: () => this.rect().right - this.rect().left + 1,
      cellCount: () => (this.rect().bottom - this.rect().top + 1) * (this.rect().right - this.rect().left + 1),
      values: () => this.grid((s, r, c) => shown(s.value(r, c))),
      formulas: () => this.grid((s, r, c) => s.formula(r, c) ?? shown(s.value(r, c))),
      numberFormat: () => this.grid((s, r, c) => s.numberFormats.get(cellKey(r, c)) ?? 'General'),
      text: () => this.grid((s, r, c) => String(shown(s.value(r, c)))),
    };
  }
  protected override children() {
    return { format: this.format, dataValidation: this.dataValidation } as Record<string, ClientObject>;
  }

  get isNullObject(): boolean {
    if (!this.nullable) return false;
    return this.get('isNullObject');
  }
  get address(): string {
    return this.get('address');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get cellCount(): number {
    return this.get('cellCount');
  }
  get text(): string[][] {
    return this.get('text');
  }
  get values(): unknown[][] {
    return this.get('values');
  }
  set values(v: unknown[][]) {
    this.set('values', v, () => this.writeCells(v, 'values'));
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  set formulas(v: unknown[][]) {
    this.set('formulas', v, () => this.writeCells(v, 'formulas'));
  }
  get numberFormat(): unknown[][] {
    return this.get('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.set('numberFormat', v, () =>
      this.eachInput(v, 'numberFormat', (s, r, c, x) => {
        if (x === null || x === undefined) return;
        if (x === 'General' || x === '') s.numberFormats.delete(cellKey(r, c));
        else s.numberFormats.set(cellKey(r, c), String(x));
      }),
    );
  }

  /** ExcelApi 1.7: a link to a place in the workbook (documentReference) or a web address. */
  set hyperlink(v: { documentReference?: string; address?: string; textToDisplay?: string; screenTip?: string }) {
    this.context.requireApi('1.7', 'Range.hyperlink');
    if (!v || (v.documentReference === undefined && v.address === undefined)) {
      throw new StandInError('InvalidArgument', 'A hyperlink needs an address or a documentReference.', 'Range.hyperlink');
    }
    this.set('hyperlink', v, () =>
      this.eachInput(v.documentReference ?? v.address, 'hyperlink', (s, r, c, x) => {
        s.hyperlinks.set(cellKey(r, c), String(x));
        if (v.textToDisplay !== undefined) s.setCell(r, c, v.textToDisplay, null);
      }),
    );
  }

  /** Every cell of a protected sheet is locked (Excel's default), so any change is refused. */
  writable(what: string): SheetModel {
    const s = this.sheet.model();
    if (s.protected) {
      throw new StandInError(
        'AccessDenied',
        `The cell or chart you're trying to change is on a protected sheet ('${s.name}').`,
        `Range.${what}`,
      );
    }
    return s;
  }

  private eachInput(v: unknown, what: string, f: (s: SheetModel, r: number, c: number, x: unknown) => void): void {
    const s = this.writable(what);
    const rect = this.rect();
    const rows = rect.bottom - rect.top + 1;
    const cols = rect.right - rect.left + 1;
    const scalar = !Array.isArray(v);
    if (!scalar) {
      const arr = v as unknown[][];
      if (arr.length !== rows || arr.some((row) => !Array.isArray(row) || row.length !== cols)) {
        throw new StandInError(
          'InvalidArgument',
          "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
          `Range.${what}`,
        );
      }
    }
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) f(s, rect.top + i, rect.left + j, scalar ? v : (v as unknown[][])[i][j]);
    }
  }

  /**
   * Excel's write semantics: null leaves a cell as it is, '' clears it, '=…' becomes a formula
   * unless the cell is formatted as text ('@'), numeric text becomes a number unless '@'.
   */
  private writeCells(v: unknown, what: 'values' | 'formulas'): void {
    this.eachInput(v, what, (s, r, c, x) => {
      if (x === null || x === undefined) return;
      const m = s.mergeAt(r, c);
      if (m && (m.top !== r || m.left !== c)) return;
      const isText = s.numberFormats.get(cellKey(r, c)) === '@';
      if (x === '') s.setCell(r, c, null, null);
      else if (typeof x === 'string' && !isText && x.startsWith('=') && x.length > 1) s.setCell(r, c, null, x);
      else if (typeof x === 'string' && !isText && /^[-+]?\d+(\.\d+)?$/.test(x.trim())) s.setCell(r, c, Number(x), null);
      else if (typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') s.setCell(r, c, x, null);
      else throw new StandInError('InvalidArgument', `Unsupported cell value ${JSON.stringify(x)}.`, `Range.${what}`);
    });
  }

  styleCells(what: string, f: (st: CellStyle) => void): void {
    const s = this.writable(what);
    const r = this.rect();
    for (let i = r.top; i <= r.bottom; i++) {
      for (let j = r.left; j <= r.right; j++) {
        const k = cellKey(i, j);
        const st = s.styles.get(k) ?? {};
        f(st);
        s.styles.set(k, st);
      }
    }
  }

  getCell(row: number, col: number): Range {
    return new Range(this.context, this.sheet, () => {
      const r = this.rect();
      return { top: r.top + row, left: r.left + col, bottom: r.top + row, right: r.left + col };
    });
  }

  /** A row of this range (office.js itself splits a large values array into such row blocks). */
  getRow(row: number): Range {
    return new Range(this.context, this.sheet, () => {
      const r = this.rect();
      return { top: r.top + row, left: r.left, bottom: r.top + row, right: r.right };
    });
  }

  /** The smallest range holding this one and `other`. */
  getBoundingRect(other: Range): Range {
    return new Range(this.context, this.sheet, () => {
      const a = this.rect();
      const b = other.rect();
      return { top: Math.min(a.top, b.top), left: Math.min(a.left, b.left), bottom: Math.max(a.bottom, b.bottom), right: Math.max(a.right, b.right) };
    });
  }

  /** ExcelApi 1.13; like Excel, reports only areas whose top-left cell lies inside this range. */
  getMergedAreasOrNullObject(): MergedAreas {
    this.context.requireApi('1.13', 'Range.getMergedAreasOrNullObject');
    return new MergedAreas(this.context, this);
  }

  merge(across?: boolean): void {
    this.act(undefined, () => {
      const s = this.writable('merge');
      const r = this.rect();
      const areas: Rect[] = across
        ? Array.from({ length: r.bottom - r.top + 1 }, (_, i) => ({ top: r.top + i, bottom: r.top + i, left: r.left, right: r.right }))
        : [r];
      for (const a of areas) {
        if (a.top === a.bottom && a.left === a.right) continue;
        s.merges = s.merges.filter((m) => m.bottom < a.top || m.top > a.bottom || m.right < a.left || m.left > a.right);
        s.merges.push({ ...a });
        for (let i = a.top; i <= a.bottom; i++) {
          for (let j = a.left; j <= a.right; j++) if (i !== a.top || j !== a.left) s.setCell(i, j, null, null);
        }
      }
    });
  }

  unmerge(): void {
    this.act(undefined, () => {
      const s = this.writable('unmerge');
      const a = this.rect();
      s.merges = s.merges.filter((m) => m.bottom < a.top || m.top > a.bottom || m.right < a.left || m.left > a.right);
    });
  }

  clear(applyTo?: string): void {
    this.act(applyTo, () => {
      const s = this.writable('clear');
      const want = this.rect();
      const what = (applyTo ?? 'All').toLowerCase();
      // Only the part of the range that holds anything needs visiting.
      const used = s.usedRect(false);
      if (!used) return;
      const r = {
        top: Math.max(want.top, used.top),
        left: Math.max(want.left, used.left),
        bottom: Math.min(want.bottom, used.bottom),
        right: Math.min(want.right, used.right),
      };
      for (let i = r.top; i <= r.bottom; i++) {
        for (let j = r.left; j <= r.right; j++) {
          const k = cellKey(i, j);
          if (what === 'all' || what === 'contents') s.setCell(i, j, null, null);
          // "Clears everything in the range": notes and comments too, as Clear All does in Excel.
          if (what === 'all') {
            s.notes.delete(k);
            s.threads.delete(k);
          }
          if (what === 'all' || what === 'formats') {
            s.numberFormats.delete(k);
            s.fills.delete(k);
            s.styles.delete(k);
          }
        }
      }
    });
  }

  select(): void {
    this.act(undefined, () => {
      const s = this.sheet.model();
      if (s.visibility !== 'Visible') throw new StandInError('InvalidOperation', 'Cannot select on a hidden sheet.', 'Range.select');
      const model = this.context.env.model;
      model.activeSheet = s.name;
      model.selection = { sheet: s.name, address: qualified(s.name, this.rect()).split('!')[1] };
    });
  }
}

export class MergedAreas extends ClientObject {
  readonly areas: RangeCollection;
  constructor(
    ctx: RequestContextCore,
    private readonly range: Range,
  ) {
    super(ctx);
    this.areas = new RangeCollection(ctx, () => this.found().map((m) => new Range(ctx, range.sheet, () => m)));
    ctx.enqueue(undefined, () => {
      const n = this.found().length;
      if (n > MAX_MERGED_AREAS) {
        throw new StandInError('GeneralException', `The range has ${n} merged areas; at most ${MAX_MERGED_AREAS} can be returned.`, 'Range.getMergedAreasOrNullObject');
      }
      return { response: 8, commit: () => (this._v.isNullObject = n === 0) };
    });
  }
  override pathParent(): ClientObject | undefined {
    return this.range;
  }
  protected get typeName() {
    return 'RangeAreas';
  }
  private found(): Rect[] {
    const s = this.range.sheet.model();
    const r = this.range.rect();
    return s.merges.filter((m) => m.top >= r.top && m.top <= r.bottom && m.left >= r.left && m.left <= r.right);
  }
  protected override exists(): boolean {
    return this.found().length > 0;
  }
  protected loaders() {
    return {
      address: () => this.found().map((m) => qualified(this.range.sheet.model().name, m)).join(', '),
      areaCount: () => this.found().length,
    };
  }
  protected override children() {
    return { areas: this.areas } as Record<string, ClientObject>;
  }
  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  get address(): string {
    return this.get('address');
  }
  get areaCount(): number {
    return this.get('areaCount');
  }
}

export class RangeCollection extends ClientObject {
  constructor(
    ctx: RequestContextCore,
    private readonly list: () => Range[],
  ) {
    super(ctx);
  }
  protected get typeName() {
    return 'RangeCollection';
  }
  protected loaders() {
    return {};
  }
  get items(): Range[] {
    return this.get('items');
  }
  override load(arg?: Parameters<ClientObject['load']>[0]): this {
    const props = parseLoad(arg)
      .map((p) => p.replace(/^items\//, ''))
      .filter((p) => p !== 'items');
    const wanted = props.length ? props : ['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount'];
    this.context.enqueue(wanted, () => {
      const items = this.list();
      const rows = items.map((it) => {
        const rr = it.rect();
        const all: Record<string, unknown> = {
          address: qualified(it.sheet.model().name, rr),
          rowIndex: rr.top,
          columnIndex: rr.left,
          rowCount: rr.bottom - rr.top + 1,
          columnCount: rr.right - rr.left + 1,
        };
        const got: Record<string, unknown> = {};
        for (const p of wanted) {
          if (!(p in all)) throw new StandInError('InvalidArgument', `Unknown property '${p}'.`, 'RangeCollection.load');
          got[p] = all[p];
        }
        return got;
      });
      return {
        response: jsonBytes(rows),
        commit: () => {
          items.forEach((it, i) => Object.assign((it as unknown as { _v: Record<string, unknown> })._v, rows[i]));
          this._v.items = items;
        },
      };
    });
    return this;
  }
}

export class RangeFormat extends ClientObject {
  readonly fill: RangeFill;
  readonly font: RangeFont;
  readonly borders: RangeBorderCollection;
  constructor(
    ctx: RequestContextCore,
    private readonly range: Range,
  ) {
    super(ctx);
    this.fill = new RangeFill(ctx, range);
    this.font = new RangeFont(ctx, range);
    this.borders = new RangeBorderCollection(ctx, range);
  }
  override pathParent(): ClientObject | undefined {
    return this.range;
  }
  protected get typeName() {
    return 'RangeFormat';
  }
  protected loaders() {
    return {
      columnWidth: () => this.range.sheet.model().columnWidths.get(this.range.rect().left) ?? 48,
      wrapText: () => false,
      horizontalAlignment: () => 'General',
    };
  }
  protected override children() {
    return { fill: this.fill, font: this.font } as Record<string, ClientObject>;
  }
  get columnWidth(): number {
    return this.get('columnWidth');
  }
  set columnWidth(w: number) {
    this.set('columnWidth', w, () => {
      const r = this.range.rect();
      const s = this.range.sheet.model();
      for (let c = r.left; c <= r.right; c++) s.columnWidths.set(c, w);
    });
  }
  set horizontalAlignment(a: string) {
    this.set('horizontalAlignment', a, () => this.range.styleCells('format.horizontalAlignment', (st) => (st.horizontalAlignment = a)));
  }
  get horizontalAlignment(): string {
    return this.get('horizontalAlignment');
  }
  set wrapText(w: boolean) {
    this.set('wrapText', w, () => this.range.styleCells('format.wrapText', (st) => (st.wrapText = w)));
  }
  get wrapText(): boolean {
    return this.get('wrapText');
  }
}

export class RangeFill extends ClientObject {
  constructor(
    ctx: RequestContextCore,
    private readonly range: Range,
  ) {
    super(ctx);
  }
  override pathParent(): ClientObject | undefined {
    return this.range.format;
  }
  protected get typeName() {
    return 'RangeFill';
  }
  protected loaders() {
    return {
      // Excel reports no fill as white, and null when the cells of the range differ.
      color: () => {
        const s = this.range.sheet.model();
        const r = this.range.rect();
        let seen: string | undefined;
        for (let i = r.top; i <= r.bottom; i++) {
          for (let j = r.left; j <= r.right; j++) {
            const c = s.fills.get(cellKey(i, j)) ?? '#FFFFFF';
            if (seen === undefined) seen = c;
            else if (seen !== c) return null;
          }
        }
        return seen ?? '#FFFFFF';
      },
      // ExcelApi 1.9: 'None' for No Fill, 'Solid' for a colour (white included), null when mixed.
      pattern: () => {
        const s = this.range.sheet.model();
        const r = this.range.rect();
        let seen: string | undefined;
        for (let i = r.top; i <= r.bottom; i++) {
          for (let j = r.left; j <= r.right; j++) {
            const p = s.fills.has(cellKey(i, j)) ? 'Solid' : 'None';
            if (seen === undefined) seen = p;
            else if (seen !== p) return null;
          }
        }
        return seen ?? 'None';
      },
    };
  }
  get color(): string {
    return this.get('color');
  }
  get pattern(): string {
    return this.get('pattern');
  }
  set color(c: string) {
    this.set('color', c, () => {
      const s = this.range.writable('format.fill.color');
      const r = this.range.rect();
      const norm = c.toUpperCase();
      for (let i = r.top; i <= r.bottom; i++) for (let j = r.left; j <= r.right; j++) s.fills.set(cellKey(i, j), norm);
    });
  }
  clear(): void {
    this.act(undefined, () => {
      const s = this.range.writable('format.fill.clear');
      const r = this.range.rect();
      for (let i = r.top; i <= r.bottom; i++) for (let j = r.left; j <= r.right; j++) s.fills.delete(cellKey(i, j));
    });
  }
}

export class RangeFont extends ClientObject {
  constructor(
    ctx: RequestContextCore,
    private readonly range: Range,
  ) {
    super(ctx);
  }
  override pathParent(): ClientObject | undefined {
    return this.range.format;
  }
  protected get typeName() {
    return 'RangeFont';
  }
  protected loaders() {
    return { bold: () => !!this.range.sheet.model().styles.get(cellKey(this.range.rect().top, this.range.rect().left))?.bold };
  }
  get bold(): boolean {
    return this.get('bold');
  }
  set bold(b: boolean) {
    this.set('bold', b, () => this.range.styleCells('format.font.bold', (st) => (st.bold = b)));
  }
}

export class RangeBorderCollection {
  constructor(
    private readonly ctx: RequestContextCore,
    private readonly range: Range,
  ) {}
  getItem(_side: string): { style: string } {
    const range = this.range;
    const ctx = this.ctx;
    return {
      set style(v: string) {
        ctx.enqueue(v, () => {
          range.styleCells('format.borders', (st) => (st.border = v !== 'None'));
          return { wrote: true };
        });
      },
      get style(): string {
        throw new StandInError('PropertyNotLoaded', 'Border style is write-only in the stand-in.');
      },
    };
  }
}

export class DataValidation extends ClientObject {
  constructor(
    ctx: RequestContextCore,
    private readonly range: Range,
  ) {
    super(ctx);
  }
  override pathParent(): ClientObject | undefined {
    return this.range;
  }
  protected get typeName() {
    return 'DataValidation';
  }
  protected loaders() {
    return {
      rule: () => {
        const s = this.range.sheet.model();
        const r = this.range.rect();
        const v = s.validations.find((x) => x.range.top <= r.top && x.range.left <= r.left && x.range.bottom >= r.bottom && x.range.right >= r.right);
        return v ? { list: { inCellDropDown: true, source: v.list.join(',') } } : {};
      },
      // As Excel reports it: None where no cell has a rule, the rule's type where one rule covers the range, else Inconsistent.
      type: () => {
        const s = this.range.sheet.model();
        const r = this.range.rect();
        const hit = s.validations.filter((x) => !(x.range.bottom < r.top || x.range.top > r.bottom || x.range.right < r.left || x.range.left > r.right));
        if (hit.length === 0) return 'None';
        const whole = hit.length === 1 && hit[0].range.top <= r.top && hit[0].range.left <= r.left && hit[0].range.bottom >= r.bottom && hit[0].range.right >= r.right;
        return whole ? 'List' : 'Inconsistent';
      },
    };
  }
  get type(): unknown {
    return this.get('type');
  }
  get rule(): unknown {
    return this.get('rule');
  }
  set rule(rule: unknown) {
    this.context.requireApi('1.8', 'Range.dataValidation');
    this.set('rule', rule, () => {
      const list = (rule as { list?: { source?: string } }).list;
      if (!list || typeof list.source !== 'string') {
        throw new StandInError('InvalidArgument', 'Only list rules are supported by the stand-in.', 'DataValidation.rule');
      }
      const s = this.range.writable('dataValidation');
      const r = this.range.rect();
      s.validations = s.validations.filter((v) => !(v.range.top >= r.top && v.range.bottom <= r.bottom && v.range.left >= r.left && v.range.right <= r.right));
      s.validations.push({ range: { ...r }, list: list.source.split(',') });
    });
  }
  clear(): void {
    this.context.requireApi('1.8', 'Range.dataValidation');
    this.act(undefined, () => {
      const s = this.range.writable('dataValidation');
      const r = this.range.rect();
      s.validations = s.validations.filter((v) => v.range.bottom < r.top || v.range.top > r.bottom || v.range.right < r.left || v.range.left > r.right);
    });
  }
}

/** A collection the stand-in only counts (what staff made that the add-in only needs to know is there). */
export class CountedCollection {
  constructor(
    private readonly ctx: RequestContextCore,
    private readonly count: () => number,
    readonly kind: string,
  ) {}
  /** ExcelApi 1.4 (conditional formats 1.6). */
  getCount(): ClientResult<number> {
    const r = new ClientResult<number>();
    this.ctx.enqueue(undefined, () => {
      const n = this.count();
      return { response: 8, commit: () => r.setValue(n) };
    });
    return r;
  }
}

export class ChartCollection {
  constructor(
    private readonly ctx: RequestContextCore,
    private readonly sheet: Worksheet,
  ) {}
  /** ExcelApi 1.4. */
  getCount(): ClientResult<number> {
    const r = new ClientResult<number>();
    this.ctx.enqueue(undefined, () => {
      const n = this.sheet.model().charts.length;
      return { response: 8, commit: () => r.setValue(n) };
    });
    return r;
  }
  add(type: string, sourceData: Range, seriesBy?: string): Chart {
    const chart = new Chart(this.ctx, this.sheet);
    this.ctx.enqueue([type, seriesBy], () => {
      const s = this.sheet.model();
      if (s.protected) throw new StandInError('AccessDenied', `Sheet '${s.name}' is protected.`, 'ChartCollection.add');
      const model = { name: `Chart ${s.charts.length + 1}`, type, source: qualified(s.name, sourceData.rect()), title: '', anchor: null };
      s.charts.push(model);
      chart.bind(model);
      return { wrote: true };
    });
    return chart;
  }
}

export class Chart {
  private m: SheetModel['charts'][number] | undefined;
  readonly title: { text: string };
  constructor(
    private readonly ctx: RequestContextCore,
    readonly sheet: Worksheet,
  ) {
    const model = () => this.model();
    let text = '';
    this.title = {
      get text() {
        return text;
      },
      set text(t: string) {
        text = t;
        ctx.enqueue(t, () => {
          model().title = t;
          return { wrote: true };
        });
      },
    };
  }
  bind(m: SheetModel['charts'][number]): void {
    this.m = m;
  }
  private model(): SheetModel['charts'][number] {
    if (!this.m) throw new StandInError('ItemNotFound', 'The chart does not exist.', 'Chart');
    return this.m;
  }
  setPosition(startCell: string | Range, _endCell?: string | Range): void {
    this.ctx.enqueue(typeof startCell === 'string' ? startCell : undefined, () => {
      this.model().anchor = typeof startCell === 'string' ? startCell : qualified(this.sheet.model().name, startCell.rect()).split('!')[1];
      return { wrote: true };
    });
  }
  set name(n: string) {
    this.ctx.enqueue(n, () => {
      this.model().name = n;
      return { wrote: true };
    });
  }
}

/** A single cell's key from 'H7', 'Sheet!$H$7' or a Range; notes live on one cell. */
function noteKey(at: string | Range, api: string): string {
  const r = typeof at === 'string' ? parseAddress(at) : at.rect();
  if (r.top !== r.bottom || r.left !== r.right) throw new StandInError('InvalidCellAddress', 'A note belongs to a single cell.', api);
  return cellKey(r.top, r.left);
}

/** ExcelApi 1.18: the sheet's notes. On a protected sheet they cannot be added or edited. */
export class NoteCollection extends SheetChild {
  protected get typeName() {
    return 'NoteCollection';
  }
  protected loaders() {
    return {};
  }
  get items(): Note[] {
    return this.get('items');
  }
  override load(arg?: Parameters<ClientObject['load']>[0]): this {
    const props = parseLoad(arg).map((p) => p.replace(/^items\//, '')).filter((p) => p !== 'items');
    this.context.enqueue(props, () => {
      const s = this.sheet.model();
      const items = [...s.notes.keys()].map((k) => new Note(this.context, this, () => k));
      const rows = items.map((n) => n.values(props));
      return {
        response: jsonBytes(rows),
        commit: () => {
          items.forEach((n, i) => n.setLoaded(rows[i]));
          this._v.items = items;
        },
      };
    }, this);
    return this;
  }
  add(cellAddress: string | Range, content: string): Note {
    const api = 'NoteCollection.add';
    let key = '';
    const note = new Note(this.context, this, () => key);
    this.context.enqueue([typeof cellAddress === 'string' ? cellAddress : null, content], () => {
      const s = this.sheet.model();
      if (s.protected) throw new StandInError('AccessDenied', `Sheet '${s.name}' is protected.`, api);
      key = noteKey(cellAddress, api);
      if (s.notes.has(key)) throw new StandInError('InvalidOperation', 'The cell already has a note.', api);
      if (s.threads.has(key)) throw new StandInError('InvalidOperation', 'The cell has a threaded comment; a cell holds a note or a comment, not both.', api);
      if (typeof content !== 'string') throw new StandInError('InvalidArgument', 'The note content must be text.', api);
      s.notes.set(key, { content, author: this.context.env.userName });
      return { wrote: true };
    }, this);
    return note;
  }
  getCount(): ClientResult<number> {
    const r = new ClientResult<number>();
    this.context.enqueue(undefined, () => {
      const n = this.sheet.model().notes.size;
      return { response: 8, commit: () => r.setValue(n) };
    }, this);
    return r;
  }
  getItem(key: string): Note {
    return new Note(this.context, this, () => noteKey(key, 'NoteCollection.getItem'));
  }
  getItemAt(index: number): Note {
    return new Note(this.context, this, () => [...this.sheet.model().notes.keys()][index] ?? `#${index}`);
  }
  getItemOrNullObject(key: string): Note {
    return new Note(this.context, this, () => noteKey(key, 'NoteCollection.getItemOrNullObject'), true);
  }
}

export class Note extends ClientObject {
  constructor(
    ctx: RequestContextCore,
    private readonly parent: NoteCollection,
    private readonly key: () => string,
    private readonly nullable = false,
  ) {
    super(ctx);
    if (nullable) {
      ctx.enqueue(undefined, () => {
        const missing = !this.found();
        return { response: 8, commit: () => (this._v.isNullObject = missing) };
      });
    }
  }
  override pathParent(): ClientObject | undefined {
    return this.parent;
  }
  protected get typeName() {
    return 'Note';
  }
  private found(): NoteModel | undefined {
    return this.parent.sheet.model().notes.get(this.key());
  }
  private model(): NoteModel {
    const n = this.found();
    if (!n) throw new StandInError('ItemNotFound', 'The requested note does not exist.', 'Note');
    return n;
  }
  protected override exists(): boolean {
    return !this.nullable || !!this.found();
  }
  protected loaders() {
    return { content: () => this.model().content, authorName: () => this.model().author };
  }
  /** For collection loads. */
  values(props: string[]): Record<string, unknown> {
    const l = this.loaders() as Record<string, () => unknown>;
    return Object.fromEntries((props.length ? props : Object.keys(l)).map((p) => [p, l[p]()]));
  }
  setLoaded(v: Record<string, unknown>): void {
    Object.assign(this._v, v);
  }
  get isNullObject(): boolean {
    if (!this.nullable) return false;
    return this.get('isNullObject');
  }
  get content(): string {
    return this.get('content');
  }
  set content(v: string) {
    this.set('content', v, () => {
      const s = this.parent.sheet.model();
      if (s.protected) throw new StandInError('AccessDenied', `Sheet '${s.name}' is protected.`, 'Note.content');
      this.model().content = v;
    });
  }
  get authorName(): string {
    return this.get('authorName');
  }
  delete(): void {
    this.act(undefined, () => {
      this.model();
      this.parent.sheet.model().notes.delete(this.key());
    });
  }
  getLocation(): Range {
    return new Range(this.context, this.parent.sheet, () => {
      const [r, c] = this.key().split(',').map(Number);
      return { top: r, left: c, bottom: r, right: c };
    });
  }
}

/** ExcelApi 1.10: threaded comments, read only as far as the adapter needs (where they are). */
export class CommentCollection extends SheetChild {
  protected get typeName() {
    return 'CommentCollection';
  }
  protected loaders() {
    return {};
  }
  getCount(): ClientResult<number> {
    const r = new ClientResult<number>();
    this.context.enqueue(undefined, () => {
      const n = this.sheet.model().threads.size;
      return { response: 8, commit: () => r.setValue(n) };
    }, this);
    return r;
  }
  getItemAt(index: number): Comment {
    return new Comment(this.context, this, () => [...this.sheet.model().threads.keys()][index]);
  }
}

export class Comment extends ClientObject {
  constructor(
    ctx: RequestContextCore,
    private readonly parent: CommentCollection,
    private readonly key: () => string | undefined,
  ) {
    super(ctx);
  }
  override pathParent(): ClientObject | undefined {
    return this.parent;
  }
  protected get typeName() {
    return 'Comment';
  }
  private model(): NoteModel {
    const k = this.key();
    const c = k === undefined ? undefined : this.parent.sheet.model().threads.get(k);
    if (!c) throw new StandInError('ItemNotFound', 'The requested comment does not exist.', 'Comment');
    return c;
  }
  protected loaders() {
    return { content: () => this.model().content, authorName: () => this.model().author };
  }
  get content(): string {
    return this.get('content');
  }
  getLocation(): Range {
    return new Range(this.context, this.parent.sheet, () => {
      this.model();
      const [r, c] = this.key()!.split(',').map(Number);
      return { top: r, left: c, bottom: r, right: c };
    });
  }
}

const ORIENTATIONS = ['Portrait', 'Landscape'];
const PAPERS = ['Letter', 'LetterSmall', 'Tabloid', 'Ledger', 'Legal', 'Statement', 'Executive', 'A3', 'A4', 'A4Small', 'A5', 'B4', 'B5'];

/** ExcelApi 1.9: the page setup of a sheet, as far as the adapter sets it. */
export class PageLayout extends SheetChild {
  protected get typeName() {
    return 'PageLayout';
  }
  protected loaders() {
    const m = () => this.sheet.model().pageLayout;
    return { orientation: () => m().orientation, paperSize: () => m().paperSize, zoom: () => ({ ...m().zoom }) };
  }
  private writable(api: string) {
    const s = this.sheet.model();
    if (s.protected) throw new StandInError('AccessDenied', `Sheet '${s.name}' is protected.`, api);
    return s.pageLayout;
  }
  get orientation(): string {
    return this.get('orientation');
  }
  set orientation(v: string) {
    this.set('orientation', v, () => {
      if (!ORIENTATIONS.includes(v)) throw new StandInError('InvalidArgument', `Bad orientation '${v}'.`, 'PageLayout.orientation');
      this.writable('PageLayout.orientation').orientation = v as 'Portrait' | 'Landscape';
    });
  }
  get paperSize(): string {
    return this.get('paperSize');
  }
  set paperSize(v: string) {
    this.set('paperSize', v, () => {
      if (!PAPERS.includes(v)) throw new StandInError('InvalidArgument', `Bad paper size '${v}'.`, 'PageLayout.paperSize');
      this.writable('PageLayout.paperSize').paperSize = v;
    });
  }
  get zoom(): unknown {
    return this.get('zoom');
  }
  set zoom(v: unknown) {
    this.set('zoom', v, () => {
      // office.js sends the object as given; accept Excel's PascalCase too.
      const o = (v ?? {}) as Record<string, unknown>;
      const pick = (k: string) => (o[k] ?? o[k.charAt(0).toUpperCase() + k.slice(1)]) as number | undefined;
      const zoom = { scale: pick('scale'), horizontalFitToPages: pick('horizontalFitToPages'), verticalFitToPages: pick('verticalFitToPages') };
      if (zoom.scale !== undefined && (zoom.scale < 10 || zoom.scale > 400)) throw new StandInError('InvalidArgument', 'The scale must be between 10 and 400.', 'PageLayout.zoom');
      for (const k of ['horizontalFitToPages', 'verticalFitToPages'] as const) if (zoom[k] !== undefined && !(Number.isInteger(zoom[k]) && zoom[k]! >= 0)) throw new StandInError('InvalidArgument', `Bad ${k}.`, 'PageLayout.zoom');
      this.writable('PageLayout.zoom').zoom = Object.fromEntries(Object.entries(zoom).filter(([, x]) => x !== undefined));
    });
  }
  setPrintTitleRows(rows: string | Range): void {
    this.act(typeof rows === 'string' ? rows : null, () => {
      const r = typeof rows === 'string' ? parseAddress(rows) : rows.rect();
      if (r.left !== 0 || r.right !== MAX_COLS - 1) throw new StandInError('InvalidArgument', 'Print title rows must span entire rows.', 'PageLayout.setPrintTitleRows');
      this.writable('PageLayout.setPrintTitleRows').printTitleRows = `$${r.top + 1}:$${r.bottom + 1}`;
    });
  }
  setPrintArea(area: string | Range): void {
    this.act(typeof area === 'string' ? area : null, () => {
      const r = typeof area === 'string' ? parseAddress(area) : area.rect();
      this.writable('PageLayout.setPrintArea').printArea = qualified(this.sheet.model().name, r).split('!')[1];
    });
  }
}

/** ExcelApi 1.9: manual horizontal page breaks. */
export class PageBreakCollection extends SheetChild {
  protected get typeName() {
    return 'PageBreakCollection';
  }
  protected loaders() {
    return {};
  }
  add(pageBreakRange: string | Range): PageBreak {
    let row = -1;
    this.act(typeof pageBreakRange === 'string' ? pageBreakRange : null, () => {
      const r = typeof pageBreakRange === 'string' ? parseAddress(pageBreakRange) : pageBreakRange.rect();
      const s = this.sheet.model();
      if (s.protected) throw new StandInError('AccessDenied', `Sheet '${s.name}' is protected.`, 'PageBreakCollection.add');
      row = r.top;
      if (!s.rowBreaks.includes(r.top)) s.rowBreaks = [...s.rowBreaks, r.top].sort((a, b) => a - b);
    });
    return new PageBreak(this.context, this, () => row);
  }
  getCount(): ClientResult<number> {
    const r = new ClientResult<number>();
    this.context.enqueue(undefined, () => {
      const n = this.sheet.model().rowBreaks.length;
      return { response: 8, commit: () => r.setValue(n) };
    }, this);
    return r;
  }
  removePageBreaks(): void {
    this.act(undefined, () => {
      this.sheet.model().rowBreaks = [];
    });
  }
}

export class PageBreak extends ClientObject {
  constructor(
    ctx: RequestContextCore,
    private readonly parent: PageBreakCollection,
    private readonly row: () => number,
  ) {
    super(ctx);
  }
  override pathParent(): ClientObject | undefined {
    return this.parent;
  }
  protected get typeName() {
    return 'PageBreak';
  }
  protected loaders() {
    return { rowIndex: () => this.row(), columnIndex: () => 0 };
  }
}
