import { nodeCodec } from '../../src/adapters/file/package/node-codec';
import { readZip } from '../../src/adapters/file/package/zip';
import { gridFromXlsxBytes, openXlsx } from '../../src/adapters/file/read/grid';
import { WorkbookEditor } from '../../src/adapters/file/write/editor';
import { commentsOf } from '../../src/adapters/file/write/notes';
import { isAssistantNote, NOTE_AUTHOR } from '../../src/core/plan/notes';
import type { CellWrite, WritePlan } from '../../src/core/plan/write-plan';
import { book, MAIN, REL, type BookOptions } from './file-helpers';

/**
 * Cell notes written into the package as Excel writes them (comments part + VML drawing +
 * legacyDrawing + relationships + content types), beside whatever notes, threads and shapes staff have.
 */
const plan = (writes: Partial<CellWrite>[]): WritePlan => ({
  label: 'fill',
  writes: writes.map((w) => ({ sheet: 'S', address: 'A1', value: null, expect: null, reason: 'rating', ...w }) as CellWrite),
  sheets: [],
});

async function edit(bytes: Uint8Array, plans: WritePlan[]) {
  const wp = await openXlsx(bytes, 'in.xlsx', { codec: nodeCodec });
  const ed = new WorkbookEditor(wp);
  const results = [];
  for (const p of plans) results.push(await ed.apply(p, { hasFormulas: false }));
  const out = await ed.toBytes();
  return { out, results, changed: ed.changedParts.sort() };
}

async function text(bytes: Uint8Array, name: string): Promise<string> {
  return (await openXlsx(bytes, 'x.xlsx', { codec: nodeCodec })).pkg.text(name);
}

const parts = (bytes: Uint8Array) => new Map(readZip(bytes).map((e) => [e.name, e]));

const rows = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2"><v>1</v></c></row><row r="3"><c r="A3"><v>2</v></c></row><row r="4"><c r="A4"><v>3</v></c></row>';
const plain: BookOptions = { sheets: [{ name: 'S', rows }], strings: ['No.', '評価'] };

describe('a sheet without notes', () => {
  it('gets a comments part, a VML drawing, the relationships, content types and <legacyDrawing>', async () => {
    const { out, results, changed } = await edit(book(plain), [plan([
      { address: 'B2', value: 'A', note: '評価の候補「A」。確認してください。' },
      { address: 'B3', value: 'B', note: 'Why: <&> "quoted" _x0041_' },
      { address: 'B4', value: 'C' },
    ])]);
    expect(results[0].cellNotes).toEqual({ added: 2, updated: 0, notWritten: [] });
    expect(changed).toEqual(['[Content_Types].xml', 'xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml', 'xl/sharedStrings.xml', 'xl/worksheets/_rels/sheet1.xml.rels', 'xl/worksheets/sheet1.xml']);
    const comments = commentsOf(await text(out, 'xl/comments1.xml'));
    expect(comments).toEqual([
      { ref: 'B2', text: `${NOTE_AUTHOR}:\n評価の候補「A」。確認してください。` },
      { ref: 'B3', text: `${NOTE_AUTHOR}:\nWhy: <&> "quoted" _x0041_` },
    ]);
    expect(comments.every((c) => isAssistantNote(c.text))).toBe(true);
    const xml = await text(out, 'xl/comments1.xml');
    expect(xml).toContain(`<authors><author>${NOTE_AUTHOR}</author></authors>`);
    expect(xml).toContain('_x005F_x0041_');
    const vml = await text(out, 'xl/drawings/vmlDrawing1.vml');
    expect(vml).toMatch(/<o:idmap v:ext="edit" data="1"\/>/);
    expect([...vml.matchAll(/id="(_x0000_s\d+)"/g)].map((m) => m[1])).toEqual(['_x0000_s1025', '_x0000_s1026']);
    expect([...vml.matchAll(/<x:Row>(\d+)<\/x:Row><x:Column>(\d+)<\/x:Column>/g)].map((m) => `${m[1]},${m[2]}`)).toEqual(['1,1', '2,1']);
    const rels = await text(out, 'xl/worksheets/_rels/sheet1.xml.rels');
    expect(rels).toContain(`Type="${REL}/comments" Target="../comments1.xml"`);
    const vmlRid = /Id="(rId\d+)" Type="[^"]*\/vmlDrawing" Target="..\/drawings\/vmlDrawing1.vml"/.exec(rels)![1];
    expect(await text(out, 'xl/worksheets/sheet1.xml')).toMatch(new RegExp(`</sheetData><legacyDrawing r:id="${vmlRid}"/></worksheet>$`));
    const ct = await text(out, '[Content_Types].xml');
    expect(ct).toContain('<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>');
    expect(ct).toContain('<Override PartName="/xl/drawings/vmlDrawing1.vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>');
    // The values are written as ever.
    const grid = await gridFromXlsxBytes(out, 'o.xlsx', { codec: nodeCodec });
    expect(grid.sheets[0].values.map((r) => r[1])).toEqual(['評価', 'A', 'B', 'C']);
  });

  it('a note goes only on a cell that was written: a cell that changed since the read gets neither', async () => {
    const { out, results } = await edit(book(plain), [plan([
      { address: 'A2', value: 'x', expect: 99, note: 'never' },
      { address: 'B2', value: 'A', note: 'ok' },
    ])]);
    expect(results[0].conflicts.map((c) => c.address)).toEqual(['A2']);
    expect(results[0].cellNotes).toEqual({ added: 1, updated: 0, notWritten: [] });
    expect(commentsOf(await text(out, 'xl/comments1.xml')).map((c) => c.ref)).toEqual(['B2']);
  });

  it('puts <legacyDrawing> in schema order (after <drawing>, before <tableParts> and a wrapped <controls>), with the producer’s prefix', async () => {
    const AC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
    const sheet =
      `<x:worksheet xmlns:x="${MAIN}" xmlns:mc="${AC}"><x:sheetData>${rows.replace(/<(\/?)(?!\/)/g, '<$1x:')}</x:sheetData><x:pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
      `<mc:AlternateContent><mc:Choice Requires="x14"><x:controls/></mc:Choice></mc:AlternateContent><x:tableParts count="0"/></x:worksheet>`;
    const { out } = await edit(book({ ...plain, sheets: [{ name: 'S', xml: sheet }] }), [plan([{ address: 'B2', value: 'A', note: 'n' }])]);
    const xml = await text(out, 'xl/worksheets/sheet1.xml');
    expect(xml).toMatch(/<x:pageMargins [^>]*\/><x:legacyDrawing xmlns:r="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships" r:id="rId\d+"\/><mc:AlternateContent>/);
  });

  it('each new drawing takes its own block of shape ids, also across sheets and runs', async () => {
    const two: BookOptions = { sheets: [{ name: 'S', rows }, { name: 'T', rows }], strings: ['No.', '評価'] };
    const { out } = await edit(book(two), [plan([{ address: 'B2', value: 'A', note: 'n' }]), plan([{ sheet: 'T', address: 'B2', value: 'A', note: 'n' }])]);
    const blocks = await Promise.all(['xl/drawings/vmlDrawing1.vml', 'xl/drawings/vmlDrawing2.vml'].map(async (p) => /data="(\d+)"/.exec(await text(out, p))![1]));
    expect(blocks).toEqual(['1', '2']);
    expect(await text(out, 'xl/drawings/vmlDrawing2.vml')).toContain('id="_x0000_s2049"');
    expect(commentsOf(await text(out, 'xl/comments2.xml')).map((c) => c.ref)).toEqual(['B2']);
  });
});

/** What staff have on the sheet: a note, a threaded comment with its placeholder, a form control and a picture in the VML. */
function staffBook(vmlRoot: 'excel' | 'openpyxl' = 'excel', vmlText?: string): Uint8Array {
  const v = vmlRoot === 'excel' ? 'v' : 'ns0';
  const decl = (p: string, uri: string) => (vmlRoot === 'excel' ? '' : ` xmlns:${p}="${uri}"`);
  const NSV = 'urn:schemas-microsoft-com:vml';
  const NSO = 'urn:schemas-microsoft-com:office:office';
  const NSX = 'urn:schemas-microsoft-com:office:excel';
  const o = vmlRoot === 'excel' ? 'o' : 'ns1';
  const x = vmlRoot === 'excel' ? 'x' : 'ns2';
  const vml =
    (vmlRoot === 'excel' ? `<xml xmlns:v="${NSV}" xmlns:o="${NSO}" xmlns:x="${NSX}">` : '<xml>') +
    `<${o}:shapelayout${decl(o, NSO)}${decl(v, NSV)} ${v}:ext="edit"><${o}:idmap ${v}:ext="edit" data="1"/></${o}:shapelayout>` +
    `<${v}:shapetype${decl(v, NSV)}${decl(o, NSO)} id="_x0000_t201" coordsize="21600,21600" ${o}:spt="201" path="m,l,21600r21600,l21600,xe"><${v}:stroke joinstyle="miter"/></${v}:shapetype>` +
    `<${v}:shape${decl(v, NSV)}${decl(o, NSO)}${decl(x, NSX)} id="Check_x0020_Box_x0020_1" ${o}:spid="_x0000_s1025" type="#_x0000_t201" style="position:absolute;margin-left:300pt;margin-top:2pt;width:80pt;height:16pt;z-index:1" filled="f" stroked="f"><${x}:ClientData ObjectType="Checkbox"><${x}:Anchor>6, 0, 0, 2, 7, 40, 1, 1</${x}:Anchor><${x}:Checked>1</${x}:Checked><${x}:AutoFill>False</${x}:AutoFill></${x}:ClientData></${v}:shape>` +
    `<${v}:shape${decl(v, NSV)}${decl(o, NSO)}${decl(x, NSX)} id="_x0000_s1026" type="#_x0000_t201" style="position:absolute;margin-left:80pt;margin-top:2pt;width:108pt;height:59.25pt;z-index:2;visibility:hidden" fillcolor="#ffffe1"><${x}:ClientData ObjectType="Note"><${x}:MoveWithCells/><${x}:SizeWithCells/><${x}:AutoFill>False</${x}:AutoFill><${x}:Row>1</${x}:Row><${x}:Column>1</${x}:Column></${x}:ClientData></${v}:shape>` +
    '</xml>';
  const comments =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN}"><authors><author>経営企画課</author><author>tc={AAAA}</author></authors><commentList>` +
    '<comment ref="B2" authorId="0" shapeId="0"><text><r><rPr><b/><sz val="9"/></rPr><t>経営企画課:</t></r><r><rPr><sz val="9"/></rPr><t xml:space="preserve">\n評価を入力してください</t></r></text></comment>' +
    '<comment ref="B3" authorId="1" shapeId="0"><text><t>[Threaded comment]\nComment:\n    実績は9月末時点</t></text></comment>' +
    '</commentList></comments>';
  const threaded = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="B3" dT="2024-09-30T09:15:00.00" personId="{P}" id="{AAAA}"><text>実績は9月末時点</text></threadedComment></ThreadedComments>';
  const sheet = `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${rows}</sheetData><legacyDrawing r:id="rId2"/></worksheet>`;
  return book({
    sheets: [{ name: 'S', xml: sheet }],
    strings: ['No.', '評価'],
    extraParts: {
      'xl/worksheets/_rels/sheet1.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/comments" Target="../comments1.xml"/><Relationship Id="rId2" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/><Relationship Id="rId3" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/></Relationships>`,
      'xl/comments1.xml': comments,
      'xl/drawings/vmlDrawing1.vml': vmlText ?? vml,
      'xl/threadedComments/threadedComment1.xml': threaded,
    },
    extraOverrides: '<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>',
  });
}

describe('a sheet with staff notes, a thread and VML shapes', () => {
  it.each(['excel', 'openpyxl'] as const)('keeps every one of them and adds ours beside them (%s-style VML)', async (style) => {
    const src = staffBook(style);
    const { out, results, changed } = await edit(src, [plan([
      { address: 'B2', value: 'A', note: 'staff note here' },
      { address: 'B3', value: 'B', note: 'thread here' },
      { address: 'B4', value: 'C', note: '評価の候補「C」' },
    ])]);
    // Values are written; notes only where the cell had none.
    expect(results[0].written).toBe(3);
    expect(results[0].cellNotes).toEqual({
      added: 1,
      updated: 0,
      notWritten: [
        { sheet: 'S', address: 'B2', reason: 'staff-note' },
        { sheet: 'S', address: 'B3', reason: 'staff-note' },
      ],
    });
    expect(results[0].messages.map((m) => m.ja).join()).toMatch(/B2, B3 には職員のメモまたはコメントがすでにある/);
    expect(changed).toEqual(['xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml']);
    // Threads, relationships and content types are untouched, byte for byte.
    const a = parts(src);
    const b = parts(out);
    for (const p of ['xl/threadedComments/threadedComment1.xml', 'xl/worksheets/_rels/sheet1.xml.rels', '[Content_Types].xml']) expect(Buffer.from(b.get(p)!.data).equals(Buffer.from(a.get(p)!.data))).toBe(true);
    // Every staff comment and every shape is still there verbatim; ours follows them.
    const before = await text(src, 'xl/comments1.xml');
    const after = await text(out, 'xl/comments1.xml');
    for (const m of before.matchAll(/<comment [\s\S]*?<\/comment>/g)) expect(after).toContain(m[0]);
    expect(after).toContain('<author>経営企画課</author><author>tc={AAAA}</author><author>行革進捗アシスタント</author>');
    expect(commentsOf(after).map((c) => c.ref)).toEqual(['B2', 'B3', 'B4']);
    expect(after).toMatch(/<comment ref="B4" authorId="2" shapeId="0">/);
    const vb = await text(src, 'xl/drawings/vmlDrawing1.vml');
    const va = await text(out, 'xl/drawings/vmlDrawing1.vml');
    // Nothing of the drawing moved: taking out what was added gives the original back, character for character.
    const added = /<\w+:shapetype\b[^>]*id="_x0000_t202"[\s\S]*?<\/\w+:shapetype>|<\w+:shape\b[^>]*id="_x0000_s1027"[\s\S]*?<\/\w+:shape>/g;
    expect(va.replace(added, '')).toBe(vb);
    // A new shape id after the form control's and the staff note's (1025, 1026), a comment box shape type added once.
    expect(va).toContain('id="_x0000_s1027"');
    expect(va.match(/_x0000_t202"/g)?.length).toBe(2); // the shape type and our shape's reference
    expect(va).toMatch(/ObjectType="Note"><\w+:MoveWithCells\/><\w+:SizeWithCells\/><\w+:Anchor>2, 15, 2, 10, 7, 15, 10, 4<\/\w+:Anchor><\w+:AutoFill>False<\/\w+:AutoFill><\w+:Row>3<\/\w+:Row><\w+:Column>1<\/\w+:Column>/);
  });

  it('updates the note it wrote earlier when it replaces its suggestion, never adding a second one', async () => {
    const first = await edit(staffBook(), [plan([{ address: 'B4', value: 'C', note: '評価の候補「C」' }])]);
    const second = await edit(first.out, [plan([{ address: 'B4', value: 'B', expect: 'C', note: '評価の候補「B」' }])]);
    expect(second.results[0].cellNotes).toEqual({ added: 0, updated: 1, notWritten: [] });
    expect(second.changed).toEqual(['xl/comments1.xml', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml']);
    const notes = commentsOf(await text(second.out, 'xl/comments1.xml'));
    expect(notes.filter((c) => c.ref === 'B4')).toEqual([{ ref: 'B4', text: `${NOTE_AUTHOR}:\n評価の候補「B」` }]);
    expect(notes).toHaveLength(3);
    const vml = await text(second.out, 'xl/drawings/vmlDrawing1.vml');
    expect(vml.match(/ObjectType="Note"/g)).toHaveLength(2);
  });

  it('a drawing whose idmap block is full gets another block for our shapes', async () => {
    const src = staffBook();
    const full = (await text(src, 'xl/drawings/vmlDrawing1.vml')).replace('_x0000_s1026', '_x0000_s2047');
    const patched = staffBook('excel', full);
    const { out } = await edit(patched, [plan([{ address: 'B4', value: 'C', note: 'n' }])]);
    const vml = await text(out, 'xl/drawings/vmlDrawing1.vml');
    expect(vml).toContain('data="1,2"');
    expect(vml).toContain('id="_x0000_s2049"');
  });
});

describe('through the CLI', () => {
  it('fill again after the actual changed replaces its suggestion and updates its note, never adding a second one', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { runCli } = await import('../helpers/cli');
    const { CORPUS_DIR } = await import('../fixtures/corpus/generate');
    const { toA1 } = await import('../../src/core/grid/a1');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinchoku-notes-'));
    const first = path.join(dir, 'first.xlsx');
    const j1 = JSON.parse((await runCli('fill', path.join(CORPUS_DIR, 'staff-isehara-list.xlsx'), '-o', first, '--json')).out);
    const s = j1.suggestions.find((x: { itemId: string }) => x.itemId === '5(8)②');
    expect(s).toMatchObject({ rating: 'C' });
    expect(j1.notes.notWritten.map((n: { address: string }) => n.address)).not.toContain(s.address);
    // Staff correct the actual of that item (doubled: now 83% of the target).
    const bytes = new Uint8Array(fs.readFileSync(first));
    const grid = await gridFromXlsxBytes(bytes, 'first.xlsx', { codec: nodeCodec });
    const sheet = grid.sheets.find((x) => x.name === s.sheet)!;
    const headerCol = sheet.values.flatMap((r, ri) => r.map((v, ci) => ({ v, ri, ci }))).find((c) => typeof c.v === 'string' && c.v.replace(/\s/g, '') === '実績(値)')!.ci;
    const row = Number(/\d+/.exec(s.address)![0]) - 1;
    const was = sheet.values[row][headerCol] as number;
    const corrected = await edit(bytes, [plan([{ sheet: s.sheet, address: toA1(row, headerCol), value: was * 2, expect: was }])]);
    const second = path.join(dir, 'second.xlsx');
    fs.writeFileSync(path.join(dir, 'corrected.xlsx'), corrected.out);
    const j2 = JSON.parse((await runCli('fill', path.join(dir, 'corrected.xlsx'), '-o', second, '--json')).out);
    const again = j2.suggestions.find((x: { itemId: string }) => x.itemId === '5(8)②');
    expect(again.rating).toBe('B');
    expect(j2.notes).toEqual({ added: 0, updated: 1, notWritten: [] });
    const notes = commentsOf(await text(new Uint8Array(fs.readFileSync(second)), 'xl/comments1.xml'));
    expect(notes.filter((n) => n.ref === s.address)).toEqual([{ ref: s.address, text: expect.stringContaining(`評価の候補「${again.rating}」`) }]);
    expect(notes).toHaveLength(commentsOf(await text(new Uint8Array(fs.readFileSync(first)), 'xl/comments1.xml')).length);
  });
});
