import { Button, Field, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useId, useRef } from 'react';
import { usePane } from '../context';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  hidden: { display: 'none' },
  names: { overflowWrap: 'anywhere' },
});

/**
 * A Fluent button in front of the browser's file input (which cannot be styled, and is hidden):
 * the chosen names are listed under it so the user sees what will be read.
 */
export function FilePicker({ label, files, onChange, testId, multiple = true }: { label: string; files: File[]; onChange: (f: File[]) => void; testId: string; multiple?: boolean }) {
  const { t, busy } = usePane();
  const s = useStyles();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  return (
    <Field label={label}>
      <div className={s.row}>
        <Button onClick={() => input.current?.click()} disabled={busy} aria-describedby={`${id}-names`}>
          {t('importPickButton')}
        </Button>
        <input
          ref={input}
          id={id}
          className={s.hidden}
          type="file"
          multiple={multiple}
          accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => onChange(Array.from(e.target.files ?? []))}
          data-testid={testId}
          tabIndex={-1}
          aria-hidden="true"
        />
      </div>
      <Text size={200} id={`${id}-names`} className={s.names}>
        {files.length ? t('importPicked', { n: files.length, names: files.map((f) => f.name).join('、') }) : t('importPickHint')}
      </Text>
    </Field>
  );
}
