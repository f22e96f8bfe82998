import { headerKey, type SheetView } from '../../grid/sheet-view';
import { parseFiscalYear } from '../../values';
import { ownedFieldOfHeader, parseProgressHeader } from '../owned';
import { isYearOnly, matchHeader } from './header-match';
import type { Field, LayoutMapping } from './mapping';
import { EFFECT_CONTEXT, EVIDENCE_FIELDS, FIELD_LABEL, MULTI_FIELDS, YEARLY_FIELDS } from './synonyms';

/** One column of a detected table: what its header says and which field it feeds. */
export interface TableColumn {
  col: number;
  /** Header text as shown: the lowest header cell, prefixed by its group header when that is needed to tell it apart. */
  label: string;
  field: Field;
  /** 1 exact synonym / saved mapping, less for a partial match, 0 for an unknown header. */
  strength: number;
  fy?: number;
  /** The group header above it, when the header has two rows. */
  group?: string;
  /** Key in TableAnchor.owned when the add-in wrote this column (達成率（自動）, 令和8年度 実績 …). */
  owned?: string;
}

export interface DetectedTable {
  sheet: string;
  /** 0-based header rows, top first (one or two). */
  headerRows: number[];
  columns: TableColumn[];
  /** 0..1, capped at MAX_GENERIC_SCORE unless a mapping was used. */
  score: number;
  reason: { ja: string; en: string };
  /** Key fields no column was found for. */
  missing: Field[];
  /** Fields several columns claim without a year to tell them apart. */
  ambiguous: { field: Field; cols: number[] }[];
  mapped: boolean;
}

/**
 * The generic reader stays below every city reader on that city's sheets (they score ≥ 0.6 and
 * usually higher): headers alone never prove a layout as well as a city's own quirks do.
 */
export const MAX_GENERIC_SCORE = 0.85;
/** Header rows are looked for this far down; title blocks are a few rows, not pages. */
const HEADER_SEARCH_ROWS = 60;
/** A header needs a data row within this many rows below it. */
const DATA_LOOKAHEAD = 6;

interface Band {
  rows: number[];
  columns: TableColumn[];
}

/** Finds the most convincing header band in a sheet, or undefined when nothing looks like one. */
export function detectTable(view: SheetView): DetectedTable | undefined {
  let best: DetectedTable | undefined;
  const last = Math.min(view.rowCount, HEADER_SEARCH_ROWS);
  for (let r = 0; r < last; r++) {
    if (view.isRowEmpty(r)) continue;
    const bands: Band[] = [bandAt(view, [r])];
    if (r + 1 < view.rowCount && isGroupRow(view, r, r + 1)) bands.push(bandAt(view, [r, r + 1]));
    for (const band of bands) {
      const t = scoreBand(view, band);
      // Ties go to the deeper band: the group row adds years and effect context, never removes fields.
      if (!best || t.score > best.score || (t.score === best.score && t.headerRows[0] === best.headerRows[0] && t.headerRows.length > best.headerRows.length)) {
        if (t.score > 0) best = t;
      }
    }
  }
  return best;
}

/**
 * The upper row is a group header (「令和6年度」 over 目標/実績, 「効果額」 over 見込/実績) when one of
 * its cells spans several columns but not the whole row, or runs down into the lower row; a title
 * merged across the sheet is not.
 */
function isGroupRow(view: SheetView, upper: number, lower: number): boolean {
  let used = 0;
  for (let c = 0; c < view.colCount; c++) if (view.text(upper, c) || view.text(lower, c)) used++;
  const seen = new Set<string>();
  for (let c = 0; c < view.colCount; c++) {
    const m = view.merge(upper, c);
    if (!m || seen.has(`${m.top},${m.left}`)) continue;
    seen.add(`${m.top},${m.left}`);
    if (!view.text(upper, c)) continue;
    const width = m.right - m.left + 1;
    if (m.bottom >= lower) return true;
    if (width >= 2 && width < used) return true;
  }
  return false;
}

function bandAt(view: SheetView, rows: number[]): Band {
  const lowerRow = rows[rows.length - 1];
  const upperRow = rows.length > 1 ? rows[0] : undefined;
  const columns: TableColumn[] = [];
  for (let c = 0; c < view.colCount; c++) {
    const lower = view.text(lowerRow, c);
    const sameMerge = upperRow !== undefined && view.merge(upperRow, c) && view.merge(upperRow, c) === view.merge(lowerRow, c);
    const upper = upperRow === undefined || sameMerge ? '' : view.text(upperRow, c);
    if (!lower && !upper) continue;
    columns.push(classify(c, lower, upper));
  }
  return { rows, columns };
}

function classify(col: number, lower: string, upper: string): TableColumn {
  const own = lower || upper;
  const ownedField = ownedFieldOfHeader(own);
  // The add-in's own computed column is never staff data.
  if (ownedField) return { col, label: own, field: 'ignore', strength: 0, owned: ownedField };
  const progress = parseProgressHeader(own);
  const owned = progress ? { owned: `${progress.field}:${progress.fy}` } : {};
  return { ...classifyStaff(col, lower, upper, own), ...owned };
}

function classifyStaff(col: number, lower: string, upper: string, own: string): TableColumn {
  let m = matchHeader(own);
  let label = own;
  if (!m && lower && upper) {
    m = matchHeader(`${upper}${lower}`);
    if (m) label = `${upper} ${lower}`;
  }
  if (!m) {
    const fy = parseFiscalYear(own);
    return { col, label: own, field: 'ignore', strength: 0, ...(fy !== undefined && isYearOnly(own) ? { fy } : {}), ...(lower && upper ? { group: upper } : {}) };
  }
  let field: Field = m.field;
  const ctx = lower && upper ? headerKey(upper) : '';
  if (ctx && EFFECT_CONTEXT.some((w) => ctx.includes(w))) {
    if (field === 'target') field = 'effectPlanned';
    else if (field === 'actual') field = 'effectActual';
  }
  if (field !== m.field) label = `${upper} ${lower}`;
  const fy = m.fy ?? (upper ? parseFiscalYear(upper) : undefined);
  const group = lower && upper ? { group: upper } : {};
  return { col, label, field, strength: m.strength, ...(fy !== undefined ? { fy } : {}), ...group };
}

function scoreBand(view: SheetView, band: Band): DetectedTable {
  const best = new Map<Field, number>();
  for (const c of band.columns) {
    if (c.field === 'ignore') continue;
    best.set(c.field, Math.max(best.get(c.field) ?? 0, c.strength));
  }
  const ambiguous = findAmbiguous(band.columns);
  const name = best.get('name') ?? 0;
  let score: number;
  if (!name) {
    score = Math.min(0.3, 0.05 * best.size);
  } else {
    const evidence = EVIDENCE_FIELDS.map((f) => best.get(f) ?? 0)
      .sort((a, b) => b - a)
      .slice(0, 5)
      .reduce((s, x) => s + x, 0);
    const others = [...best.keys()].filter((f) => f !== 'name' && !EVIDENCE_FIELDS.includes(f)).length;
    score = 0.3 * name + 0.1 * evidence + 0.02 * Math.min(3, others) - 0.05 * ambiguous.length;
    const nameCol = band.columns.find((c) => c.field === 'name')!.col;
    if (!hasDataBelow(view, band.rows[band.rows.length - 1], nameCol)) score *= 0.5;
  }
  score = Math.max(0, Math.min(MAX_GENERIC_SCORE, Math.round(score * 100) / 100));
  return {
    sheet: view.name,
    headerRows: band.rows,
    columns: band.columns,
    score,
    reason: reasonOf(band.columns, score),
    missing: (['name', 'indicator', 'target', 'actual', 'rating', 'department'] as Field[]).filter((f) => !best.has(f)),
    ambiguous,
    mapped: false,
  };
}

function hasDataBelow(view: SheetView, headerRow: number, nameCol: number): boolean {
  for (let r = headerRow + 1; r < Math.min(view.rowCount, headerRow + 1 + DATA_LOOKAHEAD); r++) {
    if (view.text(r, nameCol)) return true;
  }
  return false;
}

/** Same field in two columns with nothing (no year) to tell which one to read. */
function findAmbiguous(columns: TableColumn[]): { field: Field; cols: number[] }[] {
  const byKey = new Map<string, TableColumn[]>();
  for (const c of columns) {
    if (MULTI_FIELDS.includes(c.field)) continue;
    const k = `${c.field}|${c.fy ?? ''}`;
    byKey.set(k, [...(byKey.get(k) ?? []), c]);
  }
  return [...byKey.values()].filter((cs) => cs.length > 1).map((cs) => ({ field: cs[0].field, cols: cs.map((c) => c.col) }));
}

function reasonOf(columns: TableColumn[], score: number): { ja: string; en: string } {
  const hits = columns.filter((c) => c.field !== 'ignore');
  const ja = hits.map((c) => `「${c.label}」→${FIELD_LABEL[c.field].ja}`).join('、');
  const en = hits.map((c) => `"${c.label}" → ${FIELD_LABEL[c.field].en}`).join(', ');
  return {
    ja: `見出しの一致 ${hits.length}列(確からしさ ${score.toFixed(2)}): ${ja || 'なし'}`,
    en: `${hits.length} header(s) matched (confidence ${score.toFixed(2)}): ${en || 'none'}`,
  };
}

/**
 * The table a saved mapping describes: the header band whose cells carry the most of the mapped
 * header texts (or the row the mapping names), with fields taken from the mapping only.
 */
export function detectMappedTable(view: SheetView, mapping: LayoutMapping): { table?: DetectedTable; unmatched: string[] } {
  const wanted = new Map<string, { text: string; field: Field }>();
  for (const [text, field] of Object.entries(mapping.columns)) wanted.set(headerKey(text), { text, field });
  const candidates: number[][] = [];
  if (mapping.headerRow) {
    const r = mapping.headerRow - 1;
    candidates.push([r]);
    if (r > 0) candidates.push([r - 1, r]);
  } else {
    for (let r = 0; r < Math.min(view.rowCount, HEADER_SEARCH_ROWS); r++) {
      candidates.push([r]);
      if (r + 1 < view.rowCount) candidates.push([r, r + 1]);
    }
  }
  let best: { rows: number[]; columns: TableColumn[]; used: Set<string> } | undefined;
  for (const rows of candidates) {
    const { columns, used } = mappedBand(view, rows, wanted, mapping.fy);
    if (!used.size) continue;
    if (!best || used.size > best.used.size) best = { rows, columns, used };
  }
  const unmatched = [...wanted.entries()].filter(([k]) => !best?.used.has(k)).map(([, v]) => v.text);
  if (!best) return { unmatched };
  const fields = new Set(best.columns.map((c) => c.field));
  return {
    table: {
      sheet: view.name,
      headerRows: best.rows,
      columns: best.columns,
      score: 1,
      reason: {
        ja: `保存された見出し対応表を使用(${best.used.size}/${wanted.size}列が一致)`,
        en: `saved header mapping (${best.used.size}/${wanted.size} columns found)`,
      },
      missing: (['name', 'indicator', 'target', 'actual', 'rating', 'department'] as Field[]).filter((f) => !fields.has(f)),
      ambiguous: findAmbiguous(best.columns),
      mapped: true,
    },
    unmatched,
  };
}

function mappedBand(
  view: SheetView,
  rows: number[],
  wanted: Map<string, { text: string; field: Field }>,
  fy: number | undefined,
): { columns: TableColumn[]; used: Set<string> } {
  const lowerRow = rows[rows.length - 1];
  const upperRow = rows.length > 1 ? rows[0] : undefined;
  const columns: TableColumn[] = [];
  const used = new Set<string>();
  for (let c = 0; c < view.colCount; c++) {
    const lower = view.text(lowerRow, c);
    const upper = upperRow === undefined ? '' : view.text(upperRow, c);
    const tries = [lower, upper && lower && upper !== lower ? `${upper}${lower}` : '', upper].filter(Boolean);
    for (const t of tries) {
      const k = headerKey(t);
      const hit = wanted.get(k);
      if (!hit || used.has(k)) continue;
      used.add(k);
      const headerFy = parseFiscalYear(t) ?? (upper ? parseFiscalYear(upper) : undefined);
      // The mapping's year is the report year: a baseline keeps only a year its own header states.
      const colFy = headerFy ?? (YEARLY_FIELDS.includes(hit.field) ? fy : undefined);
      columns.push({ col: c, label: hit.text, field: hit.field, strength: 1, ...(colFy !== undefined ? { fy: colFy } : {}) });
      break;
    }
  }
  return { columns, used };
}
