import type { Finding } from '../../core/validation/finding';
import { pageOf, type ItemGroup } from './validate';

const f = (n: number): Finding => ({ code: 'VLD001', severity: 'warning', sheet: 'S', cell: `A${n}`, params: {}, message: { ja: '', en: '' } });
const item = (id: string, n: number, from = 1): ItemGroup => ({ itemId: id, itemName: id, findings: Array.from({ length: n }, (_, i) => f(from + i)) });

describe('pageOf: the findings listed before "show more"', () => {
  const items = [item('1', 3), item('2', 5, 10), item('3', 2, 20)];
  it.each([
    // limit, shown per item [id, listed, of], rest
    [0, [], 10],
    [2, [['1', 2, 3]], 8],
    [3, [['1', 3, 3]], 7],
    [4, [['1', 3, 3], ['2', 1, 5]], 6],
    [10, [['1', 3, 3], ['2', 5, 5], ['3', 2, 2]], 0],
    [200, [['1', 3, 3], ['2', 5, 5], ['3', 2, 2]], 0],
  ])('limit %i', (limit, want, rest) => {
    const p = pageOf(items, limit);
    expect(p.items.map((it) => [it.itemId, it.findings.length, it.of])).toEqual(want);
    expect(p.rest).toBe(rest);
    // Listed plus left is every finding, in order.
    expect([...p.items.flatMap((it) => it.findings), ...items.flatMap((it) => it.findings).slice(10 - rest)]).toEqual(items.flatMap((it) => it.findings));
  });
});
