import { z } from 'zod';
import { DEFAULT_SCALE, ScaleSchema, scaleById, type Scale } from '../values/scales';
import { RatingRuleSchema, RatioRuleSchema, type RuleConfig } from './config';

/**
 * Rule packs: how a city turns numbers into a rating, as data. A pack names the scale, the ratio rule
 * (actual ÷ target, or progress from the baseline), the rating rule and its thresholds (以上 / 超 per
 * row; the row below is the 未満 bound), and the plan period it is for. Cities change scale or
 * thresholds between plan periods, so a pack is versioned: the workbook records the pack it was rated
 * with (settings key `rulePack`), and a later version never re-rates an earlier period's workbook.
 * docs/rules.md lists the built-in packs.
 */

export const ThresholdRowSchema = z.object({
  symbol: z.string().min(1),
  /** Achievement ratio in percent. */
  min: z.number(),
  /** 以上 (the ratio reaches `min`) or 超 (it exceeds it). */
  op: z.enum(['以上', '超']).default('以上'),
});
export type ThresholdRow = z.infer<typeof ThresholdRowSchema>;

export const RulePackSchema = z.object({
  id: z.string().min(1),
  version: z.number().int().positive().default(1),
  label: z.object({ ja: z.string(), en: z.string() }),
  /** Fiscal years of the plan period the pack is for (令和5〜9年度 = 2023–2027); absent = any. */
  period: z.object({ from: z.number().int(), to: z.number().int() }).optional(),
  /** A library scale id or a city's own scale; absent = the scale the sheet is rated on. */
  scale: z.union([z.string(), ScaleSchema]).optional(),
  ratioRule: RatioRuleSchema.default('actual-over-target'),
  ratingRule: RatingRuleSchema.default('direction-vs-baseline'),
  /**
   * For the thresholds rule (and the no-baseline case of direction-vs-baseline): rows best first; a
   * ratio earns the first row it meets, below all the scale's last symbol. Absent = the scale's own table.
   */
  thresholds: z.array(ThresholdRowSchema).optional(),
});
export type RulePack = z.infer<typeof RulePackSchema>;
export type RulePackInput = z.input<typeof RulePackSchema>;

/** What the workbook records: a built-in pack by id and version, or a pack of the city's own in full. */
export const StoredPackSchema = z.union([RulePackSchema, z.object({ id: z.string().min(1), version: z.number().int().positive() })]);
export type StoredPack = z.infer<typeof StoredPackSchema>;

const PACKS_INPUT: RulePackInput[] = [
  {
    id: 'standard',
    label: { ja: '標準 (方向と現状値で判定)', en: 'Standard (direction and baseline)' },
    ratingRule: 'direction-vs-baseline',
  },
  {
    id: 'thresholds',
    label: { ja: '達成率のしきい値で判定', en: 'Achievement ratio thresholds' },
    ratingRule: 'thresholds',
  },
  {
    id: 'isehara',
    version: 1,
    label: { ja: '伊勢原市 第6次行財政改革推進計画', en: 'Isehara 6th reform plan' },
    period: { from: 2023, to: 2027 },
    scale: 'A-D',
    ratingRule: 'direction-vs-baseline',
    thresholds: [
      { symbol: 'A', min: 100, op: '以上' },
      { symbol: 'B', min: 80, op: '以上' },
      { symbol: 'C', min: 50, op: '以上' },
    ],
  },
];

/** The built-in packs, every version. */
export const PACKS: readonly RulePack[] = PACKS_INPUT.map((p) => RulePackSchema.parse(p));

/** A built-in pack: the version asked for, else the one whose period holds the year, else the latest. */
export function packById(id: string, opts: { version?: number; fy?: number } = {}, packs: readonly RulePack[] = PACKS): RulePack | undefined {
  const family = packs.filter((p) => p.id === id).sort((a, b) => a.version - b.version);
  if (opts.version !== undefined) return family.find((p) => p.version === opts.version);
  if (opts.fy !== undefined) {
    const inPeriod = family.filter((p) => p.period && p.period.from <= opts.fy! && opts.fy! <= p.period.to);
    if (inPeriod.length) return inPeriod[inPeriod.length - 1];
  }
  return family[family.length - 1];
}

/**
 * The plan period a pack gives for a report year: its period when the year falls inside it. A pack
 * without one, or a year outside it (the latest version chosen for lack of a better one), says nothing.
 */
export function periodFor(pack: Pick<RulePack, 'period'> | undefined, fy: number | undefined): RulePack['period'] {
  const p = pack?.period;
  return p && fy !== undefined && p.from <= fy && fy <= p.to ? p : undefined;
}

/** The rules evaluation runs on: a pack with its scale and threshold rows made concrete. */
export interface EffectivePack {
  id: string;
  version: number;
  label: { ja: string; en: string };
  /** Where it came from: saved in the workbook, the layout's city pack for the period, or the settings' rules. */
  source: 'workbook' | 'layout' | 'settings';
  scale: Scale;
  ratioRule: RuleConfig['ratioRule'];
  ratingRule: RuleConfig['ratingRule'];
  thresholds: ThresholdRow[];
}

const OP = { gte: '以上', gt: '超' } as const;

/**
 * The threshold rows for a scale: the pack's, else on A–D the settings' A/B/C (the pane edits them),
 * else the scale's own table, each with the settings' boundary (以上 or 超).
 */
function rowsFor(scale: Scale, rules: RuleConfig, pack?: RulePack): ThresholdRow[] {
  if (pack?.thresholds) return pack.thresholds;
  const op = OP[rules.thresholds.boundary];
  if (scale.id === 'A-D') return (['A', 'B', 'C'] as const).map((symbol) => ({ symbol, min: rules.thresholds[symbol], op }));
  return scale.thresholds.map((t) => ({ ...t, op }));
}

/** The pack a stored value names; undefined (with the reason) when it names none. */
export function storedPack(value: unknown, fy?: number): { pack?: RulePack; error?: string } {
  const parsed = StoredPackSchema.safeParse(value);
  if (!parsed.success) return { error: parsed.error.issues.map((i) => i.path.join('.') || i.message).join(', ') };
  const v = parsed.data;
  if ('label' in v) return { pack: v };
  const pack = packById(v.id, { version: v.version, ...(fy !== undefined ? { fy } : {}) });
  return pack ? { pack } : { error: `${v.id} v${v.version}` };
}

/**
 * The pack evaluation uses: the one the workbook was rated with, else the settings' rules (the
 * standard pack, or thresholds) on the scale the sheet is rated on.
 */
export function effectivePack(opts: { stored?: RulePack; rules: RuleConfig; sheetScale?: Scale }): EffectivePack {
  const { stored, rules } = opts;
  if (stored) {
    const scale = (typeof stored.scale === 'string' ? scaleById(stored.scale) : stored.scale) ?? opts.sheetScale ?? DEFAULT_SCALE;
    return {
      id: stored.id,
      version: stored.version,
      label: stored.label,
      source: 'workbook',
      scale,
      ratioRule: stored.ratioRule,
      ratingRule: stored.ratingRule,
      thresholds: rowsFor(scale, rules, stored),
    };
  }
  const scale = opts.sheetScale ?? DEFAULT_SCALE;
  const base = packById(rules.ratingRule === 'thresholds' ? 'thresholds' : 'standard')!;
  return {
    id: base.id,
    version: base.version,
    label: base.label,
    source: 'settings',
    scale,
    ratioRule: rules.ratioRule,
    ratingRule: rules.ratingRule,
    thresholds: rowsFor(scale, rules),
  };
}

/** The reference the workbook keeps: a built-in pack by id and version, a city's own pack in full. */
export function packRef(p: EffectivePack, stored?: RulePack): StoredPack {
  if (stored && !PACKS.some((b) => b.id === stored.id && b.version === stored.version)) return stored;
  return { id: p.id, version: p.version };
}
