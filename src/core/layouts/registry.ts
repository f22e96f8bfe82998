import { aizuwakamatsuLayout } from './aizuwakamatsu/status-report';
import { genericFormLayout } from './generic/forms';
import { listFormsCombiner } from './generic/list-forms';
import { genericLayout } from './generic/reader';
import { iseharaSheetLayout } from './isehara/item-sheet';
import { iseharaListLayout } from './isehara/list';
import { iseharaCombiner } from './isehara/reconcile';
import { nihonmatsuLayout } from './nihonmatsu/action-plan';
import { tsukubamiraiLayout } from './tsukubamirai/action-plan';
import type { Combiner, LayoutReader } from './types';
import { yuzawaLayout } from './yuzawa/strategy';

/** Every city layout, most specific first; the generic readers (forms, then tables) are the fallback and always last. */
export const LAYOUTS: readonly LayoutReader[] = [
  iseharaListLayout,
  iseharaSheetLayout,
  nihonmatsuLayout,
  yuzawaLayout,
  aizuwakamatsuLayout,
  tsukubamiraiLayout,
  genericFormLayout,
  genericLayout,
];

export const COMBINERS: readonly Combiner[] = [iseharaCombiner, listFormsCombiner];

export function layoutById(id: string): LayoutReader | undefined {
  return LAYOUTS.find((l) => l.id === id);
}

/** The bundled sample of each layout (assets/samples/), in registry order: the playground and the CLI list them. */
export const SAMPLES: readonly { file: string; label: string; layout: string }[] = LAYOUTS.flatMap((l) => (l.sample ? [{ file: l.sample, label: l.label.ja, layout: l.id }] : []));
