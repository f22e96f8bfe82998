/**
 * Settings travel inside the workbook in a very hidden sheet, read and written the same way by the
 * file adapter and the Office.js adapter (document settings are not visible to ExcelJS and lag
 * behind in co-authoring). Column A holds the key, B.. the JSON split into cell-sized chunks.
 */
export const SETTINGS_SHEET = '_shinchoku';
/** Excel allows 32,767 characters per cell. */
export const SETTINGS_CHUNK = 30000;

export function settingsToRows(settings: Record<string, string>): string[][] {
  return Object.entries(settings)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => {
      const chunks: string[] = [];
      for (let i = 0; i < v.length; i += SETTINGS_CHUNK) chunks.push(v.slice(i, i + SETTINGS_CHUNK));
      return [k, ...(chunks.length ? chunks : [''])];
    });
}

export function rowsToSettings(rows: readonly (readonly unknown[])[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rows) {
    const k = r[0];
    if (typeof k !== 'string' || k === '') continue;
    out[k] = r
      .slice(1)
      .map((c) => (c === null || c === undefined ? '' : String(c)))
      .join('');
  }
  return out;
}
