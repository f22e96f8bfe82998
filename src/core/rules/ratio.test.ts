import fc from 'fast-check';
import { achievementRatio, roundPercent } from './ratio';
import type { Direction } from '../model/plan';

describe('achievementRatio actual-over-target', () => {
  test.each([
    ['higher', 7, 4, undefined, 175],
    ['higher', 44, 40, undefined, 110],
    ['higher', 4, 5, undefined, 80],
    ['higher', 98.5, 98.3, undefined, 100.2],
    ['lower', 21872, 23583, undefined, 107.8],
    ['lower', 14.7, 13.4, undefined, 91.2],
    ['cap-le', 12.6, 30, undefined, 238.1],
    ['cap-lt', 98.9, 90, undefined, 91],
    ['match', 664, 666, undefined, 99.7],
    ['higher', 0, 0, undefined, null], // zero target
    ['higher', 3, 0, undefined, null],
    ['lower', 0, 5, undefined, null], // zero actual on a lower indicator: no finite ratio
    ['higher', 5, -2, undefined, null],
    ['higher', undefined, 5, undefined, null],
    ['higher', 5, undefined, undefined, null],
  ] as [Direction, number | undefined, number | undefined, number | undefined, number | null][])(
    '%s actual %p target %p → %p',
    (dir, actual, target, baseline, want) => {
      expect(achievementRatio('actual-over-target', dir, { actual, target, baseline })).toBe(want);
    },
  );
});

describe('achievementRatio progress-from-baseline', () => {
  test.each([
    ['higher', 225, 228, 222, 50],
    ['higher', 222, 228, 222, 0],
    ['higher', 220, 228, 222, -33.3],
    ['lower', 13.4, 13.4, 13.9, 100],
    ['lower', 14.7, 13.4, 13.9, -160],
    ['higher', 5, 5, 5, null], // target equals baseline
    ['higher', 5, 6, undefined, null],
  ] as [Direction, number, number, number | undefined, number | null][])(
    '%s actual %p target %p baseline %p → %p',
    (dir, actual, target, baseline, want) => {
      expect(achievementRatio('progress-from-baseline', dir, { actual, target, baseline })).toBe(want);
    },
  );
});

describe('roundPercent', () => {
  test.each([
    [0.8, 80],
    [0.8005, 80.1],
    [1.0004, 100],
    [2.3333333, 233.3],
    [-0.1666, -16.7],
  ])('%p → %p', (f, want) => expect(roundPercent(f)).toBe(want));
});

describe('ratio properties', () => {
  const pos = fc.double({ min: 0.01, max: 1e7, noNaN: true });
  it('is monotonic in the actual for higher-is-better', () => {
    fc.assert(
      fc.property(pos, pos, pos, (target, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const rl = achievementRatio('actual-over-target', 'higher', { actual: lo, target })!;
        const rh = achievementRatio('actual-over-target', 'higher', { actual: hi, target })!;
        return rl <= rh;
      }),
    );
  });
  it('is antitone in the actual for lower-is-better and caps', () => {
    fc.assert(
      fc.property(fc.constantFrom<Direction>('lower', 'cap-le', 'cap-lt'), pos, pos, pos, (dir, target, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return achievementRatio('actual-over-target', dir, { actual: lo, target })! >= achievementRatio('actual-over-target', dir, { actual: hi, target })!;
      }),
    );
  });
  it('is 100 exactly on target, whatever the direction and rule', () => {
    fc.assert(
      fc.property(fc.constantFrom<Direction>('higher', 'lower', 'cap-le', 'match'), pos, pos, (dir, target, baseline) => {
        fc.pre(Math.abs(target - baseline) > 1e-6);
        return (
          achievementRatio('actual-over-target', dir, { actual: target, target }) === 100 &&
          achievementRatio('progress-from-baseline', dir, { actual: target, target, baseline }) === 100
        );
      }),
    );
  });
});
