/* eslint-disable */
const path = require('node:path');
const fs = require('node:fs');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_BASE_URL = 'https://localhost:3000';

/**
 * Two entries from one React app:
 *  - taskpane: the production add-in. office.js comes from Microsoft's CDN (script tag in
 *    taskpane.html); the stand-in must never end up in this bundle (checked below).
 *  - playground: the same pane on the in-memory stand-in, with the bundled samples and a grid view.
 * The file reader is split into its own chunk, loaded only when the 取り込み tab reads a file.
 */
module.exports = (env = {}, argv = {}) => {
  const production = argv.mode !== 'development';
  const baseUrl = process.env.ADDIN_BASE_URL || DEV_BASE_URL;
  // `--env only=playground --env out=DIR`: the browser tests build just the playground, elsewhere.
  const only = env.only ? String(env.only).split(',') : ['taskpane', 'playground'];
  const outDir = env.out ? path.resolve(__dirname, String(env.out)) : path.resolve(__dirname, 'dist');

  return {
    entry: Object.fromEntries(
      Object.entries({ taskpane: './src/taskpane/index.tsx', playground: './src/playground/index.tsx' }).filter(([name]) => only.includes(name)),
    ),
    output: {
      path: outDir,
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
    },
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
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
      ...only.map((name) => new HtmlWebpackPlugin({ filename: `${name}.html`, template: `./src/${name}/${name}.html`, chunks: [name] })),
      // The manifest's SupportUrl / LearnMoreUrl: a static page, no bundle.
      new HtmlWebpackPlugin({ filename: 'help.html', template: './src/taskpane/help.html', chunks: [], inject: false }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/icons', to: 'assets/icons', noErrorOnMissing: true },
          { from: 'assets/samples/*.xlsx', to: 'samples/[name][ext]' },
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
    },
    performance: { hints: false },
    devServer: {
      static: { directory: outDir },
      server: 'https',
      port: Number(process.env.PORT || 3000),
      headers: { 'Access-Control-Allow-Origin': '*' },
      hot: false,
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};

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
