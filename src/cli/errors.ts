import { msg, type Localized } from './messages';
import { EXIT } from './spec';

/**
 * A failure the user can act on: a file that cannot be read, an output that cannot be written.
 * The message is complete in both languages; the exit code says which kind (see EXIT).
 */
export class CliError extends Error {
  constructor(
    readonly text: Localized,
    readonly exit: number = EXIT.usage,
  ) {
    super(text.en);
  }
}

/** A workbook or mapping file the CLI could not use. */
export class InputError extends CliError {
  constructor(
    readonly file: string,
    readonly reason: Localized,
    /** The reader's kind of unreadable file (e.g. 'owner-file'), when it said. */
    readonly kind?: string,
  ) {
    super({ ja: `${file}: ${reason.ja}`, en: `${file}: ${reason.en}` });
  }
}

/** The bilingual reason an adapter attached to its error (`reason: { ja, en }`), if any. */
export function reasonOf(e: unknown): Localized | undefined {
  const r = (e as { reason?: Partial<Localized> } | null)?.reason;
  return r && typeof r.ja === 'string' && typeof r.en === 'string' ? { ja: r.ja, en: r.en } : undefined;
}

/** Node's file-system error codes a person can do something about, said plainly. */
const FS_CODES: Record<string, Localized> = {
  EACCES: { ja: '書き込みが許可されていません（EACCES）。保存先のフォルダーと権限を確認してください。', en: 'permission denied (EACCES); check the folder and its permissions.' },
  EPERM: { ja: '書き込みが許可されていません（EPERM）。保存先のフォルダーと権限を確認してください。', en: 'operation not permitted (EPERM); check the folder and its permissions.' },
  ENOENT: { ja: '保存先のフォルダーがありません（ENOENT）。フォルダーを作ってから実行してください。', en: 'the folder does not exist (ENOENT); create it first.' },
  ENOTDIR: { ja: '保存先のパスの途中にファイルがあります（ENOTDIR）。', en: 'a part of the path is a file, not a folder (ENOTDIR).' },
  EISDIR: { ja: '保存先はフォルダーです（EISDIR）。ファイル名まで指定してください。', en: 'the output is a folder (EISDIR); give a file name.' },
  ENOSPC: { ja: 'ディスクの空きが足りません（ENOSPC）。', en: 'the disk is full (ENOSPC).' },
  EROFS: { ja: '読み取り専用の場所には保存できません（EROFS）。', en: 'the location is read-only (EROFS).' },
  EBUSY: { ja: 'ファイルが別のプログラムで開かれています（EBUSY）。閉じてから実行してください。', en: 'the file is open in another program (EBUSY); close it and run again.' },
};

/** An output that could not be written: the adapter's own reason when it gave one, else the OS error said plainly. */
export function outputError(file: string, e: unknown): CliError {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  const detail = reasonOf(e) ?? (code && FS_CODES[code]) ?? { ja: String((e as Error)?.message ?? e), en: String((e as Error)?.message ?? e) };
  return new CliError(msg('outputFailed', { file, detail }));
}
