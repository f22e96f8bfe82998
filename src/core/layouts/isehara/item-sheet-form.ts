import { headerKey, type SheetView } from '../../grid/sheet-view';
import { parseFiscalYear } from '../../values';

/**
 * Where the parts of one 実施項目・進捗管理シート are, found by their labels. Positions only: what
 * the cells mean is decided in item-sheet.ts through src/core/values.
 */

export interface Pos {
  row: number;
  col: number;
}

export interface YearBlock {
  fy: number;
  /** The year label cell (令和5年度). */
  label: Pos;
  target: Pos;
  /** 「評価」 / 「全期間総合評価」 label. */
  evalLabel: Pos;
  rating: Pos;
  actual: Pos;
  /** Lower row; undefined when the block has one row only (a compressed copy). */
  effectPlanned?: Pos;
  comment?: Pos;
  effectActual?: Pos;
}

export interface ItemSheetForm {
  policy?: { label: Pos; no?: Pos; name?: Pos };
  group?: { label: Pos; value?: Pos };
  item?: { label: Pos; no?: Pos; name?: Pos; department?: Pos };
  indicator?: { label: Pos; name?: Pos; unit?: Pos; baseline?: Pos; finalTarget?: Pos; fusedFinal?: string };
  planHeader?: Pos;
  resultHeader?: Pos;
  years: YearBlock[];
  subtotalPlanned?: { label: Pos; value: Pos };
  subtotalActual?: { label: Pos; value: Pos };
  /** Year rows that had a year label but no 評価 label or no room for values. */
  brokenYears: { fy: number; at: Pos }[];
  /** Legend lines (ア. … サ.) and 見方 titles: signs of the blank template. */
  templateMarks: number;
}

/** Label keys, compared after headerKey (spaces gone, brackets unified, NFKC). */
const K = {
  policy: headerKey('基本方針'),
  group: headerKey('改革の推進項目'),
  item: headerKey('実施項目'),
  unit: headerKey('単位'),
  baseline: headerKey('指標の現状値'),
  evalLabels: [headerKey('評価'), headerKey('全期間総合評価')],
  year: headerKey('年度'),
};

/** 指標(行動/成果) in all its printed forms, 成果指標 (4(7)②), and 指標 alone. */
export function isIndicatorLabel(key: string): boolean {
  return /^指標(\(行動[/／]成果\))?$/.test(key) || key === '成果指標' || /^指標\(行動[/／]成果\)本年計画$/.test(key);
}

export function isFinalTargetLabel(key: string): boolean {
  return key.startsWith('計画最終年度の目標');
}

export function isSubtotalPlanned(key: string): boolean {
  return key.includes('小計') && key.includes('効果見込額');
}

export function isSubtotalActual(key: string): boolean {
  return key.includes('小計') && key.includes('実績効果額');
}

export function isPlanHeader(key: string): boolean {
  return key.startsWith('年次計画');
}

export function isResultHeader(key: string): boolean {
  return key.startsWith('取組実績');
}

/** ①, ⑪, 11, (11), or a circled number followed by the name in one cell. */
const NUMBER_LIKE = /^(?:[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]|\(?\d{1,2}\)?(?:$|\s))/u;

const LEGEND = /^[アイウエオカキクケコサ][.．、]/;
const TEMPLATE_TITLE = /見方|記入例|記載例|テンプレート|ひな形|雛形/;

/**
 * What follows a label typed in the same cell, however the label was spaced
 * (「計画最終年度の 目標値 試行結果の検証」 → 「試行結果の検証」).
 */
function afterLabel(text: string, label: RegExp): string {
  const nfkc = text.normalize('NFKC');
  let squeezed = '';
  const at: number[] = [];
  for (let i = 0; i < nfkc.length; i++) {
    if (/\s/.test(nfkc[i])) continue;
    squeezed += nfkc[i];
    at.push(i);
  }
  const m = label.exec(squeezed);
  if (!m || m.index !== 0) return '';
  const end = m[0].length < at.length ? at[m[0].length] : nfkc.length;
  return nfkc.slice(end).trim();
}

/** The next cell to the right that is not inside the same merge (the cell a label describes). */
function rightOf(v: SheetView, p: Pos): Pos {
  const m = v.merge(p.row, p.col);
  let c = (m ? m.right : p.col) + 1;
  while (c < v.colCount && v.isMergeFollower(p.row, c)) c++;
  return { row: p.row, col: c };
}

/** The first non-empty cell right of p (before `stop`), skipping merge followers. */
function nextFilled(v: SheetView, p: Pos, stop = v.colCount): Pos | undefined {
  let q = rightOf(v, p);
  while (q.col < stop) {
    if (v.text(q.row, q.col) !== '') return q;
    q = rightOf(v, q);
  }
  return undefined;
}

export function locateForm(v: SheetView): ItemSheetForm {
  const form: ItemSheetForm = { years: [], brokenYears: [], templateMarks: 0 };
  if (TEMPLATE_TITLE.test(v.name)) form.templateMarks += 2;
  const yearRows: { row: number; col: number; fy: number }[] = [];

  for (let r = 0; r < v.rowCount; r++) {
    for (let c = 0; c < v.colCount; c++) {
      if (v.isMergeFollower(r, c)) continue;
      const text = v.text(r, c);
      if (text === '') continue;
      const key = headerKey(text);
      const at = { row: r, col: c };
      if (LEGEND.test(text.normalize('NFKC'))) form.templateMarks++;
      if (TEMPLATE_TITLE.test(text) && text.includes('進捗管理シート')) form.templateMarks += 2;
      if (key === K.policy && !form.policy) {
        const no = nextFilled(v, at);
        const name = no ? nextFilled(v, no) : undefined;
        form.policy = { label: at, no, name };
      } else if (key === K.group && !form.group) {
        form.group = { label: at, value: nextFilled(v, at) };
      } else if (key === K.item && !form.item) {
        const first = nextFilled(v, at);
        // A cleared number cell must not make the name read as the number.
        const numbered = first && NUMBER_LIKE.test(v.text(first.row, first.col).normalize('NFKC'));
        const no = numbered ? first : undefined;
        const name = no ? nextFilled(v, no) : first;
        let department: Pos | undefined;
        for (let q = name ? nextFilled(v, name) : undefined; q; q = nextFilled(v, q)) {
          if (/^[【[〔［(（]/.test(v.text(q.row, q.col))) {
            department = q;
            break;
          }
        }
        form.item = { label: at, no, name, department };
      } else if (isIndicatorLabel(key) && !form.indicator) {
        form.indicator = locateIndicator(v, at);
      } else if (isPlanHeader(key) && !form.planHeader) {
        form.planHeader = at;
      } else if (isResultHeader(key) && !form.resultHeader) {
        form.resultHeader = at;
      } else if (isSubtotalPlanned(key) && !form.subtotalPlanned) {
        form.subtotalPlanned = { label: at, value: rightOf(v, at) };
      } else if (isSubtotalActual(key) && !form.subtotalActual) {
        form.subtotalActual = { label: at, value: rightOf(v, at) };
      } else if (/^令和.+年度$|^r\d+$|^(19|20)\d\d年度/.test(key) && form.planHeader) {
        const fy = parseFiscalYear(text);
        if (fy !== undefined) yearRows.push({ row: r, col: c, fy });
      }
    }
  }

  for (let i = 0; i < yearRows.length; i++) {
    const y = yearRows[i];
    const next = yearRows[i + 1]?.row ?? form.subtotalPlanned?.label.row ?? form.subtotalActual?.label.row ?? v.rowCount;
    const block = locateYear(v, y, next);
    if (block) form.years.push(block);
    else form.brokenYears.push({ fy: y.fy, at: { row: y.row, col: y.col } });
  }
  return form;
}

function locateIndicator(v: SheetView, label: Pos): NonNullable<ItemSheetForm['indicator']> {
  const out: NonNullable<ItemSheetForm['indicator']> = { label };
  const r = label.row;
  const labels: { kind: 'unit' | 'baseline' | 'final'; at: Pos; rest: string }[] = [];
  for (let c = label.col + 1; c < v.colCount; c++) {
    if (v.isMergeFollower(r, c)) continue;
    const text = v.text(r, c);
    const key = headerKey(text);
    if (key === K.unit) labels.push({ kind: 'unit', at: { row: r, col: c }, rest: '' });
    else if (key === K.baseline) labels.push({ kind: 'baseline', at: { row: r, col: c }, rest: '' });
    else if (isFinalTargetLabel(key)) {
      // The value is sometimes typed into the label cell: 「計画最終年度の目標値 試行結果の検証」.
      labels.push({ kind: 'final', at: { row: r, col: c }, rest: afterLabel(text, /^計画最終年度の目標値?/) });
    }
  }
  const firstLabel = labels[0]?.at.col ?? v.colCount;
  out.name = nextFilled(v, label, firstLabel);
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i];
    const cell = rightOf(v, l.at);
    const stop = labels[i + 1]?.at.col ?? v.colCount;
    // The value cell is the one right of the label, unless someone left it and typed further right.
    const pos = cell.col < stop ? (v.text(cell.row, cell.col) !== '' ? cell : (nextFilled(v, l.at, stop) ?? cell)) : undefined;
    if (l.kind === 'unit') out.unit = pos;
    if (l.kind === 'baseline') out.baseline = pos;
    if (l.kind === 'final') {
      out.finalTarget = pos;
      if (l.rest) out.fusedFinal = l.rest;
    }
  }
  return out;
}

/**
 * One year block. Columns come from the 評価 label: the target is the cell left of it, the rating
 * right of it, the 実績値 right of the rating; the lower row repeats the target and 実績 columns.
 */
function locateYear(v: SheetView, y: { row: number; col: number; fy: number }, nextRow: number): YearBlock | undefined {
  let evalCol = -1;
  for (let c = y.col + 1; c < v.colCount; c++) {
    if (v.isMergeFollower(y.row, c)) continue;
    if (K.evalLabels.includes(headerKey(v.text(y.row, c)))) {
      evalCol = c;
      break;
    }
  }
  if (evalCol < 0) return undefined;
  const planMerge = v.merge(y.row, y.col + 1);
  const leftOfEval = v.merge(y.row, evalCol - 1);
  const targetCol = leftOfEval ? leftOfEval.left : evalCol - 1;
  if (targetCol <= y.col || (planMerge && targetCol <= planMerge.right && planMerge.left === y.col + 1 && planMerge.right >= evalCol - 1)) {
    return undefined;
  }
  const evalAt = { row: y.row, col: evalCol };
  const rating = rightOf(v, evalAt);
  const actual = rightOf(v, rating);
  const block: YearBlock = {
    fy: y.fy,
    label: { row: y.row, col: y.col },
    target: { row: y.row, col: targetCol },
    evalLabel: evalAt,
    rating,
    actual,
  };
  const lower = y.row + 1;
  const labelMerge = v.merge(y.row, y.col);
  if (lower < nextRow && ((labelMerge && labelMerge.bottom >= lower) || !v.isRowEmpty(lower))) {
    block.effectPlanned = { row: lower, col: targetCol };
    block.comment = { row: lower, col: evalCol };
    block.effectActual = { row: lower, col: actual.col };
  }
  return block;
}
