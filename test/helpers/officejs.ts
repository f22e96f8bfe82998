import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RichApiRequestBody, StandIn } from '../../src/standin';
import { graftNotes, libraryHasNotes } from './officejs-notes';

/**
 * Microsoft's office.js client runtime (npm @microsoft/office-js, the Excel on the web build) running
 * in the test's own realm, with its HTTP sending pointed at the stand-in's RichApi server. Code under
 * test calls the real `Excel.run`, gets real proxies, and every request body, proxy rule, API-set
 * check and error object is office.js's; only Excel's side is the stand-in.
 *
 * Two things office.js 1.1.110 cannot tell the server, and how they are passed instead:
 * - `mergeUndoGroup` (ExcelApi 1.20) is newer than this build, which ignores it; `Excel.run` is wrapped
 *   to hand the run's options to the stand-in (the CDN build sends it to Excel its own way);
 * - `Office.context` comes from the stand-in (requirement sets, platform), as the host would supply it.
 */
export const OFFICE_JS_VERSION: string = JSON.parse(
  fs.readFileSync(path.join(require.resolve('@microsoft/office-js/package.json')), 'utf8'),
).version;

const RUNTIME = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist', 'excel-web-16.00.debug.js');

export interface OfficeJs {
  Excel: typeof Excel;
  OfficeExtension: typeof OfficeExtension;
  /** Points office.js at a stand-in (and its Office.context); returns the globals to install. */
  connect(si: StandIn): void;
}

type RuntimeWindow = Record<string, unknown>;

let loaded: { Excel: typeof Excel; OfficeExtension: typeof OfficeExtension; window: RuntimeWindow } | undefined;

/**
 * office.js expects to be a browser script: `window` is the global object and names it puts on
 * `window` are read back as free identifiers. So it runs with the test realm's global as its window
 * (each jest test file has its own global), so arrays and objects cross between office.js and the
 * adapter without prototype mismatches.
 */
function load(): NonNullable<typeof loaded> {
  if (loaded) return loaded;
  const source = fs.readFileSync(RUNTIME, 'utf8');
  const g = globalThis as unknown as RuntimeWindow;
  const defaults: RuntimeWindow = {
    window: g,
    navigator: { userAgent: 'node' },
    location: { href: 'https://localhost/' },
    document: { getElementsByTagName: () => [], createElement: () => ({ setAttribute() {}, style: {} }), addEventListener() {} },
    addEventListener() {},
    removeEventListener() {},
  };
  for (const [k, v] of Object.entries(defaults)) if (!(k in g)) Object.defineProperty(g, k, { value: v, configurable: true, writable: true });
  // Indirect eval runs the script in this realm's global scope, as a browser runs a <script>: its
  // top-level declarations become globals (office.js reads them back through `window`).
  const globalEval = g.eval as (code: string) => unknown;
  globalEval(`${source}\n//# sourceURL=${RUNTIME}`);
  graftNotes(g.Excel as Record<string, unknown>, g.OfficeExtension as Record<string, unknown>);
  loaded = { Excel: g.Excel as typeof Excel, OfficeExtension: g.OfficeExtension as typeof OfficeExtension, window: g };
  return loaded;
}

const SESSION_URL = 'https://standin.invalid/';

export function officeJs(): OfficeJs {
  const { Excel: RealExcel, OfficeExtension: OE, window } = load();
  let current: StandIn | undefined;
  const ext = OE as unknown as {
    HttpUtility: { setCustomSendRequestFunc(f: (req: { url: string; body: RichApiRequestBody | string }) => Promise<unknown>): void };
    ClientRequestContext: { defaultRequestUrlAndHeaders: unknown };
  };
  ext.HttpUtility.setCustomSendRequestFunc(async (req) => {
    if (!current) throw new Error('office.js harness: no stand-in connected');
    const body = typeof req.body === 'string' ? (JSON.parse(req.body) as RichApiRequestBody) : req.body;
    const flags = Number(/flags=(\d+)/.exec(req.url)?.[1] ?? 0);
    const out = await current.richApi.process(body, flags);
    return { statusCode: 200, headers: {}, body: JSON.stringify(out) };
  });
  // Every Excel.run in this realm talks to the stand-in's URL instead of the Office host.
  ext.ClientRequestContext.defaultRequestUrlAndHeaders = { url: SESSION_URL, headers: {} };
  const run = RealExcel.run as unknown as (...a: unknown[]) => Promise<unknown>;
  const wrapped = Object.create(RealExcel) as typeof Excel & { run: unknown };
  wrapped.run = async (...args: unknown[]) => {
    const options = args.length > 1 && typeof args[0] === 'object' && args[0] !== null && !Array.isArray(args[0]) ? (args[0] as Record<string, unknown>) : undefined;
    current?.setRunOptions(options ? { delayForCellEdit: !!options.delayForCellEdit, mergeUndoGroup: !!options.mergeUndoGroup } : undefined);
    try {
      return await run.apply(RealExcel, args);
    } finally {
      current?.setRunOptions(undefined);
    }
  };
  return {
    Excel: wrapped,
    OfficeExtension: OE,
    connect: (si) => {
      current = si;
      window.Office = si.Office;
    },
  };
}

/**
 * Installs office.js (connected to `si`) and the stand-in's Office where the adapter looks for them.
 * `libraryNotes: false` serves office.js as npm ships it, without ExcelApi 1.18's notes (the
 * self-hosted build); by default notes are there, as in the CDN build (test/helpers/officejs-notes.ts).
 */
export function installOfficeJs(target: Record<string, unknown>, si: StandIn, opts: { libraryNotes?: boolean } = {}): OfficeJs {
  const o = officeJs();
  libraryHasNotes(opts.libraryNotes ?? true);
  o.connect(si);
  target.Excel = o.Excel;
  target.Office = si.Office;
  target.OfficeExtension = o.OfficeExtension;
  return o;
}
