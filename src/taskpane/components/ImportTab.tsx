import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Checkbox,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { consolidateImports, importWorkbooks, writeConsolidatedSheets, type ImportFile, type ImportOutcome, type ConsolidatedWrite } from '../commands/import';
import { usePane } from './context';
import { CompareView, HearingView, ReconcileView, SourceList } from './import/Details';
import { FilePicker } from './import/FilePicker';
import { ConflictChooser, FindingList, ImportFiles } from './import/ImportResults';
import { SummaryTable } from './SummaryTable';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  options: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** 【再掲】 rows of the consolidated plan, counted once (said under the figures, as in 集計). */
const reposts = (o: ImportOutcome) => o.consolidation.plan.items.filter((i) => i.flags.includes('repost')).length;

const toImport = async (files: File[]): Promise<ImportFile[]> => Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));

export function ImportTab() {
  const { t, lang, host, run, busy, loadReadGrid } = usePane();
  const s = useStyles();
  const canInsert = host.apiSupport().insertWorksheets;
  const [files, setFiles] = useState<File[]>([]);
  const [last, setLast] = useState<File[]>([]);
  const [master, setMaster] = useState<File[]>([]);
  const [insert, setInsert] = useState(canInsert);
  const [includeOwn, setIncludeOwn] = useState(true);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [open, setOpen] = useState<{ group: string; column: string } | null>(null);
  const [written, setWritten] = useState<ConsolidatedWrite | null>(null);

  const go = () =>
    run(
      async (onStep) => {
        const readGrid = await loadReadGrid();
        return importWorkbooks(host, await toImport(files), { insert, includeOwn, readGrid, last: await toImport(last), master: await toImport(master) }, onStep);
      },
      (o) => {
        setOutcome(o);
        setChoices({});
        setOpen(null);
        setWritten(null);
        return o.summary ? t('importDone', { n: o.consolidation.files.filter((f) => f.status === 'used').length }) : t('importConflicts', { n: o.consolidation.unresolved.length });
      },
    );
  const choose = (more: Record<string, string>) => {
    if (!outcome) return;
    const all = { ...choices, ...more };
    setChoices(all);
    setOutcome(consolidateImports(outcome.state, all));
  };
  const write = () =>
    outcome?.summary &&
    run(
      (onStep) => writeConsolidatedSheets(host, outcome, { lang }, onStep),
      (w) => {
        setWritten(w);
        return t('importWritten', { names: w.sheets.join('、') });
      },
    );

  const c = outcome?.consolidation;
  return (
    <div className={s.root}>
      <Text>{t('importIntro')}</Text>
      <FilePicker label={t('importPick')} files={files} onChange={setFiles} testId="import-files" />
      <div className={s.options}>
        <Checkbox checked={includeOwn} onChange={(_, d) => setIncludeOwn(!!d.checked)} label={t('importIncludeOwn')} data-testid="import-include-own" />
        <Text size={200}>{t('importIncludeOwnHint')}</Text>
        {canInsert ? (
          <Checkbox checked={insert} onChange={(_, d) => setInsert(!!d.checked)} label={t('importInsert')} data-testid="import-insert" />
        ) : (
          <Text size={200}>{t('importInsertUnsupported')}</Text>
        )}
      </div>
      <Accordion collapsible>
        <AccordionItem value="more">
          <AccordionHeader size="small">{t('importOptions')}</AccordionHeader>
          <AccordionPanel>
            <div className={s.options}>
              <FilePicker label={t('importLast')} files={last} onChange={setLast} testId="import-last" />
              <FilePicker label={t('importMaster')} files={master} onChange={setMaster} testId="import-master" />
            </div>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
      <div>
        <Button appearance="primary" onClick={go} disabled={busy || (files.length === 0 && !includeOwn)} data-testid="import-run">
          {t('importRun')}
        </Button>
      </div>
      {outcome && c && (
        <>
          <ImportFiles outcome={outcome} />
          <FindingList findings={c.findings} title={t('importFindings', { n: c.findings.length })} testId="import-findings" />
          {c.unresolved.length > 0 && <ConflictChooser key={c.unresolved.map((d) => d.id).join()} conflicts={c.unresolved} onChoose={choose} />}
          {outcome.summary && (
            <>
              <Text size={200}>{t('importCountHint')}</Text>
              {outcome.unconfirmed.length > 0 && (
                <MessageBar layout="multiline" intent="warning" data-testid="import-unconfirmed">
                  <MessageBarBody>{t('summaryUnconfirmed', { n: outcome.unconfirmed.length, ids: outcome.unconfirmed.join(lang === 'ja' ? '、' : ', ') })}</MessageBarBody>
                </MessageBar>
              )}
              <SummaryTable summary={outcome.summary} t={t} testId="import-summary-table" reposts={reposts(outcome)} onCount={(group, column) => setOpen({ group, column })} />
              {open && <SourceList outcome={outcome} group={open.group} column={open.column} onClose={() => setOpen(null)} />}
              <CompareView outcome={outcome} />
              <ReconcileView outcome={outcome} />
              <HearingView outcome={outcome} />
              <div>
                <Button onClick={write} disabled={busy} data-testid="import-write">
                  {t('importWrite')}
                </Button>
              </div>
            </>
          )}
        </>
      )}
      {written?.displaced.map((name) => (
        <MessageBar layout="multiline" key={name} intent="warning" data-testid="import-left-alone">
          <MessageBarBody>{t('importLeftAlone', { name })}</MessageBarBody>
        </MessageBar>
      ))}
      {written && (
        <MessageBar layout="multiline" intent="success" data-testid="import-written">
          <MessageBarBody>{t('importWritten', { names: written.sheets.join('、') })}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
