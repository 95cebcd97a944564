/**
 * Reads, parses and validates a batch of catalog files: the per-file work of loading a catalog,
 * the same whether it runs on the main thread or in the helper thread (parse-files-worker.ts).
 */
import { isEntityKind } from '../core/schema/entity.schema.js';
import {
  parseCatalogFile,
  type ParseBudget,
  type ParsedCatalogFile,
} from './parse-catalog-file.js';
import { readCatalogFile } from './read-catalog-file.js';
import { validateDocument } from './validate-document.js';

const READ_CONCURRENCY = 16;

export interface FileBatch {
  /** Absolute paths, and the same files relative to the catalog root. */
  absolute: readonly string[];
  files: readonly string[];
  maxBytes: number;
}

/** Each file's parsed and validated documents, in the batch's order. */
export async function parseFileBatch(
  batch: FileBatch,
  budget: ParseBudget,
): Promise<ParsedCatalogFile[]> {
  const { absolute, files, maxBytes } = batch;
  const out: ParsedCatalogFile[] = new Array<ParsedCatalogFile>(absolute.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < absolute.length; i = next++) {
      const file = files[i]!;
      const read = await readCatalogFile(absolute[i]!, file, maxBytes);
      out[i] =
        'text' in read
          ? validateFile(parseCatalogFile(file, read.text, budget))
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
function validateFile(parsed: ParsedCatalogFile): ParsedCatalogFile {
  for (const doc of parsed.documents) {
    if (!doc.readable) {
      const { kind, id } = (doc.value ?? {}) as { kind?: unknown; id?: unknown };
      if (typeof id === 'string') doc.entityId = id;
      if (isEntityKind(kind) && typeof id === 'string') doc.declares = { kind, id };
    } else {
      const result = validateDocument(doc.value);
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
