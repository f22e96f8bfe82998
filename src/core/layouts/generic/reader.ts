import type { LayoutReader } from '../types';

// Placeholder until this layout is implemented: detects nothing, so it is never chosen.
export const genericLayout: LayoutReader = {
  id: 'generic',
  label: { ja: '汎用(見出し検出)', en: 'Generic (header detection)' },
  detect: () => [],
  read: () => {
    throw new Error('layout generic is not implemented yet');
  },
};
