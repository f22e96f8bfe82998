import type { LayoutReader } from '../types';

// Placeholder until this layout is implemented: detects nothing, so it is never chosen.
export const iseharaListLayout: LayoutReader = {
  id: 'isehara-list',
  label: { ja: '伊勢原市 取組項目一覧', en: 'Isehara item list' },
  detect: () => [],
  read: () => {
    throw new Error('layout isehara-list is not implemented yet');
  },
};
