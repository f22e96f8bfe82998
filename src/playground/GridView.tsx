import { useDeferredValue, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { toA1 } from '../core/grid/a1';
import type { CellValue, WorkbookGrid } from '../core/grid/types';
import type { StandIn } from '../standin';

const MAX_ROWS = 400;
const MAX_COLS = 40;

function colName(c: number): string {
  return toA1(0, c).replace(/\d+$/, '');
}

function show(v: CellValue, format: string | undefined): string {
  if (v === null) return '';
  if (typeof v === 'number' && format?.includes('%')) return `${(v * 100).toFixed(1)}%`;
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 10000) / 10000);
  return String(v);
}

/**
 * What the stand-in holds, re-read on every change, so a person sees what the add-in wrote: cells
 * that differ from the sample as loaded are marked, fills the add-in set are shown, the selection
 * is outlined and scrolled to.
 */
export function GridView({ standIn, baseline }: { standIn: StandIn; baseline: WorkbookGrid }) {
  const version = useSyncExternalStore(
    (cb) => standIn.onChange(cb),
    () => versionOf(standIn),
  );
  // The view stands for Excel's own grid: it follows the pane's writes at lower priority, so
  // redrawing it never holds up what the pane shows (nor the pane's timings in bench/pane.ts).
  const shown = useDeferredValue(version);
  const grid = useMemo(() => standIn.toGrid({ rows: MAX_ROWS, cols: MAX_COLS }), [standIn, shown]);
  const selection = standIn.selection();
  const [sheet, setSheet] = useState(grid.sheets.find((s) => (s.visibility ?? 'visible') === 'visible')?.name ?? '');
  const selectedRef = useRef<HTMLTableCellElement | null>(null);

  useEffect(() => {
    if (selection && selection.sheet !== sheet) setSheet(selection.sheet);
  }, [selection?.sheet, selection?.address]);
  useEffect(() => {
    selectedRef.current?.scrollIntoView({ block: 'center', inline: 'center' });
  }, [selection?.sheet, selection?.address, sheet]);

  const current = grid.sheets.find((s) => s.name === sheet) ?? grid.sheets[0];
  const before = baseline.sheets.find((s) => s.name === current?.name);
  const none: Record<string, string> = {};
  const { fills, numberFormats } = useMemo(() => (current ? standIn.inspect(current.name) : { fills: none, numberFormats: none }), [standIn, shown, current?.name]);
  const rows = Math.min(current?.values.length ?? 0, MAX_ROWS);
  const cols = Math.min(Math.max(0, ...(current?.values.slice(0, rows).map((r) => r.length) ?? [0])), MAX_COLS);
  const selSheet = selection?.sheet;
  const selAddress = selection?.address;
  // Built again only when what it shows changed, not on every notification of the stand-in.
  const { body, written } = useMemo(() => {
    let written = 0;
    const body = [];
    for (let r = 0; r < rows; r++) {
      const cells = [];
      for (let c = 0; c < cols; c++) {
        const v = current.values[r]?.[c] ?? null;
        const was = before?.values[r]?.[c] ?? null;
        const changed = !before || v !== was;
        if (changed && v !== null) written++;
        const addr = toA1(r, c);
        const selected = selSheet === current.name && selAddress === addr;
        const fill = fills[addr];
        cells.push(
          <td
            key={c}
            ref={selected ? selectedRef : undefined}
            data-address={addr}
            data-written={changed && v !== null ? '1' : undefined}
            className={[changed && v !== null ? 'written' : '', selected ? 'selected' : ''].join(' ')}
            style={fill && fill.toUpperCase() !== '#FFFFFF' ? { backgroundColor: fill } : undefined}
            title={`${current.name}!${addr}`}
          >
            {show(v, numberFormats[addr])}
          </td>,
        );
      }
      body.push(
        <tr key={r}>
          <th scope="row">{r + 1}</th>
          {cells}
        </tr>,
      );
    }
    return { body, written };
  }, [current, before, fills, numberFormats, rows, cols, selSheet, selAddress]);

  return (
    <section className="grid-view" aria-label="stand-in workbook">
      <div className="sheet-tabs" role="tablist">
        {grid.sheets.map((s) => (
          <button key={s.name} role="tab" aria-selected={s.name === current?.name} onClick={() => setSheet(s.name)} data-sheet-tab={s.name}>
            {s.name}
            {s.visibility && s.visibility !== 'visible' ? ' (hidden)' : ''}
          </button>
        ))}
      </div>
      <div className="grid-caption" data-testid="grid-caption">
        {current?.name} — {written} written/changed cells
        {selection ? ` — selection ${selection.sheet}!${selection.address}` : ''}
      </div>
      <div className="grid-scroll">
        <table className="grid" data-sheet={current?.name}>
          <thead>
            <tr>
              <th />
              {Array.from({ length: cols }, (_, c) => (
                <th key={c} scope="col">
                  {colName(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{body}</tbody>
        </table>
      </div>
    </section>
  );
}

/** onChange gives no version, so count notifications per stand-in. */
const versions = new WeakMap<StandIn, number>();
const subscribed = new WeakSet<StandIn>();
function versionOf(si: StandIn): number {
  if (!subscribed.has(si)) {
    subscribed.add(si);
    si.onChange(() => versions.set(si, (versions.get(si) ?? 0) + 1));
  }
  return versions.get(si) ?? 0;
}
