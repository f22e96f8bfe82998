import { Link, makeStyles, tokens } from '@fluentui/react-components';
import type { Summary, SummaryRow } from '../../core/summary/types';
import type { Translate } from '../i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  caption: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  card: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalS, minWidth: 0 },
  total: { backgroundColor: tokens.colorNeutralBackground3, border: `1px solid ${tokens.colorNeutralStroke1}` },
  name: { margin: `0 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  // Counts: one short cell per rating symbol, wrapping to a second line before ever overflowing.
  counts: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`, margin: 0 },
  count: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'baseline' },
  amounts: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', gap: `0 ${tokens.spacingHorizontalM}`, margin: `${tokens.spacingVerticalXS} 0 0` },
  dt: { color: tokens.colorNeutralForeground2 },
  dd: { margin: 0, textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  note: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

const num = (n: number) => n.toLocaleString('ja-JP');

/**
 * The same figures as the summary sheet, as narrow cards that fit a 320 px pane: the total first
 * (the headline), then one card per group. Rating columns follow the scale's symbols in the counts.
 */
export function SummaryTable({
  summary,
  t,
  testId,
  reposts = 0,
  onCount,
}: {
  summary: Summary;
  t: Translate;
  testId: string;
  reposts?: number;
  /** Makes each count a button that lists the items behind it (group key or 'total'; a rating symbol, 'unrated' or 'total'). */
  onCount?: (group: string, column: string) => void;
}) {
  const s = useStyles();
  // The city's own scale (A–D, S/A/B/C, 達成/部分実施/検討中 …); a not-rated figure only when some item is.
  const symbols = summary.scale.symbols.map((x) => x.symbol);
  const notRated = summary.total.notRated > 0;
  // Amounts are shown in 千円; a sheet typed in 円 or 百万円 says so, so figures can be traced back.
  const own = summary.effectUnits.filter((u) => u !== '千円');
  const total = { ...summary.total, key: '', name: t('summaryTotalRow') };
  const card = (g: SummaryRow, isTotal: boolean) => (
    <li key={isTotal ? 'total' : g.key} className={isTotal ? `${s.card} ${s.total}` : s.card} data-row={isTotal ? 'total' : g.key}>
      <h3 className={s.name}>{g.key && !g.name.startsWith(g.key) ? `${g.key} ${g.name}` : g.name}</h3>
      <dl className={s.counts}>
        {[
          ...symbols.map((k, i) => [k, k, g.counts[i] ?? 0] as const),
          ...(notRated ? [['notRated', t('summaryNotRated'), g.notRated] as const] : []),
          ['unrated', t('summaryUnrated'), g.unrated] as const,
          ['total', t('summaryTotalCol'), g.total] as const,
        ].map(([column, label, n]) => (
          <div key={label} className={s.count} data-figure={label}>
            <dt className={s.dt}>{label}</dt>
            <dd className={s.dd}>
              {onCount ? (
                <Link
                  as="button"
                  onClick={() => onCount(isTotal ? 'total' : g.key, column)}
                  aria-label={t('summaryCountLabel', { group: isTotal ? t('summaryTotalRow') : g.name, column: label, n })}
                  data-testid="summary-count"
                  data-group={isTotal ? 'total' : g.key}
                  data-column={column}
                >
                  {n}
                </Link>
              ) : (
                n
              )}
            </dd>
          </div>
        ))}
      </dl>
      <dl className={s.amounts}>
        <dt className={s.dt}>{t('summaryPlanned')}</dt>
        <dd className={s.dd} data-figure="planned">
          {num(g.effectPlanned)}
        </dd>
        <dt className={s.dt}>{t('summaryActual')}</dt>
        <dd className={s.dd} data-figure="actual">
          {num(g.effectActual)}
        </dd>
        <dt className={s.dt}>{t('summaryRatio')}</dt>
        <dd className={s.dd} data-figure="ratio">
          {g.effectRatio === null ? '-' : `${g.effectRatio.toFixed(1)}%`}
        </dd>
      </dl>
    </li>
  );
  return (
    <section className={s.root} aria-labelledby={`${testId}-caption`} data-testid={testId}>
      <h2 id={`${testId}-caption`} className={s.caption}>
        {t('summaryTableCaption', { label: summary.groupLabel })}
      </h2>
      <p className={s.note} data-testid={`${testId}-unit`}>
        {own.length ? t('summaryUnitOwn', { units: own.join('・') }) : t('summaryUnit')}
        {reposts > 0 ? ` ${t('summaryReposts', { n: reposts })}` : ''}
      </p>
      <ul className={s.list}>
        {card(total, true)}
        {summary.groups.map((g) => card(g, false))}
      </ul>
    </section>
  );
}
