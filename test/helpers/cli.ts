import type { Io } from '../../src/cli/io';
import { main } from '../../src/cli/main';

/** Runs the CLI entry in-process, as `npx shinchoku …` would, collecting what it prints. */
export async function runCli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l) };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}
