import { Button, Divider, Field, Input, Link, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApplyResult } from '../../core/plan/write-plan';
import { fiscalYearLabel, parseFiscalYear } from '../../core/values/fiscal-year';
import { currentFiscalYear, runProgressColumns } from '../commands/columns';
import { previewFill, runFill, type FillPreviewView } from '../commands/fill';
import { selectFinding } from '../commands/highlight';
import { usePane } from './context';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  dl: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalL}`, margin: 0 },
  dd: { margin: 0, textAlign: 'right' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  suggested: { borderLeft: `3px solid ${tokens.colorPaletteBlueBorderActive}`, paddingLeft: tokens.spacingHorizontalS },
  disagree: { borderLeft: `3px solid ${tokens.colorPaletteYellowBorder2}`, paddingLeft: tokens.spacingHorizontalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
  fy: { width: '9em', maxWidth: '100%' },
  h2: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

/** The year as staff type it (令和8年度, R8, 2026 …), read like the CLI's --fy. */
export function readYear(text: string): number | undefined {
  const fy = parseFiscalYear(text.trim());
  return fy !== undefined && fy >= 1989 && fy <= 2200 ? fy : undefined;
}

/** For plan workbooks (no rating column yet): shown only where there is a plan table to extend. */
function ColumnsSection() {
  const { t, lang, host, run, busy, header } = usePane();
  const s = useStyles();
  const [text, setText] = useState(fiscalYearLabel(header?.reportFy ?? currentFiscalYear(), lang));
  const [done, setDone] = useState<string | null>(null);
  const fy = readYear(text);
  const go = () =>
    fy !== undefined &&
    run(
      (onStep) => runProgressColumns(host, { fy, lang }, onStep),
      (o) => {
        const fyText = o.fyLabel[lang];
        const msg = o.headers ? t('columnsDone', { fy: fyText, n: o.tables, cells: o.result.written }) : t('columnsNone', { fy: fyText });
        setDone(msg);
        return msg;
      },
    );
  return (
    <section aria-labelledby="columns-title" data-testid="columns-section">
      <Divider />
      <h2 id="columns-title" className={s.h2}>
        {t('columnsTitle')}
      </h2>
      <Text size={200} block>
        {t('columnsIntro')}
      </Text>
      <div className={s.row}>
        <Field
          label={t('columnsFy')}
          validationState={fy === undefined ? 'error' : 'none'}
          validationMessage={fy === undefined ? t('columnsFyBad') : undefined}
          hint={fy === undefined ? t('columnsFyHint') : t('columnsFyParsed', { label: fiscalYearLabel(fy, lang) })}
          data-testid="columns-fy"
        >
          <Input id="columns-fy-input" className={s.fy} value={text} onChange={(_, d) => setText(d.value)} />
        </Field>
        <Button onClick={go} disabled={busy || fy === undefined} data-testid="columns-run">
          {t('columnsRun')}
        </Button>
      </div>
      {done && <Text role="status">{done}</Text>}
    </section>
  );
}

interface ListedItem {
  itemId: string;
  itemName: string;
  sheet: string;
  address: string;
  /** What is said about the item: the suggested rating, or entered / suggested. */
  headline: string;
  reason: { ja: string; en: string };
}

/** Items the department should look at, each a link to its rating cell, with what and why. */
function ItemList(props: { id: string; testId: string; title: string; hint: string; className: string; items: ListedItem[]; onSelect: (sheet: string, address: string) => void }) {
  const { lang, busy } = usePane();
  const s = useStyles();
  if (props.items.length === 0) return null;
  return (
    <section aria-labelledby={`${props.id}-title`} data-testid={props.testId}>
      <h2 id={`${props.id}-title`} className={s.h2}>
        {props.title}
      </h2>
      <Text size={200} block>
        {props.hint}
      </Text>
      <ul className={s.list}>
        {props.items.map((d) => (
          <li key={`${d.itemId}|${d.sheet}!${d.address}`} className={props.className}>
            <Link as="button" disabled={busy || !d.sheet} onClick={() => props.onSelect(d.sheet, d.address)}>
              {d.itemId} {d.itemName} ({d.sheet}!{d.address})
            </Link>
            <Text block weight="semibold">
              {d.headline}
            </Text>
            <Text block size={200}>
              {d.reason[lang]}
            </Text>
          </li>
        ))}
      </ul>
    </section>
  );
}

const show = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));

export function FillTab() {
  const { t, lang, host, run, busy, header } = usePane();
  const s = useStyles();
  const [preview, setPreview] = useState<FillPreviewView | null>(null);
  const [result, setResult] = useState<ApplyResult | null>(null);
  const goToCell = (sheet: string, address: string) => run(() => selectFinding(host, { sheet, cell: address }));

  const doPreview = () =>
    run(
      (onStep) => previewFill(host, onStep, lang),
      (p) => {
        setPreview(p);
        setResult(null);
        return p.cells ? t('fillTotal', { n: p.cells }) : t('fillNothing');
      },
    );
  const doFill = () =>
    run(
      (onStep) => runFill(host, onStep, lang),
      (o) => {
        setPreview(o.preview);
        setResult(o.result);
        return [t('fillDone', { n: o.result.written }), o.result.conflicts.length ? t('fillConflicts', { n: o.result.conflicts.length }) : ''].join(' ');
      },
    );

  return (
    <div className={s.root}>
      <Text>{t('fillIntro')}</Text>
      <div className={s.actions}>
        <Button onClick={doPreview} disabled={busy} data-testid="fill-preview">
          {t('fillPreviewRun')}
        </Button>
        <Button appearance="primary" onClick={doFill} disabled={busy || !preview || preview.cells === 0} data-testid="fill-run">
          {t('fillRun')}
        </Button>
      </div>
      {preview && (
        <section aria-labelledby="fill-preview-title" data-testid="fill-preview-result">
          <h2 id="fill-preview-title" className={s.h2}>
            {t('fillPreviewTitle')}
          </h2>
          <dl className={s.dl}>
            {(
              [
                ['fillRatings', preview.ratings],
                ['fillRatios', preview.ratios],
                ['fillSubtotals', preview.subtotals],
                ['fillHeaders', preview.headers],
              ] as const
            ).map(([k, n]) => (
              <div key={k} style={{ display: 'contents' }}>
                <dt>{t(k)}</dt>
                <dd className={s.dd}>{t('fillCells', { n })}</dd>
              </div>
            ))}
          </dl>
          <Text block>{preview.cells ? t('fillTotal', { n: preview.cells }) : t('fillNothing')}</Text>
          {preview.cells === 0 && (header?.planItems ?? 0) > 0 && (
            <Text block size={200} data-testid="fill-nothing-plan">
              {t('fillNothingPlan')}
            </Text>
          )}
        </section>
      )}
      {result && (
        <MessageBar layout="multiline" intent={result.conflicts.length || result.messages?.length ? 'warning' : 'success'} data-testid="fill-result">
          <MessageBarBody>
            <MessageBarTitle>{t('fillDone', { n: result.written })}</MessageBarTitle>
            {/* Only what the host says it wrote: a note it could not write is said, never claimed. */}
            {!!result.cellNotes?.added && <Text block>{t('fillNotesAdded', { n: result.cellNotes.added })}</Text>}
            {!!result.cellNotes?.updated && <Text block>{t('fillNotesUpdated', { n: result.cellNotes.updated })}</Text>}
            {result.messages?.map((m) => (
              <Text block key={m.en} data-testid="fill-result-message">
                {m[lang]}
              </Text>
            ))}
            {result.conflicts.length > 0 && (
              <>
                {t('fillConflicts', { n: result.conflicts.length })}
                <ul>
                  {result.conflicts.map((c) => (
                    <li key={`${c.sheet}!${c.address}`}>
                      {t('fillConflictRow', { cell: `${c.sheet}!${c.address}`, expected: show(c.expected), found: show(c.found) })}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {preview && (
        <ItemList
          id="suggest"
          testId="suggestions"
          title={t('fillSuggestTitle', { n: preview.suggestions.length })}
          hint={host.apiSupport().notes ? t('fillSuggestHint') : t('fillSuggestHintNoNotes')}
          className={s.suggested}
          items={preview.suggestions.map((d) => ({ ...d, headline: t('fillSuggestRating', { rating: d.rating }) }))}
          onSelect={goToCell}
        />
      )}
      {preview && (
        <ItemList
          id="disagree"
          testId="disagreements"
          title={t('fillDisagreeTitle', { n: preview.disagreements.length })}
          hint={t('fillDisagreeHint')}
          className={s.disagree}
          items={preview.disagreements.map((d) => ({ ...d, headline: t('fillDisagreeRow', { entered: d.entered, suggested: d.suggested }) }))}
          onSelect={goToCell}
        />
      )}
      {(header?.planTables ?? 0) > 0 && <ColumnsSection />}
    </div>
  );
}
