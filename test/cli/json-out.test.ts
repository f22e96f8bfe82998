import fc from 'fast-check';
import { printJson } from '../../src/cli/json-out';

/** printJson prints exactly what JSON.stringify(value, null, 2) would, in pieces. */
function printed(value: unknown): string {
  const lines: string[] = [];
  printJson({ out: (l) => lines.push(l) }, value);
  return lines.join('\n');
}

describe('printJson', () => {
  test.each([
    ['an empty object', {}],
    ['an empty array', []],
    ['nested empties', { a: [], b: {}, c: [[], [{}]] }],
    ['undefined keys left out, in arrays null', { a: undefined, b: [undefined, 1], c: () => 1 }],
    ['a date', { when: new Date(Date.UTC(2026, 11, 2)) }],
    ['strings with newlines and Japanese', { 名前: '行革\n集計', deep: { x: { y: { z: ['a\nb', { q: 'r\ns' }] } } } }],
    ['numbers at the top', 5],
    ['null', null],
  ])('%s', (_, value) => {
    expect(printed(value)).toBe(JSON.stringify(value, null, 2));
  });

  test('any JSON value, however deep', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        expect(printed(value)).toBe(JSON.stringify(value, null, 2));
      }),
      { numRuns: 300 },
    );
  });

  test('any JSON value inside values large enough to be walked, at any depth', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.integer({ min: 0, max: 3 }), (value, depth) => {
        let big: unknown = { many: Array.from({ length: 300 }, (_, i) => (i % 2 ? value : { i, value, when: new Date(Date.UTC(2026, 0, 1 + i)), gone: undefined })), value };
        for (let i = 0; i < depth; i++) big = [big, { inner: big }];
        expect(printed(big)).toBe(JSON.stringify(big, null, 2));
      }),
      { numRuns: 60 },
    );
  });

  test('a large value comes out in many pieces, each ending at a line end', () => {
    const value = { rows: Array.from({ length: 5000 }, (_, i) => ({ id: `${i}`, name: '取組'.repeat(10), sources: [{ file: 'a.xlsx', cell: `C${i}` }] })) };
    const lines: string[] = [];
    printJson({ out: (l) => lines.push(l) }, value);
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.join('\n')).toBe(JSON.stringify(value, null, 2));
  });
});
