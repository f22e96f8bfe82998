import { parseArgs, UsageError } from '../../src/cli/args';
import { helpText } from '../../src/cli/help';
import { closest } from '../../src/cli/suggest';
import { displayWidth, table, wrap } from '../../src/cli/text';

const run = (argv: string[], env: Record<string, string> = {}) => parseArgs(argv, env);

describe('parseArgs', () => {
  it.each([
    [['validate', 'a.xlsx'], { command: 'validate', files: ['a.xlsx'], lang: 'ja' }],
    [['--lang', 'en', 'validate', 'a.xlsx'], { command: 'validate', lang: 'en' }],
    [['validate', 'a.xlsx', '--lang=en', '--json'], { lang: 'en', json: true }],
    [['columns', 'p.xlsx', '--fy', '令和8年度', '-o', 'o.xlsx'], { fy: 2026, out: 'o.xlsx' }],
    [['columns', 'p.xlsx', '--fy=R8', '--out', 'o.xlsx'], { fy: 2026 }],
    [['columns', 'p.xlsx', '--fy', '2026', '-o', 'o.xlsx'], { fy: 2026 }],
    [['columns', 'p.xlsx', '--fy', '令和元年度', '-o', 'o.xlsx'], { fy: 2019 }],
    [['summary', 'a.xlsx', 'b.xlsx', '--by', '推進手段、基本姿勢'], { files: ['a.xlsx', 'b.xlsx'], by: ['推進手段', '基本姿勢'] }],
    [['demo'], { command: 'demo', files: [] }],
    [['summary', '--', '-odd-name.xlsx'], { files: ['-odd-name.xlsx'] }],
  ])('%j', (argv, want) => {
    const p = run(argv);
    expect(p.kind).toBe('run');
    expect(p.kind === 'run' && p.args).toMatchObject(want);
  });

  it('takes the language from SHINCHOKU_LANG unless --lang says otherwise', () => {
    expect(run(['inspect', 'a.xlsx'], { SHINCHOKU_LANG: 'en_US.UTF-8' })).toMatchObject({ args: { lang: 'en' } });
    expect(run(['inspect', 'a.xlsx', '--lang', 'ja'], { SHINCHOKU_LANG: 'en' })).toMatchObject({ args: { lang: 'ja' } });
  });

  it.each([
    [[], { kind: 'help' }],
    [['--help'], { kind: 'help' }],
    [['help', 'fill'], { kind: 'help', command: 'fill' }],
    [['fill', '-h'], { kind: 'help', command: 'fill' }],
    [['--version'], { kind: 'version' }],
    [['-v', '--lang', 'en'], { kind: 'version', lang: 'en' }],
  ])('%j is help or version', (argv, want) => {
    expect(run(argv)).toMatchObject(want);
  });

  it.each([
    [['vaildate', 'a.xlsx'], 'もしかして: shinchoku validate', 'Did you mean: shinchoku validate'],
    [['inspect', 'a.xlsx', '--jsn'], 'もしかして: --json', 'Did you mean: --json'],
    [['fill', 'a.xlsx', '-o'], '-o の後に値を指定してください（例: -o 出力.xlsx）', '-o needs a value (e.g. -o OUT.xlsx)'],
    [['fill', 'a.xlsx'], 'fill には出力先を -o で指定してください', 'fill needs the output file'],
    [['columns', 'a.xlsx', '--fy', 'x', '-o', 'o'], '「x」は年度として読めません', '"x" is not a fiscal year'],
    [['columns', 'a.xlsx', '--fy', '1850', '-o', 'o'], '「1850」は年度として読めません', '"1850" is not a fiscal year'],
    [['summary', 'a.xlsx', '--by', 'a,b,c'], '--by に指定できる分類は 2 つまでです', '--by takes at most two'],
    [['inspect', 'a.xlsx', '--lang', 'fr'], '--lang には ja か en を指定してください', '--lang takes ja or en'],
    [['mapping', 'a.xlsx', '--fy', 'R8'], 'mapping では --fy は使えません', 'mapping does not take --fy'],
    [['summary'], 'summary にはブックを 1 つ以上指定してください', 'summary needs one or more workbooks'],
    [['frobnicate'], '使えるコマンド: inspect', 'Commands: inspect'],
  ])('%j is a usage error in both languages', (argv, ja, en) => {
    let err: unknown;
    try {
      run(argv);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UsageError);
    expect((err as UsageError).text.ja).toContain(ja);
    expect((err as UsageError).text.en).toContain(en);
  });
});

describe('did you mean', () => {
  it.each([
    ['fil', ['fill', 'inspect'], 'fill'],
    ['sumary', ['summary', 'inspect'], 'summary'],
    ['--fyy', ['--fy', '--by'], '--fy'],
    ['vaildate', ['validate'], 'validate'],
    ['所管', ['所管課', '基本方針'], '所管課'],
    ['xyzzy', ['fill', 'inspect'], undefined],
  ])('%s → %s', (typed, candidates, want) => {
    expect(closest(typed, candidates)).toBe(want);
  });
});

describe('terminal text', () => {
  it('never starts a line with a closing mark nor ends one with an opening bracket', () => {
    const lines = wrap('年度の進捗列（実績・評価・取組状況）を追加してから入力してください（作業ウィンドウでは「計算」タブ）。', 20, '  ');
    for (const l of lines) {
      expect(displayWidth(l)).toBeLessThanOrEqual(20);
      expect(l.trim()).not.toMatch(/^[）」、。]/);
      expect(l).not.toMatch(/[（「]$/);
    }
    expect(lines.map((l) => l.trim()).join('')).toBe('年度の進捗列（実績・評価・取組状況）を追加してから入力してください（作業ウィンドウでは「計算」タブ）。');
  });

  it('shrinks the name column to fit, and says it cut', () => {
    const t = table([{ head: '基本方針', shrink: true }, { head: 'A', right: true }], [['1 行政のデジタル化推進、制度・慣行の抜本的見直し', '3']], 30);
    expect(t.cut).toBe(true);
    for (const l of t.text.split('\n')) expect(displayWidth(l)).toBeLessThanOrEqual(30);
    expect(t.text).toContain('…');
  });

  it('the help fits 80 columns in both languages, for every command', () => {
    for (const lang of ['ja', 'en'] as const) {
      for (const c of [undefined, 'inspect', 'validate', 'fill', 'summary', 'columns', 'mapping', 'demo'] as const) {
        for (const l of helpText(lang, c).split('\n')) expect([l, displayWidth(l) <= 80]).toEqual([l, true]);
      }
    }
  });
});
