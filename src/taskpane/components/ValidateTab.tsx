import { Badge, Button, Link, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Finding, Severity } from '../../core/validation/finding';
import { clearHighlight, highlightFindings, selectFinding } from '../commands/highlight';
import type { HeaderInfo } from '../commands/load';
import { runValidate, type ValidationReport } from '../commands/validate';
import type { MessageKey } from '../i18n';
import { usePane } from './context';
import { FindingsReportButton } from './FindingsReportButton';

const SEVERITY_KEY: Record<Severity, MessageKey> = { error: 'severityError', warning: 'severityWarning', info: 'severityInfo' };
const SEVERITY_COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { borderLeft: `3px solid ${tokens.colorNeutralStroke2}`, paddingLeft: tokens.spacingHorizontalS },
  h: { margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase400 },
  h4: { margin: `${tokens.spacingVerticalXS} 0`, fontSize: tokens.fontSizeBase300 },
  finding: { textAlign: 'left' },
});

export function ValidateTab({ onHeader }: { onHeader: (h: HeaderInfo) => void }) {
  const { t, lang, host, run, busy } = usePane();
  const s = useStyles();
  const [report, setReport] = useState<ValidationReport | null>(null);

  const check = () =>
    run(
      (onStep) => runValidate(host, onStep),
      (r) => {
        setReport(r);
        onHeader(r.header);
        return `${r.pass ? t('validatePass') : t('validateFail')}. ${t('validateCounts', r.counts)}`;
      },
    );
  const select = (f: Finding) => run(() => selectFinding(host, f));
  const highlight = () =>
    report &&
    run(
      (onStep) => highlightFindings(host, report.findings, onStep),
      (r) => [t('highlightDone', { n: r.highlighted }), r.skipped.length ? t('highlightSkipped', { n: r.skipped.length }) : ''].join(' '),
    );
  const clear = () => run((onStep) => clearHighlight(host, onStep), (r) => t('highlightCleared', { n: r.restored }));

  return (
    <div className={s.root}>
      <Text>{t('validateIntro')}</Text>
      <div className={s.actions}>
        <Button appearance="primary" onClick={check} disabled={busy} data-testid="validate-run">
          {t('validateRun')}
        </Button>
        <Button onClick={highlight} disabled={busy || !report || report.findings.length === 0} data-testid="highlight-on">
          {t('highlightOn')}
        </Button>
        <Button onClick={clear} disabled={busy} data-testid="highlight-off">
          {t('highlightOff')}
        </Button>
        <FindingsReportButton />
      </div>
      {report && (
        <>
          <MessageBar intent={report.pass ? 'success' : 'error'} data-testid="verdict">
            <MessageBarBody>
              <MessageBarTitle>{report.pass ? t('validatePass') : t('validateFail')}</MessageBarTitle>
              {report.pass ? t('validatePassDetail', report.counts) : t('validateFailDetail', report.counts)}
            </MessageBarBody>
          </MessageBar>
          <Text weight="semibold" data-testid="counts">
            {t('validateCounts', report.counts)}
          </Text>
          {report.findings.length === 0 && <Text>{t('findingNone')}</Text>}
          {report.groups.map((g) => (
            <section key={g.severity} aria-labelledby={`sev-${g.severity}`} data-testid={`severity-${g.severity}`}>
              <h3 id={`sev-${g.severity}`} className={s.h}>
                <Badge color={SEVERITY_COLOR[g.severity]} appearance="filled">
                  {g.count}
                </Badge>{' '}
                {t(SEVERITY_KEY[g.severity])}
              </h3>
              <ul className={s.list}>
                {g.items.map((it) => (
                  <li key={it.itemId || '-'} className={s.item}>
                    <h4 className={s.h4}>
                      {it.itemId ? `${it.itemId} ${it.itemName}` : t('findingGroupWorkbook')} ({it.findings.length})
                    </h4>
                    <ul className={s.list}>
                      {it.findings.map((f, i) => (
                        <li key={`${f.code}-${f.sheet}-${f.cell}-${i}`}>
                          <Link
                            as="button"
                            className={s.finding}
                            onClick={() => select(f)}
                            disabled={busy || !f.sheet}
                            aria-label={`${f.code} ${f.sheet}!${f.cell}: ${f.message[lang]}. ${t('findingGoTo', { cell: `${f.sheet}!${f.cell}` })}`}
                            data-testid="finding"
                            data-sheet={f.sheet}
                            data-cell={f.cell}
                          >
                            <strong>
                              {f.code} {f.sheet}
                              {f.cell ? `!${f.cell}` : ''}
                            </strong>{' '}
                            {f.message[lang]}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </div>
  );
}
