import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import { writeFindingsReport, type ReportOutcome } from '../commands/report';
import { usePane } from './context';

/** 検証結果をシートに書き出す: the findings travel with the workbook (see commands/report.ts). */
export function FindingsReportButton() {
  const { t, lang, host, run, busy } = usePane();
  const [done, setDone] = useState<ReportOutcome | null>(null);
  const go = () =>
    run(
      (onStep) => writeFindingsReport(host, { lang }, onStep),
      (o) => {
        setDone(o);
        return t('reportDone', { name: o.sheetName });
      },
    );
  return (
    <>
      <Button onClick={go} disabled={busy} data-testid="report-write">
        {t('reportWrite')}
      </Button>
      {done && (
        <MessageBar layout="multiline" intent={done.result.sheetsLeftAlone.length ? 'warning' : 'success'} data-testid="report-done">
          <MessageBarBody>
            {done.displaced ? t('reportDisplaced', { name: done.displaced, sheet: done.sheetName }) : t('reportDone', { name: done.sheetName })}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
