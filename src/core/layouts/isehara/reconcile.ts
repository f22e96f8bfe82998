import type { Combiner } from '../types';

// Placeholder until list/sheet reconciliation is implemented: items are concatenated.
export const iseharaCombiner: Combiner = {
  layouts: ['isehara-list', 'isehara-sheet'],
  combine: (reads) => ({
    ...reads[0],
    items: reads.flatMap((r) => r.items),
    findings: reads.flatMap((r) => r.findings),
    tables: reads.flatMap((r) => r.tables),
  }),
};
