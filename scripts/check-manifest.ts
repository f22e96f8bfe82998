import * as path from 'node:path';
import { checkManifest, readManifest, type Finding } from './manifest';

/**
 * Offline manifest check for CI and `npm run validate`: npx tsx scripts/check-manifest.ts [file] [--production]
 * Our rules (scripts/manifest.ts, including the schemas' element order), then Microsoft's own
 * reader from office-addin-manifest (it parses offline; only its `validate` needs the internet) as a
 * second parser whose reading must agree with ours. Exits 1 and prints each problem in Japanese and English.
 */
async function microsoftReading(file: string, xml: string): Promise<Finding[]> {
  let m: typeof import('office-addin-manifest');
  try {
    m = await import('office-addin-manifest');
  } catch {
    return [];
  }
  const out: Finding[] = [];
  try {
    const info = await m.OfficeAddinManifest.readManifestFile(file);
    const want = {
      id: /<Id>([^<]+)<\/Id>/.exec(xml)?.[1],
      version: /<Version>([^<]+)<\/Version>/.exec(xml)?.[1],
      defaultLocale: 'ja-JP',
      permissions: 'ReadWriteDocument',
      hosts: ['Workbook'],
    };
    const got = { id: info.id, version: info.version, defaultLocale: info.defaultLocale, permissions: info.permissions, hosts: info.hosts };
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      out.push({
        rule: 'office-addin-manifest',
        ja: `office-addin-manifest の読み取り結果が想定と違います: ${JSON.stringify(got)}`,
        en: `office-addin-manifest reads the manifest differently: ${JSON.stringify(got)} (expected ${JSON.stringify(want)})`,
      });
    }
  } catch (e) {
    out.push({ rule: 'office-addin-manifest', ja: `office-addin-manifest が読めません: ${(e as Error).message}`, en: `office-addin-manifest cannot read it: ${(e as Error).message}` });
  }
  return out;
}

async function main(argv: string[]): Promise<number> {
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
  if (findings.length === 0) findings.push(...(await microsoftReading(file, xml)));
  if (findings.length === 0) {
    console.log(`マニフェストの確認: 問題なし / Manifest check passed: ${file}`);
    return 0;
  }
  console.error(`マニフェストに ${findings.length} 件の問題があります / ${findings.length} problem(s) in ${file}:`);
  for (const f of findings) console.error(`  [${f.rule}] ${f.ja}\n          ${f.en}`);
  return 1;
}

main(process.argv.slice(2)).then((code) => (process.exitCode = code));
