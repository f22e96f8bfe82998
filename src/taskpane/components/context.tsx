import { createContext, useContext } from 'react';
import type { ReadGrid } from '../commands/import';
import type { HeaderInfo } from '../commands/load';
import type { OnStep, PaneHost } from '../commands/types';
import type { Lang, Translate } from '../i18n';

export type Run = <T>(work: (onStep: OnStep) => Promise<T>, done?: (value: T) => string) => Promise<T | undefined>;

export type TabId = 'validate' | 'fill' | 'summary' | 'import' | 'settings';

/** What every tab needs; commands get the host, components only call run() and render results. */
export interface Pane {
  lang: Lang;
  t: Translate;
  host: PaneHost;
  run: Run;
  /** ExcelJS is loaded only when the 取り込み tab reads a file. */
  loadReadGrid: () => Promise<ReadGrid>;
  busy: boolean;
  /** What the last read found (layout, year, items, plan tables); null before the first read. */
  header: HeaderInfo | null;
  /** Switches tab and moves focus to the element with this id, if given (a verdict's "do this next"). */
  goTo: (tab: TabId, focusId?: string) => void;
}

export const PaneContext = createContext<Pane | null>(null);

export function usePane(): Pane {
  const p = useContext(PaneContext);
  if (!p) throw new Error('PaneContext missing');
  return p;
}
