import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkOutput, OutputError, writeOutput, type OutputFs } from '../../src/adapters/file/safe-output';
import { runCli } from '../helpers/cli';
import { fixturePath } from '../fixtures/paths';

const run = runCli;

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'shinchoku-out-'));
let n = 0;
function dir(): string {
  const d = path.join(root, String(++n));
  fs.mkdirSync(d);
  return d;
}
function input(d: string): string {
  const f = path.join(d, 'in.xlsx');
  fs.copyFileSync(fixturePath('isehara-list-blank-ratings.xlsx'), f);
  return f;
}
const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');
const leftovers = (d: string) => fs.readdirSync(d).filter((x) => x.endsWith('.tmp'));

describe('the output is never an input', () => {
  it.each([
    ['the same path', (f: string) => f],
    ['the same file by another path', (f: string) => path.join(path.dirname(f), '.', '..', path.basename(path.dirname(f)), 'in.xlsx')],
    ['a symbolic link to it', (f: string) => (fs.symlinkSync(f, f + '.link.xlsx'), f + '.link.xlsx')],
    ['a hard link to it', (f: string) => (fs.linkSync(f, f + '.hard.xlsx'), f + '.hard.xlsx')],
  ])('%s is refused, even with --force, and the input is unchanged', async (_what, outOf) => {
    const d = dir();
    const f = input(d);
    const before = sha(f);
    const out = outOf(f);
    for (const cmd of [['fill', f, '-o', out], ['fill', f, '-o', out, '--force'], ['summary', fixturePath('isehara-list.xlsx'), f, '-o', out, '--force']]) {
      const r = await run(...cmd);
      expect(r.code).toBe(2);
      expect(r.err).toContain('入力ファイル');
      expect(sha(f)).toBe(before);
    }
    expect(leftovers(d)).toEqual([]);
  });

  it('on a case-insensitive file system, B.xlsx for b.xlsx is the same file (same device and inode)', () => {
    const d = dir();
    const f = input(d);
    const real = fs.statSync(f);
    // What such a file system answers for the other spelling: the input's own inode.
    const caseless: OutputFs = { ...fs, statSync: (p: string) => (p.toLowerCase() === f.toLowerCase() ? real : fs.statSync(p)), lstatSync: (p: string) => (p.toLowerCase() === f.toLowerCase() ? real : fs.lstatSync(p)) } as OutputFs;
    expect(() => checkOutput(f.toUpperCase().replace(d.toUpperCase(), d), [f], { force: true, fs: caseless })).toThrow(OutputError);
  });
});

describe('an existing output needs --force; the write is all or nothing', () => {
  it('refuses to replace an existing file without --force and replaces it with --force', async () => {
    const d = dir();
    const f = input(d);
    const out = path.join(d, 'out.xlsx');
    fs.writeFileSync(out, 'precious');
    const r = await run('fill', f, '-o', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--force');
    expect(fs.readFileSync(out, 'utf8')).toBe('precious');
    expect((await run('fill', f, '-o', out, '--force')).code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(leftovers(d)).toEqual([]);
  });

  it('says when the folder is missing, or is a file, or the output is a folder', async () => {
    const d = dir();
    const f = input(d);
    const missing = await run('fill', f, '-o', path.join(d, 'no', 'such', 'out.xlsx'));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/フォルダ「.*no[/\\]such」がありません/);
    expect((await run('fill', f, '-o', path.join(f, 'out.xlsx'))).err).toContain('フォルダではありません');
    expect((await run('fill', f, '-o', d, '--force')).err).toContain('フォルダです');
  });

  const failing = (code: string, at: 'open' | 'write' | 'rename', after = 0): OutputFs => {
    let writes = 0;
    const err = () => Object.assign(new Error(code), { code });
    return {
      ...fs,
      openSync: (p: string, fl: string, m?: number) => {
        if (at === 'open') throw err();
        return fs.openSync(p, fl, m);
      },
      writeSync: (fd: number, b: Uint8Array, o: number, l: number) => {
        if (at === 'write' && ++writes > after) throw err();
        // A short write, as a nearly full disk gives: the loop must finish the rest.
        return fs.writeSync(fd, b, o, Math.min(l, 4096));
      },
      renameSync: (a: string, b: string) => {
        if (at === 'rename') throw err();
        fs.renameSync(a, b);
      },
    } as OutputFs;
  };

  it.each([
    ['a full disk in the middle of writing', 'ENOSPC', 'write', 3, /空き容量/],
    ['a quota reached', 'EDQUOT', 'write', 0, /空き容量/],
    ['a folder without write permission', 'EACCES', 'open', 0, /権限がありません/],
    ['a read-only file system', 'EROFS', 'open', 0, /読み取り専用/],
    ['an output open in another program', 'EBUSY', 'rename', 0, /他のアプリ/],
  ] as const)('%s leaves the previous output as it was and no partial file', (_what, code, at, after, message) => {
    const d = dir();
    const out = path.join(d, 'out.xlsx');
    fs.writeFileSync(out, 'previous');
    const bytes = new Uint8Array(64 * 1024).fill(7);
    let err: unknown;
    try {
      writeOutput(out, bytes, [], { force: true, fs: failing(code, at, after) });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(OutputError);
    expect((err as OutputError).reason.ja).toMatch(message);
    expect(fs.readFileSync(out, 'utf8')).toBe('previous');
    expect(fs.readdirSync(d)).toEqual(['out.xlsx']);
  });

  it('short writes are completed (the whole workbook lands)', () => {
    const d = dir();
    const out = path.join(d, 'out.bin');
    const bytes = new Uint8Array(100_000).map((_, i) => i % 251);
    writeOutput(out, bytes, [], { fs: failing('none', 'write', Infinity) });
    expect(Buffer.from(fs.readFileSync(out)).equals(Buffer.from(bytes))).toBe(true);
  });
});

/**
 * The same cases on a real file system, where this machine allows it: a 64 KB tmpfs for a full disk
 * (in a private mount namespace), and an unprivileged user for a read-only folder (root may write
 * anywhere). Skipped, and said, where the machine does not allow them.
 */
describe('real file systems', () => {
  const bin = path.join(__dirname, '..', '..', 'bin', 'shinchoku.js');
  const canUnshare = spawnSync('unshare', ['-rm', 'true']).status === 0;
  const isRoot = process.getuid?.() === 0;
  const canDrop = isRoot && spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'true']).status === 0;

  (canUnshare ? it : it.skip)('a full disk (64 KB tmpfs): exit 2, the disk-full line, no file left behind', () => {
    const d = dir();
    const f = input(d);
    const script = `mkdir -p "${d}/mnt" && mount -t tmpfs -o size=64k tmpfs "${d}/mnt" && head -c 40000 /dev/zero > "${d}/mnt/filler" && printf previous > "${d}/mnt/out.xlsx" && ` +
      `"${process.execPath}" "${bin}" fill "${f}" -o "${d}/mnt/out.xlsx" --force; echo "exit=$?"; ls -a "${d}/mnt"; cat "${d}/mnt/out.xlsx"`;
    const r = spawnSync('unshare', ['-rm', 'sh', '-c', script], { encoding: 'utf8', timeout: 60000 });
    expect(r.stdout).toContain('exit=2');
    expect(r.stderr).toContain('ディスクの空き容量が足りない');
    expect(r.stdout.split('\n')).toEqual(expect.arrayContaining(['filler', 'out.xlsx']));
    expect(r.stdout).not.toMatch(/\.tmp/);
    expect(r.stdout.trim().endsWith('previous')).toBe(true);
  });

  (canDrop ? it : it.skip)('a read-only folder (another user’s, mode 555): exit 2, the permission line, nothing written', () => {
    const d = dir();
    const f = input(d);
    fs.chmodSync(f, 0o644);
    const ro = path.join(d, 'ro');
    fs.mkdirSync(ro, { mode: 0o555 });
    fs.chmodSync(ro, 0o555);
    fs.chmodSync(d, 0o755);
    fs.chmodSync(root, 0o755);
    const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, bin, 'fill', f, '-o', path.join(ro, 'out.xlsx')], {
      encoding: 'utf8',
      timeout: 60000,
      env: { ...process.env, HOME: os.tmpdir() },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('書き込む権限がありません');
    expect(fs.readdirSync(ro)).toEqual([]);
  });
});
