import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ApplyResult } from '../../core/plan/write-plan';
import { previewFill, runFill, type FillPreviewView } from '../commands/fill';
import { selectFinding } from '../commands/highlight';
import { usePane } from './context';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  dl: { display: 'grid', gridTemplateColumns: 'auto auto', gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalL}`, margin: 0 },
  dd: { margin: 0, textAlign: 'right' },
});

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
          <Table size="small" aria-labelledby="disagree-title">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('fillDisagreeItem')}</TableHeaderCell>
                <TableHeaderCell>{t('fillDisagreeEntered')}</TableHeaderCell>
                <TableHeaderCell>{t('fillDisagreeSuggested')}</TableHeaderCell>
                <TableHeaderCell>{t('fillDisagreeReason')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {preview.disagreements.map((d) => (
                <TableRow key={d.itemId}>
                  <TableCell>
                    <Button appearance="transparent" size="small" disabled={busy || !d.sheet} onClick={() => run(() => selectFinding(host, { sheet: d.sheet, cell: d.address }))}>
                      {d.itemId} {d.itemName}
                    </Button>
                  </TableCell>
                  <TableCell>{d.entered}</TableCell>
                  <TableCell>{d.suggested}</TableCell>
                  <TableCell>{d.reason[lang]}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </section>
      )}
    </div>
  );
}
