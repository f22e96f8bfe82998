import { Badge, Button, Link, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Finding, Severity } from '../../core/validation/finding';
import { clearHighlight, highlightFindings, selectFinding } from '../commands/highlight';
import type { HeaderInfo } from '../commands/load';
import { FINDINGS_PAGE, pageOf, runValidate, type ValidationReport } from '../commands/validate';
import type { MessageKey } from '../i18n';
import { usePane } from './context';
import { FindingsReportButton } from './FindingsReportButton';

const SEVERITY_KEY: Record<Severity, MessageKey> = { error: 'severityError', warning: 'severityWarning', info: 'severityInfo' };
const SEVERITY_COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { borderLeft: `3px solid ${tokens.colorNeutralStroke2}`, paddingLeft: tokens.spacingHorizontalS },
  h2: { margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase400 },
  h3: { margin: `${tokens.spacingVerticalXS} 0`, fontSize: tokens.fontSizeBase300 },
  finding: { textAlign: 'left' },
});

/** Quoted sheet names for the verdict: 「A」「B」 / "A", "B". */
export function sheetNames(sheets: string[], lang: string): string {
  return lang === 'ja' ? `シート${sheets.map((n) => `「${n}」`).join('')}` : `${sheets.length === 1 ? 'sheet' : 'sheets'} ${sheets.map((n) => `“${n}”`).join(', ')}`;
}

/** The verdict: ready, errors to fix, or a plan that has nowhere to put ratings yet (and what to do). */
function Verdict({ report, onAddColumns }: { report: ValidationReport; onAddColumns: () => void }) {
  const { t, lang } = usePane();
  const v = report.verdict;
  if (v.items === 0) {
    return (
      <MessageBar layout="multiline" intent="warning" data-testid="verdict">
        <MessageBarBody>
          <MessageBarTitle>{t('validateEmpty')}</MessageBarTitle>
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (v.errors > 0) {
    return (
      <MessageBar layout="multiline" intent="error" data-testid="verdict">
        <MessageBarBody>
          <MessageBarTitle>{t('validateFail')}</MessageBarTitle>
          {t('validateFailDetail', report.counts)}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (v.planItems > 0) {
    return (
      <MessageBar layout="multiline" intent="warning" data-testid="verdict">
        <MessageBarBody>
          <MessageBarTitle>{t('validatePlan')}</MessageBarTitle>
          {t('validatePlanDetail', { sheets: sheetNames(v.planSheets, lang), n: v.planItems })}
        </MessageBarBody>
        <MessageBarActions>
          <Button size="small" onClick={onAddColumns} data-testid="verdict-add-columns">
            {t('validatePlanGo')}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  return (
    <MessageBar layout="multiline" intent="success" data-testid="verdict">
      <MessageBarBody>
        <MessageBarTitle>{t('validatePass')}</MessageBarTitle>
        {t('validatePassDetail', report.counts)}
      </MessageBarBody>
    </MessageBar>
  );
}

export function ValidateTab({ onHeader }: { onHeader: (h: HeaderInfo) => void }) {
  const { t, lang, host, run, busy, goTo } = usePane();
  const s = useStyles();
  const [report, setReport] = useState<ValidationReport | null>(null);
  // Findings listed per severity (the counts stay whole); more a page at a time on request.
  const [shown, setShown] = useState<Record<string, number>>({});

  const check = () =>
    run(
      (onStep) => runValidate(host, onStep),
      (r) => {
        setReport(r);
        setShown({});
        onHeader(r.header);
        const verdict = r.verdict.errors > 0 ? t('validateFail') : r.verdict.planItems > 0 ? t('validatePlan') : t('validatePass');
        return `${verdict}. ${t('validateCounts', r.counts)}`;
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
          <Verdict report={report} onAddColumns={() => goTo('fill', 'columns-fy-input')} />
          <Text weight="semibold" data-testid="counts">
            {t('validateCounts', report.counts)}
          </Text>
          {report.findings.length === 0 && <Text>{t('findingNone')}</Text>}
          {report.groups.map((g) => ({ g, page: pageOf(g.items, shown[g.severity] ?? FINDINGS_PAGE) })).map(({ g, page }) => (
            <section key={g.severity} aria-labelledby={`sev-${g.severity}`} data-testid={`severity-${g.severity}`}>
              <h2 id={`sev-${g.severity}`} className={s.h2}>
                <Badge color={SEVERITY_COLOR[g.severity]} appearance="filled">
                  {g.count}
                </Badge>{' '}
                {t(SEVERITY_KEY[g.severity])}
              </h2>
              <ul className={s.list}>
                {page.items.map((it) => (
                  <li key={it.itemId || '-'} className={s.item}>
                    <h3 className={s.h3}>
                      {it.itemId ? `${it.itemId} ${it.itemName}` : t('findingGroupWorkbook')} ({it.of})
                    </h3>
                    <ul className={s.list}>
                      {it.findings.map((f, i) => (
                        <li key={`${f.code}-${f.sheet}-${f.cell}-${i}`}>
                          <Link
                            as="button"
                            className={s.finding}
                            onClick={() => select(f)}
                            disabled={busy || !f.sheet}
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
              {page.rest > 0 && (
                <Button
                  size="small"
                  onClick={() => setShown({ ...shown, [g.severity]: (shown[g.severity] ?? FINDINGS_PAGE) + FINDINGS_PAGE })}
                  data-testid={`findings-more-${g.severity}`}
                >
                  {t('findingsMore', { shown: Math.min(FINDINGS_PAGE, page.rest), rest: page.rest })}
                </Button>
              )}
            </section>
          ))}
        </>
      )}
    </div>
  );
}
