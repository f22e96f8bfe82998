/**
 * The add-in's cell notes, as both hosts write them. A note starts with its author's name on a line
 * of its own, as Excel starts every note (「山田:」); that first line is also how a host recognises
 * a note the add-in wrote earlier, whoever's Excel wrote it (through Office.js a note's author is the
 * signed-in user, so the author field cannot tell).
 */
export const NOTE_AUTHOR = '行革進捗アシスタント';

const HEADER = `${NOTE_AUTHOR}:`;

/** The text of a note as written into the cell: the author line, then the plan's note. */
export function noteText(body: string): string {
  return `${HEADER}\n${body}`;
}

/** Whether a note's text is one the add-in wrote (its first line is the add-in's name). */
export function isAssistantNote(text: string): boolean {
  const first = text.replace(/^\s+/, '').split(/\r?\n/, 1)[0].trim();
  return first === HEADER || first === `${NOTE_AUTHOR}：`;
}
