/**
 * How `serve` stops: on SIGTERM or SIGINT it stops accepting, ends every connection (keep-alive
 * ones included), closes the database and exits 0. It never lingers: if that has not finished
 * within STOP_GRACE_MS it exits anyway (status 1), and a second signal exits at once (status
 * 128 + the signal's number, as a shell reports a process the signal killed). The same signal
 * again within SAME_PRESS_MS is the same Ctrl-C delivered twice (by the terminal to the whole
 * process group, and by `npm start` forwarding it), not an impatient second one: it is ignored.
 */
import { constants } from 'node:os';
import type { CliIo } from './cli-io.js';
import { EXIT } from './exit-codes.js';

/** How long a stop may take before the process exits anyway. */
export const STOP_GRACE_MS = 1_000;

/** A repeat of the first signal within this long is the same press, delivered twice. */
export const SAME_PRESS_MS = 250;

const STOP_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

export interface Stoppable {
  close(): Promise<void>;
}

export interface StopOnSignalOptions {
  /** Where signals come from (default: the process). */
  signals?: { on(signal: string, listener: () => void): unknown };
  /** Ends the process (default: process.exit). */
  exit?: (code: number) => void;
}

/** Resolve to the exit status once `server` has stopped after a stop signal. */
export function stopOnSignal(
  server: Stoppable,
  io: CliIo,
  { signals = process, exit = (code) => process.exit(code) }: StopOnSignalOptions = {},
): Promise<number> {
  return new Promise<number>((resolve) => {
    let stopping: { signal: string; at: number } | undefined;
    const onSignal = (signal: (typeof STOP_SIGNALS)[number]) => {
      if (stopping) {
        if (signal === stopping.signal && Date.now() - stopping.at < SAME_PRESS_MS) return;
        io.err(`Received ${signal} again; exiting now.`);
        exit(128 + constants.signals[signal]);
        return;
      }
      stopping = { signal, at: Date.now() };
      io.err(`Received ${signal}; shutting down.`);
      let status: number | undefined;
      // Unref'd: it never keeps the process alive, only ends one that does not end by itself.
      setTimeout(() => {
        io.err(
          status === undefined
            ? `Did not stop within ${STOP_GRACE_MS} ms of ${signal}; exiting anyway.`
            : `Stopped, but something still held the process ${STOP_GRACE_MS} ms after ${signal}; exiting.`,
        );
        exit(status ?? EXIT.failure);
      }, STOP_GRACE_MS).unref();
      const stopped = (code: number) => {
        status = code;
        resolve(code);
      };
      server.close().then(
        () => stopped(EXIT.ok),
        (error: unknown) => {
          io.err(
            `switchboard: error while shutting down: ${error instanceof Error ? error.message : String(error)}`,
          );
          stopped(EXIT.unavailable);
        },
      );
    };
    for (const signal of STOP_SIGNALS) signals.on(signal, () => onSignal(signal));
  });
}
