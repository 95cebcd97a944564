import { countBySeverity, formatFinding, type Finding } from '../core/finding.js';
import type { CliIo } from './cli-io.js';

/**
 * Print findings one per line (`file:line:column  entity-id  message`; errors to stderr, warnings
 * to stdout) and a summary line. Consecutive lines bound for the same stream go out in one write:
 * tens of thousands of single-line writes took a large part of a big catalog's run, and grouping
 * only consecutive lines keeps the order a reader of both streams (`2>&1`) sees.
 */
export function printFindings(io: CliIo, findings: readonly Finding[], subject: string): void {
  let lines: string[] = [];
  let toErr = false;
  const flush = () => {
    if (lines.length > 0) (toErr ? io.err : io.out)(`${lines.join('\n')}\n`);
    lines = [];
  };
  for (const finding of findings) {
    const isError = finding.severity === 'error';
    if (isError !== toErr) {
      flush();
      toErr = isError;
    }
    lines.push(formatFinding(finding));
  }
  flush();
  const { errors, warnings } = countBySeverity(findings);
  const summary = `${subject}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  (errors > 0 ? io.err : io.out)(summary);
}
