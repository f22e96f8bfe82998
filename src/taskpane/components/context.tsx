import { createContext, useContext } from 'react';
import type { ReadGrid } from '../commands/import';
import type { OnStep, PaneHost } from '../commands/types';
import type { Lang, Translate } from '../i18n';

export type Run = <T>(work: (onStep: OnStep) => Promise<T>, done?: (value: T) => string) => Promise<T | undefined>;

/** What every tab needs; commands get the host, components only call run() and render results. */
export interface Pane {
  lang: Lang;
  t: Translate;
  host: PaneHost;
  run: Run;
  /** ExcelJS is loaded only when the 取り込み tab reads a file. */
  loadReadGrid: () => Promise<ReadGrid>;
  busy: boolean;
}

export const PaneContext = createContext<Pane | null>(null);

export function usePane(): Pane {
  const p = useContext(PaneContext);
  if (!p) throw new Error('PaneContext missing');
  return p;
}
