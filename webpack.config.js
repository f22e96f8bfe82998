/* eslint-disable */
const path = require('node:path');
const fs = require('node:fs');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_BASE_URL = 'https://localhost:3000';
const OFFICE_CDN = 'https://appsforoffice.microsoft.com';

/**
 * Builds, one React app, two products:
 *  - the add-in (default): dist/ holds only what is uploaded to the web server — taskpane.html and
 *    its bundles, help.html, manifest.xml, the icons. office.js comes from Microsoft's CDN.
 *    `--env officejs=self` (npm run build:selfhost) serves office.js from the add-in's own origin
 *    instead, for LGWAN networks without internet: the runtime files are copied from the
 *    @microsoft/office-js package into dist/office/ and the Content-Security-Policy allows only 'self'.
 *  - the playground (`--env only=playground --env out=DIR`): the same pane on the in-memory stand-in,
 *    with the bundled samples, built outside dist/ (npm run playground, the browser tests).
 * The file reader is split into its own chunk, loaded only when the 取り込み tab reads a file.
 */
module.exports = (env = {}, argv = {}) => {
  const production = argv.mode !== 'development';
  const serving = !!env.WEBPACK_SERVE;
  const baseUrl = process.env.ADDIN_BASE_URL || DEV_BASE_URL;
  const only = env.only ? String(env.only).split(',') : ['taskpane'];
  const playground = only.includes('playground');
  const selfHosted = env.officejs === 'self';
  const outDir = env.out ? path.resolve(__dirname, String(env.out)) : path.resolve(__dirname, 'dist');

  return {
    entry: Object.fromEntries(
      Object.entries({
        taskpane: './src/taskpane/index.tsx',
        playground: './src/playground/index.tsx',
        // The browser tests' stand-in for Excel behind the real page (test builds only).
        harness: './src/standin/browser-harness.ts',
      }).filter(([name]) => only.includes(name)),
    ),
    output: {
      path: outDir,
      filename: (data) => (data.chunk.name === 'harness' || !production ? '[name].js' : '[name].[contenthash:8].js'),
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
    },
    // No source maps in what is uploaded; the playground and the dev server keep them.
    devtool: env.devtool === 'none' || (production && !playground) ? false : production ? 'source-map' : 'eval-cheap-module-source-map',
    resolve: {
      extensions: ['.tsx', '.ts', '.js'],
      // The file adapter's reader also has a path-based loader for node; the browser only uses the
      // buffer-based one, so node's fs and path are left out rather than polyfilled.
      fallback: { fs: false, path: false, stream: false, crypto: false },
    },
    module: {
      rules: [
        {
          test: /\.[jt]sx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'swc-loader',
            options: {
              jsc: {
                parser: { syntax: 'typescript', tsx: true },
                transform: { react: { runtime: 'automatic', development: !production } },
                target: 'es2020',
              },
            },
          },
        },
      ],
    },
    plugins: [
      // `node:fs` → `fs`, so the fallback above applies to the scheme-prefixed imports too.
      new webpack.NormalModuleReplacementPlugin(/^node:/, (resource) => {
        resource.request = resource.request.replace(/^node:/, '');
      }),
      ...only.filter((name) => name !== 'harness').map(
        (name) =>
          new HtmlWebpackPlugin({
            filename: `${name}.html`,
            template: `./src/${name}/${name}.html`,
            chunks: [name],
            templateParameters: name === 'taskpane' ? taskpaneParameters({ selfHosted, serving }) : {},
          }),
      ),
      // The manifest's SupportUrl / LearnMoreUrl: a static page, no bundle.
      new HtmlWebpackPlugin({ filename: 'help.html', template: './src/taskpane/help.html', chunks: [], inject: false }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/icons', to: 'assets/icons', noErrorOnMissing: true },
          ...(playground ? [{ from: 'assets/samples/*.xlsx', to: 'samples/[name][ext]' }] : []),
          ...(selfHosted ? officeJsFiles() : []),
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            noErrorOnMissing: true,
            transform: (content) => (production ? renderManifest(content.toString(), baseUrl) : content),
          },
        ],
      }),
      new NoStandInInTaskpane(),
    ],
    optimization: {
      splitChunks: { chunks: 'async' },
      // `--env minimize=false`: the browser test's build of the self-hosted add-in (same code, html,
      // policy and office.js files as what ships, minus minification, which costs minutes).
      ...(env.minimize === 'false' ? { minimize: false } : {}),
    },
    performance: { hints: false },
    devServer: {
      static: { directory: outDir },
      // Only this machine: Office loads the pane from https://localhost, nobody else needs to.
      host: 'localhost',
      allowedHosts: ['localhost'],
      server: devServerHttps(),
      port: Number(process.env.PORT || 3000),
      hot: false,
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};

/**
 * office.js and what it loads at run time, from the npm package (1.1.x): the Excel host files for
 * every platform (office.js picks one by host and platform), the ja-JP and en-US strings (other
 * locales fall back to en-US) and its telemetry sink (loaded relative to office.js).
 */
function officeJsFiles() {
  const dist = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
  const excel = fs.readdirSync(dist).filter((f) => /^excel-[a-z0-9]+-16\.\d\d(-core)?\.js$/.test(f));
  // o15apptofilemappingtable.js: what office.js loads when the host gives no host info (outside Office too).
  const files = ['office.js', 'o15apptofilemappingtable.js', ...excel, 'en-us/office_strings.js', 'ja-jp/office_strings.js', 'telemetry/oteljs_agave.js'];
  return files.map((f) => ({ from: path.join(dist, f), to: `office/${f}` }));
}

/** Where office.js comes from and the Content-Security-Policy that allows only the origins in use. */
function taskpaneParameters({ selfHosted, serving }) {
  const office = selfHosted ? "'self'" : `'self' ${OFFICE_CDN}`;
  const csp = [
    "default-src 'self'",
    `script-src ${office}`,
    // Fluent UI (Griffel) inserts its styles at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    // The dev server's reload socket.
    `connect-src ${office}${serving ? ' wss://localhost:* ws://localhost:*' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
  return {
    officeJs: selfHosted ? 'office/office.js' : `${OFFICE_CDN}/lib/1/hosted/office.js`,
    officeJsNote: selfHosted
      ? 'Self-hosted office.js (npm @microsoft/office-js) for networks without internet access (LGWAN).'
      : "Office requires office.js from Microsoft's CDN for production add-ins.",
    csp,
  };
}

/**
 * HTTPS for the dev server with the trusted development certificate of office-addin-dev-certs
 * (made offline by `npm run certs`; desktop Excel refuses a pane whose certificate it does not
 * trust). Without one, webpack's self-signed certificate: enough for Excel on the web once the
 * browser has accepted it.
 */
function devServerHttps() {
  try {
    const defaults = require('office-addin-dev-certs/lib/defaults');
    const files = [defaults.localhostKeyPath, defaults.localhostCertificatePath, defaults.caCertificatePath];
    if (files.every((f) => fs.existsSync(f))) {
      const [key, cert, ca] = files.map((f) => fs.readFileSync(f));
      return { type: 'https', options: { key, cert, ca } };
    }
  } catch {
    // not installed: fall through
  }
  return 'https';
}

/** Production manifest URLs come from ADDIN_BASE_URL via scripts/manifest.ts (TypeScript, loaded through tsx). */
function renderManifest(source, baseUrl) {
  const file = path.resolve(__dirname, 'scripts/manifest.ts');
  if (!fs.existsSync(file)) return source;
  const { require: tsxRequire } = require('tsx/cjs/api');
  return tsxRequire('./scripts/manifest.ts', __filename).renderManifest(source, baseUrl);
}

/** Fails the build if any module of the stand-in is reachable from the production entry. */
class NoStandInInTaskpane {
  apply(compiler) {
    compiler.hooks.afterCompile.tap('NoStandInInTaskpane', (compilation) => {
      const entry = compilation.entrypoints.get('taskpane');
      if (!entry) return;
      const standIn = path.resolve(__dirname, 'src/standin') + path.sep;
      for (const chunk of entry.getEntrypointChunk().getAllReferencedChunks()) {
        for (const m of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
          const file = m.resource || (m.rootModule && m.rootModule.resource);
          if (file && file.startsWith(standIn)) {
            compilation.errors.push(new webpack.WebpackError(`taskpane bundle must not include the stand-in: ${path.relative(__dirname, file)}`));
          }
        }
      }
    });
  }
}
