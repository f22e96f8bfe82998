import { columnIndex, rangeFromA1, rangeToA1 } from '../../../core/grid/a1';
import type { Range } from '../../../core/grid/types';
import type { CellWrite, NewSheet } from '../../../core/plan/write-plan';
import { escapeAttr } from '../package/xml';
import { cellXml, styleChange, validationXml } from './sheet-patch';
import type { SharedStringTable } from './shared-strings';
import type { StyleBook } from './styles';

/**
 * The worksheet part for a sheet the add-in creates: cells (text as shared strings, never as
 * formulas), merges, column widths, A–D lists, links to cells of the workbook. Styles derive from
 * the workbook's Normal format, so the sheet uses the workbook's own default font.
 */
export function newSheetXml(spec: NewSheet, mainNs: string, sst: SharedStringTable, styles: StyleBook): string {
  const q = (l: string) => l;
  // One <c> per address (a plan that writes a cell twice means its last write: two would make Excel repair the file).
  const cells = spec.cells
    .map((c) => ({ c, ...rangeFromA1(c.address) }))
    .sort((a, b) => a.top - b.top || a.left - b.left)
    .filter((x, i, all) => i === all.length - 1 || all[i + 1].top !== x.top || all[i + 1].left !== x.left);
  const rows: string[] = [];
  const lists = new Map<string, { values: string[]; cells: Range[] }>();
  const links: { ref: string; link: NonNullable<CellWrite['link']>; text: string }[] = [];
  let i = 0;
  while (i < cells.length) {
    const r = cells[i].top;
    const parts: string[] = [];
    for (; i < cells.length && cells[i].top === r; i++) {
      const { c, left } = cells[i];
      // Links exist on the add-in's own new sheets only (the report and breakdown sheets point at staff cells).
      const change = c.link ? { ...styleChange(c), link: true } : styleChange(c);
      const ref = c.address.replace(/\$/g, '').toUpperCase();
      parts.push(cellXml(q, ref, change ? styles.derive(0, change) : 0, c.value, sst));
      if (c.link) links.push({ ref, link: c.link, text: c.value === null ? '' : String(c.value) });
      if (c.validationList?.length) {
        const key = c.validationList.join('\u0000');
        (lists.get(key) ?? lists.set(key, { values: c.validationList, cells: [] }).get(key)!).cells.push({ top: r, left, bottom: r, right: left });
      }
    }
    rows.push(`<row r="${r + 1}">${parts.join('')}</row>`);
  }
  const used = cells.length
    ? rangeToA1(cells.reduce((u, x) => ({ top: Math.min(u.top, x.top), left: Math.min(u.left, x.left), bottom: Math.max(u.bottom, x.top), right: Math.max(u.right, x.left) }), { top: cells[0].top, left: cells[0].left, bottom: 0, right: 0 }))
    : 'A1';
  const widths = Object.entries(spec.columnWidths ?? {})
    .map(([col, w]) => ({ col: /^\d+$/.test(col) ? Number(col) - 1 : columnIndex(col), w }))
    .filter((x) => Number.isFinite(x.w) && x.w > 0)
    .sort((a, b) => a.col - b.col);
  const cols = widths.length ? `<cols>${widths.map((x) => `<col min="${x.col + 1}" max="${x.col + 1}" width="${x.w}" customWidth="1"/>`).join('')}</cols>` : '';
  const merges = spec.merges.length ? `<mergeCells count="${spec.merges.length}">${spec.merges.map((m) => `<mergeCell ref="${rangeToA1(rangeFromA1(m))}"/>`).join('')}</mergeCells>` : '';
  const dv = lists.size ? `<dataValidations count="${lists.size}">${[...lists.values()].map((l) => validationXml(q, l.values, l.cells)).join('')}</dataValidations>` : '';
  const hyperlinks = links.length ? `<hyperlinks>${links.map(hyperlinkXml).join('')}</hyperlinks>` : '';
  const p = spec.print;
  const sheetPr = p?.fitToWidth ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '';
  const pageSetup = p
    ? `<pageSetup paperSize="${p.paper === 'A3' ? 8 : 9}" orientation="${p.orientation}"${p.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ''}/>`
    : '';
  const breaks = p?.rowBreaks?.length
    ? `<rowBreaks count="${p.rowBreaks.length}" manualBreakCount="${p.rowBreaks.length}">${p.rowBreaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join('')}</rowBreaks>`
    : '';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${mainNs}">${sheetPr}<dimension ref="${used}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>` +
    `${cols}<sheetData>${rows.join('')}</sheetData>${merges}${dv}${hyperlinks}` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${pageSetup}${breaks}</worksheet>`
  );
}

/**
 * A link to a place in this workbook: Excel's `location` form (no relationship part, nothing
 * external), so the sheet stays plain cells for file cleaners. The cell's own text stays what it
 * shows; a sheet name is quoted as in a formula ('…' with '' for a quote).
 */
function hyperlinkXml(h: { ref: string; link: NonNullable<CellWrite['link']>; text: string }): string {
  const location = `'${h.link.sheet.replace(/'/g, "''")}'!${h.link.address}`;
  return `<hyperlink ref="${h.ref}" location="${escapeAttr(location)}" display="${escapeAttr(h.text)}"/>`;
}

/** The sheet's print titles and print area, as Excel keeps them: defined names local to the sheet. */
export function printNames(spec: NewSheet): { name: string; value: string }[] {
  const quoted = `'${spec.name.replace(/'/g, "''")}'`;
  const out: { name: string; value: string }[] = [];
  const rows = spec.print?.titleRows?.match(/^(\d+):(\d+)$/);
  if (rows) out.push({ name: '_xlnm.Print_Titles', value: `${quoted}!$${rows[1]}:$${rows[2]}` });
  if (spec.print?.area) {
    const a = rangeFromA1(spec.print.area);
    out.push({ name: '_xlnm.Print_Area', value: `${quoted}!${absolute(rangeToA1(a))}` });
  }
  return out;
}

function absolute(ref: string): string {
  return ref.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
}
