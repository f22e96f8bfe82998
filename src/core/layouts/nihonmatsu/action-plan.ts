import type { LayoutReader } from '../types';

// Placeholder until this layout is implemented: detects nothing, so it is never chosen.
export const nihonmatsuLayout: LayoutReader = {
  id: 'nihonmatsu',
  label: { ja: '二本松市 実施計画', en: 'Nihonmatsu action plan' },
  detect: () => [],
  read: () => {
    throw new Error('layout nihonmatsu is not implemented yet');
  },
};
