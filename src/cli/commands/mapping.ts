import { suggestMapping } from '../../core/layouts/generic/suggest';
import { printJson } from '../json-out';
import type { Args } from '../args';
import type { Io } from '../io';
import { readGrid } from '../load';
import { say } from '../messages';

/**
 * Prints the layout spec detection settled on (fields, heading rows, the rating scale, the year),
 * to be corrected and saved for `--mapping`; a mapping of version 1 is still read there too.
 */
export async function mappingCommand(args: Args, io: Io): Promise<number> {
  const { grid } = await readGrid(args.files[0]);
  const s = suggestMapping(grid);
  if (!s) {
    io.err(say(args.lang, 'mappingNone'));
    return 1;
  }
  if (!args.json) io.err(say(args.lang, 'mappingReason', { reason: s.reason[args.lang], score: s.score.toFixed(2) }));
  printJson(io, s.spec);
  return 0;
}
