import { Button, FluentProvider, makeStyles, Tab, TabList, Title3, tokens, webLightTheme } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorText } from '../commands/errors';
import type { ReadGrid } from '../commands/import';
import { inspect, type HeaderInfo } from '../commands/load';
import type { OnStep, PaneHost } from '../commands/types';
import { translator, type Lang, type MessageKey } from '../i18n';
import { Busy, type BusyState } from './Busy';
import { PaneContext, type Pane, type Run } from './context';
import { ErrorBar } from './ErrorBar';
import { FillTab } from './FillTab';
import { HeaderCard } from './HeaderCard';
import { ImportTab } from './ImportTab';
import { SettingsTab } from './SettingsTab';
import { SummaryTab } from './SummaryTab';
import { ValidateTab } from './ValidateTab';

type TabId = 'validate' | 'fill' | 'summary' | 'import' | 'settings';
const TABS: [TabId, MessageKey][] = [
  ['validate', 'tabValidate'],
  ['fill', 'tabFill'],
  ['summary', 'tabSummary'],
  ['import', 'tabImport'],
  ['settings', 'tabSettings'],
];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, minHeight: '100%', boxSizing: 'border-box' },
  top: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalS },
  panel: { paddingTop: tokens.spacingVerticalS },
  srOnly: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

export interface AppProps {
  host: PaneHost;
  initialLang: Lang;
  loadReadGrid: () => Promise<ReadGrid>;
}

export function App({ host, initialLang, loadReadGrid }: AppProps) {
  const s = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  const [tab, setTab] = useState<TabId>('validate');
  const [busy, setBusy] = useState<BusyState | null>(null);
  const [error, setError] = useState<{ ja: string; en: string } | null>(null);
  const [header, setHeader] = useState<HeaderInfo | null>(null);
  const [announce, setAnnounce] = useState('');
  const t = useMemo(() => translator(lang), [lang]);
  const running = useRef(false);

  const run: Run = useCallback(async (work, done) => {
    // One command at a time: two overlapping Excel.run batches would read each other's half-written state.
    if (running.current) return undefined;
    running.current = true;
    setError(null);
    const onStep: OnStep = (step, progress, name) => setBusy({ step, ...(progress ? { progress } : {}), ...(name ? { name } : {}) });
    setBusy({ step: 'read' });
    try {
      const value = await work(onStep);
      if (done) setAnnounce(done(value));
      return value;
    } catch (e) {
      const text = errorText(e);
      setError(text);
      return undefined;
    } finally {
      running.current = false;
      setBusy(null);
    }
  }, []);

  const reload = useCallback(() => run((onStep) => inspect(host, onStep)).then((h) => h && setHeader(h)), [host, run]);
  useEffect(() => {
    void reload();
  }, [reload]);
  // A co-author's edit refreshes the header once things are quiet (never while a command runs).
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = host.onChange((c) => {
      if (!c.remote) return;
      clearTimeout(timer);
      timer = setTimeout(() => void (running.current ? undefined : reload()), 2000);
    });
    return () => {
      clearTimeout(timer);
      void off.then((f) => f());
    };
  }, [host, reload]);

  const pane: Pane = { lang, t, host, run, loadReadGrid, busy: busy !== null };

  return (
    <FluentProvider theme={webLightTheme} lang={lang === 'ja' ? 'ja-JP' : 'en-US'} style={{ height: '100%' }}>
      <PaneContext.Provider value={pane}>
        <main className={s.root}>
          <div className={s.top}>
            <Title3 as="h1">{t('appTitle')}</Title3>
            <Button
              size="small"
              onClick={() => setLang(lang === 'ja' ? 'en' : 'ja')}
              aria-label={t('langSwitchLabel')}
              lang={lang === 'ja' ? 'en' : 'ja'}
              data-testid="lang-switch"
            >
              {t('langSwitch')}
            </Button>
          </div>
          <HeaderCard info={header} lang={lang} t={t} onReload={reload} busy={busy !== null} />
          {busy && <Busy state={busy} t={t} />}
          {error && <ErrorBar error={error} lang={lang} t={t} onDismiss={() => setError(null)} />}
          <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)} aria-label={t('tabs')} size="small">
            {TABS.map(([id, key]) => (
              <Tab key={id} value={id} id={`tab-${id}`} aria-controls={`panel-${id}`} data-testid={`tab-${id}`}>
                {t(key)}
              </Tab>
            ))}
          </TabList>
          {TABS.map(([id]) => (
            // Panels stay mounted so results survive switching tabs.
            <div key={id} role="tabpanel" id={`panel-${id}`} aria-labelledby={`tab-${id}`} hidden={tab !== id} className={s.panel}>
              {id === 'validate' && <ValidateTab onHeader={setHeader} />}
              {id === 'fill' && <FillTab />}
              {id === 'summary' && <SummaryTab />}
              {id === 'import' && <ImportTab />}
              {id === 'settings' && <SettingsTab active={tab === 'settings'} />}
            </div>
          ))}
          <div aria-live="polite" role="status" className={s.srOnly} data-testid="announce">
            {announce}
          </div>
        </main>
      </PaneContext.Provider>
    </FluentProvider>
  );
}
