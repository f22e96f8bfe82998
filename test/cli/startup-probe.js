/**
 * Preloaded (node -r) by the start-up test: records every module the process requires and whether
 * zod initialised (zod sets globalThis.__zod_globalConfig when its core runs) and which bundles ran
 * from V8's code cache, and prints them to stderr at exit as one `PROBE {json}` line.
 */
const Module = require('node:module');
const fs = require('node:fs');

const loaded = [];
const load = Module._load;
Module._load = function (request, ...rest) {
  if (!request.startsWith('node:') && !Module.builtinModules.includes(request)) loaded.push(request);
  return load.call(this, request, ...rest);
};
process.on('exit', () => {
  // bin/load-bundle.js marks each bundle it loaded with whether V8's code cache was used.
  const caches = Object.fromEntries(Object.values(require.cache).filter((m) => m.codeCache).map((m) => [require('node:path').basename(m.filename), m.codeCache]));
  fs.writeSync(2, `\nPROBE ${JSON.stringify({ loaded, zod: globalThis.__zod_globalConfig !== undefined, caches })}\n`);
});
