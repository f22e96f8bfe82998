#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx so `npx shinchoku` works right after `npm ci`,
// with no build step that could leave a stale copy behind.
const fail = (err) => {
  console.error(err && err.stack ? err.stack.split('\n').filter((l) => l.length < 300).join('\n') : String(err));
  process.exit(2);
};
try {
  require('tsx/cjs');
  require('../src/cli/main.ts')
    .main(process.argv.slice(2))
    .then((code) => process.exit(code), fail);
} catch (err) {
  fail(err);
}
