import { inferScale, readRating, scaleById } from './scales';

/** The scale a rating column is on, from what staff typed in it (each a scale cities use). */
describe('inferScale', () => {
  test.each([
    [['A', 'B', 'C', 'A', 'D'], '', 'A-D'],
    [['S', 'A', 'B', 'C'], '', 'S-C'],
    [['S', 'A', 'B', 'C', 'D', 'A'], '', 'S-D'],
    [['A', 'B', 'C', 'D'], '評価', 'A-D'],
    [['A', 'B', 'C'], '評価（S～D）', 'S-D'],
    [['◎', '○', '△', '×'], '', 'marks'],
    [['達成', '一部達成', '未達成'], '', 'attainment'],
    [['達成', '概ね達成', '未達成', '達成'], '', 'mostly'],
    [['達成', 'おおむね達成', '未達成'], '達成状況', 'mostly'],
    [['達成', '概ね達成', '一部達成', '未達成'], '', 'mostly-partly'],
    [['順調', 'やや遅れ', '遅れ', '順調'], '', 'pace'],
    [['順調', 'やや遅れ'], '進捗状況', 'pace'],
    [['順調', '遅れている', 'やや遅れている'], '評価', 'pace'],
    [['完了', '一部実施', 'その他'], '取組結果', 'completion'],
    [['未着手', '取組中', '完了'], '実施状況', 'status'],
  ])('%j (header %s) → %s', (values, header, id) => {
    expect(inferScale(values, header)?.scale.id).toBe(id);
  });

  test('概ね達成 is its own grade, between 達成 and 未達成, on the scales that have it', () => {
    const mostly = scaleById('mostly')!;
    expect(mostly.symbols.map((s) => s.symbol)).toEqual(['達成', '概ね達成', '未達成']);
    expect(readRating('ほぼ達成', mostly)?.symbol).toBe('概ね達成');
    expect(readRating('概ね達成', scaleById('attainment')!)).toBeUndefined();
  });
});
