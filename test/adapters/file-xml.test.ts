import fc from 'fast-check';
import { PackageError } from '../../src/adapters/file/errors';
import { XmlScanner, scanString, type XmlElement, type XmlHandler } from '../../src/adapters/file/package/xml';

/** Records what the scanner reports, for comparing runs. */
function record(xml: string, chunks?: number[]): string[] {
  const events: string[] = [];
  const h: XmlHandler = {
    wantText: true,
    open: (el: XmlElement) => events.push(`<${el.local}|${el.ns}|${el.attrs.join(',')}@${el.start}-${el.end}`),
    close: (el: XmlElement) => events.push(`</${el.local}@${el.closeStart}-${el.closeEnd}`),
    text: (t) => {
      // Text may arrive in pieces; join neighbours so chunking does not show.
      if (events.length && events[events.length - 1].startsWith('T:')) events[events.length - 1] += t;
      else events.push('T:' + t);
    },
  };
  if (!chunks) {
    scanString(xml, h, 'test.xml');
    return events;
  }
  const sc = new XmlScanner(h, 'test.xml');
  let at = 0;
  for (const c of [...chunks.filter((x) => x > 0 && x < xml.length).sort((a, b) => a - b), xml.length]) {
    sc.feed(xml.slice(at, c));
    at = c;
  }
  sc.end();
  return events;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

describe('XML scanner', () => {
  it('resolves default and prefixed namespaces (x:c and c are the same element)', () => {
    const xml = `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const opened: { local: string; ns: string; prefix: string }[] = [];
    scanString(xml, { open: (el) => opened.push({ local: el.local, ns: el.ns, prefix: el.prefix }), close: () => {} }, 't');
    expect(opened.map((o) => o.local)).toEqual(['worksheet', 'sheetData', 'row', 'c', 'v']);
    expect(new Set(opened.map((o) => o.ns))).toEqual(new Set([MAIN]));
    expect(opened[0].prefix).toBe('x');
  });

  it('finds r:id by namespace whatever the prefix is', () => {
    const xml = `<workbook xmlns="${MAIN}" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheet rel:id="rId7" name="a"/></workbook>`;
    let id: string | undefined;
    scanString(
      xml,
      {
        open: (el) => {
          if (el.local === 'sheet') id = el.attrNs('id', ['http://schemas.openxmlformats.org/officeDocument/2006/relationships']);
        },
        close: () => {},
      },
      't',
    );
    expect(id).toBe('rId7');
  });

  it('decodes the five entities, character references and CDATA, and nothing else', () => {
    const ev = record(`<a b="x &amp; &#x41;&#66;&quot;">&lt;1&gt; &apos;<![CDATA[<raw> &amp;]]></a>`);
    expect(ev[0]).toContain('b,x & AB"');
    expect(ev[1]).toBe("T:<1> '<raw> &amp;");
  });

  it.each([
    ['a DTD', '<!DOCTYPE a [<!ENTITY x "xxxxxxxx">]><a>&x;</a>', 'dtd'],
    ['an undefined entity', '<a>&x;</a>', 'bad-xml'],
    ['a bare ampersand', '<a>a & b</a>', 'bad-xml'],
    ['mismatched tags', '<a><b></a>', 'bad-xml'],
    ['an undeclared prefix', '<x:a/>', 'bad-xml'],
    ['a cut-off document', '<a><b>', 'bad-xml'],
  ])('refuses %s', (_what, xml, kind) => {
    let err: unknown;
    try {
      record(xml);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PackageError);
    expect((err as PackageError).kind).toBe(kind);
  });

  it('normalises line ends in text and white space in attributes', () => {
    const ev = record('<a b="1\n2\t3">x\r\ny</a>');
    expect(ev[0]).toContain('b,1 2 3');
    expect(ev[1]).toBe('T:x\ny');
  });

  it('gives the same events and offsets however the text is cut into chunks', () => {
    const xml =
      `<?xml version="1.0"?><x:root xmlns:x="${MAIN}" a='1' b="2&amp;3"><!-- note > here --><x:c r="A1" t="s"><x:v>12</x:v></x:c>` +
      `<x:is><x:t xml:space="preserve"> 全角テキスト &lt;&gt; </x:t></x:is><x:e/><![CDATA[a]]b]]></x:root>`;
    const whole = record(xml);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: xml.length - 1 }), { maxLength: 12 }), (cuts) => {
        expect(record(xml, cuts)).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });
});
