/** Where commands write: results to stdout, diagnostics to stderr; JSON when asked. */
import os from 'node:os';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

// `switchboard list | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

export function printJson(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

/** Who is running the command, for change records: --author, SWITCHBOARD_AUTHOR, or the OS user. */
export function defaultAuthor(): string {
  const fromEnv = process.env.SWITCHBOARD_AUTHOR;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  try {
    return `cli:${os.userInfo().username}`;
  } catch {
    return 'cli';
  }
}
