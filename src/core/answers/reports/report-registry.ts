/** Every report, for the API (`/reports/{name}`) and the CLI (`switchboard report NAME`) to list. */
import { busFactorReport } from './bus-factor.report.js';
import { cyclesReport } from './cycles.report.js';
import { managementSummaryReport } from './management-summary.report.js';
import { orphansReport } from './orphans.report.js';
import { providerSummaryReport } from './provider-summary.report.js';
import { runToEnd } from '../../sliced.js';
import type { ReportDefinition, ReportSpec } from './report-types.js';
import { staleReport } from './stale.report.js';
import { unreachableReport } from './unreachable.report.js';

const withRun = (spec: ReportSpec): ReportDefinition => ({
  ...spec,
  run: (index, options) => runToEnd(spec.rows(index, options)),
});

export const REPORTS: readonly ReportDefinition[] = [
  busFactorReport,
  orphansReport,
  unreachableReport,
  staleReport,
  cyclesReport,
  providerSummaryReport,
  managementSummaryReport,
].map(withRun);

export function findReport(name: string): ReportDefinition | undefined {
  return REPORTS.find((r) => r.name === name);
}

export type { ReportDefinition, ReportOptions, ReportRow, ReportSpec } from './report-types.js';
export { stale, type StaleOptions } from './stale.report.js';
export { providerSummary } from './provider-summary.report.js';
export { managementSummary, managementDisplayName } from './management-summary.report.js';
export { busFactor } from './bus-factor.report.js';
export { orphans } from './orphans.report.js';
export { unreachable } from './unreachable.report.js';
export { cycles } from './cycles.report.js';
