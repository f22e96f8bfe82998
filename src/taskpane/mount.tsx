import { createRoot } from 'react-dom/client';
import { createExcelHost } from '../adapters/excel/host';
import { keepingHost } from './commands/kept';
import { App } from './components/App';
import { langFromDisplayLanguage } from './i18n';
import { bootFailureText, officeJsSource, officeReady } from './office/boot';

export interface MountOptions {
  /** The add-in page loads office.js itself: if it is missing, that is the failure to report. */
  requireOffice?: boolean;
  timeoutMs?: number;
}

/**
 * Shared by the add-in entry and the playground: both render the same pane on the same host. If
 * Office never becomes ready the pane says why, in plain DOM (nothing else may have loaded).
 */
export async function mountPane(el: HTMLElement, opts: MountOptions = {}): Promise<void> {
  const boot = await officeReady(opts.timeoutMs);
  const lang = langFromDisplayLanguage(boot.displayLanguage);
  document.documentElement.lang = lang === 'ja' ? 'ja' : 'en';
  const failure = boot.state === 'timeout' || (boot.state === 'missing' && opts.requireOffice) ? bootFailureText(boot, officeJsSource()) : null;
  if (failure) {
    el.replaceChildren();
    const box = document.createElement('div');
    box.setAttribute('role', 'alert');
    box.dataset.testid = 'office-boot-failure';
    box.style.cssText = 'margin:12px;padding:12px;border:1px solid #c50f1f;background:#fdf3f4;color:#242424;line-height:1.6;font-size:14px';
    const first = document.createElement('p');
    first.style.margin = '0 0 8px';
    first.textContent = lang === 'ja' ? failure.ja : failure.en;
    const second = document.createElement('p');
    second.style.cssText = 'margin:0;color:#616161;font-size:12px';
    second.lang = lang === 'ja' ? 'en' : 'ja';
    second.textContent = lang === 'ja' ? failure.en : failure.ja;
    box.append(first, second);
    el.append(box);
    return;
  }
  createRoot(el).render(
    <App host={keepingHost(createExcelHost())} initialLang={lang} loadReadGrid={() => import('./commands/xlsx-grid').then((m) => m.readGridFromBytes)} />,
  );
}
