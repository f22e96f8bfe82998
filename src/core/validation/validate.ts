import { toA1 } from '../grid/a1';
import type { CellRef } from '../grid/types';
import type { Indicator, Item, Plan } from '../model/plan';
import type { RuleConfig } from '../rules/config';
import { actualFor, primaryIndicator, reportYear, targetFor } from '../rules/evaluate';
import type { Evaluation } from '../rules/evaluation';
import { formatNumber } from '../rules/format';
import { unitsAgree } from '../rules/units';
import { fiscalYearLabel } from '../values';
import type { ParsedValue } from '../values/types';
import { finding, type Finding } from './finding';

/**
 * What a 企画課 reviewer checks before accepting a department's sheet, all at once. Codes are
 * stable and listed in docs/findings.md. Readers that meet a rating cell they cannot parse keep its
 * text in `item.notes.rating`; that is how VLD003 sees it.
 */
export function validatePlan(plan: Plan, evaluations: Evaluation[], _rules?: RuleConfig): Finding[] {
  const byId = new Map(evaluations.map((e) => [e.itemId, e]));
  const out: Finding[] = [];
  const seen = new Map<string, Item>();
  for (const item of plan.items) {
    if (item.flags.includes('template')) continue;
    const repost = item.flags.includes('repost');
    if (!repost) {
      const first = seen.get(item.id);
      if (first) out.push(duplicate(item, first));
      else seen.set(item.id, item);
    }
    const fy = reportYear(item, plan);
    const ev = byId.get(item.id);
    out.push(...checkIndicators(item, fy));
    out.push(...checkRating(item, ev, repost));
    out.push(...checkEffects(item, fy));
  }
  out.push(...planWithoutRatings(plan));
  return out;
}

/** Said once per sheet: items that have nowhere to put a rating (a plan table before progress columns exist). */
function planWithoutRatings(plan: Plan): Finding[] {
  const bySheet = new Map<string, Item[]>();
  for (const item of plan.items) {
    if (item.flags.includes('template') || item.flags.includes('repost')) continue;
    if (item.rating || item.ratingCell || item.cells.rating) continue;
    bySheet.set(item.source.sheet, [...(bySheet.get(item.source.sheet) ?? []), item]);
  }
  return [...bySheet.entries()].map(([sheet, items]) =>
    finding(
      'VLD016',
      'info',
      at(where(items[0], undefined, 'name')),
      `シート「${sheet}」の${items.length}件の取組には評価欄がありません(計画表)。進捗を報告するには、年度の進捗列(実績・評価・取組状況)を追加してください(タスクパネルの「計算」、または shinchoku columns --fy 年度)。`,
      `Sheet "${sheet}": ${items.length} items have no rating column (a plan table). To report progress, add the year's progress columns (actual, rating, status) from the task pane or with \`shinchoku columns --fy FY\`.`,
    ),
  );
}

const label = (item: Item) => `「${item.id} ${item.name}」`;
const labelEn = (item: Item) => `"${item.id} ${item.name}"`;
const yearJa = (fy: number | undefined) => (fy === undefined ? '' : fiscalYearLabel(fy, 'ja'));
const yearEn = (fy: number | undefined) => (fy === undefined ? '' : fiscalYearLabel(fy, 'en'));

/** The cell to point at: the value's own cell, else the field's, else the item's first cell. */
function where(item: Item, value: ParsedValue | undefined, ...keys: string[]): CellRef {
  if (value?.cell) return value.cell;
  for (const k of keys) if (item.cells[k]) return item.cells[k];
  return item.cells.name ?? { sheet: item.source.sheet, address: toA1(item.source.row, 0) };
}

function at(ref: CellRef) {
  return { sheet: ref.sheet, address: ref.address };
}

function duplicate(item: Item, first: Item): Finding {
  const ref = where(item, undefined, 'id', 'name');
  const firstRef = where(first, undefined, 'id', 'name');
  return finding(
    'VLD008',
    'error',
    at(ref),
    `取組番号「${item.id}」が重複しています(最初は ${firstRef.sheet}!${firstRef.address})。集計で二重に数えられないよう番号を確認してください。`,
    `Item id "${item.id}" appears twice (first at ${firstRef.sheet}!${firstRef.address}); check the numbering so it is not counted twice.`,
    item.id,
  );
}

function checkIndicators(item: Item, fy: number | undefined): Finding[] {
  const out: Finding[] = [];
  item.indicators.forEach((ind, i) => {
    if (ind.qualitative) return;
    const primary = i === primaryIndicator(item);
    const tgt = targetFor(ind, fy);
    const act = actualFor(ind, fy);
    for (const [kind, v, key] of [
      ['target', tgt, `target:${fy}`],
      ['actual', act, `actual:${fy}`],
    ] as const) {
      if (v?.kind === 'text') {
        const ja = kind === 'target' ? '目標値' : '実績値';
        out.push(
          finding(
            'VLD001',
            'error',
            at(where(item, v, key)),
            `${label(item)}の${yearJa(fy)}${ja}「${v.raw}」が数値ではありません(単位 ${ind.unit ?? '-'})。数値で入力するか、定性的な指標なら単位を「-」にしてください。`,
            `${labelEn(item)}: the ${yearEn(fy)} ${kind} "${v.raw}" is not a number (unit ${ind.unit ?? '-'}). Enter a number, or set the unit to "-" for a qualitative indicator.`,
            item.id,
          ),
        );
      }
    }
    if (primary && fy !== undefined && tgt?.kind === 'number' && (act === undefined || act.kind === 'blank')) {
      out.push(
        finding(
          'VLD006',
          'error',
          at(where(item, act, `actual:${fy}`, 'actual')),
          `${label(item)}の${yearJa(fy)}実績値が未入力です(目標値「${tgt.raw}」)。`,
          `${labelEn(item)}: the ${yearEn(fy)} actual is missing (target "${tgt.raw}").`,
          item.id,
        ),
      );
    }
    // Plans that set only a final target (二本松市: R6 ⇒ R12) have no yearly target to miss.
    const finalOnly = fy !== undefined && ind.finalTarget?.fy !== undefined && ind.finalTarget.fy > fy;
    if (primary && fy !== undefined && act?.kind === 'number' && (tgt === undefined || tgt.kind === 'blank') && !finalOnly) {
      out.push(
        finding(
          'VLD014',
          'warning',
          at(where(item, tgt, `target:${fy}`, 'target')),
          `${label(item)}は${yearJa(fy)}の実績値「${act.raw}」がありますが目標値がないため、達成率を計算できません。`,
          `${labelEn(item)} has a ${yearEn(fy)} actual "${act.raw}" but no target, so no achievement ratio can be computed.`,
          item.id,
        ),
      );
    }
    if (fy !== undefined && act?.kind === 'number' && act.year !== undefined && act.year !== fy) {
      out.push(
        finding(
          'VLD015',
          'warning',
          at(where(item, act, `actual:${fy}`)),
          `${label(item)}の${yearJa(fy)}実績値「${act.raw}」に${yearJa(act.year)}と注記されています。報告年度の値か確認してください。`,
          `${labelEn(item)}: the ${yearEn(fy)} actual "${act.raw}" is annotated ${yearEn(act.year)}; check it is this year's value.`,
          item.id,
        ),
      );
    }
    out.push(...unitClashes(item, ind));
  });
  return out;
}

function unitClashes(item: Item, ind: Indicator): Finding[] {
  const column = ind.unit;
  if (!column || column === '-') return [];
  const values: [string, string, ParsedValue | undefined, string][] = [
    ['現状値', 'baseline', ind.baseline?.value, 'baseline'],
    ['最終目標値', 'final target', ind.finalTarget?.value, 'finalTarget'],
    ...ind.targets.map((t) => [`${yearJa(t.fy)}目標値`, `${yearEn(t.fy)} target`, t.value, `target:${t.fy}`] as [string, string, ParsedValue, string]),
    ...ind.actuals.map((t) => [`${yearJa(t.fy)}実績値`, `${yearEn(t.fy)} actual`, t.value, `actual:${t.fy}`] as [string, string, ParsedValue, string]),
  ];
  const out: Finding[] = [];
  for (const [ja, en, v, key] of values) {
    if (v?.kind !== 'number' || !v.unit || unitsAgree(v.unit, column)) continue;
    out.push(
      finding(
        'VLD007',
        'warning',
        at(where(item, v, key)),
        `${label(item)}の${ja}「${v.raw}」の単位「${v.unit}」が単位欄「${column}」と一致しません。`,
        `${labelEn(item)}: the ${en} "${v.raw}" is in "${v.unit}" but the unit column says "${column}".`,
        item.id,
      ),
    );
  }
  return out;
}

function checkRating(item: Item, ev: Evaluation | undefined, repost: boolean): Finding[] {
  const out: Finding[] = [];
  const cell = item.ratingCell ?? item.cells.rating;
  const ratingAt = at(item.rating?.cell ?? cell ?? where(item, undefined, 'rating'));
  const typed = item.notes?.rating;
  if (!item.rating && typed !== undefined && typed.trim() !== '') {
    out.push(
      finding(
        'VLD003',
        'error',
        ratingAt,
        `${label(item)}の評価「${typed}」はA〜Dのいずれでもありません。`,
        `${labelEn(item)}: the rating "${typed}" is not one of A–D.`,
        item.id,
      ),
    );
    return out;
  }
  if (repost) return out; // the original row carries the rating
  // A plan sheet without a rating column is not a progress report yet: nothing to rate (VLD016 says so once).
  if (!item.rating && !cell) return out;
  if (!item.rating) {
    if (ev?.suggested) {
      out.push(
        finding(
          'VLD005',
          'warning',
          ratingAt,
          `${label(item)}の評価が未入力です。実績からの提案は「${ev.suggested}」です(${ev.reason.ja})。`,
          `${labelEn(item)}: no rating entered. The suggestion from the numbers is "${ev.suggested}" (${ev.reason.en}).`,
          item.id,
        ),
      );
    } else {
      out.push(
        finding(
          'VLD004',
          'error',
          ratingAt,
          `${label(item)}の評価が未入力です。数値から提案できない取組のため、提出前に所管課で評価(A〜D)を入力してください。`,
          `${labelEn(item)}: no rating entered, and none can be suggested from the numbers; the department must rate it (A–D) before submission.`,
          item.id,
        ),
      );
    }
    return out;
  }
  if (ev?.suggested && ev.suggested !== item.rating.letter) {
    out.push(
      finding(
        'VLD009',
        'warning',
        ratingAt,
        `${label(item)}の評価「${item.rating.raw}」は、実績からの提案「${ev.suggested}」と異なります(${ev.reason.ja})。理由があればそのままで構いません。`,
        `${labelEn(item)}: the rating "${item.rating.raw}" differs from the suggestion "${ev.suggested}" (${ev.reason.en}). Keep it if there is a reason.`,
        item.id,
      ),
    );
  }
  return out;
}

function checkEffects(item: Item, fy: number | undefined): Finding[] {
  const fx = item.effects;
  if (!fx) return [];
  const out: Finding[] = [];
  const sums = { planned: 0, actual: 0 };
  const seenNumber = { planned: false, actual: false };
  for (const y of fx.byYear) {
    for (const kind of ['planned', 'actual'] as const) {
      const v = y[kind];
      const key = kind === 'planned' ? `effectPlanned:${y.fy}` : `effectActual:${y.fy}`;
      const [ja, en] = kind === 'planned' ? ['効果見込額', 'planned effect'] : ['実績効果額', 'actual effect'];
      if (v?.kind === 'text') {
        out.push(
          finding(
            'VLD002',
            'error',
            at(where(item, v, key)),
            `${label(item)}の${yearJa(y.fy)}${ja}「${v.raw}」が数値ではありません(単位 千円)。`,
            `${labelEn(item)}: the ${yearEn(y.fy)} ${en} "${v.raw}" is not a number (千円).`,
            item.id,
          ),
        );
      }
      if (v?.kind !== 'number') continue;
      sums[kind] += v.value;
      seenNumber[kind] = true;
      if (v.value < 0) {
        out.push(
          finding(
            'VLD012',
            'info',
            at(where(item, v, key)),
            `${label(item)}の${yearJa(y.fy)}${ja}「${v.raw}」はマイナスです。そのまま合計に含めます。`,
            `${labelEn(item)}: the ${yearEn(y.fy)} ${en} "${v.raw}" is negative; it is summed as it is.`,
            item.id,
          ),
        );
      }
    }
    const planned = y.planned;
    if (y.actual?.kind === 'number' && y.actual.value !== 0 && (planned === undefined || planned.kind === 'blank' || planned.kind === 'na') && y.fy === fy) {
      out.push(
        finding(
          'VLD013',
          'warning',
          at(where(item, y.actual, `effectActual:${y.fy}`)),
          `${label(item)}は${yearJa(y.fy)}の効果見込額がないのに実績効果額「${y.actual.raw}」があります。見込額の記入漏れか確認してください。`,
          `${labelEn(item)} has a ${yearEn(y.fy)} actual effect "${y.actual.raw}" but no planned effect; check whether the plan amount is missing.`,
          item.id,
        ),
      );
    }
  }
  for (const kind of ['planned', 'actual'] as const) {
    const sub = kind === 'planned' ? fx.plannedSubtotal : fx.actualSubtotal;
    if (sub === undefined) continue;
    const code = kind === 'planned' ? 'VLD010' : 'VLD011';
    const [ja, en] = kind === 'planned' ? ['効果見込額', 'planned effect'] : ['実績効果額', 'actual effect'];
    const ref = at(where(item, sub, kind === 'planned' ? 'plannedSubtotal' : 'actualSubtotal'));
    if (sub.kind === 'number' && Math.abs(sub.value - sums[kind]) > 0.5) {
      out.push(
        finding(
          code,
          'error',
          ref,
          `${label(item)}の〔小計〕${ja}「${sub.raw}」が各年度の合計 ${formatNumber(sums[kind])} と一致しません。`,
          `${labelEn(item)}: the ${en} subtotal "${sub.raw}" does not equal the sum of the years, ${formatNumber(sums[kind])}.`,
          item.id,
        ),
      );
    } else if (sub.kind !== 'number' && seenNumber[kind] && sums[kind] !== 0) {
      out.push(
        finding(
          code,
          'warning',
          ref,
          `${label(item)}の〔小計〕${ja}が「${sub.raw || '空欄'}」ですが、各年度の合計は ${formatNumber(sums[kind])} です。`,
          `${labelEn(item)}: the ${en} subtotal is "${sub.raw || 'blank'}" but the years sum to ${formatNumber(sums[kind])}.`,
          item.id,
        ),
      );
    }
  }
  return out;
}
