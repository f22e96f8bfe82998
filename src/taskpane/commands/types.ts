import type { ExcelHost } from '../../adapters/excel/host';

/** The pane needs only the host interface; tests pass the stand-in-backed host, Excel the real one. */
export type PaneHost = ExcelHost;

/** Which step long work is on, so the pane can name it next to the progress bar. */
export type Step = 'read' | 'analyse' | 'apply' | 'settings' | 'highlight' | 'importRead' | 'insert';

export type OnStep = (step: Step, progress?: { done: number; total: number }, name?: string) => void;

export const quiet: OnStep = () => undefined;
