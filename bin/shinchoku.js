#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx so `npx shinchoku` works right after `npm ci`,
// with no build step that could leave a stale copy behind.
require('tsx/cjs');
require('../src/cli/main.ts').main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err && err.stack ? err.stack : String(err));
    process.exit(2);
  },
);
