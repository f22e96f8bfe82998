import { createRoot, type Root } from 'react-dom/client';
import type { WorkbookGrid } from '../core/grid/types';
import { createStandIn, gridFromXlsxBuffer, installStandIn, type StandIn } from '../standin';
import { mountPane } from '../taskpane/mount';
import { GridView } from './GridView';
import { SAMPLES } from './samples';

export interface PlaygroundOptions {
  sample: string;
  /** A `?sample=` that names no bundled sample: said on the page, and the first sample is loaded. */
  unknownSample?: string;
  displayLanguage: 'ja-JP' | 'en-US';
  /** ExcelApi version the stand-in claims; 1.12 shows the pane's fallbacks (no sheet insertion). */
  apiVersion: string;
  /** Task pane width in px, as Excel gives it (320–450); `?width=320`. */
  paneWidth: number;
}

declare global {
  interface Window {
    /** Test hook for the browser tests: the stand-in as the add-in left it. */
    __shinchoku?: {
      sample: string;
      ready: boolean;
      toGrid(): WorkbookGrid;
      selection(): { sheet: string; address: string } | null;
      standIn: StandIn;
    };
  }
}

export function optionsFromUrl(search: string): PlaygroundOptions {
  const q = new URLSearchParams(search);
  const sample = q.get('sample') ?? SAMPLES[0].file;
  const known = SAMPLES.some((s) => s.file === sample);
  return {
    sample: known ? sample : SAMPLES[0].file,
    ...(known ? {} : { unknownSample: sample }),
    displayLanguage: q.get('lang') === 'en' ? 'en-US' : 'ja-JP',
    apiVersion: /^1\.\d+$/.test(q.get('api') ?? '') ? q.get('api')! : '1.20',
    paneWidth: Math.min(800, Math.max(240, Number(q.get('width')) || 380)),
  };
}

/**
 * Loads a sample into the stand-in, installs it where office.js would put Excel and Office, then
 * mounts the real task pane next to a grid view. Changing sample reloads the page, so no state of
 * the previous workbook can leak into the next.
 */
export async function startPlayground(opts: PlaygroundOptions): Promise<void> {
  document.documentElement.style.setProperty('--pane-width', `${opts.paneWidth}px`);
  const select = document.getElementById('sample') as HTMLSelectElement;
  for (const s of SAMPLES) select.add(new Option(`${s.label} (${s.file})`, s.file, false, s.file === opts.sample));
  if (opts.unknownSample !== undefined) {
    const note = document.getElementById('notice')!;
    note.textContent = `サンプル「${opts.unknownSample}」はありません。${SAMPLES[0].label} を開きました / no sample "${opts.unknownSample}"; opened ${SAMPLES[0].file}. (${SAMPLES.map((s) => s.file).join(', ')})`;
    note.hidden = false;
  }
  select.onchange = () => {
    const q = new URLSearchParams(location.search);
    q.set('sample', select.value);
    location.search = q.toString();
  };
  const res = await fetch(`samples/${opts.sample}`);
  if (!res.ok) throw new Error(`sample ${opts.sample}: HTTP ${res.status}`);
  const baseline = await gridFromXlsxBuffer(await res.arrayBuffer(), opts.sample);
  const standIn = createStandIn(baseline, { displayLanguage: opts.displayLanguage, apiVersion: opts.apiVersion });
  installStandIn(window as unknown as Record<string, unknown>, standIn);
  window.__shinchoku = {
    sample: opts.sample,
    ready: true,
    toGrid: () => standIn.toGrid(),
    selection: () => standIn.selection(),
    standIn,
  };
  const gridRoot: Root = createRoot(document.getElementById('grid')!);
  gridRoot.render(<GridView standIn={standIn} baseline={baseline} />);
  await mountPane(document.getElementById('root')!);
}
