import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'build/', 'coverage/', 'test-artifacts/', 'out/', '.scratch*/', '*.config.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Only the Excel adapter may touch Office.js; only the file adapter may touch ExcelJS.
      'no-restricted-globals': ['error', 'Excel', 'Office'],
    },
  },
  {
    // Plain CommonJS scripts run by node (bin, reporters, build scripts).
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', Buffer: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['exceljs', 'react', 'react-dom', '@fluentui/*', 'node:*', 'fs', 'path'] }],
    },
  },
  {
    files: ['src/adapters/excel/**/*.ts', 'src/taskpane/office/**/*.ts', 'src/taskpane/**/*.tsx', 'test/**/*.ts', 'playground/**/*.ts'],
    rules: { 'no-restricted-globals': 'off' },
  },
);
