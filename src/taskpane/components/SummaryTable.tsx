import { Link, makeStyles, tokens } from '@fluentui/react-components';
import type { Summary } from '../../core/summary/types';
import type { Translate } from '../i18n';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, width: '100%' },
  cell: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: '2px 4px', textAlign: 'right', whiteSpace: 'nowrap' },
  name: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: '2px 4px', textAlign: 'left', minWidth: '9em' },
  head: { backgroundColor: tokens.colorNeutralBackground3 },
  caption: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXS },
});

const num = (n: number) => n.toLocaleString('ja-JP');
/** The count columns in display order, as provenance names them. */
const COUNT_COLUMNS = ['A', 'B', 'C', 'D', 'unrated', 'total'];

/** The same figures as the summary sheet, so the author can read them without leaving the pane. */
export function SummaryTable({
  summary,
  t,
  testId,
  onCount,
}: {
  summary: Summary;
  t: Translate;
  testId: string;
  /** Makes each count a button that lists the items behind it (group key or 'total', column or 'total'). */
  onCount?: (group: string, column: string) => void;
}) {
  const s = useStyles();
  const rows = [...summary.groups, { ...summary.total, key: '', name: t('summaryTotalRow') }];
  const heads = ['A', 'B', 'C', 'D', t('summaryUnrated'), t('summaryTotalCol'), t('summaryPlanned'), t('summaryActual'), t('summaryRatio')];
  return (
    <div className={s.wrap}>
      <table className={s.table} data-testid={testId}>
        <caption className={s.caption}>{t('summaryTableCaption', { label: summary.groupLabel })}</caption>
        <thead>
          <tr className={s.head}>
            <th scope="col" className={s.name}>
              {summary.groupLabel}
            </th>
            {heads.map((h) => (
              <th scope="col" key={h} className={s.cell}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((g) => (
            <tr key={g.key || 'total'} data-row={g.key || 'total'}>
              <th scope="row" className={s.name}>
                {g.key && !g.name.startsWith(g.key) ? `${g.key} ${g.name}` : g.name}
              </th>
              {[g.counts.A, g.counts.B, g.counts.C, g.counts.D, g.counts.unrated, g.total].map((n, i) => (
                <td key={i} className={s.cell}>
                  {onCount ? (
                    <Link
                      as="button"
                      onClick={() => onCount(g.key || 'total', COUNT_COLUMNS[i])}
                      aria-label={t('summaryCountLabel', { group: g.key ? g.name : t('summaryTotalRow'), column: heads[i], n })}
                      data-testid="summary-count"
                      data-group={g.key || 'total'}
                      data-column={COUNT_COLUMNS[i]}
                    >
                      {n}
                    </Link>
                  ) : (
                    n
                  )}
                </td>
              ))}
              <td className={s.cell}>{num(g.effectPlanned)}</td>
              <td className={s.cell}>{num(g.effectActual)}</td>
              <td className={s.cell}>{g.effectRatio === null ? '-' : `${g.effectRatio.toFixed(1)}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
