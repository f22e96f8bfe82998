import fc from 'fast-check';
import { DEFAULT_RULES } from './config';
import { effectivePack, type ThresholdRow } from './packs';
import { rateByThresholds, rateDirectionVsBaseline } from './rating';
import { achievementRatio } from './ratio';
import type { Direction } from '../model/plan';

const T = effectivePack({ rules: DEFAULT_RULES }).thresholds;
const rate = (dir: Direction, actual: number, target: number, baseline?: number) =>
  rateDirectionVsBaseline(dir, { actual, target, baseline, ratio: achievementRatio('actual-over-target', dir, { actual, target }) }, T).symbol!;

describe('direction-vs-baseline', () => {
  test.each([
    // Isehara published cases (seed 004 §3.1)
    ['1(1)③ above target', 'higher', 7, 4, 4, 'A'],
    ['5(8)① +0.2pt counts', 'higher', 98.5, 98.3, 98.2, 'A'],
    ['1(2)④ lower, under target', 'lower', 21872, 23583, 22931, 'A'],
    ['5(10)① under a 以内 cap', 'cap-le', 12.6, 30, 16.1, 'A'],
    ['2(5)③ short but above baseline', 'higher', 223, 225, 222, 'B'],
    ['on target', 'higher', 3, 3, 0, 'B'],
    ['1(3)④ time worse than baseline', 'lower', 14.7, 13.4, 13.9, 'C'],
    ['5(10)④ over a 未満 cap, worse than baseline', 'cap-lt', 98.9, 90, 91.3, 'C'],
    ['5(8)② below baseline', 'higher', 34823, 84000, 41096, 'C'],
    ['short, equal to baseline', 'higher', 222, 225, 222, 'B'],
    ['lower, short but not worse than baseline', 'lower', 13.6, 13.4, 13.9, 'B'],
    // caps: sitting on a 以内 cap meets it, sitting on a 未満 cap does not
    ['on a 以内 cap', 'cap-le', 30, 30, 31, 'B'],
    ['on a 未満 cap, better than baseline', 'cap-lt', 90, 90, 91.3, 'B'],
    ['on a 未満 cap, worse than baseline', 'cap-lt', 90, 90, 89, 'C'],
    // match
    ['match equal', 'match', 666, 666, 667, 'B'],
    ['match below', 'match', 664, 666, 667, 'C'],
    ['match above', 'match', 668, 666, 667, 'C'],
    // no baseline: the B threshold decides
    ['5(8)⑤ no baseline, 80.0 %', 'higher', 4, 5, undefined, 'B'],
    ['no baseline, 79.9 %', 'higher', 799, 1000, undefined, 'C'],
    ['no baseline, target 0 actual 0', 'higher', 0, 0, undefined, 'B'],
    ['no baseline, above target', 'higher', 16, 3, undefined, 'A'],
  ] as [string, Direction, number, number, number | undefined, string][])('%s', (_l, dir, actual, target, baseline, want) => {
    expect(rate(dir, actual, target, baseline)).toBe(want);
  });

  it('never suggests D', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Direction>('higher', 'lower', 'cap-le', 'cap-lt', 'match'),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }), { nil: undefined }),
        (dir, a, t, b) => rate(dir, a, t, b) !== 'D',
      ),
    );
  });

  it('a better actual never gets a worse letter (higher-is-better)', () => {
    const order = { A: 0, B: 1, C: 2, D: 3 };
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        (a, b, t, base) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          return order[rate('higher', hi, t, base) as 'A'] <= order[rate('higher', lo, t, base) as 'A'];
        },
      ),
    );
  });
});

describe('thresholds', () => {
  const rows = (op: ThresholdRow['op']): ThresholdRow[] => [
    { symbol: 'A', min: 100, op },
    { symbol: 'B', min: 80, op },
    { symbol: 'C', min: 50, op },
  ];
  const gte = rows('以上');
  const gt = rows('超');
  test.each([
    [100, gte, 'A'],
    [99.9, gte, 'B'],
    [80, gte, 'B'],
    [79.9, gte, 'C'],
    [50, gte, 'C'],
    [49.9, gte, 'D'],
    [0, gte, 'D'],
    [100, gt, 'B'],
    [100.1, gt, 'A'],
    [80, gt, 'C'],
    [80.1, gt, 'B'],
    [50, gt, 'D'],
    [50.1, gt, 'C'],
    [533.3, gte, 'A'],
  ] as [number, ThresholdRow[], string][])('ratio %p (%o) → %p', (ratio, t, want) => {
    const d = rateByThresholds(ratio, t);
    expect(d.symbol).toBe(want);
    expect(d.reason.ja).toContain(String(ratio));
  });

  it('is monotone in the ratio', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 500, noNaN: true }), fc.double({ min: 0, max: 500, noNaN: true }), (x, y) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        return rateByThresholds(hi, gte).symbol! <= rateByThresholds(lo, gte).symbol!;
      }),
    );
  });
});
