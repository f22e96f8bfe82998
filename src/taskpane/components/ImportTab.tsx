import { Button, Checkbox, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { useId, useRef, useState } from 'react';
import { importWorkbooks, type ImportFile, type ImportOutcome } from '../commands/import';
import { writeSummarySheet, type SummaryOutcome } from '../commands/summary';
import { usePane } from './context';
import { SummaryOutcomeView } from './SummaryTab';
import { SummaryTable } from './SummaryTable';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  pick: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  card: { borderLeft: `3px solid ${tokens.colorNeutralStroke1}`, paddingLeft: tokens.spacingHorizontalS },
});

export function ImportTab() {
  const { t, lang, host, run, busy, loadReadGrid } = usePane();
  const s = useStyles();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const canInsert = host.apiSupport().insertWorksheets;
  const [files, setFiles] = useState<File[]>([]);
  const [insert, setInsert] = useState(canInsert);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [written, setWritten] = useState<SummaryOutcome | null>(null);

  const go = () =>
    run(
      async (onStep) => {
        const picked: ImportFile[] = [];
        for (const f of files) picked.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
        const readGrid = await loadReadGrid();
        return importWorkbooks(host, picked, { insert, readGrid }, onStep);
      },
      (o) => {
        setOutcome(o);
        setWritten(null);
        return t('importDone', { n: o.sources.length });
      },
    );
  const write = () =>
    outcome?.summary &&
    run(
      (onStep) => writeSummarySheet(host, outcome.summary!, { lang, sources: outcome.sources }, onStep),
      (o) => {
        setWritten(o);
        return t('summaryDone', { name: o.sheetName });
      },
    );

  return (
    <div className={s.root}>
      <Text>{t('importIntro')}</Text>
      <div className={s.pick}>
        {/* The native input stays out of sight and out of the tab order; the Fluent button opens it. */}
        <input
          ref={input}
          id={inputId}
          type="file"
          multiple
          hidden
          tabIndex={-1}
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
          data-testid="import-files"
        />
        <Button onClick={() => input.current?.click()} disabled={busy} aria-describedby={`${inputId}-hint`} data-testid="import-pick">
          {t('importPick')}
        </Button>
        <Text size={200} id={`${inputId}-hint`}>
          {files.length ? t('importPicked', { names: files.map((f) => f.name).join('、') }) : t('importPickHint')}
        </Text>
      </div>
      {canInsert ? (
        <Checkbox checked={insert} onChange={(_, d) => setInsert(!!d.checked)} label={t('importInsert')} />
      ) : (
        <Text size={200}>{t('importInsertUnsupported')}</Text>
      )}
      <div>
        <Button appearance="primary" onClick={go} disabled={busy || files.length === 0} data-testid="import-run">
          {t('importRun')}
        </Button>
      </div>
      {files.length === 0 && !outcome && <Text size={200}>{t('importNoFiles')}</Text>}
      {outcome && (
        <>
          <ul className={s.list} aria-label={t('importFile')} data-testid="import-files-table">
            {outcome.files.map((f) => (
              <li key={f.name} className={s.card}>
                <Text weight="semibold" block>
                  {f.name}
                </Text>
                <Text size={200} block>
                  {f.failure
                    ? t('importUnreadable', { name: f.name, detail: f.failure[lang] })
                    : `${t('importLayout')}: ${f.layouts.map((l) => l[lang]).join(', ')} · ${t('importItems')}: ${f.items} · ${t('importErrors')}: ${f.errors} · ${t('importInserted')}: ${f.inserted ? f.inserted.length : t('importNotInserted')}`}
                </Text>
              </li>
            ))}
          </ul>
          {outcome.summary && (
            <>
              <SummaryTable summary={outcome.summary} t={t} testId="import-summary-table" />
              <div>
                <Button onClick={write} disabled={busy}>
                  {t('importWrite')}
                </Button>
              </div>
            </>
          )}
          {outcome.files.some((f) => f.failure) && (
            <MessageBar intent="warning">
              <MessageBarBody>
                {outcome.files
                  .filter((f) => f.failure)
                  .map((f) => t('importUnreadable', { name: f.name, detail: f.failure![lang] }))
                  .join(' ')}
              </MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
      {written && <SummaryOutcomeView outcome={written} />}
    </div>
  );
}
