/**
 * Use case: validate a catalog directory, plan it against the store for its source, and (unless
 * only planning) apply the plan in one transaction. Any error finding means nothing is written.
 */
import { conflictError, inputError } from '../core/errors.js';
import { countBySeverity } from '../core/finding.js';
import { computePlan, isNoop, type Plan } from '../core/plan.js';
import {
  loadCatalog,
  type LoadCatalogOptions,
  type LoadedCatalog,
} from '../catalog/load-catalog.js';
import type { ApplyResult, CatalogSnapshot, CatalogStore } from '../storage/catalog-store.js';

/** Bodies stay text until read: a re-apply compares most of them as text and parses few. */
const SNAPSHOT_OPTIONS = { anyFieldOrder: true, lazyBodies: true } as const;

export interface ApplyCatalogOptions extends LoadCatalogOptions {
  source: string;
  author: string;
  /** Compute and return the plan without writing. */
  planOnly?: boolean;
  /** Treat warnings as errors. */
  strict?: boolean;
  now?: Date;
}

export interface ApplyCatalogOutcome {
  catalog: LoadedCatalog;
  plan: Plan;
  result?: ApplyResult;
}

export async function applyCatalog(
  store: CatalogStore,
  dir: string,
  options: ApplyCatalogOptions,
): Promise<ApplyCatalogOutcome> {
  let snapshot: CatalogSnapshot | undefined;
  const catalog = await loadCatalog(dir, {
    ...options,
    external: async () => {
      snapshot = await store.loadSnapshot(SNAPSHOT_OPTIONS);
      return [...snapshot.entities.values()].filter((s) => s.source !== options.source);
    },
  });
  snapshot ??= await store.loadSnapshot(SNAPSHOT_OPTIONS);
  if (catalog.files.length === 0) {
    throw inputError(
      'catalog.empty',
      `${dir} holds no .yaml or .yml files; nothing was written (applying an empty directory would delete every entity of ${options.source})`,
    );
  }
  const { errors, warnings } = countBySeverity(catalog.findings);
  if (errors > 0 || (options.strict === true && warnings > 0)) {
    throw inputError(
      'catalog.invalid',
      `${dir} has ${errors} error(s)${options.strict === true ? ` and ${warnings} warning(s) (--strict)` : ''}; nothing was written`,
      catalog.findings,
    );
  }
  const plan = computePlan(catalog.entities, snapshot.entities, options.source, {
    sameBody: snapshot.sameBody,
  });
  if (plan.conflicts.length > 0) {
    throw conflictError(
      'apply.conflict',
      `${plan.conflicts.length} entit${plan.conflicts.length === 1 ? 'y is' : 'ies are'} managed by another source; nothing was written. ` +
        `If that source is this directory under another name, apply with --source <that name> (this run used --source ${options.source}).`,
      plan.conflicts,
    );
  }
  if (options.planOnly === true || isNoop(plan)) return { catalog, plan };
  const result = await store.applyPlan(
    plan,
    { source: options.source, author: options.author, at: options.now ?? new Date() },
    snapshot.version,
  );
  return { catalog, plan, result };
}
