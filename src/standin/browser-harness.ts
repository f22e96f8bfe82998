import '../taskpane/office/no-eval';
import { createStandIn, gridFromXlsxBuffer, type RichApiRequestBody, type StandIn } from './index';

/**
 * Plays Excel's part for the real add-in page in the browser tests (never part of dist/): the page
 * loads its own office.js as it would in Office; this script then loads office.js's Excel runtime
 * from the same place, points its requests at the stand-in, and gives `Office.context` what a host
 * would (requirement sets, language, platform). The add-in's own bundle runs unchanged.
 *
 * Query: ?sample=FILE (fetched from __test/samples/).
 */
declare global {
  interface Window {
    __standin?: StandIn;
    __standinReady?: Promise<void>;
  }
}

type AnyRecord = Record<string, unknown>;

const officeBase = (): string => {
  const s = [...document.getElementsByTagName('script')].find((x) => /office(\.debug)?\.js(\?|$)/.test(x.src));
  if (!s) throw new Error('harness: the page has no office.js');
  return s.src.replace(/office(\.debug)?\.js(\?.*)?$/, '');
};

const w = window as unknown as AnyRecord;
let realExcel: AnyRecord | undefined;
let standIn: StandIn | undefined;

/**
 * office.js's Excel runtime in a frame of its own: loaded into the page after office.js has started
 * outside Office it would collide with it (office.js has already fixed `Office.context`), as it never
 * does in Office, where office.js loads it first. Same origin, so the page's CSP applies to it too.
 */
function loadRuntime(src: string): Promise<AnyRecord> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.style.display = 'none';
    frame.srcdoc = '<!doctype html><html><head></head><body></body></html>';
    frame.onload = () => {
      const fw = frame.contentWindow as unknown as AnyRecord & Window;
      const s = fw.document.createElement('script');
      s.src = src;
      s.onload = () => resolve(fw);
      s.onerror = () => reject(new Error(`could not load ${src}`));
      fw.document.head.append(s);
    };
    document.body.append(frame);
  });
}

async function setUp(): Promise<void> {
  const sample = new URLSearchParams(location.search).get('sample') ?? 'isehara-list.xlsx';
  const res = await fetch(`__test/samples/${sample}`);
  if (!res.ok) throw new Error(`harness: sample ${sample}: HTTP ${res.status}`);
  standIn = createStandIn(await gridFromXlsxBuffer(await res.arrayBuffer(), sample), { apiVersion: '1.20', platform: 'web' });
  window.__standin = standIn;
  if (document.readyState === 'loading') await new Promise((r) => document.addEventListener('DOMContentLoaded', r, { once: true }));
  const fw = await loadRuntime(`${officeBase()}excel-web-16.00.js`);
  // The runtime asks its window's Office which requirement sets the host has.
  fw.Office = standIn.Office;
  realExcel = fw.Excel as AnyRecord;
  const OE = fw.OfficeExtension as {
    HttpUtility: { setCustomSendRequestFunc(f: (req: { url: string; body: RichApiRequestBody | string }) => Promise<unknown>): void };
    ClientRequestContext: { defaultRequestUrlAndHeaders: unknown };
  };
  OE.HttpUtility.setCustomSendRequestFunc(async (req) => {
    const body = typeof req.body === 'string' ? (JSON.parse(req.body) as RichApiRequestBody) : req.body;
    const flags = Number(/flags=(\d+)/.exec(req.url)?.[1] ?? 0);
    const out = await standIn!.richApi.process(body, flags);
    return { statusCode: 200, headers: {}, body: JSON.stringify(out) };
  });
  // Made in the frame's realm: office.js checks that the object's prototype is its own Object's.
  OE.ClientRequestContext.defaultRequestUrlAndHeaders = (fw.JSON as typeof JSON).parse('{"url":"https://standin.invalid/","headers":{}}');
}

// Excel, as the pane sees it, exists at once; its runs wait until the host is set up.
w.Excel = {
  run: async (...args: unknown[]) => {
    await window.__standinReady;
    const options = args.length > 1 && typeof args[0] === 'object' ? (args[0] as { delayForCellEdit?: boolean; mergeUndoGroup?: boolean }) : undefined;
    standIn!.setRunOptions(options ? { delayForCellEdit: !!options.delayForCellEdit, mergeUndoGroup: !!options.mergeUndoGroup } : undefined);
    try {
      return await (realExcel!.run as (...a: unknown[]) => Promise<unknown>).apply(realExcel, args);
    } finally {
      standIn!.setRunOptions(undefined);
    }
  },
};

// What the host tells office.js: requirement sets, language and platform (set once its runtime is in).
function patchContext(): void {
  const Office = w.Office as AnyRecord;
  const fields = {
    requirements: { isSetSupported: (name: string, v?: string) => standIn!.Office.context.requirements.isSetSupported(name, v) },
    displayLanguage: new URLSearchParams(location.search).get('lang') === 'en' ? 'en-US' : 'ja-JP',
    platform: 'OfficeOnline',
  };
  const ctx = Office.context as AnyRecord | undefined;
  if (ctx && typeof ctx === 'object') Object.assign(ctx, fields);
  else Object.defineProperty(Office, 'context', { value: fields, configurable: true, writable: true });
}

// Office is ready when the host is: the pane's Office.onReady waits for the stand-in.
const office = w.Office as { onReady: (cb?: (info: unknown) => void) => Promise<unknown> };
const onReady = office.onReady.bind(office);
office.onReady = (cb) =>
  window.__standinReady!.then(() =>
    onReady().then((info) => {
      cb?.(info);
      return info;
    }),
  );

window.__standinReady = setUp().then(patchContext);
window.__standinReady.catch((e: unknown) => console.error(e));
