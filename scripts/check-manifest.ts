import * as path from 'node:path';
import { checkManifest, readManifest } from './manifest';

/**
 * Offline manifest check for CI: npx tsx scripts/check-manifest.ts [file] [--production]
 * Exits 1 and prints each problem in Japanese and English.
 */
function main(argv: string[]): number {
  const production = argv.includes('--production');
  const file = argv.find((a) => !a.startsWith('--')) ?? path.join(__dirname, '..', 'manifest.xml');
  let xml: string;
  try {
    xml = readManifest(file);
  } catch (e) {
    console.error(`マニフェストを読めません / Cannot read the manifest: ${file} (${(e as Error).message})`);
    return 1;
  }
  const findings = checkManifest(xml, { assetsDir: path.join(__dirname, '..', 'assets'), production });
  if (findings.length === 0) {
    console.log(`マニフェストの確認: 問題なし / Manifest check passed: ${file}`);
    return 0;
  }
  console.error(`マニフェストに ${findings.length} 件の問題があります / ${findings.length} problem(s) in ${file}:`);
  for (const f of findings) console.error(`  [${f.rule}] ${f.ja}\n          ${f.en}`);
  return 1;
}

process.exitCode = main(process.argv.slice(2));
