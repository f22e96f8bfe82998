import { parseSchedule, saysNotStarted } from './schedule';

describe('parseSchedule: what a schedule cell says for its year', () => {
  it.each([
    ['', 'none'],
    ['-', 'none'],
    ['－', 'none'],
    ['ー', 'none'],
    ['/', 'none'],
    ['●', 'planned'],
    ['○', 'planned'],
    ['〇', 'planned'],
    ['→', 'planned'],
    ['―――→', 'planned'],
    ['━', 'planned'],
    ['①②', 'planned'],
    ['● →', 'planned'],
    ['-----→', 'planned'],
    ['検討', 'planned'],
    ['実施', 'planned'],
    ['制度設計', 'planned'],
    ['調査・研究', 'planned'],
    ['5', 'unknown'],
    ['2024', 'unknown'],
    ['×', 'unknown'],
    ['?', 'unknown'],
    ['x', 'unknown'],
  ] as const)('%j is %s', (text, kind) => {
    expect(parseSchedule(text).kind).toBe(kind);
  });

  it('keeps a phase written in words, and the text of what is no entry', () => {
    expect(parseSchedule(' 制度設計 ')).toEqual({ kind: 'planned', phase: '制度設計' });
    expect(parseSchedule(' 12 ')).toEqual({ kind: 'unknown', raw: '12' });
  });
});

describe('saysNotStarted', () => {
  it.each([
    ['未着手', true],
    ['現在未実施', true],
    ['まだ着手していない。', true],
    ['取組中', false],
    ['完了', false],
    ['一部実施', false],
  ] as const)('%j → %s', (text, says) => {
    expect(saysNotStarted(text)).toBe(says);
  });
});
