/** The bundled samples (assets/samples, copied to dist/samples by the build); a unit test keeps this list complete. */
export const SAMPLES: { file: string; label: string }[] = [
  { file: 'isehara-list.xlsx', label: '伊勢原市 取組項目一覧' },
  { file: 'isehara-full.xlsx', label: '伊勢原市 一覧＋個票' },
  { file: 'nihonmatsu.xlsx', label: '二本松市 アクションプラン' },
  { file: 'yuzawa.xlsx', label: '湯沢市 経営戦略' },
  { file: 'aizuwakamatsu.xlsx', label: '会津若松市 取組状況' },
  { file: 'tsukubamirai.xlsx', label: 'つくばみらい市 アクションプラン' },
  { file: 'generic-city.xlsx', label: '汎用(見出し検出)' },
];
