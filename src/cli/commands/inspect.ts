import { layoutById } from '../../core/layouts/registry';
import { printJson } from '../json-out';
import { fiscalYearLabel } from '../../core/values/fiscal-year';
import type { Args } from '../args';
import type { Io } from '../io';
import { countFindings, inspectJson } from '../json';
import { loadAndAnalyse } from '../load';
import { say } from '../messages';
import { groupTitle, itemCounts, prose, WIDTH } from '../render';
import { table, truncate } from '../text';

export async function inspectCommand(args: Args, io: Io): Promise<number> {
  const file = args.files[0];
  const { analysis: a } = await loadAndAnalyse(file, args);
  if (args.json) {
    printJson(io, inspectJson(a, args.lang));
    return 0;
  }
  const { lang } = args;
  const fit = (s: string) => (args.wide ? s : truncate(s, WIDTH));
  io.out(file);
  for (const c of a.detection.chosen) {
    const label = layoutById(c.layout)?.label[lang] ?? c.layout;
    io.out(
      prose(
        say(lang, 'inspectLayout', { label, id: c.layout, forced: c.forced ? say(lang, 'inspectForced') : '', score: c.score.toFixed(2), sheets: c.sheets.length }),
        args.wide,
      ),
    );
    const shown = args.wide ? c.reasons : c.reasons.slice(0, 3);
    for (const r of shown) io.out(fit(say(lang, 'inspectReason', { sheet: r.sheet, reason: r.reason[lang] })));
    if (shown.length < c.reasons.length) io.out(say(lang, 'inspectMoreSheets', { n: c.reasons.length - shown.length }));
  }
  if (a.detection.unclaimed.length) io.out(prose(say(lang, 'inspectUnclaimed', { list: a.detection.unclaimed.join(', ') }), args.wide));
  const fy = a.plan.reportFy;
  io.out(say(lang, 'inspectYear', { fy: fy !== undefined ? fiscalYearLabel(fy, lang) : say(lang, 'inspectYearUnknown') }));
  const n = itemCounts(a.plan);
  io.out(prose(n.reposts ? say(lang, 'inspectItemsRepost', { rows: n.rows, reposts: n.reposts, n: n.counted }) : say(lang, 'inspectItems', { n: n.counted }), args.wide));
  if (n.templates) io.out(prose(say(lang, 'inspectTemplates', { n: n.templates }), args.wide));

  const rows = a.plan.policies.map((p) => {
    const items = a.plan.items.filter((i) => i.policyKey === p.key && !i.flags.includes('template'));
    const reposts = items.filter((i) => i.flags.includes('repost')).length;
    const indicators = items.reduce((s, i) => s + i.indicators.length, 0);
    return [groupTitle(p), String(items.length - reposts), ...(n.reposts ? [String(reposts)] : []), String(indicators)];
  });
  const columns = [
    { head: a.plan.policyLabel, shrink: true },
    { head: say(lang, 'inspectColItems'), right: true },
    ...(n.reposts ? [{ head: say(lang, 'inspectColReposts'), right: true }] : []),
    { head: say(lang, 'inspectColIndicators'), right: true },
  ];
  io.out(table(columns, rows, args.wide ? Infinity : WIDTH).text);
  io.out(prose(say(lang, 'inspectChecks', countFindings(a)), args.wide));
  return 0;
}
