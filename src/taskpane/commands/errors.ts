/**
 * What to show for a failure: the adapter's own Japanese/English advice when it gave one
 * (ExcelHostError carries ja/en, file readers a `reason`), else the raw message.
 */
export function errorText(e: unknown): { ja: string; en: string } {
  if (e && typeof e === 'object') {
    const o = e as { ja?: unknown; en?: unknown; reason?: { ja?: unknown; en?: unknown }; message?: unknown };
    if (typeof o.ja === 'string' && typeof o.en === 'string') return { ja: o.ja, en: o.en };
    if (o.reason && typeof o.reason.ja === 'string' && typeof o.reason.en === 'string') return { ja: o.reason.ja, en: o.reason.en };
    if (typeof o.message === 'string') return { ja: `予期しないエラーが発生しました: ${o.message}`, en: `An unexpected error occurred: ${o.message}` };
  }
  return { ja: `予期しないエラーが発生しました: ${String(e)}`, en: `An unexpected error occurred: ${String(e)}` };
}
