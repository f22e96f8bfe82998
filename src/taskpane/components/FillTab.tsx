import { Button, Divider, Field, Input, Link, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { currentFiscalYear, runProgressColumns } from '../commands/columns';
import type { ApplyResult } from '../../core/plan/write-plan';
import { previewFill, runFill, type FillPreviewView } from '../commands/fill';
import { selectFinding } from '../commands/highlight';
import { usePane } from './context';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  dl: { display: 'grid', gridTemplateColumns: 'auto auto', gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalL}`, margin: 0 },
  dd: { margin: 0, textAlign: 'right' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  card: { borderLeft: `3px solid ${tokens.colorPaletteYellowBorder2}`, paddingLeft: tokens.spacingHorizontalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
});

/** For plan workbooks (no year's columns yet): VLD016 points users here. */
function ColumnsSection() {
  const { t, lang, host, run, busy } = usePane();
  const s = useStyles();
  const [fy, setFy] = useState(String(currentFiscalYear()));
  const [done, setDone] = useState<string | null>(null);
  const year = Number(fy);
  const valid = Number.isInteger(year) && year >= 2000 && year <= 2100;
  const go = () =>
    run(
      (onStep) => runProgressColumns(host, { fy: year, lang }, onStep),
      (o) => {
        const fyText = o.fyLabel[lang];
        const msg = o.headers ? t('columnsDone', { fy: fyText, n: o.tables, cells: o.result.written }) : t('columnsNone', { fy: fyText });
        setDone(msg);
        return msg;
      },
    );
  return (
    <section aria-labelledby="columns-title">
      <Divider />
      <Text id="columns-title" weight="semibold" block>
        {t('columnsTitle')}
      </Text>
      <Text size={200} block>
        {t('columnsIntro')}
      </Text>
      <div className={s.row}>
        <Field label={t('columnsFy')} validationState={valid ? 'none' : 'error'} data-testid="columns-fy">
          <Input inputMode="numeric" value={fy} onChange={(_, d) => setFy(d.value)} style={{ width: '6em' }} />
        </Field>
        <Button onClick={go} disabled={busy || !valid} data-testid="columns-run">
          {t('columnsRun')}
        </Button>
      </div>
      {done && <Text role="status">{done}</Text>}
    </section>
  );
}

const show = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));

export function FillTab() {
  const { t, lang, host, run, busy } = usePane();
  const s = useStyles();
  const [preview, setPreview] = useState<FillPreviewView | null>(null);
  const [result, setResult] = useState<ApplyResult | null>(null);

  const doPreview = () =>
    run(
      (onStep) => previewFill(host, onStep),
      (p) => {
        setPreview(p);
        setResult(null);
        return p.cells ? t('fillTotal', { n: p.cells }) : t('fillNothing');
      },
    );
  const doFill = () =>
    run(
      (onStep) => runFill(host, onStep),
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
        <section aria-label={t('fillPreviewTitle')} data-testid="fill-preview-result">
          <Text weight="semibold">{t('fillPreviewTitle')}</Text>
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
          <Text>{preview.cells ? t('fillTotal', { n: preview.cells }) : t('fillNothing')}</Text>
        </section>
      )}
      {result && (
        <MessageBar intent={result.conflicts.length ? 'warning' : 'success'} data-testid="fill-result">
          <MessageBarBody>
            <MessageBarTitle>{t('fillDone', { n: result.written })}</MessageBarTitle>
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
      {preview && preview.disagreements.length > 0 && (
        <section aria-labelledby="disagree-title" data-testid="disagreements">
          <Text id="disagree-title" weight="semibold" block>
            {t('fillDisagreeTitle', { n: preview.disagreements.length })}
          </Text>
          <Text size={200} block>
            {t('fillDisagreeHint')}
          </Text>
          <ul className={s.list}>
            {preview.disagreements.map((d) => (
              <li key={d.itemId} className={s.card}>
                <Link as="button" disabled={busy || !d.sheet} onClick={() => run(() => selectFinding(host, { sheet: d.sheet, cell: d.address }))}>
                  {d.itemId} {d.itemName} ({d.sheet}!{d.address})
                </Link>
                <Text block weight="semibold">
                  {t('fillDisagreeEntered')} {d.entered} → {t('fillDisagreeSuggested')} {d.suggested}
                </Text>
                <Text block size={200}>
                  {d.reason[lang]}
                </Text>
              </li>
            ))}
          </ul>
        </section>
      )}
      <ColumnsSection />
    </div>
  );
}
