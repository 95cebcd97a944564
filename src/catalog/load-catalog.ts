/**
 * Loads a catalog directory: every `.yaml`/`.yml` file under it, every document in each, validated
 * by kind and then as a whole. Reports every problem in one run, each at the file, line and column
 * of the offending field; never throws for bad content (only for a missing directory).
 */
import { stat } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { checkCatalog, type Declaration } from '../core/check-catalog.js';
import type { Entity } from '../core/schema/entity.schema.js';
import { notFoundError } from '../core/errors.js';
import { compareFindings, type Finding } from '../core/finding.js';
import type { DesiredEntity } from '../core/plan.js';
import { isEntityKind } from '../core/schema/entity.schema.js';
import { yamlSourceMayHoldInvisible } from '../core/visible-text.js';
import type { CatalogDocument } from './catalog-document.js';
import { listCatalogFiles } from './list-catalog-files.js';
import { locateFinding } from './locate-finding.js';
import {
  newParseBudget,
  parseCatalogFile,
  type ParseBudget,
  type ParsedCatalogFile,
} from './parse-catalog-file.js';
import { MAX_FINDINGS_PER_DOCUMENT } from './parse-limits.js';
import { readCatalogFile } from './read-catalog-file.js';
import { DEFAULT_REVIEW_MAX_AGE_DAYS } from '../core/review-rule.js';
import {
  sourceMayHoldProtoKey,
  validateDocument,
  type ValidateDocumentOptions,
} from './validate-document.js';

export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;
const READ_CONCURRENCY = 16;

export interface LoadCatalogOptions {
  /** Files larger than this are reported (`file.too_large`) and not read. Default 5 MiB. */
  maxFileBytes?: number;
  /** Reviews older than this many days are reported as stale. Default 180. */
  reviewMaxAgeDays?: number;
  /** The day review ages are counted to. Default: now. */
  today?: Date;
  /**
   * Entities other sources already keep in the database: references may name them, and a second
   * infrastructure team is an error. Validation alone (no database) leaves this out.
   */
  external?: ExternalEntities | (() => Promise<ExternalEntities>);
}

export type ExternalEntities = readonly { entity: Entity; source: string }[];

export interface LoadedCatalog {
  /** The catalog directory, absolute. */
  root: string;
  /** Every catalog file found, relative to `root`, sorted. */
  files: string[];
  /** The entities whose documents are schema-valid, in file order. */
  entities: DesiredEntity[];
  /** Every problem, sorted by file, line and column. */
  findings: Finding[];
}

export async function loadCatalog(
  dir: string,
  options: LoadCatalogOptions = {},
): Promise<LoadedCatalog> {
  const target = resolve(dir);
  const info = await stat(target).catch(() => undefined);
  if (!info) throw notFoundError('catalog.not_found', `no catalog directory at ${dir}`);
  const root = info.isDirectory() ? target : dirname(target);
  const listed = info.isDirectory()
    ? await listCatalogFiles(root)
    : { files: [target], unreadable: [] };
  const absolute = listed.files;
  const relativePath = (f: string) => relative(root, f).split(sep).join('/');
  const files = absolute.map(relativePath);
  const parsed = await readAndParse(
    absolute,
    files,
    options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
  );

  const findings: Finding[] = parsed.flatMap((p) => p.findings);
  for (const { path, reason } of listed.unreadable) {
    findings.push({
      severity: 'error',
      code: 'file.unreadable',
      message: `this folder cannot be read (${reason}); its files were not checked`,
      location: { file: relativePath(path) || '.', line: 1, column: 1 },
    });
  }
  const documents = parsed.flatMap((p) => p.documents);
  const { declarations, declaredBy, entities } = collectDeclarations(documents);
  // Asked for only now, so that the database's copy is not held while files are parsed.
  const external =
    typeof options.external === 'function' ? await options.external() : options.external;
  const checks = checkCatalog(declarations, {
    today: options.today ?? new Date(),
    reviewMaxAgeDays: options.reviewMaxAgeDays ?? DEFAULT_REVIEW_MAX_AGE_DAYS,
    external: external?.map(({ entity, source }) => ({
      id: entity.id,
      kind: entity.kind,
      entity,
      source,
    })),
  });
  for (const { declaration, severity, code, message, path } of checks) {
    declaredBy[declaration]?.findings.push({ severity, code, message, path });
  }
  for (const doc of documents) {
    findings.push(...locateAll(doc));
    // Its findings are located: let its position-tracking parse go, so that tens of thousands of
    // them never live at once (at 100k entities with warnings: 1 GiB peak RSS and 5 s of GC).
    doc.located = undefined;
  }
  return { root, files, entities, findings: findings.sort(compareFindings) };
}

async function readAndParse(
  absolute: readonly string[],
  files: readonly string[],
  maxBytes: number,
): Promise<ParsedCatalogFile[]> {
  const out: ParsedCatalogFile[] = new Array<ParsedCatalogFile>(absolute.length);
  const budget: ParseBudget = newParseBudget();
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < absolute.length; i = next++) {
      const file = files[i]!;
      const read = await readCatalogFile(absolute[i]!, file, maxBytes);
      out[i] =
        'text' in read
          ? validateFile(parseCatalogFile(file, read.text, budget), {
              mayHoldProtoKey: sourceMayHoldProtoKey(read.text),
            })
          : { documents: [], findings: [read.finding] };
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, absolute.length) }, worker));
  return out;
}

/**
 * Validates each document of a file as soon as it is parsed, and drops its parsed value: only the
 * validated entity lives on, so the parser's objects die young (cheap for the garbage collector).
 */
function validateFile(
  parsed: ParsedCatalogFile,
  options: ValidateDocumentOptions,
): ParsedCatalogFile {
  for (const doc of parsed.documents) {
    if (!doc.readable) {
      const { kind, id } = (doc.value ?? {}) as { kind?: unknown; id?: unknown };
      if (typeof id === 'string') doc.entityId = id;
      if (isEntityKind(kind) && typeof id === 'string') doc.declares = { kind, id };
    } else {
      const result = validateDocument(doc.value, options);
      doc.findings.push(...result.findings);
      if (result.id !== undefined) doc.entityId = result.id;
      if (result.kind !== undefined && result.id !== undefined) {
        doc.declares = {
          kind: result.kind,
          id: result.id,
          entity: result.entity,
          salvaged: result.salvaged,
        };
      }
    }
    doc.value = undefined;
  }
  return parsed;
}

function collectDeclarations(documents: readonly CatalogDocument[]): {
  declarations: Declaration[];
  declaredBy: CatalogDocument[];
  entities: DesiredEntity[];
} {
  const declarations: Declaration[] = [];
  const declaredBy: CatalogDocument[] = [];
  const entities: DesiredEntity[] = [];
  for (const doc of documents) {
    if (!doc.declares) continue;
    const origin = { file: doc.file, line: doc.line };
    const { kind, id, entity, salvaged } = doc.declares;
    const plainText = !yamlSourceMayHoldInvisible(doc.text);
    declarations.push({ id, kind, origin, entity, salvaged, plainText });
    declaredBy.push(doc);
    if (entity) entities.push({ entity, origin });
  }
  return { declarations, declaredBy, entities };
}

/** The document's findings with their positions, at most MAX_FINDINGS_PER_DOCUMENT of them. */
function locateAll(doc: CatalogDocument): Finding[] {
  const shown = doc.findings.slice(0, MAX_FINDINGS_PER_DOCUMENT).map((f) => locateFinding(doc, f));
  const hidden = doc.findings.length - shown.length;
  if (hidden > 0) {
    shown.push(
      locateFinding(doc, {
        severity: 'error',
        code: 'document.too_many_findings',
        message: `${hidden} more problems in this document are not shown; fix the ones above first`,
        path: [],
      }),
    );
  }
  return shown;
}
