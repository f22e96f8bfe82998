import {
  Button,
  Checkbox,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import { importWorkbooks, type ImportFile, type ImportOutcome } from '../commands/import';
import { writeSummarySheet, type SummaryOutcome } from '../commands/summary';
import { usePane } from './context';
import { SummaryOutcomeView } from './SummaryTab';
import { SummaryTable } from './SummaryTable';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export function ImportTab() {
  const { t, lang, host, run, busy, loadReadGrid } = usePane();
  const s = useStyles();
  const inputId = useId();
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
      <div>
        <label htmlFor={inputId}>{t('importPick')}</label>
        <br />
        <input
          id={inputId}
          type="file"
          multiple
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
          data-testid="import-files"
        />
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
          <Table size="small" aria-label={t('importFile')} data-testid="import-files-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('importFile')}</TableHeaderCell>
                <TableHeaderCell>{t('importLayout')}</TableHeaderCell>
                <TableHeaderCell>{t('importItems')}</TableHeaderCell>
                <TableHeaderCell>{t('importErrors')}</TableHeaderCell>
                <TableHeaderCell>{t('importInserted')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {outcome.files.map((f) => (
                <TableRow key={f.name}>
                  <TableCell>{f.name}</TableCell>
                  <TableCell>{f.failure ? t('importUnreadable', { name: f.name, detail: f.failure[lang] }) : f.layouts.map((l) => l[lang]).join(', ')}</TableCell>
                  <TableCell>{f.items}</TableCell>
                  <TableCell>{f.errors}</TableCell>
                  <TableCell>{f.inserted ? f.inserted.length : t('importNotInserted')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
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
