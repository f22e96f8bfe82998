import type { PrintSetup } from '../../core/plan/write-plan';
import { worksheet } from './proxies';
import { ACTION_BYTES, jsonBytes, PATH_BYTES } from './request-size';

/**
 * How an owned sheet prints (ExcelApi 1.9 `Worksheet.pageLayout` and `horizontalPageBreaks`): A4 or
 * A3, landscape, scaled to one page wide with the height left to the content and the breaks (only
 * `horizontalFitToPages` is given, as Excel's "Width: 1 page, Height: Automatic"), the title rows on
 * every page, the print area, a manual break before each table. None of these is in Microsoft's
 * list of APIs that cannot be undone, so they join the command's undo group.
 */
export function queuePrint(context: Excel.RequestContext, sheet: string, p: PrintSetup): void {
  const ws = worksheet(context, sheet);
  const pl = ws.pageLayout;
  pl.orientation = p.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  pl.paperSize = p.paper;
  if (p.fitToWidth) pl.zoom = { horizontalFitToPages: 1 };
  const rows = p.titleRows?.match(/^(\d+):(\d+)$/);
  if (rows) pl.setPrintTitleRows(`$${rows[1]}:$${rows[2]}`);
  if (p.area) pl.setPrintArea(p.area);
  for (const r of p.rowBreaks ?? []) ws.horizontalPageBreaks.add(`A${r + 1}`);
}

/** What office.js sends for queuePrint (checked against office.js in the tests). */
export function printBytes(p: PrintSetup): number {
  const set = (v: unknown) => ACTION_BYTES + jsonBytes(v);
  return (
    PATH_BYTES +
    set('Landscape') +
    set(p.paper) +
    (p.fitToWidth ? set({ horizontalFitToPages: 1 }) : 0) +
    (p.titleRows ? set(p.titleRows) + 10 : 0) +
    (p.area ? set(p.area) : 0) +
    (p.rowBreaks?.length ? PATH_BYTES + p.rowBreaks.length * (PATH_BYTES + ACTION_BYTES + 16) : 0)
  );
}
