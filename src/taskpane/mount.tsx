import { createRoot } from 'react-dom/client';
import { createExcelHost } from '../adapters/excel/host';
import { App } from './components/App';
import { langFromDisplayLanguage } from './i18n';
import { officeReady } from './office/boot';

/** Shared by the add-in entry and the playground: both render the same pane on the same host. */
export async function mountPane(el: HTMLElement): Promise<void> {
  const { displayLanguage } = await officeReady();
  const lang = langFromDisplayLanguage(displayLanguage);
  document.documentElement.lang = lang === 'ja' ? 'ja' : 'en';
  createRoot(el).render(
    <App host={createExcelHost()} initialLang={lang} loadReadGrid={() => import('./commands/xlsx-grid').then((m) => m.readGridFromBytes)} />,
  );
}
