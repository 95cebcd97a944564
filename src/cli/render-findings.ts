import { countBySeverity, formatFinding, type Finding } from '../core/finding.js';
import type { CliIo } from './cli-io.js';

/** Print findings one per line (`file:line:column  entity-id  message`) and a summary line. */
export function printFindings(io: CliIo, findings: readonly Finding[], subject: string): void {
  for (const finding of findings) {
    (finding.severity === 'error' ? io.err : io.out)(formatFinding(finding));
  }
  const { errors, warnings } = countBySeverity(findings);
  const summary = `${subject}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  (errors > 0 ? io.err : io.out)(summary);
}
