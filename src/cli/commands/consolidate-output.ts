import type { ConFinding } from '../../core/consolidate/codes';
import { signedJa, type Comparison } from '../../core/consolidate/compare';
import type { HearingList } from '../../core/consolidate/hearing';
import type { Reconciliation } from '../../core/consolidate/reconcile';
import { say, type Lang } from '../messages';
import { groupTitle, prose, WIDTH } from '../render';
import { num, table, truncate, type Column } from '../text';

/**
 * What summary prints besides the summary table when it consolidates: the findings about the files,
 * the comparison with last year, the reconciliation and the hearing list. Tables fit 80 columns and
 * sentences are wrapped unless --wide; every line comes from the message tables or the catalogue.
 */

const SEVERITY = { error: 'severityError', warning: 'severityWarning', info: 'severityInfo' } as const;

/** `[警告] CON001 …`, wrapped to the terminal unless wide. */
export function findingLine(f: Pick<ConFinding, 'severity' | 'code' | 'message'>, lang: Lang, wide = false, indent = ''): string {
  return prose(`${indent}[${say(lang, SEVERITY[f.severity])}] ${f.code} ${f.message[lang]}`, wide);
}

/** 今年度 / 前年度 / 増減 by group and rating column (▲ for a decrease in Japanese), then the items that moved. */
export function compareText(cmp: Comparison, label: string, lang: Lang, wide = false): string {
  const signed = (n: number) => (lang === 'ja' ? signedJa(n, num) : n > 0 ? `+${num(n)}` : num(n));
  const column = (c: string) => (c === 'unrated' ? say(lang, 'summaryUnrated') : c === 'notRated' ? say(lang, 'summaryNotRated') : c);
  const rows: string[][] = [];
  for (const r of cmp.rows) {
    const title = r.key === 'total' ? say(lang, 'summaryTotalRow') : groupTitle(r);
    const shown = cmp.columns.filter((c) => (c !== 'unrated' && c !== 'notRated') || r.counts[c].now !== 0 || r.counts[c].last !== 0);
    shown.forEach((c, i) => rows.push([i === 0 ? title : '', column(c), String(r.counts[c].now), String(r.counts[c].last), signed(r.counts[c].delta)]));
    rows.push(['', say(lang, 'summaryTotalCol'), String(r.total.now), String(r.total.last), signed(r.total.delta)]);
    rows.push(['', say(lang, wide ? 'summaryPlanned' : 'summaryPlannedShort'), num(r.effectPlanned.now), num(r.effectPlanned.last), signed(r.effectPlanned.delta)]);
    rows.push(['', say(lang, wide ? 'summaryActual' : 'summaryActualShort'), num(r.effectActual.now), num(r.effectActual.last), signed(r.effectActual.delta)]);
  }
  const columns: Column[] = [
    { head: label, shrink: true, min: 12 },
    { head: say(lang, 'compareRating') },
    { head: say(lang, 'compareNow'), right: true },
    { head: say(lang, 'compareLast'), right: true },
    { head: say(lang, 'compareDelta'), right: true },
  ];
  const t = table(columns, rows, wide ? Infinity : WIDTH);
  const out = [prose(say(lang, 'compareTitle', { file: cmp.lastFile }), wide), t.text];
  if (t.cut) out.push(say(lang, 'summaryNarrowHint'));
  const item = (x: { itemId: string; name: string; department: string }) => ({ id: x.itemId, name: x.name, department: x.department });
  out.push(say(lang, 'compareFell', { n: cmp.fell.length }));
  for (const f of cmp.fell) out.push(prose(say(lang, 'compareFellRow', { ...item(f.now), from: f.from, to: f.to }), wide));
  out.push(say(lang, 'compareAdded', { n: cmp.added.length }));
  for (const a of cmp.added) out.push(prose(say(lang, 'compareItemRow', item(a)), wide));
  out.push(say(lang, 'compareDropped', { n: cmp.dropped.length }));
  for (const d of cmp.dropped) out.push(prose(say(lang, 'compareItemRow', item(d)), wide));
  return out.join('\n');
}

export function reconcileText(r: Reconciliation, lang: Lang, wide = false): string {
  const head = say(lang, 'reconcileHead', {
    file: r.planFile,
    plan: r.planItems,
    submitted: r.submitted,
    matched: r.matched,
    missing: r.missing.length,
    extra: r.extra.length,
    changed: r.changed.length,
  });
  return [prose(head, wide), ...r.findings.map((f) => findingLine(f, lang, wide, '  '))].join('\n');
}

/** The items to ask departments about: a table (one row per item), then each reason in full. */
export function hearingText(h: HearingList, lang: Lang, wide = false): string {
  if (h.entries.length === 0) return say(lang, 'hearingNone');
  const out = [say(lang, 'hearingHead', { n: h.entries.length })];
  const dept = (d: string) => (wide ? d : truncate(d, 18));
  const rows = h.entries.map((e) => [e.itemId, e.name, dept(e.department), e.rating === 'unrated' ? say(lang, 'summaryUnrated') : e.rating, e.reasons.map((x) => x.code).join(',')]);
  const columns: Column[] = [
    { head: say(lang, 'hearingColId') },
    { head: say(lang, 'hearingColName'), shrink: true, min: 12 },
    { head: say(lang, 'axisDepartment') },
    { head: say(lang, 'hearingColRating') },
    { head: say(lang, 'hearingColReasons') },
  ];
  const t = table(columns, rows, wide ? Infinity : WIDTH);
  out.push(t.text);
  if (t.cut) out.push(say(lang, 'summaryNarrowHint'));
  for (const e of h.entries) for (const x of e.reasons) out.push(prose(say(lang, 'hearingReason', { id: e.itemId, code: x.code, message: x.message[lang] }), wide));
  return out.join('\n');
}
