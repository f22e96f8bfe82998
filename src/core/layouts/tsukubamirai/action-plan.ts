import type { LayoutReader } from '../types';

// Placeholder until this layout is implemented: detects nothing, so it is never chosen.
export const tsukubamiraiLayout: LayoutReader = {
  id: 'tsukubamirai',
  label: { ja: 'つくばみらい市 行政改革', en: 'Tsukubamirai reform plan' },
  detect: () => [],
  read: () => {
    throw new Error('layout tsukubamirai is not implemented yet');
  },
};
