/**
 * Loads the CLI bundles in build/cli with V8's code cache (`<bundle>.js.cache`, written by the
 * build): compiling 3.6 MB of JavaScript is a large share of every command's start-up. A cache made
 * by another node version is rejected by V8 and the bundle compiles as usual, so the cache can only
 * make start-up faster, never wrong. Files outside build/cli load the normal way.
 */
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

/** Installs the loader for `dir`; with `write`, (re)writes each bundle's cache after running it. */
function install(dir, { write = false } = {}) {
  const prefix = path.resolve(dir) + path.sep;
  const load = Module._extensions['.js'];
  Module._extensions['.js'] = function (module, filename) {
    const cacheFile = `${filename}.cache`;
    if (!filename.startsWith(prefix) || (!write && !fs.existsSync(cacheFile))) return load(module, filename);
    const source = fs.readFileSync(filename, 'utf8');
    const cachedData = !write && fs.existsSync(cacheFile) ? fs.readFileSync(cacheFile) : undefined;
    const script = new vm.Script(Module.wrap(source), { filename, cachedData });
    const fn = script.runInThisContext({ displayErrors: true });
    const req = (id) => module.require(id);
    req.resolve = (request, options) => Module._resolveFilename(request, module, false, options);
    req.cache = Module._cache;
    req.main = require.main;
    fn.call(module.exports, module.exports, req, module, filename, path.dirname(filename));
    // After running, the cache also holds the functions compiled while the module initialised.
    if (write) fs.writeFileSync(cacheFile, script.createCachedData());
    module.codeCache = cachedData ? (script.cachedDataRejected ? 'rejected' : 'used') : 'none';
  };
}

module.exports = { install };
