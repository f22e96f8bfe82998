#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx so `npx shinchoku` works right after `npm ci`,
// with no build step that could leave a stale copy behind.
const fail = (err) => {
  console.error(err && err.stack ? err.stack.split('\n').filter((l) => l.length < 300).join('\n') : String(err));
  process.exitCode = 2;
};
try {
  require('tsx/cjs');
  require('../src/cli/main.ts')
    .main(process.argv.slice(2))
    // exitCode, not exit(): output to a pipe is written asynchronously and exit() would cut it short.
    .then((code) => {
      process.exitCode = code;
    }, fail);
} catch (err) {
  fail(err);
}
