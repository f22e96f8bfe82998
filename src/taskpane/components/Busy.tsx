import { ProgressBar, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { Step } from '../commands/types';
import type { MessageKey, Translate } from '../i18n';

export interface BusyState {
  step: Step;
  progress?: { done: number; total: number };
  name?: string;
}

const STEP_KEY: Record<Step, MessageKey> = {
  read: 'busyRead',
  analyse: 'busyAnalyse',
  apply: 'busyApply',
  settings: 'busySettings',
  highlight: 'busyHighlight',
  importRead: 'busyImportRead',
  insert: 'busyInsert',
};

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: `${tokens.spacingVerticalS} 0` },
});

export function Busy({ state, t }: { state: BusyState; t: Translate }) {
  const s = useStyles();
  const { progress } = state;
  const label = t(STEP_KEY[state.step], { name: state.name ?? '' });
  const value = progress && progress.total > 0 ? progress.done / progress.total : undefined;
  return (
    <div className={s.root} role="status" aria-live="polite" data-testid="busy">
      <Spinner size="tiny" label={progress ? `${label} (${t('busyProgress', progress)})` : label} labelPosition="after" />
      <ProgressBar value={value} aria-label={label} />
    </div>
  );
}
