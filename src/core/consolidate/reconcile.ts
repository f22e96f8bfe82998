import { z } from 'zod';
import { normalizeWidth } from '../values';
import { conFinding, ConFindingSchema, type ConFinding } from './codes';
import { departmentKey, findPartner, idKey, IdentityIndex, looksPositional, nameKey, type Identity } from './identity';
import { ItemSourceSchema, type ItemSource } from './provenance';

/**
 * The consolidated items against the plan's own list of items (a workbook in any layout, or last
 * year's consolidated file): what no department submitted, what was submitted but is not in the
 * plan, and what was submitted under another name, department or policy. The plan's numbers are the
 * register here, so an item matches by its number even when its name was edited.
 */

export const ReconcileChangeSchema = z.object({
  field: z.enum(['name', 'department', 'policy', 'id']),
  plan: z.string(),
  submitted: z.string(),
});

export const ReconciliationSchema = z.object({
  planFile: z.string(),
  planItems: z.number().int(),
  submitted: z.number().int(),
  matched: z.number().int(),
  /** In the plan, submitted by no file. */
  missing: z.array(ItemSourceSchema),
  /** Submitted, not in the plan. */
  extra: z.array(ItemSourceSchema),
  changed: z.array(z.object({ plan: ItemSourceSchema, submitted: ItemSourceSchema, changes: z.array(ReconcileChangeSchema) })),
  findings: z.array(ConFindingSchema),
});
export type Reconciliation = z.infer<typeof ReconciliationSchema>;

/** Identity of a summary source row (the same for rows read back from a 内訳 sheet). */
export function identityOfSource(s: ItemSource): Identity {
  return {
    id: s.itemId,
    name: s.name,
    policyKey: s.policyKey,
    positional: s.positional || looksPositional(s.itemId),
    department: departmentKey(s.department.split('、')[0]),
  };
}

const deptKey = (s: string) =>
  normalizeWidth(s)
    .split(/[、,，/]/)
    .map((d) => d.replace(/\s+/g, ''))
    .filter(Boolean)
    .sort()
    .join('、');

const policyText = (s: ItemSource) => (s.policyName.startsWith(s.policyKey) ? s.policyName : `${s.policyKey} ${s.policyName}`);

export function reconcile(submitted: readonly ItemSource[], plan: readonly ItemSource[], planFile: string): Reconciliation {
  const byId = new Map<string, ItemSource[]>();
  for (const p of plan) byId.set(idKey(p.itemId), [...(byId.get(idKey(p.itemId)) ?? []), p]);
  const free = new Set(plan);
  const pairs: [ItemSource, ItemSource][] = [];
  const unmatched: ItemSource[] = [];
  // Pass 1: number and name agree (or the number alone, the register's number is authoritative).
  for (const s of submitted) {
    const me = identityOfSource(s);
    const sameNumber = me.positional ? [] : (byId.get(idKey(s.itemId)) ?? []).filter((p) => free.has(p));
    const found = findPartner(me, sameNumber, identityOfSource);
    const partner = found.with ?? sameNumber[0];
    if (partner) {
      pairs.push([partner, s]);
      free.delete(partner);
    } else {
      unmatched.push(s);
    }
  }
  // Pass 2: by name among what is left (an item submitted under another number).
  const extra: ItemSource[] = [];
  const left = new IdentityIndex(identityOfSource, [...free]);
  for (const s of unmatched) {
    const found = left.find(identityOfSource(s));
    if (found.with && (found.match === 'same' || found.match === 'renumbered')) {
      pairs.push([found.with, s]);
      free.delete(found.with);
      left.remove(found.with);
    } else {
      extra.push(s);
    }
  }

  const changed: Reconciliation['changed'] = [];
  for (const [p, s] of pairs) {
    const changes: z.infer<typeof ReconcileChangeSchema>[] = [];
    if (idKey(p.itemId) !== idKey(s.itemId) && !s.positional && !p.positional) changes.push({ field: 'id', plan: p.itemId, submitted: s.itemId });
    if (nameKey(p.name) !== nameKey(s.name)) changes.push({ field: 'name', plan: p.name, submitted: s.name });
    if (deptKey(p.department) !== deptKey(s.department)) changes.push({ field: 'department', plan: p.department, submitted: s.department });
    if (p.policyKey !== s.policyKey || nameKey(p.policyName) !== nameKey(s.policyName)) {
      changes.push({ field: 'policy', plan: policyText(p), submitted: policyText(s) });
    }
    if (changes.length) changed.push({ plan: p, submitted: s, changes });
  }

  const missing = plan.filter((p) => free.has(p));
  const findings: ConFinding[] = [
    ...missing.map((p) => conFinding('REC001', { id: p.itemId, name: p.name, department: p.department || '-' }, [{ file: planFile, sheet: p.sheet, cell: p.cell }], p.itemId)),
    ...extra.map((s) => conFinding('REC002', { id: s.itemId, name: s.name, file: s.file }, [{ file: s.file, sheet: s.sheet, cell: s.cell }], s.itemId)),
    ...changed.flatMap((c) =>
      c.changes.map((ch) =>
        conFinding(
          'REC003',
          { id: c.plan.itemId, field: FIELD_NAMES[ch.field], planValue: ch.plan || '-', value: ch.submitted || '-', file: c.submitted.file },
          [
            { file: c.submitted.file, sheet: c.submitted.sheet, cell: c.submitted.cell },
            { file: planFile, sheet: c.plan.sheet, cell: c.plan.cell },
          ],
          c.plan.itemId,
        ),
      ),
    ),
  ];
  return ReconciliationSchema.parse({
    planFile,
    planItems: plan.length,
    submitted: submitted.length,
    matched: pairs.length,
    missing,
    extra,
    changed,
    findings,
  });
}

const FIELD_NAMES = {
  id: { ja: '番号', en: 'number' },
  name: { ja: '取組名', en: 'name' },
  department: { ja: '所管課', en: 'department' },
  policy: { ja: '基本方針', en: 'policy' },
} as const;
