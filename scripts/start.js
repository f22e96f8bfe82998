#!/usr/bin/env node
/**
 * `npm start`: the webpack dev server on https://localhost:3000 (loopback only; Office requires
 * https for add-ins), with the trusted development certificate of office-addin-dev-certs when it has
 * been made (`npm run certs`, offline; desktop Excel refuses a pane whose certificate it does not
 * trust). Sideloads with office-addin-debugging when that is installed (it is not a dependency:
 * sideloading is Windows/Mac only); otherwise prints how to sideload manifest.xml by hand.
 * `npm stop` ends the dev server this script started (its process id is kept in out/dev-server.pid).
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');
const PORT = Number(process.env.PORT || 3000);
const MANIFEST = path.join(ROOT, 'manifest.xml');
const PID_FILE = path.join(ROOT, 'out', 'dev-server.pid');

function has(mod) {
  try {
    require.resolve(mod, { paths: [ROOT] });
    return true;
  } catch {
    return false;
  }
}

function trustedCertificate() {
  try {
    const d = require(require.resolve('office-addin-dev-certs/lib/defaults', { paths: [ROOT] }));
    return [d.localhostKeyPath, d.localhostCertificatePath, d.caCertificatePath].every((f) => fs.existsSync(f));
  } catch {
    return false;
  }
}

function instructions(trusted) {
  const url = `https://localhost:${PORT}`;
  const cert = trusted
    ? ' 証明書: office-addin-dev-certs の開発用証明書(信頼済み)を使っています。\n Certificate: the trusted development certificate of office-addin-dev-certs.'
    : ` 証明書: 開発用証明書がまだありません。デスクトップ版 Excel で使うには一度 npm run certs を実行してください
 (ネットワーク不要。ローカルの認証局を信頼済みにするため管理者権限を求められます)。それまでは自己署名証明書です:
 Excel on the web では先にブラウザーで ${url}/taskpane.html を開き、警告を「詳細設定 → 続行」で許可してください。
 Certificate: no development certificate yet. For desktop Excel run npm run certs once (offline; it asks for
 admin rights to trust a local CA). Until then the certificate is self-signed: for Excel on the web, first open
 ${url}/taskpane.html in the browser and accept the warning (Advanced → Proceed).`;
  console.log(`
────────────────────────────────────────────────────────────────────────
 行革進捗アシスタント 開発サーバー: ${url}/taskpane.html (このパソコンからのみ / this machine only)
 (プレイグラウンド: npm run playground → http://localhost:3001/playground.html)
${cert}

 【サイドロードの手順】office-addin-debugging は入っていないため、手動で読み込みます。
  Excel on the web:
   1. OneDrive / SharePoint でブックを開く
   2. [ホーム] → [アドイン] → [その他のアドイン] → [個人用アドイン]
      → [マイ アドインの管理] → [マイ アドインのアップロード]
   3. ${MANIFEST} を選んで [アップロード]
  Excel デスクトップ (Windows):
   1. manifest.xml のあるフォルダーをネットワーク共有にする
   2. [ファイル] → [オプション] → [トラスト センター] → [トラスト センターの設定]
      → [信頼できるアドイン カタログ] に共有フォルダーの URL を追加し「メニューに表示する」
   3. Excel を再起動し [ホーム] → [アドイン] → [共有フォルダー] から追加
  Excel デスクトップ (Mac):
   ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef に manifest.xml をコピーし、
   Excel を再起動して [ホーム] → [アドイン] から追加

 [Sideloading] office-addin-debugging is not installed, so load the manifest by hand.
  Excel on the web: open a workbook from OneDrive/SharePoint → Home → Add-ins →
     More Add-ins → My Add-ins → Manage My Add-ins → Upload My Add-in → ${MANIFEST}
  Excel desktop (Windows): share the folder holding manifest.xml, add its URL under
     File → Options → Trust Center → Trust Center Settings → Trusted Add-in Catalogs
     ("Show in Menu"), restart Excel, then Home → Add-ins → Shared Folder.
  Excel desktop (Mac): copy manifest.xml to
     ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef, restart Excel,
     then Home → Add-ins.
 停止: npm stop または Ctrl+C / Stop: npm stop or Ctrl+C
────────────────────────────────────────────────────────────────────────
`);
}

function stop() {
  if (!fs.existsSync(PID_FILE)) {
    console.log('開発サーバーは起動していません / No dev server started by npm start is running.');
    return 0;
  }
  const pid = Number(fs.readFileSync(PID_FILE, 'utf8').trim());
  fs.rmSync(PID_FILE, { force: true });
  try {
    process.kill(pid, 'SIGTERM');
    console.log(`開発サーバー (pid ${pid}) を停止しました / Stopped the dev server (pid ${pid}).`);
  } catch {
    console.log(`開発サーバー (pid ${pid}) はもう動いていません / The dev server (pid ${pid}) was not running.`);
  }
  if (has('office-addin-debugging')) {
    const bin = require.resolve('office-addin-debugging/cli.js', { paths: [ROOT] });
    spawn(process.execPath, [bin, 'stop', MANIFEST], { cwd: ROOT, stdio: 'inherit' });
  }
  return 0;
}

function start() {
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
  const server = spawn(process.execPath, [cli, 'serve', '--mode', 'development', '--port', String(PORT)], { cwd: ROOT, stdio: 'inherit' });
  fs.mkdirSync(path.dirname(PID_FILE), { recursive: true });
  fs.writeFileSync(PID_FILE, String(server.pid));
  const cleanup = () => {
    if (fs.existsSync(PID_FILE) && fs.readFileSync(PID_FILE, 'utf8').trim() === String(server.pid)) fs.rmSync(PID_FILE, { force: true });
  };
  server.on('exit', (code) => {
    cleanup();
    process.exit(code ?? 0);
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));

  const trusted = trustedCertificate();
  if (has('office-addin-debugging')) {
    // Sideloads and opens Excel where the platform allows (Windows/Mac desktop, or web with a document URL).
    const bin = require.resolve('office-addin-debugging/cli.js', { paths: [ROOT] });
    spawn(process.execPath, [bin, 'start', MANIFEST, ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit' }).on(
      'exit',
      (code) => {
        if (code !== 0) instructions(trusted);
      },
    );
  } else {
    instructions(trusted);
  }
}

if (process.argv[2] === 'stop') process.exitCode = stop();
else start();
