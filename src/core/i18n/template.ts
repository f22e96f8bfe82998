/**
 * Message templates shared by the CLI and the task pane: `{name}` is replaced by a value, and
 * `{n|# item|# items}` by the form for one or for other counts, `#` standing for the count
 * ("1 item", "3 items"; `{n|is|are}` prints only the word). Japanese templates use only `{n}` (no
 * grammatical number). Numbers are printed with thousands separators.
 */
export type TemplateVars = Record<string, string | number>;

const PLACEHOLDER = /\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g;

// Made on first use: building a number format loads locale data, which --help does not need.
let grouped: Intl.NumberFormat | undefined;

export function formatCount(n: number): string {
  if (!Number.isInteger(n)) return String(n);
  grouped ??= new Intl.NumberFormat('en-US');
  return grouped.format(n);
}

export function fillTemplate(template: string, vars: TemplateVars = {}): string {
  return template.replace(PLACEHOLDER, (whole, name: string, one?: string, many?: string) => {
    if (!(name in vars)) return whole;
    const v = vars[name];
    const shown = typeof v === 'number' ? formatCount(v) : v;
    if (one === undefined || many === undefined) return shown;
    return (Number(v) === 1 ? one : many).replace(/#/g, shown);
  });
}

/** Placeholder names a template uses, for checking that two languages take the same values. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]).sort();
}
