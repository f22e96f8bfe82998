import type { LayoutReader } from '../types';

// Placeholder until this layout is implemented: detects nothing, so it is never chosen.
export const iseharaSheetLayout: LayoutReader = {
  id: 'isehara-sheet',
  label: { ja: '伊勢原市 実施項目・進捗管理シート', en: 'Isehara item sheets' },
  detect: () => [],
  read: () => {
    throw new Error('layout isehara-sheet is not implemented yet');
  },
};
