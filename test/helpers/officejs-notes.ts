/**
 * `Worksheet.notes`, `NoteCollection` and `Note` (ExcelApi 1.18) for office.js 1.1.110, the newest
 * client library on npm, which predates them (the CDN build has them). They are made here the way
 * office.js makes every class of its Excel namespace (compare `CommentCollection` and `Comment` in
 * excel-web-16.00.debug.js), from office.js's own exported helpers, with the method and property
 * names of the typings (@types/office-js: `add(cellAddress, content)`, `getCount()`, `getItem(key)`,
 * `getItemAt(index)`, `getItemOrNullObject(key)`; `content`, `authorName`, `delete()`,
 * `getLocation()`). Requests for notes are then built, sized, sent and answered by office.js exactly
 * like those for comments; only the class definitions are not Microsoft's own.
 *
 * Nothing in src/ depends on this: the adapter detects notes at run time (requirement set 1.18 and
 * the client library having `Worksheet.notes`), so with the npm build alone it says it cannot write them.
 */
type Dyn = Record<string, unknown> & { [k: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

let install: ((on: boolean) => void) | undefined;

/** Off: office.js as npm ships it, without `Worksheet.notes` (what a self-hosted build serves). */
export function libraryHasNotes(on: boolean): void {
  install?.(on);
}

export function graftNotes(Excel: Dyn, OE: Dyn): void {
  if (install) return;
  const H = OE.BatchApiHelper;
  const U = OE.Utility;
  const api = (name: string) => U.throwIfApiNotSupported(name, 'ExcelApi', '1.18', 'Excel');
  const Base = OE.ClientObject as new (...a: unknown[]) => Dyn;

  class Note extends Base {
    get _className() {
      return 'Note';
    }
    get _scalarPropertyNames() {
      return ['content', 'authorName', 'height', 'visible', 'width'];
    }
    get _scalarPropertyOriginalNames() {
      return ['Content', 'AuthorName', 'Height', 'Visible', 'Width'];
    }
    get _scalarPropertyUpdateable() {
      return [true, false, true, true, true];
    }
    get content(): string {
      U.throwIfNotLoaded('content', this._C, 'Note', this._isNull);
      return this._C;
    }
    set content(value: string) {
      this._C = value;
      H.invokeSetProperty(this, 'Content', value, 0);
    }
    get authorName(): string {
      U.throwIfNotLoaded('authorName', this._A, 'Note', this._isNull);
      return this._A;
    }
    delete(): void {
      H.invokeMethod(this, 'Delete', 0, [], 0, 0);
    }
    getLocation(): unknown {
      return H.createMethodObject(Excel.Range, this, 'GetLocation', 1, [], false, true, null, 4);
    }
    _handleResult(value: Dyn): void {
      super._handleResult(value);
      if (U.isNullOrUndefined(value)) return;
      U.fixObjectPathIfNecessary(this, value);
      if (!U.isUndefined(value.Content)) this._C = value.Content;
      if (!U.isUndefined(value.AuthorName)) this._A = value.AuthorName;
    }
    load(options: unknown): unknown {
      return U.load(this, options);
    }
    toJSON(): unknown {
      return U.toJson(this, { content: this._C, authorName: this._A }, {});
    }
  }

  class NoteCollection extends Base {
    get _className() {
      return 'NoteCollection';
    }
    get _isCollection() {
      return true;
    }
    get items(): unknown[] {
      U.throwIfNotLoaded('items', this.m__items, 'NoteCollection', this._isNull);
      return this.m__items;
    }
    add(cellAddress: unknown, content: unknown): unknown {
      api('NoteCollection.add');
      return H.createMethodObject(Note, this, 'Add', 0, [cellAddress, content], false, true, null, 0);
    }
    getCount(): unknown {
      return H.invokeMethod(this, 'GetCount', 1, [], 4, 0);
    }
    getItem(key: string): unknown {
      return H.createIndexerObject(Note, this, [key]);
    }
    getItemAt(index: number): unknown {
      return H.createMethodObject(Note, this, 'GetItemAt', 1, [index], false, false, null, 4);
    }
    getItemOrNullObject(key: string): unknown {
      return H.createMethodObject(Note, this, 'GetItemOrNullObject', 1, [key], false, false, null, 4);
    }
    _handleResult(value: Dyn): void {
      super._handleResult(value);
      if (U.isNullOrUndefined(value)) return;
      U.fixObjectPathIfNecessary(this, value);
      const data = value[OE.Constants.items];
      if (!U.isNullOrUndefined(data)) {
        this.m__items = (data as Dyn[]).map((d, i) => {
          const item = H.createChildItemObject(Note, true, this, d, i);
          item._handleResult(d);
          return item;
        });
      }
    }
    load(options: unknown): unknown {
      return U.load(this, options);
    }
  }

  const ws = (Excel.Worksheet as { prototype: object }).prototype;
  install = (on) => {
    if (!on) {
      delete (ws as Dyn).notes;
      delete Excel.Note;
      delete Excel.NoteCollection;
      return;
    }
    Object.defineProperty(ws, 'notes', {
      get(this: Dyn) {
        api('Worksheet.notes');
        if (!this._Notes) this._Notes = H.createPropertyObject(NoteCollection, this, 'Notes', true, 4);
        return this._Notes;
      },
      enumerable: true,
      configurable: true,
    });
    Excel.Note = Note;
    Excel.NoteCollection = NoteCollection;
  };
  install(true);
}
