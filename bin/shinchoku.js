#!/usr/bin/env node
// Runs the CLI as built by `npm ci` / `npm install` (the `prepare` script bundles src/cli into
// build/cli/main.js): plain JavaScript, no TypeScript compiled at start-up.
const path = require('node:path');

const dir = path.join(__dirname, '..', 'build', 'cli');
const bundle = path.join(dir, 'main.js');
const argv = process.argv.slice(2);
const langAt = argv.indexOf('--lang');
const english = langAt >= 0 ? argv[langAt + 1] === 'en' : argv.includes('--lang=en') || (process.env.SHINCHOKU_LANG || '').startsWith('en');

let cli;
try {
  require('./load-bundle.js').install(dir);
  cli = require(bundle);
} catch (err) {
  if (err && err.code === 'MODULE_NOT_FOUND' && String(err.message).includes(bundle)) {
    console.error(
      english
        ? 'shinchoku: the command has not been built. Run `npm run build:cli` (npm ci and npm install build it too).'
        : 'shinchoku: コマンドがビルドされていません。`npm run build:cli` を実行してください（npm ci・npm install でも作られます）。',
    );
    process.exitCode = 2;
  } else {
    throw err;
  }
}
// exitCode, not exit(): output to a pipe is written asynchronously and exit() would cut it short.
if (cli) cli.run(argv);
