import type { LayoutReader } from '../types';

// Placeholder until this layout is implemented: detects nothing, so it is never chosen.
export const aizuwakamatsuLayout: LayoutReader = {
  id: 'aizuwakamatsu',
  label: { ja: '会津若松市 取組状況報告', en: 'Aizuwakamatsu status report' },
  detect: () => [],
  read: () => {
    throw new Error('layout aizuwakamatsu is not implemented yet');
  },
};
