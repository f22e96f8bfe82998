import { Badge, Button, makeStyles, MessageBar, MessageBarBody, Radio, RadioGroup, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ConFinding } from '../../../core/consolidate/codes';
import { FIELD_LABEL, type ComparedField } from '../../../core/consolidate/identity';
import type { Duplicate, FileStatus } from '../../../core/consolidate/types';
import type { ImportOutcome } from '../../commands/import';
import type { MessageKey } from '../../i18n';
import { usePane } from '../context';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  card: { borderLeft: `3px solid ${tokens.colorNeutralStroke1}`, paddingLeft: tokens.spacingHorizontalS, overflowWrap: 'anywhere' },
  used: { borderLeftColor: tokens.colorPaletteGreenBorder2 },
  h: { margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  finding: { overflowWrap: 'anywhere' },
  conflict: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

const STATUS_KEY: Record<FileStatus, MessageKey> = {
  used: 'statusUsed',
  duplicate: 'statusDuplicate',
  'other-year': 'statusOtherYear',
  owner: 'statusOwner',
  'not-workbook': 'statusNotWorkbook',
  unreadable: 'statusUnreadable',
  empty: 'statusEmpty',
};
const SEVERITY_COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;
const SEVERITY_KEY = { error: 'severityError', warning: 'severityWarning', info: 'severityInfo' } as const;

/** Every file given and what became of it; inserted sheets by their new names. */
export function ImportFiles({ outcome }: { outcome: ImportOutcome }) {
  const { t, lang } = usePane();
  const s = useStyles();
  const picked = new Map(outcome.state.files.map((f) => [f.name, f]));
  return (
    <ul className={s.list} aria-label={t('importFile')} data-testid="import-files-table">
      {outcome.consolidation.files.map((f) => {
        const p = picked.get(f.file);
        const own = f.file === outcome.state.own;
        return (
          <li key={f.file} className={f.status === 'used' ? `${s.card} ${s.used}` : s.card} data-testid="import-file" data-file={f.file} data-status={f.status}>
            <Text weight="semibold" block>
              {own ? `${f.file}(${t('importOwnFile')})` : f.file}
            </Text>
            <Text size={200} block>
              {t('importFileLine', { status: t(STATUS_KEY[f.status]), items: f.items, counted: f.counted })}
            </Text>
            {p?.failure && (
              <Text size={200} block>
                {p.failure[lang]}
              </Text>
            )}
            {p?.inserted && (
              <Text size={200} block data-testid="import-inserted">
                {t('importInsertedAs', { names: Object.values(p.inserted).join('、') })}
              </Text>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export function FindingList({ findings, title, testId }: { findings: readonly ConFinding[]; title: string; testId: string }) {
  const { t, lang } = usePane();
  const s = useStyles();
  if (!findings.length) return null;
  return (
    <section aria-label={title} data-testid={testId}>
      <h2 className={s.h}>{title}</h2>
      <ul className={s.list}>
        {findings.map((f, i) => (
          <li key={`${f.code}-${i}`} className={s.finding} data-testid="consolidation-finding" data-code={f.code}>
            <Badge color={SEVERITY_COLOR[f.severity]} appearance="tint" size="small">
              {t(SEVERITY_KEY[f.severity])}
            </Badge>{' '}
            <Text size={200}>
              {f.code} {f.message[lang]}
            </Text>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Copies of an item that disagree: the user picks the file whose values count, then the summary is made. */
export function ConflictChooser({ conflicts, onChoose }: { conflicts: readonly Duplicate[]; onChoose: (choices: Record<string, string>) => void }) {
  const { t, lang, busy } = usePane();
  const s = useStyles();
  const [choices, setChoices] = useState<Record<string, string>>({});
  const values = (c: Duplicate['copies'][number], fields: string[]) =>
    fields.map((f) => `${FIELD_LABEL[f as ComparedField][lang]} ${c.values[f]}`).join(lang === 'ja' ? '、' : ', ');
  return (
    <MessageBar layout="multiline" intent="warning" data-testid="import-conflicts">
      <MessageBarBody>
        <div className={s.conflict}>
          <Text>{t('importConflicts', { n: conflicts.length })}</Text>
          {conflicts.map((d) => (
            <RadioGroup
              key={d.id}
              aria-label={`${d.id} ${d.name}`}
              value={choices[d.id] ?? ''}
              onChange={(_, v) => setChoices({ ...choices, [d.id]: v.value })}
              data-testid="import-conflict"
            >
              <Text weight="semibold">
                {d.id} {d.name}
              </Text>
              {d.copies.map((c) => (
                <Radio key={c.file} value={c.file} label={t('importConflictOption', { file: c.file, values: values(c, d.differing) })} />
              ))}
            </RadioGroup>
          ))}
          <div>
            <Button
              appearance="primary"
              disabled={busy || conflicts.some((d) => !choices[d.id])}
              onClick={() => onChoose(choices)}
              data-testid="import-apply-choices"
            >
              {t('importApplyChoices')}
            </Button>
          </div>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}
