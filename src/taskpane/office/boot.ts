/**
 * The pane's only touch of the Office global (besides the Excel adapter): waiting for Office to be
 * ready and asking which language the user runs Office in.
 *
 * Microsoft: "If the Office JavaScript API library files are blocked by network filters, firewalls
 * … Office.onReady will never resolve." On LGWAN or behind a proxy that is what happens when
 * office.js loads but the files it fetches next do not, and the pane would stay blank; so the wait
 * is bounded and the pane then says what failed.
 */
export const OFFICE_READY_TIMEOUT_MS = 15_000;

export type OfficeBoot =
  | { state: 'ready'; displayLanguage: string | undefined }
  /** No Office global: office.js itself did not load (blocked, offline), or a page outside Office. */
  | { state: 'missing'; displayLanguage: string | undefined }
  /** office.js loaded but Office.onReady did not resolve in time: its follow-on files are blocked. */
  | { state: 'timeout'; displayLanguage: string | undefined };

/** The browser's language, for messages shown before Office could say which one it runs in. */
function browserLanguage(): string | undefined {
  return typeof navigator !== 'undefined' ? navigator.language : undefined;
}

export async function officeReady(timeoutMs = OFFICE_READY_TIMEOUT_MS): Promise<OfficeBoot> {
  if (typeof Office === 'undefined') return { state: 'missing', displayLanguage: browserLanguage() };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const r = await Promise.race([Office.onReady().then(() => 'ready' as const), timedOut]);
    if (r === 'timeout') return { state: 'timeout', displayLanguage: browserLanguage() };
    return { state: 'ready', displayLanguage: Office.context?.displayLanguage };
  } finally {
    clearTimeout(timer);
  }
}

/** Where office.js was asked for, to name it in the message (the CDN, or this server's /office/). */
export function officeJsSource(): string {
  if (typeof document === 'undefined') return 'office.js';
  const s = [...document.getElementsByTagName('script')].find((x) => /office(\.debug)?\.js(\?|$)/.test(x.src));
  return s?.src || 'office.js';
}

export function bootFailureText(boot: OfficeBoot, source: string): { ja: string; en: string } | null {
  if (boot.state === 'timeout') {
    return {
      ja: `Office の準備が ${OFFICE_READY_TIMEOUT_MS / 1000} 秒たっても終わりませんでした。office.js(${source})は読み込めましたが、続けて読み込むファイルがネットワークの制限(プロキシ、フィルター、LGWAN など)で止められている可能性があります。情報政策担当に、このアドレスとその下のファイルへの接続を許可してもらうか、office.js を自前のサーバーから配信する版(npm run build:selfhost)をお使いください。`,
      en: `Office did not finish starting within ${OFFICE_READY_TIMEOUT_MS / 1000} seconds. office.js (${source}) loaded, but the files it loads next seem to be blocked by the network (proxy, filter, LGWAN). Ask your network administrators to allow that address and the files under it, or use the build that serves office.js from the add-in's own server (npm run build:selfhost).`,
    };
  }
  if (boot.state === 'missing') {
    return {
      ja: `office.js(${source})を読み込めませんでした。インターネットに接続できないか、ネットワークの制限で止められている可能性があります。情報政策担当にこのアドレスへの接続を許可してもらうか、office.js を自前のサーバーから配信する版(npm run build:selfhost)をお使いください。`,
      en: `office.js (${source}) could not be loaded: there may be no internet access, or the network blocks it. Ask your network administrators to allow that address, or use the build that serves office.js from the add-in's own server (npm run build:selfhost).`,
    };
  }
  return null;
}
