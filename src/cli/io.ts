/** Where the CLI writes; tests pass a collector instead of the process streams. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
}

/**
 * A reader that stops early (`shinchoku summary DIR | head`) closes the pipe; the command still
 * finishes what it is writing to files, it just stops printing. Without this, node throws EPIPE
 * from inside the command.
 */
function closable(stream: NodeJS.WriteStream): (line: string) => void {
  let closed = false;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') closed = true;
    else throw e;
  });
  return (line) => {
    if (!closed) stream.write(line + '\n');
  };
}

let streams: Io | undefined;
/** The process streams, watched for a closed pipe from the first line printed on (not at import). */
const opened = (): Io => (streams ??= { out: closable(process.stdout), err: closable(process.stderr) });

export const processIo: Io = {
  out: (l) => opened().out(l),
  err: (l) => opened().err(l),
};
