import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The add-in manifest's one source of truth: webpack renders the production manifest from
 * manifest.xml with renderManifest(), and the offline check (scripts/check-manifest.ts, tests) runs
 * checkManifest() on either. Microsoft's validator needs the internet; this does not.
 */
export const DEV_BASE_URL = 'https://localhost:3000';

/** The production manifest: every dev URL moved to `baseUrl` (https, no trailing slash needed). */
export function renderManifest(source: string, baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  return source.split(DEV_BASE_URL).join(base);
}

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export class XmlError extends Error {}

/** A small strict parser: enough to prove well-formedness and walk the manifest. */
export function parseXml(xml: string): XmlElement {
  let i = 0;
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  const fail = (msg: string): never => {
    const line = xml.slice(0, i).split('\n').length;
    throw new XmlError(`${msg} (line ${line})`);
  };
  const checkEntities = (s: string) => {
    for (const m of s.matchAll(/&([^;\s]*);?/g)) {
      if (!m[0].endsWith(';') || !/^(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+)$/.test(m[1])) fail(`bad entity '${m[0]}'`);
    }
  };
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
      .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
      .replace(/&amp;/g, '&');
  if (xml.charCodeAt(0) === 0xfeff) i = 1;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (text.trim()) {
      if (stack.length === 1) fail('text outside the root element');
      checkEntities(text);
      stack[stack.length - 1].text += decode(text);
    }
    if (lt < 0) break;
    i = lt;
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      if (end < 0) fail('unclosed comment');
      i = end + 3;
    } else if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i + 2);
      if (end < 0) fail('unclosed processing instruction');
      i = end + 2;
    } else if (xml.startsWith('<![CDATA[', i)) {
      const end = xml.indexOf(']]>', i);
      if (end < 0) fail('unclosed CDATA');
      stack[stack.length - 1].text += xml.slice(i + 9, end);
      i = end + 3;
    } else if (xml.startsWith('<!', i)) {
      fail('DOCTYPE and declarations are not allowed in a manifest');
    } else if (xml.startsWith('</', i)) {
      const m = /^<\/([\w:.-]+)\s*>/.exec(xml.slice(i));
      if (!m) fail('bad closing tag');
      const open = stack.pop()!;
      if (open.name !== m![1]) fail(`</${m![1]}> closes <${open.name}>`);
      i += m![0].length;
    } else {
      const m = /^<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/.exec(xml.slice(i));
      if (!m) fail('bad start tag');
      const el: XmlElement = { name: m![1], attrs: {}, children: [], text: '' };
      for (const a of m![2].matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        if (a[1] in el.attrs) fail(`duplicate attribute ${a[1]}`);
        const v = a[2] ?? a[3];
        checkEntities(v);
        el.attrs[a[1]] = decode(v);
      }
      const parent = stack[stack.length - 1];
      if (parent === root && root.children.length > 0) fail('more than one root element');
      parent.children.push(el);
      if (!m![3]) stack.push(el);
      i += m![0].length;
    }
  }
  if (stack.length !== 1) fail(`<${stack[stack.length - 1].name}> is not closed`);
  if (root.children.length !== 1) fail('no root element');
  return root.children[0];
}

const local = (name: string) => name.replace(/^.*:/, '');

export function findAll(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (local(c.name) === name) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => local(c.name) === name);
}

export interface Finding {
  rule: string;
  ja: string;
  en: string;
}

export interface CheckOptions {
  /** Directory that https://localhost:3000/assets/… maps to (the repo's assets/). */
  assetsDir: string;
  /** Production check: localhost URLs are an error. */
  production?: boolean;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The order Microsoft's schemas ([MS-OWEMXML]: OfficeAppManifestV1_1.xsd for a TaskPaneApp,
 * TaskPaneAppVersionOverridesV1_0.xsd, OfficeAppBasicTypesV1_0.xsd) require of the children of each
 * element we use. Office rejects a manifest out of order ("Expected is …"); xs:sequence, so an
 * element may be absent but never earlier than one listed before it.
 */
export const SCHEMA_ORDER: Record<string, string[]> = {
  OfficeApp: [
    'Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl',
    'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions',
    'Dictionary', 'VersionOverrides',
  ],
  VersionOverrides: ['Description', 'Requirements', 'Hosts', 'Resources', 'WebApplicationInfo', 'EquivalentAddins'],
  DesktopFormFactor: ['GetStarted', 'FunctionFile', 'ExtensionPoint'],
  GetStarted: ['Title', 'Description', 'LearnMoreUrl'],
  Group: ['Label', 'Icon', 'Control'],
  Control: ['Label', 'Supertip', 'Icon', 'Action'],
  Supertip: ['Title', 'Description'],
  Action: ['TaskpaneId', 'SourceLocation', 'Title'],
  Resources: ['Images', 'Urls', 'ShortStrings', 'LongStrings'],
};

/** Children out of the schema's order (and unknown ones), as findings. */
function checkOrder(el: XmlElement, add: (rule: string, ja: string, en: string) => void): void {
  const order = SCHEMA_ORDER[local(el.name)];
  if (order) {
    let last = -1;
    for (const c of el.children) {
      const name = local(c.name);
      const at = order.indexOf(name);
      if (at < 0) {
        add('order', `<${local(el.name)}> に、スキーマにない要素 <${name}> があります。`, `<${local(el.name)}> has <${name}>, which its schema does not allow.`);
      } else if (at < last) {
        add(
          'order',
          `<${local(el.name)}> の中で <${name}> は <${order[last]}> より前に置く必要があります(スキーマの順序: ${order.join(', ')})。`,
          `In <${local(el.name)}>, <${name}> must come before <${order[last]}> (schema order: ${order.join(', ')}).`,
        );
      } else last = at;
    }
  }
  el.children.forEach((c) => checkOrder(c, add));
}
const EN = 'en-US';

/** Offline rules for an XML add-in manifest; an empty list means it passed. */
export function checkManifest(xml: string, opts: CheckOptions): Finding[] {
  const out: Finding[] = [];
  const add = (rule: string, ja: string, en: string) => out.push({ rule, ja, en });
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (e) {
    add('xml', `XML として正しくありません: ${(e as Error).message}`, `Not well-formed XML: ${(e as Error).message}`);
    return out;
  }
  if (local(root.name) !== 'OfficeApp' || root.attrs['xsi:type'] !== 'TaskPaneApp') {
    add('root', 'ルート要素が OfficeApp (xsi:type="TaskPaneApp") ではありません。', 'The root is not OfficeApp with xsi:type="TaskPaneApp".');
  }
  checkOrder(root, add);
  if (child(root, 'AppDomains')?.children.length) {
    add(
      'appdomains',
      'AppDomains は不要です(SourceLocation と同じドメインを挙げても効果がなく、誤解を招く、と Microsoft は説明しています)。削除してください。',
      'Remove AppDomains: listing the SourceLocation domain "has no effect and may be misleading" (Microsoft).',
    );
  }
  if (findAll(root, 'FunctionFile').length > 0 && !findAll(root, 'Action').some((a) => a.attrs['xsi:type'] === 'ExecuteFunction')) {
    add(
      'functionfile',
      'FunctionFile は ExecuteFunction のコマンドがあるときだけ使います。作業ウィンドウを開くだけのマニフェストでは削除してください。',
      'FunctionFile is only for ExecuteFunction commands; remove it when the commands only open the task pane.',
    );
  }
  const text = (name: string) => child(root, name)?.text.trim() ?? '';
  if (!GUID.test(text('Id'))) add('id', `Id「${text('Id')}」が GUID 形式ではありません。`, `Id "${text('Id')}" is not a GUID.`);
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(text('Version'))) {
    add('version', `Version「${text('Version')}」は a.b.c.d の形式にしてください。`, `Version "${text('Version')}" must be a.b.c.d.`);
  }
  if (!text('ProviderName')) add('provider', 'ProviderName がありません。', 'ProviderName is missing.');
  if (text('DefaultLocale') !== 'ja-JP') {
    add('locale', `DefaultLocale は ja-JP にしてください(現在「${text('DefaultLocale')}」)。`, `DefaultLocale must be ja-JP (is "${text('DefaultLocale')}").`);
  }
  if (text('Permissions') !== 'ReadWriteDocument') {
    add('permissions', 'Permissions は ReadWriteDocument にしてください。', 'Permissions must be ReadWriteDocument.');
  }
  const hosts = child(root, 'Hosts')?.children.map((h) => h.attrs.Name) ?? [];
  if (!hosts.includes('Workbook')) add('host', 'Hosts に Workbook (Excel) がありません。', 'Hosts does not include Workbook (Excel).');
  const sets = findAll(child(root, 'Requirements') ?? { name: '', attrs: {}, children: [], text: '' }, 'Set');
  const excel = sets.find((s) => s.attrs.Name === 'ExcelApi');
  if (!excel || !/^\d+\.\d+$/.test(excel.attrs.MinVersion ?? '')) {
    add('requirements', 'Requirements に ExcelApi の要求セット(MinVersion)がありません。', 'Requirements lacks an ExcelApi set with MinVersion.');
  }
  if (!child(child(root, 'DefaultSettings') ?? root, 'SourceLocation')) {
    add('source', 'DefaultSettings/SourceLocation がありません。', 'DefaultSettings/SourceLocation is missing.');
  }

  // Every URL, wherever it is: https only, and the icons must exist.
  const urls: { where: string; url: string }[] = [];
  const walk = (e: XmlElement) => {
    for (const [k, v] of Object.entries(e.attrs)) if (/^[a-z][\w+.-]*:\/\//i.test(v)) urls.push({ where: `${local(e.name)}@${k}`, url: v });
    if (/^[a-z][\w+.-]*:\/\//i.test(e.text.trim())) urls.push({ where: local(e.name), url: e.text.trim() });
    e.children.forEach(walk);
  };
  walk(root);
  for (const { where, url } of urls) {
    if (where.endsWith('@xmlns') || where.includes('@xmlns:') || /schemas\.microsoft\.com|www\.w3\.org/.test(url)) continue;
    if (!url.startsWith('https://')) add('https', `URL は https にしてください: ${url}(${where})`, `URL must be https: ${url} (${where})`);
    if (opts.production && /\/\/(localhost|127\.0\.0\.1)/.test(url)) {
      add('localhost', `本番用マニフェストに localhost の URL があります: ${url}`, `Production manifest has a localhost URL: ${url}`);
    }
  }
  const icons = [
    ...['IconUrl', 'HighResolutionIconUrl'].map((n) => child(root, n)?.attrs.DefaultValue).filter(Boolean),
    ...findAll(root, 'Image').map((e) => e.attrs.DefaultValue).filter(Boolean),
  ] as string[];
  for (const u of icons) {
    const m = /^https:\/\/(?:localhost|127\.0\.0\.1)(?::\d+)?\/assets\/(.+)$/.exec(u);
    if (!m) continue;
    const file = path.join(opts.assetsDir, ...m[1].split('/'));
    if (!fs.existsSync(file)) add('icon', `アイコンのファイルがありません: ${u} → ${file}`, `Icon file missing: ${u} → ${file}`);
  }

  // Strings shown to users exist in both languages.
  for (const name of ['DisplayName', 'Description']) {
    const el = child(root, name);
    if (!el?.attrs.DefaultValue) add('strings', `${name} がありません。`, `${name} is missing.`);
    else if (!el.children.some((o) => o.attrs.Locale === 'en-US' && o.attrs.Value)) {
      add('strings', `${name} に en-US の Override がありません。`, `${name} has no en-US Override.`);
    }
  }
  for (const s of findAll(root, 'String')) {
    if (!s.attrs.DefaultValue) add('strings', `文字列 ${s.attrs.id} に日本語の既定値がありません。`, `String ${s.attrs.id} has no (ja-JP) default.`);
    if (!s.children.some((o) => local(o.name) === 'Override' && o.attrs.Locale === 'en-US' && o.attrs.Value)) {
      add('strings', `文字列 ${s.attrs.id} に en-US の訳がありません。`, `String ${s.attrs.id} has no en-US override.`);
    }
  }
  const ids = new Set([...findAll(root, 'Image'), ...findAll(root, 'Url'), ...findAll(root, 'String')].map((e) => e.attrs.id).filter(Boolean));
  const walkRes = (e: XmlElement) => {
    const r = e.attrs.resid;
    if (r && !ids.has(r)) add('resid', `resid「${r}」に対応するリソースがありません。`, `resid "${r}" has no resource.`);
    e.children.forEach(walkRes);
  };
  walkRes(root);
  if (!xml.includes(`Locale="${EN}"`)) add('strings', `${EN} の文字列がありません。`, `No ${EN} strings.`);
  return out;
}

export function readManifest(file: string): string {
  return fs.readFileSync(file, 'utf8');
}
