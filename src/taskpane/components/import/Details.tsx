import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { signedJa } from '../../../core/consolidate/compare';
import type { ItemSource } from '../../../core/consolidate/provenance';
import type { ImportOutcome } from '../../commands/import';
import { usePane } from '../context';
import { FindingList } from './ImportResults';
import { ItemLink } from './ItemLink';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  head: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalS },
  h: { margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

const amount = (n: number | null) => (n === null ? '-' : n.toLocaleString('ja-JP'));

/** The items behind one count of the summary, each opening its cell. */
export function SourceList({ outcome, group, column, onClose }: { outcome: ImportOutcome; group: string; column: string; onClose: () => void }) {
  const { t } = usePane();
  const s = useStyles();
  const rows = outcome.sources.filter((x) => (group === 'total' || x.groups.includes(group)) && (column === 'total' || x.rating === column));
  const g = outcome.summary?.groups.find((x) => x.key === group);
  const groupName = group === 'total' ? t('summaryTotalRow') : g ? (g.name.startsWith(g.key) ? g.name : `${g.key} ${g.name}`) : group;
  const columnName = column === 'total' ? t('summaryTotalCol') : column === 'unrated' ? t('summaryUnrated') : column === 'notRated' ? t('summaryNotRated') : column;
  return (
    <section className={s.section} aria-label={t('sourcesTitle', { group: groupName, column: columnName, n: rows.length })} data-testid="sources">
      <div className={s.head}>
        <h2 className={s.h}>{t('sourcesTitle', { group: groupName, column: columnName, n: rows.length })}</h2>
        <Button size="small" onClick={onClose}>
          {t('sourcesClose')}
        </Button>
      </div>
      <ul className={s.list}>
        {rows.map((x) => (
          <ItemLink
            key={x.itemId}
            item={x}
            state={outcome.state}
            detail={`${x.rating === 'unrated' ? t('summaryUnrated') : x.rating === 'notRated' ? t('summaryNotRated') : x.rating} · ${t('sourceAmounts', { planned: amount(x.effectPlanned), actual: amount(x.effectActual) })}`}
          />
        ))}
      </ul>
    </section>
  );
}

export function HearingView({ outcome }: { outcome: ImportOutcome }) {
  const { t, lang } = usePane();
  const s = useStyles();
  const h = outcome.hearing;
  if (!h) return null;
  const title = t('hearingTitle', { n: h.entries.length });
  return (
    <section className={s.section} aria-label={title} data-testid="hearing">
      <h2 className={s.h}>{title}</h2>
      {h.entries.length === 0 && <Text>{t('hearingNone')}</Text>}
      <ul className={s.list}>
        {h.entries.map((e) => (
          <ItemLink key={e.itemId} item={e} state={outcome.state} detail={e.reasons.map((r) => r.message[lang]).join(' ')} testId="hearing-item" />
        ))}
      </ul>
    </section>
  );
}

export function CompareView({ outcome }: { outcome: ImportOutcome }) {
  const { t, lang } = usePane();
  const s = useStyles();
  const cmp = outcome.comparison;
  if (!cmp) return null;
  const delta = (n: number) => (lang === 'ja' ? signedJa(n, (x) => x.toLocaleString('ja-JP')) : n > 0 ? `+${n}` : String(n));
  const list = (title: string, rows: ItemSource[], detail?: (x: ItemSource, i: number) => string) => (
    <>
      <Text weight="semibold">{title}</Text>
      <ul className={s.list}>
        {rows.map((x, i) => (
          <ItemLink key={x.itemId} item={x} state={outcome.state} {...(detail ? { detail: detail(x, i) } : {})} testId="compare-item" />
        ))}
      </ul>
    </>
  );
  return (
    <section className={s.section} aria-label={t('compareTitle', { last: cmp.lastFile })} data-testid="compare">
      <h2 className={s.h}>{t('compareTitle', { last: cmp.lastFile })}</h2>
      <ul className={s.list}>
        {cmp.rows.map((r) => (
          <li key={r.key} data-testid="compare-row" data-group={r.key}>
            <Text weight="semibold" block>
              {r.key === 'total' ? t('summaryTotalRow') : r.name.startsWith(r.key) ? r.name : `${r.key} ${r.name}`}
            </Text>
            <Text size={200} block>
              {[...cmp.columns.filter((c) => (c !== 'unrated' && c !== 'notRated') || r.counts[c].now || r.counts[c].last), 'total']
                .map((c) => {
                  const d = c === 'total' ? r.total : r.counts[c];
                  const name = c === 'total' ? t('summaryTotalCol') : c === 'unrated' ? t('summaryUnrated') : c === 'notRated' ? t('summaryNotRated') : c;
                  return t('compareGroupLine', { column: name, now: d.now, last: d.last, delta: delta(d.delta) });
                })
                .join(' / ')}
            </Text>
          </li>
        ))}
      </ul>
      {list(t('compareFell', { n: cmp.fell.length }), cmp.fell.map((f) => f.now), (_x, i) => `${cmp.fell[i].from} → ${cmp.fell[i].to}`)}
      {list(t('compareAdded', { n: cmp.added.length }), cmp.added)}
      {list(t('compareDropped', { n: cmp.dropped.length }), cmp.dropped)}
    </section>
  );
}

export function ReconcileView({ outcome }: { outcome: ImportOutcome }) {
  const { t } = usePane();
  const r = outcome.reconciliation;
  if (!r) return null;
  return <FindingList findings={r.findings} title={t('reconcileTitle', { missing: r.missing.length, extra: r.extra.length, changed: r.changed.length })} testId="reconcile" />;
}
