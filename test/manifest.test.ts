import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkManifest, parseXml, renderManifest, XmlError } from '../scripts/manifest';

const ROOT = path.join(__dirname, '..');
const source = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const assetsDir = path.join(ROOT, 'assets');
const rules = (xml: string, production = false) => checkManifest(xml, { assetsDir, production }).map((f) => f.rule);

describe('manifest.xml offline check', () => {
  test('the real manifest passes', () => {
    expect(checkManifest(source, { assetsDir })).toEqual([]);
  });

  test('states ExcelApi 1.13, ja-JP default, ReadWriteDocument and a Home-tab button', () => {
    expect(source).toMatch(/<Set Name="ExcelApi" MinVersion="1\.13"\/>/);
    expect(source).toMatch(/<DefaultLocale>ja-JP<\/DefaultLocale>/);
    expect(source).toMatch(/<OfficeTab id="TabHome">/);
    expect(source).toMatch(/taskpane\.html/);
  });

  test('an http URL fails', () => {
    const bad = source.replace('https://localhost:3000/help.html', 'http://localhost:3000/help.html');
    expect(rules(bad)).toContain('https');
  });

  test('a missing icon fails', () => {
    const bad = source.replace('icon-80.png', 'icon-99.png');
    const f = checkManifest(bad, { assetsDir });
    expect(f.map((x) => x.rule)).toEqual(['icon']);
    expect(f[0].ja).toContain('icon-99.png');
    expect(f[0].en).toContain('icon-99.png');
  });

  test.each([
    ['Id not a GUID', (s: string) => s.replace(/<Id>[^<]+<\/Id>/, '<Id>my-addin</Id>'), 'id'],
    ['three-part version', (s: string) => s.replace('<Version>1.0.0.0</Version>', '<Version>1.0.0</Version>'), 'version'],
    ['en-US default locale', (s: string) => s.replace('<DefaultLocale>ja-JP</DefaultLocale>', '<DefaultLocale>en-US</DefaultLocale>'), 'locale'],
    ['ReadDocument', (s: string) => s.replace('ReadWriteDocument', 'ReadDocument'), 'permissions'],
    ['no requirement set', (s: string) => s.replace(/<Requirements>[\s\S]*?<\/Requirements>/, ''), 'requirements'],
    ['missing English display name', (s: string) => s.replace(/<Override Locale="en-US" Value="Shinchoku reform progress assistant"\/>/, ''), 'strings'],
    ['dangling resid', (s: string) => s.replace('resid="Group.Label"', 'resid="Group.Nope"'), 'resid'],
    ['unclosed element', (s: string) => s.replace('</Hosts>\n  <Requirements>', '\n  <Requirements>'), 'xml'],
  ])('%s fails', (_, edit, rule) => {
    expect(rules(edit(source))).toContain(rule);
  });

  test('renderManifest moves every URL to the production base and the result passes the production check', () => {
    const prod = renderManifest(source, 'https://shinchoku.example.jp/addin/');
    expect(prod).not.toContain('localhost');
    expect(prod).toContain('https://shinchoku.example.jp/addin/taskpane.html');
    // Icons are no longer local files, so only the URL rules apply.
    expect(checkManifest(prod, { assetsDir, production: true })).toEqual([]);
    expect(rules(source, true)).toContain('localhost');
  });

  test('the schema order is enforced: <Requirements> after <DefaultSettings> fails (Office says "Expected is Permissions")', () => {
    const moved = source.replace(/\s*<Requirements>[\s\S]*?<\/Requirements>/, '').replace('<Permissions>', `<Requirements><Sets DefaultMinVersion="1.13"><Set Name="ExcelApi" MinVersion="1.13"/></Sets></Requirements>\n  <Permissions>`);
    const f = checkManifest(moved, { assetsDir });
    expect(f.map((x) => x.rule)).toEqual(['order']);
    expect(f[0].en).toContain('<Requirements> must come before <DefaultSettings>');
  });

  test.each([
    ['GetStarted after the command surface', (s: string) => s.replace(/(\s*<GetStarted>[\s\S]*?<\/GetStarted>)([\s\S]*?<\/ExtensionPoint>)/, '$2$1')],
    ['Supertip before Label', (s: string) => s.replace(/(<Control xsi:type="Button" id="Shinchoku.OpenTaskpane">\s*)(<Label resid="OpenButton.Label"\/>\s*)(<Supertip>[\s\S]*?<\/Supertip>)/, '$1$3$2')],
    ['LongStrings before ShortStrings', (s: string) => s.replace(/(\s*<bt:ShortStrings>[\s\S]*?<\/bt:ShortStrings>)(\s*<bt:LongStrings>[\s\S]*?<\/bt:LongStrings>)/, '$2$1')],
  ])('order inside the overrides: %s fails', (_, edit) => {
    const bad = edit(source);
    expect(bad).not.toBe(source);
    expect(rules(bad)).toContain('order');
  });

  test('no AppDomains and no FunctionFile (they are refused if put back)', () => {
    expect(source).not.toMatch(/<AppDomains>/);
    expect(source).not.toMatch(/<FunctionFile/);
    const withDomains = source.replace('<Hosts>', '<AppDomains>\n    <AppDomain>https://localhost:3000</AppDomain>\n  </AppDomains>\n  <Hosts>');
    expect(rules(withDomains)).toEqual(['appdomains']);
    const withFunctionFile = source.replace('<ExtensionPoint', '<FunctionFile resid="Taskpane.Url"/>\n          <ExtensionPoint');
    expect(rules(withFunctionFile)).toEqual(['functionfile']);
  });

  test('parseXml rejects what is not XML', () => {
    expect(() => parseXml('<a><b></a>')).toThrow(XmlError);
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow(XmlError);
    expect(() => parseXml('<a>&nbsp;</a>')).toThrow(XmlError);
    expect(parseXml('<a x="&amp;">t&lt;</a>')).toMatchObject({ name: 'a', attrs: { x: '&' }, text: 't<' });
  });
});
