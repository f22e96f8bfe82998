import { Button, FluentProvider, Link, makeStyles, Tab, TabList, tokens, webLightTheme } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorText } from '../commands/errors';
import type { ReadGrid } from '../commands/import';
import { inspect, type HeaderInfo } from '../commands/load';
import type { OnStep, PaneHost } from '../commands/types';
import { translator, type Lang, type MessageKey } from '../i18n';
import { Busy, type BusyState } from './Busy';
import { PaneContext, type Pane, type Run, type TabId } from './context';
import { ErrorBar } from './ErrorBar';
import { FillTab } from './FillTab';
import { HeaderCard } from './HeaderCard';
import { ImportTab } from './ImportTab';
import { SettingsTab } from './SettingsTab';
import { SummaryTab } from './SummaryTab';
import { ValidateTab } from './ValidateTab';

const TABS: [TabId, MessageKey][] = [
  ['validate', 'tabValidate'],
  ['fill', 'tabFill'],
  ['summary', 'tabSummary'],
  ['import', 'tabImport'],
  ['settings', 'tabSettings'],
];

/** The help page ships next to the pane (dist/help.html); the manifest's SupportUrl points at it too. */
const HELP_URL = 'help.html';

const useStyles = makeStyles({
  // Excel gives a task pane 320–450 px: nothing may be wider than the pane, at any of those widths.
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    minHeight: '100%',
    boxSizing: 'border-box',
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  top: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  // Excel's pane title bar already names the add-in: the heading stays one modest line.
  title: { margin: 0, flexGrow: 1, minWidth: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
  help: { whiteSpace: 'nowrap', flexShrink: 0 },
  // Five tabs in one row at 320 px in English too; narrower than that they wrap rather than overflow.
  tabs: {
    flexWrap: 'wrap',
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalXXS})`,
    '& button[role="tab"]': { paddingLeft: tokens.spacingHorizontalXXS, paddingRight: tokens.spacingHorizontalXXS },
  },
  // 12 px, as Office's own ribbon labels: five English labels fit 320 px even beside a scrollbar.
  tabLabel: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  panel: { paddingTop: tokens.spacingVerticalXS, minWidth: 0 },
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
  const [focusAfter, setFocusAfter] = useState<string | null>(null);
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
      setError(errorText(e));
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
  // Focus moves once the target tab's panel is shown.
  useEffect(() => {
    if (!focusAfter) return;
    document.getElementById(focusAfter)?.focus();
    setFocusAfter(null);
  }, [focusAfter, tab]);

  const goTo = useCallback((next: TabId, focusId?: string) => {
    setTab(next);
    if (focusId) setFocusAfter(focusId);
  }, []);
  const pane: Pane = { lang, t, host, run, loadReadGrid, busy: busy !== null, header, goTo };

  return (
    <FluentProvider theme={webLightTheme} lang={lang === 'ja' ? 'ja-JP' : 'en-US'} style={{ height: '100%' }}>
      <PaneContext.Provider value={pane}>
        <main className={s.root}>
          <div className={s.top}>
            <h1 className={s.title}>{t('appTitle')}</h1>
            <Link className={s.help} href={HELP_URL} target="_blank" rel="noopener" data-testid="help-link">
              {t('helpLink')}
            </Link>
            <Button className={s.help} size="small" onClick={() => setLang(lang === 'ja' ? 'en' : 'ja')} lang={lang === 'ja' ? 'en' : 'ja'} data-testid="lang-switch">
              {t('langSwitch')}
            </Button>
          </div>
          <HeaderCard info={header} lang={lang} t={t} onReload={reload} busy={busy !== null} />
          {busy && <Busy state={busy} t={t} />}
          {error && <ErrorBar error={error} lang={lang} t={t} onDismiss={() => setError(null)} />}
          <TabList className={s.tabs} selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)} aria-label={t('tabs')} size="small">
            {TABS.map(([id, key]) => (
              <Tab key={id} value={id} id={`tab-${id}`} aria-controls={`panel-${id}`} data-testid={`tab-${id}`}>
                <span className={s.tabLabel}>{t(key)}</span>
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
