import { legendScale } from './legend';

/** A scale from the legend a sheet prints, best first, when it reads every rating typed. */
describe('legendScale', () => {
  test.each<[string, string[], string[], string[] | undefined]>([
    ['one line, best first', ['評価基準　4：計画以上に進んでいる　3：計画どおり進んでいる　2：やや遅れている　1：遅れている'], ['4', '3', '1'], ['4', '3', '2', '1']],
    ['one line, worst first', ['1:遅れている 2:やや遅れている 3:計画どおり 4:計画以上'], ['1', '4'], ['4', '3', '2', '1']],
    ['one cell per grade', ['A：目標を達成', 'B：概ね達成', 'C：未達成'], ['A', 'C'], ['A', 'B', 'C']],
    ['full-width symbols and colons', ['Ａ：順調　Ｂ：概ね順調　Ｃ：遅れ'], ['Ａ', 'B'], ['A', 'B', 'C']],
    ['marks', ['◎：計画以上、○：計画どおり、△：遅れ'], ['◎', '△', '－'], ['◎', '○', '△']],
    ['a value the legend does not have', ['A：達成 B：概ね達成 C：未達成'], ['A', 'D'], undefined],
    ['two entries are no scale', ['A：達成 B：未達成'], ['A'], undefined],
    ['a time of day is no legend', ['作成日 2024/4/1 10:30 担当:企画課'], ['A'], undefined],
  ])('%s', (_name, texts, values, want) => {
    expect(legendScale(texts, values)?.symbols.map((s) => s.symbol)).toEqual(want);
  });

  it('keeps the meaning the city gives each grade', () => {
    const s = legendScale(['4：計画以上に進んでいる　3：計画どおり進んでいる　2：やや遅れている　1：遅れている'], ['3'])!;
    expect(s.symbols.map((x) => x.label.ja)).toEqual(['計画以上に進んでいる', '計画どおり進んでいる', 'やや遅れている', '遅れている']);
    expect(s.suggest).toEqual({});
    expect(s.label.ja).toBe('シートの凡例(4・3・2・1)');
  });
});
