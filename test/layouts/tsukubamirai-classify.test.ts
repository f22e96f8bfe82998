import fc from 'fast-check';
import { classify, parseCellCode } from '../../src/core/layouts/tsukubamirai/classify';
import { GRID, STANCES } from '../../src/core/layouts/tsukubamirai/grid';

const at = (address: string) => ({ sheet: 'S', address });
const input = (means?: string, stance?: string, item?: string) => ({
  ...(means !== undefined ? { means: { text: means, cell: at('B2') } } : {}),
  ...(stance !== undefined ? { stance: { text: stance, cell: at('C2') } } : {}),
  ...(item !== undefined ? { item: { text: item, cell: at('D2') } } : {}),
});

describe('classify: how sheets write the grid position', () => {
  it.each([
    ['full texts', input('(3)行政評価・選択と集中', '(2)好循環の流れを築く財政運営の質的改革', '②実施計画・予算編成との連携'), '(3)-②'],
    ['numbers only', input('(3)', '(2)', '②'), '(3)-②'],
    ['full-width', input('（３）', '（２）', '②'), '(3)-②'],
    ['code in 個別項目, no 基本姿勢 column', input('', undefined, '(3)-②'), '(3)-②'],
    ['code with a full-width dash', input(undefined, undefined, '（３）－②'), '(3)-②'],
    ['推進手段 by name, 基本姿勢 by short name', input('ICTの積極活用', '行政サービス', '③市民の声が活かされる仕組みの構築'), '(5)-③'],
    ['個別項目 name alone', input(undefined, undefined, '市外に向けた魅力発信'), '(4)-②'],
  ])('%s', (_l, inp, id) => {
    const c = classify(inp, 'x');
    expect(c.cell?.id).toBe(id);
    expect(c.findings).toEqual([]);
  });

  it.each([
    ['circled digit ≠ 基本姿勢', input('(3)', '(2)', '③実施計画・予算編成との連携'), 'TKB001', '(3)-②'],
    ['code 推進手段 ≠ 推進手段 column', input('(4)', '(2)', '(3)-②'), 'LAY012', '(4)-②'],
    ['nothing to place it by', input('', '', ''), 'TKB003', undefined],
    ['another cell’s name', input('(1)', '(1)', '①組織の風土づくりではなく庁内における情報共有'), undefined, '(1)-①'],
    ['another cell’s exact name', input('(1)', '(1)', '①庁内における情報共有'), 'LAY012', '(1)-①'],
    ['推進手段 out of range', input('(8)', '(1)', '①'), 'TKB005', undefined],
  ])('%s → %s', (_l, inp, code, id) => {
    const c = classify(inp, 'x');
    expect(c.findings.map((f) => f.code)).toEqual(code ? expect.arrayContaining([code]) : []);
    expect(c.cell?.id).toBe(id);
    for (const f of c.findings) expect(f.cell).toMatch(/^[A-Z]+\d+$/);
  });

  it('every grid cell round-trips through its code, and a wrong digit is always flagged', () => {
    fc.assert(
      fc.property(fc.constantFrom(...GRID), fc.integer({ min: 1, max: 3 }), (cell, digit) => {
        expect(parseCellCode(cell.id)).toEqual({ means: cell.means, circled: cell.stance });
        const c = classify(input(`(${cell.means})`, `(${cell.stance})`, `${STANCES[digit - 1].key}${cell.name}`), 'x');
        expect(c.cell?.id).toBe(cell.id);
        expect(c.findings.some((f) => f.code === 'TKB001')).toBe(digit !== cell.stance);
      }),
    );
  });
});
