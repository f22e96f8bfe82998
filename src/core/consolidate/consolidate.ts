import type { Item, Plan, Policy } from '../model/plan';
import { mergeClassNames } from '../model/plan';
import type { Evaluation } from '../rules/evaluation';
import { fiscalYearLabel } from '../values/fiscal-year';
import { DEFAULT_SCALE, type Scale } from '../values';
import { conFinding, type ConFinding, type Params } from './codes';
import {
  COMPARED_FIELDS,
  differingFields,
  FIELD_LABEL,
  fieldValueText,
  IdentityIndex,
  identityOf,
  planFingerprint,
  reportedValues,
  SAME_NAME,
  similarity,
  type ComparedField,
  type ReportedValues,
} from './identity';
import {
  isSkipped,
  type Consolidation,
  type ConsolidationInput,
  type Copy,
  type Duplicate,
  type FileEntry,
  type FileInput,
  type Origin,
} from './types';

export interface ConsolidateOptions {
  /** The report year to consolidate; absent = the year most items report. */
  fy?: number;
  /** Files whose copy wins when copies of an item disagree, most preferred first. */
  prefer?: string[];
  /** Per item id (as in the consolidated plan or its file): the file whose copy to use. */
  choices?: Record<string, string>;
}

/**
 * Department workbooks → one plan in which every item is counted once, from one file, and every
 * doubt is a finding that names both sources: the same file twice (also renamed), an item in two
 * files, files of another report year, the same policy number used for different policies. Where
 * copies of an item disagree, nothing is summed until the user chooses (`unresolved`).
 */
export function consolidate(inputs: readonly ConsolidationInput[], opts: ConsolidateOptions = {}): Consolidation {
  const findings: ConFinding[] = [];
  const entries: FileEntry[] = [];
  const live: { input: FileInput; entry: FileEntry; fy: number | undefined }[] = [];

  for (const input of inputs) {
    if (isSkipped(input)) {
      const s = input.skipped;
      entries.push(fileEntry(input.file, s.kind === 'owner' ? 'owner' : s.kind === 'not-workbook' ? 'not-workbook' : 'unreadable'));
      const at = [{ file: input.file }];
      if (s.kind === 'owner') findings.push(conFinding('CON009', { file: input.file }, at));
      else if (s.kind === 'not-workbook') findings.push(conFinding('CON010', { file: input.file, kind: s.format }, at));
      else findings.push(conFinding('CON011', { file: input.file, reason: s.reason }, at));
      continue;
    }
    const counted = input.plan.items.filter((i) => !i.flags.includes('template'));
    const fy = fileYear(input.plan);
    const entry: FileEntry = {
      ...fileEntry(input.file, counted.length ? 'used' : 'empty'),
      reportFy: fy ?? null,
      items: counted.length,
      layouts: input.layouts,
      fingerprint: null,
      errors: input.errors,
    };
    entries.push(entry);
    if (!counted.length) {
      findings.push(conFinding('CON012', { file: input.file }, [{ file: input.file }]));
      continue;
    }
    live.push({ input, entry, fy });
  }

  // One report year: the user's, or the one most items report.
  const reportFy = opts.fy ?? majorityYear(live.map((l) => ({ fy: l.fy, weight: l.entry.items })));
  const example = live.find((l) => l.fy === reportFy)?.input.file ?? '';
  // The year is another file's, or only the one asked for (--fy) when no file reports it.
  const against = example ? { ja: `「${example}」などが報告する`, en: `the year "${example}" and others report` } : { ja: '指定された', en: 'the year asked for' };
  for (const l of live) {
    if (l.fy === undefined) {
      findings.push(conFinding('CON013', { file: l.input.file }, [{ file: l.input.file }]));
    } else if (reportFy !== undefined && l.fy !== reportFy) {
      l.entry.status = 'other-year';
      findings.push(
        conFinding(
          'CON005',
          { file: l.input.file, fileYear: yearParam(l.fy), year: yearParam(reportFy), against },
          [{ file: l.input.file }, ...(example ? [{ file: example }] : [])],
        ),
      );
    }
  }

  // The same content twice (the same file given twice, or a renamed copy): the first one counts.
  // One workbook has nothing to be a copy of, and its fingerprint costs a pass over every value.
  const seen = new Map<string, string>();
  const candidates = live.filter((l) => l.entry.status === 'used');
  for (const l of candidates.length > 1 ? candidates : []) {
    const fingerprint = planFingerprint(l.input.plan);
    l.entry.fingerprint = fingerprint;
    const first = seen.get(fingerprint);
    if (first !== undefined) {
      l.entry.status = 'duplicate';
      l.entry.copyOf = first;
      findings.push(conFinding('CON001', { file: l.input.file, copyOf: first }, [{ file: first }, { file: l.input.file }]));
    } else {
      seen.set(fingerprint, l.input.file);
    }
  }
  const used = live.filter((l) => l.entry.status === 'used');
  for (const l of used) {
    if (l.input.errors > 0) findings.push(conFinding('CON014', { file: l.input.file, errors: l.input.errors }, [{ file: l.input.file }]));
  }

  const policyLabel = mostCommon(used.map((l) => l.input.plan.policyLabel)) ?? '基本方針';
  const policies = mapPolicies(used.map((l) => l.input), policyLabel, findings);
  const merged = mergeItems(used.map((l) => l.input), policies, opts, findings);
  for (const l of used) l.entry.counted = merged.countedFrom.get(l.input.file) ?? 0;

  const scale = cityScale(used, findings);
  const rulePack = used.map((l) => l.input.plan.rulePack).find((x) => x !== undefined);
  const cellRules = Object.assign({}, ...used.map((l) => l.input.plan.cellRules ?? {}));
  // Built from plans that were each parsed where they entered the core: parsing the merged plan again
  // would deep-copy every item once more (270 ms of `summary` at 21,300 items in a profile) to learn nothing.
  const plan: Plan = {
    layouts: [...new Set(used.flatMap((l) => l.input.plan.layouts))],
    policyLabel,
    policies: policies.list,
    items: merged.items,
    ...(reportFy !== undefined ? { reportFy } : {}),
    ...(used.some((l) => l.input.plan.classNames) ? { classNames: mergeClassNames(used.map((l) => l.input.plan.classNames)) } : {}),
    // The city's scale (the one most items are rated on) and rule pack, as the department files were read,
    // and each layout's cell rules: the summary counts in the city's own columns.
    ...(scale ? { scale } : {}),
    ...(rulePack ? { rulePack } : {}),
    ...(Object.keys(cellRules).length ? { cellRules } : {}),
  };
  return {
    ...(reportFy !== undefined ? { reportFy } : {}),
    files: entries,
    plan,
    origins: merged.origins,
    evaluations: merged.evaluations,
    duplicates: merged.duplicates,
    findings,
    unresolved: merged.duplicates.filter((d) => d.resolution === 'unresolved'),
  };
}

/**
 * Item ids of one file (as its reader named them) → their ids in the consolidated plan, for the
 * items counted from that file's copy (a copy not counted maps to nothing).
 */
export function consolidatedIds(c: Pick<Consolidation, 'origins'>, file: string, itemIds: readonly string[]): string[] {
  const wanted = new Set(itemIds);
  return Object.entries(c.origins)
    .filter(([, o]) => o.file === file && wanted.has(o.itemId))
    .map(([id]) => id);
}

function fileEntry(file: string, status: FileEntry['status']): FileEntry {
  return { file, status, reportFy: null, items: 0, counted: 0, layouts: [], fingerprint: null, copyOf: null, errors: 0 };
}

function yearParam(fy: number): Params[string] {
  return { ja: fiscalYearLabel(fy, 'ja'), en: fiscalYearLabel(fy, 'en') };
}

/** The year a file reports: the plan's, else the one most of its items give. */
function fileYear(plan: Plan): number | undefined {
  return plan.reportFy ?? majorityYear(plan.items.map((i) => ({ fy: i.reportFy, weight: 1 })));
}

/** The year with the most weight; a tie goes to the later year (a new report among old copies). */
export function majorityYear(votes: { fy: number | undefined; weight: number }[]): number | undefined {
  const tally = new Map<number, number>();
  for (const v of votes) if (v.fy !== undefined) tally.set(v.fy, (tally.get(v.fy) ?? 0) + v.weight);
  let best: number | undefined;
  for (const [fy, w] of tally) {
    if (best === undefined || w > tally.get(best)! || (w === tally.get(best)! && fy > best)) best = fy;
  }
  return best;
}

/**
 * The scale the summary counts on: the one most items were rated on. A file rated on another scale
 * is said (CON015): its symbols the summary's scale lacks count as unrated, and a symbol both have
 * (A of S/A/B/C, A of A–D) need not mean the same.
 */
function cityScale(used: { input: FileInput }[], findings: ConFinding[]): Scale | undefined {
  // A plan without a scale is rated A–D.
  const keyOf = (s: Scale | undefined) => {
    const x = s ?? DEFAULT_SCALE;
    return `${x.id}|${x.symbols.map((y) => y.symbol).join('|')}`;
  };
  const weight = new Map<string, { scale: Scale | undefined; items: number; file: string }>();
  for (const l of used) {
    const s = l.input.plan.scale;
    const w = weight.get(keyOf(s)) ?? { scale: s, items: 0, file: l.input.file };
    w.items += l.input.plan.items.length;
    weight.set(keyOf(s), w);
  }
  const best = [...weight.values()].sort((a, b) => b.items - a.items)[0];
  if (!best) return undefined;
  for (const l of used) {
    const s = l.input.plan.scale;
    if (keyOf(s) === keyOf(best.scale)) continue;
    const label = (x: Scale | undefined) => (x ?? DEFAULT_SCALE).label;
    findings.push(conFinding('CON015', { file: l.input.file, fileScale: label(s), scale: label(best.scale), example: best.file }, [{ file: l.input.file }, { file: best.file }]));
  }
  return best.scale;
}

function mostCommon(xs: string[]): string | undefined {
  const n = new Map<string, number>();
  for (const x of xs) n.set(x, (n.get(x) ?? 0) + 1);
  return [...n.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

interface PolicyMap {
  list: Policy[];
  /** file → the file's policy key → the consolidated policy. */
  of: Map<string, Map<string, Policy>>;
}

/**
 * Policies are joined by key only when their names agree. A key that names different policies in
 * different files (another plan's 「1 持続可能な財政運営」 beside 「1 行政サービスの最適化」) stays two
 * groups: the name most items use keeps the key, the other gets its file name beside the key.
 */
function mapPolicies(files: FileInput[], label: string, findings: ConFinding[]): PolicyMap {
  interface Cluster {
    key: string;
    name: string;
    order: number;
    files: string[];
    weight: number;
    seen: number;
  }
  const byKey = new Map<string, Cluster[]>();
  let seen = 0;
  const add = (file: string, key: string, name: string, order: number, weight: number) => {
    const clusters = byKey.get(key) ?? [];
    byKey.set(key, clusters);
    let c = clusters.find((x) => x.name === name || similarity(x.name, name) >= SAME_NAME);
    if (!c) {
      c = { key, name, order, files: [], weight: 0, seen: seen++ };
      clusters.push(c);
    }
    if (!c.files.includes(file)) c.files.push(file);
    c.weight += weight;
  };
  for (const f of files) {
    const counts = new Map<string, number>();
    for (const it of f.plan.items) counts.set(it.policyKey, (counts.get(it.policyKey) ?? 0) + 1);
    const named = new Map(f.plan.policies.map((p) => [p.key, p]));
    for (const it of f.plan.items) if (!named.has(it.policyKey)) named.set(it.policyKey, { key: it.policyKey, name: it.policyName, order: 1e6 });
    for (const p of named.values()) add(f.file, p.key, p.name, p.order, counts.get(p.key) ?? 0);
  }

  const main: Policy[] = [];
  const others: Policy[] = [];
  const of = new Map<string, Map<string, Policy>>();
  const assign = (file: string, key: string, p: Policy) => {
    const m = of.get(file) ?? new Map<string, Policy>();
    of.set(file, m);
    m.set(key, p);
  };
  for (const [key, clusters] of byKey) {
    const ranked = [...clusters].sort((a, b) => b.weight - a.weight || a.seen - b.seen);
    ranked.forEach((c, i) => {
      const p: Policy = i === 0 ? { key, name: c.name, order: c.order } : { key: `${key}（${c.files[0]}）`, name: `${key}（${c.files[0]}） ${c.name}`, order: 0 };
      (i === 0 ? main : others).push(p);
      for (const file of c.files) assign(file, key, p);
      if (i > 0) {
        const top = ranked[0];
        findings.push(
          conFinding('CON006', { label, key, name: c.name, file: c.files[0], otherName: top.name, otherFile: top.files[0] }, [
            { file: c.files[0] },
            { file: top.files[0] },
          ]),
        );
      }
    });
  }
  main.sort((a, b) => a.order - b.order);
  const list = [...main, ...others].map((p, i) => ({ ...p, order: i + 1 }));
  // Keep the orders assigned above in the per-file map too.
  const byKeyFinal = new Map(list.map((p) => [p.key, p]));
  for (const m of of.values()) for (const [k, p] of m) m.set(k, byKeyFinal.get(p.key)!);
  return { list, of };
}

interface Holder {
  file: string;
  item: Item;
  evaluation?: Evaluation;
  /** Compared only between copies of an item, so made when first asked for (valuesOf). */
  values?: ReportedValues;
  plan: Pick<Plan, 'reportFy'>;
}

/** Cells read: the richer copy of identical ones is used, so provenance points at the most detail. */
const richness = (h: Holder) => Object.keys(h.item.cells).length;

interface Entry {
  copies: Holder[];
  files: Set<string>;
}

interface Merged {
  items: Item[];
  origins: Record<string, Origin>;
  evaluations: Evaluation[];
  duplicates: Duplicate[];
  countedFrom: Map<string, number>;
}

function mergeItems(files: FileInput[], policies: PolicyMap, opts: ConsolidateOptions, findings: ConFinding[]): Merged {
  const entries: Entry[] = [];
  // Items of different departments may share a name: a match by name alone needs the same department.
  const index = new IdentityIndex<Entry>((e) => identityOf(e.copies[0].item), [], { sameDepartment: true });

  for (const [n, f] of files.entries()) {
    // Items are matched only against other files' items: the first file has none to meet, and no
    // file comes after the last to meet its items (one workbook is the common case: no matching at all).
    const lookup = n > 0;
    const indexed = n < files.length - 1;
    const evals = new Map(f.evaluations.map((e) => [e.itemId, e]));
    for (const original of f.plan.items) {
      if (original.flags.includes('template')) continue;
      const p = policies.of.get(f.file)?.get(original.policyKey);
      const item: Item = p ? { ...original, policyKey: p.key, policyName: p.name } : original;
      const holder: Holder = {
        file: f.file,
        item,
        ...(evals.has(original.id) ? { evaluation: evals.get(original.id)! } : {}),
        plan: f.plan,
      };
      // 【再掲】 rows repeat an item inside one plan on purpose; they are never matched across files.
      const repost = item.flags.includes('repost');
      const found = repost || !lookup
        ? { match: 'none' as const }
        : index.find(identityOf(item), (e) => !e.files.has(f.file) && !e.copies[0].item.flags.includes('repost'));
      if (found.with && (found.match === 'same' || found.match === 'renumbered')) {
        const e = found.with;
        const first = e.copies[0];
        if (found.match === 'renumbered') {
          findings.push(
            conFinding('CON008', { id: item.id, otherId: first.item.id, name: item.name, file: f.file, otherFile: first.file }, [
              at(first),
              at(holder),
            ]),
          );
        }
        e.copies.push(holder);
        e.files.add(f.file);
        if (indexed) index.add(e, identityOf(item));
        continue;
      }
      if (found.with && found.match === 'id-reused') {
        const first = found.with.copies[0];
        findings.push(
          conFinding('CON007', { id: item.id, name: item.name, file: f.file, otherName: first.item.name, otherFile: first.file }, [
            at(first),
            at(holder),
          ]),
        );
      }
      const e: Entry = { copies: [holder], files: new Set([f.file]) };
      entries.push(e);
      if (!repost && indexed) index.add(e);
    }
  }

  const items: Item[] = [];
  const origins: Record<string, Origin> = {};
  const evaluations: Evaluation[] = [];
  const duplicates: Duplicate[] = [];
  const countedFrom = new Map<string, number>();
  const taken = new Set<string>();
  // Numbers no copy disputes; a renumbered item takes a number of its own that none of these uses.
  const claimed = new Set(entries.filter((e) => e.copies.every((c) => c.item.id === e.copies[0].item.id)).map((e) => e.copies[0].item.id));
  // Equal copies are told once per pair of files, not once per item (a list beside its item sheets repeats them all).
  const pairs = new Map<string, { used: Holder; other: Holder; ids: string[] }>();
  for (const e of entries) {
    const chosen = e.copies.length > 1 ? resolve(e, opts, findings) : { holder: e.copies[0], duplicate: undefined };
    const h = chosen.holder;
    if (chosen.duplicate?.differing.length === 0) {
      for (const other of e.copies.filter((c) => c !== h)) {
        const key = `${h.file}\u0000${other.file}`;
        const pair = pairs.get(key) ?? { used: h, other, ids: [] };
        pair.ids.push(h.item.id);
        pairs.set(key, pair);
      }
    }
    const id = uniqueId(e, h, claimed, taken);
    taken.add(id);
    // Items are never changed once read: a copy only where the id is not the file's own.
    items.push(id === h.item.id ? h.item : { ...h.item, id });
    origins[id] = { file: h.file, itemId: h.item.id, layout: h.item.source.layout, sheet: h.item.source.sheet, row: h.item.source.row };
    if (h.evaluation) evaluations.push(id === h.evaluation.itemId ? h.evaluation : { ...h.evaluation, itemId: id });
    if (chosen.duplicate) duplicates.push({ ...chosen.duplicate, id });
    if (!h.item.flags.includes('repost')) countedFrom.set(h.file, (countedFrom.get(h.file) ?? 0) + 1);
  }
  for (const p of pairs.values()) {
    const examples = p.ids.length > 3 ? `${p.ids.slice(0, 3).join('、')} …` : p.ids.join('、');
    findings.push(conFinding('CON002', { used: p.used.file, other: p.other.file, count: p.ids.length, examples }, [{ file: p.used.file }, { file: p.other.file }]));
  }
  return { items, origins, evaluations, duplicates, countedFrom };
}

/**
 * The item's id in the consolidated plan: the first file's number, unless another item owns it (a
 * sheet printed with the wrong number); a number used by two different items gets the file beside it.
 */
function uniqueId(e: Entry, h: Holder, claimed: Set<string>, taken: Set<string>): string {
  const ids = e.copies.length === 1 ? [h.item.id] : [...new Set(e.copies.map((c) => c.item.id))];
  if (ids.length > 1) {
    const free = ids.find((id) => !claimed.has(id) && !taken.has(id));
    if (free !== undefined) return free;
  }
  let id = ids[0];
  if (taken.has(id)) id = `${ids[0]}@${h.file}`;
  for (let n = 2; taken.has(id); n++) id = `${ids[0]}@${h.file}#${n}`;
  return id;
}

function valuesOf(h: Holder): ReportedValues {
  return (h.values ??= reportedValues(h.item, h.plan));
}

function at(h: Holder): { file: string; sheet: string; cell: string } {
  return { file: h.file, sheet: h.item.source.sheet, cell: nameCell(h.item) };
}

function nameCell(item: Item): string {
  return (item.cells.name ?? item.cells.id)?.address ?? '';
}

function copyOf(h: Holder): Copy {
  return {
    file: h.file,
    itemId: h.item.id,
    sheet: h.item.source.sheet,
    cell: nameCell(h.item),
    values: Object.fromEntries(COMPARED_FIELDS.map((f) => [f, fieldValueText(valuesOf(h), f)])),
  };
}

function diffsParam(first: Holder, other: Holder, fields: ComparedField[]): Params[string] {
  const part = (lang: 'ja' | 'en') =>
    fields
      .map((f) => `${FIELD_LABEL[f][lang]} ${fieldValueText(valuesOf(first), f)} / ${fieldValueText(valuesOf(other), f)}`)
      .join(lang === 'ja' ? '、' : '; ');
  return { ja: part('ja'), en: part('en') };
}

/**
 * Which copy of an item counts. Equal copies: a preferred file's, else the one with the most cells
 * read (an item sheet over its list row), else the first. Different copies: the user's choice or
 * preferred file; otherwise nobody can know, so the item waits (`unresolved`).
 */
function resolve(e: Entry, opts: ConsolidateOptions, findings: ConFinding[]): { holder: Holder; duplicate: Omit<Duplicate, 'id'> } {
  const [first, ...rest] = e.copies;
  const differing = [...new Set(rest.flatMap((h) => differingFields(valuesOf(first), valuesOf(h))))];
  const prefer = opts.prefer ?? [];
  const preferred = prefer.map((f) => e.copies.find((h) => h.file === f)).find((h) => h !== undefined);
  const choice = [first, ...rest].map((h) => opts.choices?.[h.item.id]).find((f) => f !== undefined);
  const chosen = choice !== undefined ? e.copies.find((h) => h.file === choice) : undefined;
  const base = { name: first.item.name, copies: e.copies.map(copyOf), differing };

  if (differing.length === 0) {
    const richest = [...e.copies].sort((a, b) => richness(b) - richness(a))[0];
    const holder = chosen ?? preferred ?? richest;
    return { holder, duplicate: { ...base, used: holder.file, resolution: chosen ? 'choice' : preferred ? 'prefer' : 'same' } };
  }
  // Every copy whose values differ from the one counted (or, while undecided, from the first) is named.
  const tell = (code: 'CON003' | 'CON004', main: Holder) => {
    for (const other of e.copies.filter((h) => h !== main)) {
      const fields = differingFields(valuesOf(main), valuesOf(other));
      if (!fields.length) continue;
      const params = { id: main.item.id, name: main.item.name, file: main.file, other: other.file, diffs: diffsParam(main, other, fields) };
      findings.push(conFinding(code, params, [at(main), at(other)], main.item.id));
    }
  };
  const decided = chosen ?? preferred;
  if (decided) {
    tell('CON004', decided);
    return { holder: decided, duplicate: { ...base, used: decided.file, resolution: chosen ? 'choice' : 'prefer' } };
  }
  tell('CON003', first);
  return { holder: first, duplicate: { ...base, used: null, resolution: 'unresolved' } };
}
