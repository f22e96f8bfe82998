#!/usr/bin/env node
/**
 * `npm start`: webpack dev server on https://localhost:3000 (Office requires https for add-ins).
 * Sideloads with office-addin-debugging when it is installed; it is not a dependency of this repo,
 * so by default this prints how to sideload manifest.xml by hand, in Japanese and English.
 */
const path = require('node:path');
const { spawn } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');
const PORT = Number(process.env.PORT || 3000);
const MANIFEST = path.join(ROOT, 'manifest.xml');

function has(mod) {
  try {
    require.resolve(mod, { paths: [ROOT] });
    return true;
  } catch {
    return false;
  }
}

function instructions() {
  const url = `https://localhost:${PORT}`;
  console.log(`
────────────────────────────────────────────────────────────────────────
 行革進捗アシスタント 開発サーバー: ${url}/taskpane.html
 (プレイグラウンド: npm run playground → http://localhost:3001/playground.html)

 【サイドロードの手順】office-addin-debugging は入っていないため、手動で読み込みます。
  0. まずブラウザーで ${url}/taskpane.html を開き、自己署名証明書の警告を
     「詳細設定 → 続行」で許可してください(Excel から読み込めるようにするため)。
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
  0. First open ${url}/taskpane.html in a browser and accept the self-signed
     certificate (Advanced → Proceed) so Excel can load the pane.
  Excel on the web: open a workbook from OneDrive/SharePoint → Home → Add-ins →
     More Add-ins → My Add-ins → Manage My Add-ins → Upload My Add-in → ${MANIFEST}
  Excel desktop (Windows): share the folder holding manifest.xml, add its URL under
     File → Options → Trust Center → Trust Center Settings → Trusted Add-in Catalogs
     ("Show in Menu"), restart Excel, then Home → Add-ins → Shared Folder.
  Excel desktop (Mac): copy manifest.xml to
     ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef, restart Excel,
     then Home → Add-ins.
 Ctrl+C で停止 / Ctrl+C to stop
────────────────────────────────────────────────────────────────────────
`);
}

const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
const server = spawn(process.execPath, [cli, 'serve', '--mode', 'development', '--port', String(PORT)], { cwd: ROOT, stdio: 'inherit' });
server.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));

if (has('office-addin-debugging')) {
  // Sideloads and opens Excel where the platform allows (Windows/Mac desktop, or web with a document URL).
  const bin = require.resolve('office-addin-debugging/cli.js', { paths: [ROOT] });
  const args = [bin, 'start', MANIFEST, ...process.argv.slice(2)];
  spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit' }).on('exit', (code) => {
    if (code !== 0) instructions();
  });
} else {
  instructions();
}
