#!/usr/bin/env node
/**
 * `npm run playground`: builds the playground into out/playground/ (never into dist/, which holds
 * only the add-in) when a source is newer than the last build, then serves it on
 * http://localhost:3001/playground.html with a tiny static server on the loopback interface (no https
 * needed: the stand-in replaces office.js, so Office's https rule does not apply). Also used by the
 * browser tests.
 */
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');
const INPUTS = ['src', 'assets/samples', 'assets/icons', 'webpack.config.js', 'manifest.xml'];
const OUT = path.join(ROOT, 'out', 'playground');
const PLAYGROUND_ARGS = ['--mode', 'production', '--env', 'only=playground', '--env', `out=${path.relative(ROOT, OUT)}`];
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.txt': 'text/plain; charset=utf-8',
};

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const e of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, e)));
  return newest;
}

/** Builds into outDir unless its `marker` file is newer than every input. Returns whether it built. */
function ensureBuild({ outDir = OUT, webpackArgs = PLAYGROUND_ARGS, marker = 'playground.html', log = console.log } = {}) {
  const built = path.join(outDir, marker);
  const inputs = Math.max(...INPUTS.map((p) => newestMtime(path.join(ROOT, p))));
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs > inputs) return false;
  log(`building ${path.relative(ROOT, outDir) || '.'} (webpack ${webpackArgs.join(' ')}) …`);
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
  const r = spawnSync(process.execPath, [cli, ...webpackArgs], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(r.stdout + r.stderr);
    throw new Error('webpack build failed');
  }
  return true;
}

/** Serves dir on 127.0.0.1:port (0 = any free port); resolves with the server and its port. */
function serve(dir, port = 0, { index = 'playground.html', mounts = {} } = {}) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let rel = decodeURIComponent(url.pathname).replace(/^\/+/, '') || index;
    let root = dir;
    // Extra directories under a prefix (the browser tests' host emulation), same origin.
    for (const [prefix, target] of Object.entries(mounts)) {
      if (rel.startsWith(`${prefix}/`)) {
        root = target;
        rel = rel.slice(prefix.length + 1);
      }
    }
    const file = path.resolve(root, rel);
    if (!file.startsWith(path.resolve(root) + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve({ server, port: server.address().port }));
  });
}

module.exports = { ensureBuild, serve, ROOT, OUT };

if (require.main === module) {
  const port = Number(process.env.PORT || 3001);
  try {
    ensureBuild();
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
  serve(OUT, port).then(
    ({ port: p }) => {
      console.log(`\nプレイグラウンド / playground: http://localhost:${p}/playground.html`);
      console.log('  ?sample=nihonmatsu.xlsx  別のサンプル / another sample');
      console.log('  ?lang=en                 英語の Office として / as English Office');
      console.log('  ?api=1.12                古い Excel として (シート取り込みなし) / as an older Excel');
      console.log('Ctrl+C で終了 / to stop');
    },
    (e) => {
      console.error(`ポート ${port} を開けません / cannot listen on port ${port}: ${e.message}`);
      process.exit(1);
    },
  );
}
