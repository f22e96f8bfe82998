import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { DEFAULT_SUMMARY_SHEET } from '../../core/plan/summary-sheet';
import { runSummary, type SummaryOutcome } from '../commands/summary';
import { usePane } from './context';
import { SummaryTable } from './SummaryTable';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
});

export function SummaryOutcomeView({ outcome, reposts = 0 }: { outcome: SummaryOutcome; reposts?: number }) {
  const { t, lang } = usePane();
  const { result } = outcome;
  return (
    <>
      {outcome.displaced && (
        <MessageBar layout="multiline" intent="info" data-testid="summary-displaced">
          <MessageBarBody>{t('summaryDisplaced', { name: outcome.displaced, sheet: outcome.sheetName })}</MessageBarBody>
        </MessageBar>
      )}
      {/* A sheet kept for what was put on it has a message of its own that names it and says why. */}
      {result.sheetsLeftAlone.filter((name) => !result.messages?.some((m) => m.en.startsWith(`Sheet "${name}" holds`))).map((name) => (
        <MessageBar layout="multiline" key={name} intent="warning" data-testid="summary-left-alone">
          <MessageBarBody>{t('summaryLeftAlone', { name })}</MessageBarBody>
        </MessageBar>
      ))}
      {result.sheetsCreated.length > 0 && (
        <MessageBar layout="multiline" intent="success" data-testid="summary-done">
          <MessageBarBody>
            {t('summaryDone', { name: result.sheetsCreated.join('、') })} {outcome.chart ? t('summaryChart') : ''}
          </MessageBarBody>
        </MessageBar>
      )}
      {result.messages?.map((m) => (
        <MessageBar layout="multiline" key={m.en} intent="warning" data-testid="summary-message">
          <MessageBarBody>{m[lang]}</MessageBarBody>
        </MessageBar>
      ))}
      {outcome.unconfirmed.length > 0 && (
        <MessageBar layout="multiline" intent="warning" data-testid="summary-unconfirmed">
          <MessageBarBody>{t('summaryUnconfirmed', { n: outcome.unconfirmed.length, ids: outcome.unconfirmed.join(lang === 'ja' ? '、' : ', ') })}</MessageBarBody>
        </MessageBar>
      )}
      <SummaryTable summary={outcome.summary} t={t} testId="summary-table" reposts={reposts} />
    </>
  );
}

export function SummaryTab() {
  const { t, lang, host, run, busy, header } = usePane();
  const s = useStyles();
  const [sheetName, setSheetName] = useState(DEFAULT_SUMMARY_SHEET);
  const [outcome, setOutcome] = useState<SummaryOutcome | null>(null);
  const go = () =>
    run(
      (onStep) => runSummary(host, { lang, sheetName }, onStep),
      (o) => {
        setOutcome(o);
        if (o.result.sheetsLeftAlone.length) return t('summaryLeftAlone', { name: o.result.sheetsLeftAlone.join('、') });
        return o.displaced ? t('summaryDisplaced', { name: o.displaced, sheet: o.sheetName }) : t('summaryDone', { name: o.sheetName });
      },
    );
  return (
    <div className={s.root}>
      <Text>{t('summaryIntro')}</Text>
      <Field label={t('summarySheetName')}>
        <Input value={sheetName} onChange={(_, d) => setSheetName(d.value)} />
      </Field>
      <div>
        <Button appearance="primary" onClick={go} disabled={busy} data-testid="summary-run">
          {t('summaryRun')}
        </Button>
      </div>
      {outcome && <SummaryOutcomeView outcome={outcome} reposts={header?.reposts ?? 0} />}
    </div>
  );
}
