import type { CellRef } from '../../grid/types';
import { finding, type Finding } from '../../validation/finding';
import { normalizeWidth, parseCircled } from '../../values';
import { GRID, MEANS, STANCES, gridCell, type GridCell } from './grid';

/**
 * Where an item sits in the 推進手段 × 基本姿勢 grid, from whatever the sheet gives: a 推進手段 cell
 * (`(3)行政評価・選択と集中`, `(3)`, or the name alone), a 基本姿勢 cell (`(2)…`, `②`, the name), and a
 * 個別項目 cell (`②実施計画・予算編成との連携`, or the code `(3)-②`). The 個別項目's circled digit is
 * its 基本姿勢 number by construction of the grid, so the two must agree.
 */

export interface ClassInput {
  means?: { text: string; cell: CellRef };
  stance?: { text: string; cell: CellRef };
  item?: { text: string; cell: CellRef };
}

export interface Classification {
  means?: number;
  stance?: number;
  cell?: GridCell;
  findings: Finding[];
}

const compact = (s: string) => normalizeWidth(s).replace(/[\s、,，・。()（）「」“”"]/g, '').replace(/活か/g, '生か');

/** `(3)…`, `（３）…`, `3.`, or a bare `3`. */
function leadingNumber(text: string): number | undefined {
  const s = normalizeWidth(text).trim();
  const m = /^\(?\s*(\d{1,2})\s*\)?(?:[.\s、:]|(?=[^\d])|$)/.exec(s);
  return m ? Number(m[1]) : undefined;
}

function byName<T extends { no: number; name: string }>(list: readonly T[], text: string): number | undefined {
  const k = compact(text.replace(/^\(?\s*\d{1,2}\s*\)?/, ''));
  if (k === '') return undefined;
  return list.find((x) => compact(x.name) === k || ('short' in x && compact(String(x.short)) === k))?.no;
}

/** `(3)-②`, `(3)－②`, `3-②`, `(3)②`: the 推進手段 and the circled 個別項目 number. */
export function parseCellCode(text: string): { means: number; circled: number } | undefined {
  const s = normalizeWidth(text).trim();
  const m = /^\(?\s*(\d)\s*\)?\s*[-ー‐―]?\s*([①-⑳])$/.exec(s);
  if (!m) return undefined;
  const circled = parseCircled(m[2]);
  return circled === undefined ? undefined : { means: Number(m[1]), circled };
}

export function classify(input: ClassInput, itemId: string): Classification {
  const findings: Finding[] = [];
  const at = input.item?.cell ?? input.means?.cell ?? input.stance?.cell;

  let means: number | undefined;
  if (input.means && input.means.text !== '') {
    means = leadingNumber(input.means.text) ?? byName(MEANS, input.means.text);
  }
  let stance: number | undefined;
  if (input.stance && input.stance.text !== '') {
    const t = input.stance.text.trim();
    stance = parseCircled([...t][0] ?? '') ?? leadingNumber(t) ?? byName(STANCES, t);
  }

  let circled: number | undefined;
  let itemText = '';
  if (input.item && input.item.text !== '') {
    const code = parseCellCode(input.item.text);
    if (code) {
      circled = code.circled;
      if (means === undefined) means = code.means;
      else if (means !== code.means) {
        findings.push(
          finding('LAY012', input.item.cell, { what: { ja: '推進手段', en: '推進手段' }, first: `個別項目 ${input.item.text}`, second: `推進手段 (${means})`, used: `推進手段 (${means})` }, itemId),
        );
      }
    } else {
      const t = input.item.text.trim();
      circled = parseCircled([...t][0] ?? '');
      itemText = circled !== undefined ? t.slice([...t][0].length) : t;
    }
  }

  for (const [n, max, label, cell] of [
    [means, 7, '推進手段', input.means?.cell],
    [stance ?? circled, 3, '基本姿勢', input.stance?.cell ?? input.item?.cell],
  ] as const) {
    if (n !== undefined && (n < 1 || n > max)) {
      findings.push(
        finding('TKB005', cell ?? at!, { what: label, n, max }, itemId),
      );
    }
  }
  if (means !== undefined && (means < 1 || means > 7)) means = undefined;
  if (stance !== undefined && (stance < 1 || stance > 3)) stance = undefined;
  if (circled !== undefined && (circled < 1 || circled > 3)) circled = undefined;

  if (stance !== undefined && circled !== undefined && stance !== circled) {
    findings.push(
      finding('TKB001', input.item!.cell, { text: input.item!.text, stance: `(${stance})`, expected: STANCES[stance - 1].key }, itemId),
    );
  }
  if (stance === undefined) stance = circled;
  // Only a name: find the grid cell that carries it.
  if ((means === undefined || stance === undefined) && itemText) {
    const hit = GRID.find((c) => compact(c.name) === compact(itemText));
    if (hit) {
      means ??= hit.means;
      stance ??= hit.stance;
    }
  }
  if (means === undefined || stance === undefined) {
    findings.push(
      finding('TKB003', at!, { missing: means === undefined ? { ja: '推進手段', en: '推進手段' } : { ja: '基本姿勢', en: '基本姿勢' } }, itemId),
    );
    return { ...(means !== undefined ? { means } : {}), ...(stance !== undefined ? { stance } : {}), findings };
  }
  const cell = gridCell(means, stance)!;
  if (itemText && compact(itemText) !== compact(cell.name)) {
    const other = GRID.find((c) => compact(c.name) === compact(itemText));
    if (other) {
      findings.push(
        finding('LAY012', input.item!.cell, { what: { ja: '個別項目', en: '個別項目' }, first: `${other.id} ${itemText}`, second: `${cell.id} ${cell.name}`, used: cell.id }, itemId),
      );
    }
  }
  return { means, stance, cell, findings };
}
