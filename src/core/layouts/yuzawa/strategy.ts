import type { LayoutReader } from '../types';

// Placeholder until this layout is implemented: detects nothing, so it is never chosen.
export const yuzawaLayout: LayoutReader = {
  id: 'yuzawa',
  label: { ja: '湯沢市 経営戦略', en: 'Yuzawa strategy' },
  detect: () => [],
  read: () => {
    throw new Error('layout yuzawa is not implemented yet');
  },
};
