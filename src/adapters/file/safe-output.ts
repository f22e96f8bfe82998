import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Where the CLI writes a workbook, made safe: never onto an input (compared by device and inode,
 * so symlinks, hard links and case-insensitive file systems are caught), never over an existing
 * file without --force, and never a partial file: the bytes go to a temporary file in the same
 * folder, are flushed to disk, and only then renamed into place. On any failure the temporary file
 * is removed and whatever was at the output path before is still there.
 */
export type OutputFailure =
  | 'same-as-input'
  | 'exists'
  | 'is-directory'
  | 'no-folder'
  | 'not-a-folder'
  | 'no-permission'
  | 'read-only'
  | 'disk-full'
  | 'busy'
  | 'io';

export class OutputError extends Error {
  readonly reason: { ja: string; en: string };
  constructor(
    readonly kind: OutputFailure,
    readonly file: string,
    detail = '',
  ) {
    const reason = MESSAGES[kind](file, detail);
    super(reason.en);
    this.reason = reason;
  }
}

const MESSAGES: Record<OutputFailure, (file: string, detail: string) => { ja: string; en: string }> = {
  'same-as-input': (f, d) => ({
    ja: `出力先「${f}」は入力ファイル「${d}」と同じファイルです(リンクや大文字・小文字違いを含む)。入力は上書きしません。別の出力ファイル名を指定してください。`,
    en: `The output "${f}" is the input "${d}" (possibly through a link or a different letter case). Inputs are never overwritten; give another output file name.`,
  }),
  exists: (f) => ({
    ja: `出力先「${f}」はすでにあります。置き換えてよければ --force を付けて実行してください。`,
    en: `The output "${f}" already exists. Add --force to replace it.`,
  }),
  'is-directory': (f) => ({ ja: `出力先「${f}」はフォルダです。ファイル名まで指定してください。`, en: `The output "${f}" is a folder; give a file name.` }),
  'no-folder': (f, d) => ({
    ja: `出力先のフォルダ「${d}」がありません。フォルダを作るか、別の出力先を指定してください(「${f}」は作っていません)。`,
    en: `The output folder "${d}" does not exist. Create it or give another output path ("${f}" was not written).`,
  }),
  'not-a-folder': (_f, d) => ({ ja: `出力先のパスの「${d}」はフォルダではありません。出力先を確かめてください。`, en: `"${d}" in the output path is not a folder. Check the output path.` }),
  'no-permission': (_f, d) => ({
    ja: `出力先のフォルダ「${d}」に書き込む権限がありません。別のフォルダを指定してください。`,
    en: `No permission to write in the folder "${d}". Give another output folder.`,
  }),
  'read-only': (_f, d) => ({ ja: `出力先「${d}」は読み取り専用です。別のフォルダを指定してください。`, en: `"${d}" is read-only. Give another output folder.` }),
  'disk-full': (f) => ({
    ja: `ディスクの空き容量が足りないため「${f}」を保存できませんでした。空きを作ってからもう一度実行してください(途中までのファイルは残していません。元からあったファイルはそのままです)。`,
    en: `The disk is full, so "${f}" was not saved. Free some space and run again (no partial file was left; any file already there is unchanged).`,
  }),
  busy: (f) => ({
    ja: `出力先「${f}」が他のアプリ(Excel など)で開かれているため保存できません。閉じてからもう一度実行してください。`,
    en: `The output "${f}" is open in another program (Excel?). Close it and run again.`,
  }),
  io: (f, d) => ({ ja: `「${f}」を保存できませんでした(${d})。もう一度実行してください。`, en: `"${f}" could not be saved (${d}). Run again.` }),
};

/** The file-system calls used here, so tests can make any of them fail (a full disk, a busy file). */
export interface OutputFs {
  statSync(p: string): fs.Stats;
  lstatSync(p: string): fs.Stats;
  openSync(p: string, flags: string, mode?: number): number;
  writeSync(fd: number, buf: Uint8Array, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  unlinkSync(p: string): void;
  chmodSync(p: string, mode: number): void;
}

export interface OutputOptions {
  /** Replace an existing file (never an input). */
  force?: boolean;
  fs?: OutputFs;
}

function statOrNull(fsx: OutputFs, p: string, follow: boolean): fs.Stats | null {
  try {
    return follow ? fsx.statSync(p) : fsx.lstatSync(p);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'ENOTDIR') throw new OutputError('not-a-folder', p, path.dirname(p));
    if (code === 'EACCES' || code === 'EPERM') throw new OutputError('no-permission', p, path.dirname(p));
    throw e;
  }
}

function sameFile(a: fs.Stats, b: fs.Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.ino !== 0;
}

/**
 * Checks an output path before any work is done (and again just before the rename): the folder
 * exists and is a folder, the output is no input, and an existing file needs --force.
 */
export function checkOutput(out: string, inputs: readonly string[], opts: OutputOptions = {}): void {
  const fsx = opts.fs ?? fs;
  const dir = path.dirname(path.resolve(out));
  const d = statOrNull(fsx, dir, true);
  if (!d) throw new OutputError('no-folder', out, dir);
  if (!d.isDirectory()) throw new OutputError('not-a-folder', out, dir);
  const link = statOrNull(fsx, out, false);
  const target = link ? statOrNull(fsx, out, true) : null;
  if (target) {
    for (const input of inputs) {
      const s = statOrNull(fsx, input, true);
      if (s && sameFile(s, target)) throw new OutputError('same-as-input', out, input);
    }
    if (target.isDirectory()) throw new OutputError('is-directory', out);
  }
  if (link && !opts.force) throw new OutputError('exists', out);
}

let counter = 0;

/** Writes `bytes` to `out` all or nothing (see the module comment). */
export function writeOutput(out: string, bytes: Uint8Array, inputs: readonly string[], opts: OutputOptions = {}): void {
  const fsx = opts.fs ?? fs;
  checkOutput(out, inputs, opts);
  const dir = path.dirname(path.resolve(out));
  const tmp = path.join(dir, `.${path.basename(out)}.shinchoku-${process.pid}-${++counter}.tmp`);
  let fd: number | undefined;
  try {
    fd = fsx.openSync(tmp, 'wx', 0o666);
    for (let off = 0; off < bytes.length; ) off += fsx.writeSync(fd, bytes, off, bytes.length - off);
    fsx.fsyncSync(fd);
    fsx.closeSync(fd);
    fd = undefined;
    const previous = statOrNull(fsx, out, true);
    if (previous) fsx.chmodSync(tmp, previous.mode & 0o7777);
    // Someone may have linked an input to the output meanwhile: the last check is right before the rename.
    checkOutput(out, inputs, opts);
    fsx.renameSync(tmp, out);
  } catch (e) {
    if (fd !== undefined) {
      try {
        fsx.closeSync(fd);
      } catch {
        // already failing; the original error is the one to report
      }
    }
    try {
      fsx.unlinkSync(tmp);
    } catch {
      // the temporary file was never created
    }
    throw asOutputError(e, out, dir);
  }
}

function asOutputError(e: unknown, out: string, dir: string): unknown {
  if (e instanceof OutputError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EFBIG':
      return new OutputError('disk-full', out);
    case 'EACCES':
    case 'EPERM':
      return new OutputError('no-permission', out, dir);
    case 'EROFS':
      return new OutputError('read-only', out, dir);
    case 'ENOENT':
      return new OutputError('no-folder', out, dir);
    case 'ENOTDIR':
      return new OutputError('not-a-folder', out, dir);
    case 'EISDIR':
      return new OutputError('is-directory', out);
    case 'EBUSY':
    case 'ETXTBSY':
      return new OutputError('busy', out);
    default:
      return code ? new OutputError('io', out, code) : e;
  }
}
