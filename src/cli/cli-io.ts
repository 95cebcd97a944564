/**
 * Where commands write: results to stdout, diagnostics to stderr; JSON when asked. Text for people
 * (`out`, `err`) shows invisible and control characters escaped (`evil\u202Egnp.exe`), so that
 * catalog text can neither reorder a line nor send escape sequences to the terminal; `data`
 * writes a document (an export, an overview, a schema) byte for byte.
 */
import os from 'node:os';
import { escapeCharacterForJson, visibleText } from '../core/visible-text.js';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** A document for a program or a file, written as it is (stdout). */
  data: (text: string) => void;
}

// `switchboard list | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

const line = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);

/** Text for a terminal: tabs and line breaks kept, every other control or invisible escaped. */
export function terminalText(text: string): string {
  return visibleText(text, { keepLineBreaks: true });
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(line(terminalText(text))),
  err: (text) => process.stderr.write(line(terminalText(text))),
  data: (text) => process.stdout.write(line(text)),
};

/**
 * JSON with invisible and control characters written as `\uXXXX` escapes: the same values when
 * parsed, and nothing that a terminal would act on.
 */
export function jsonText(value: unknown): string {
  // JSON.stringify escapes C0 controls itself; the rest can only sit inside strings.
  return visibleText(JSON.stringify(value, null, 2), {
    keepLineBreaks: true,
    escape: escapeCharacterForJson,
  });
}

export function printJson(io: CliIo, value: unknown): void {
  io.data(jsonText(value));
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
