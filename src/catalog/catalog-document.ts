/**
 * One YAML document of a catalog file, as the loader passes it between parsing, validation and
 * locating. Documents parsed on the fast path (js-yaml) carry only their text; the position-tracking
 * parse (`yaml`) is made lazily, and only for documents that have a finding to locate.
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { Severity } from '../core/finding.js';
import type { Entity, EntityKind } from '../core/schema/entity.schema.js';
import { MAX_LOCATED_BYTES } from './parse-limits.js';

export type FieldPath = (string | number)[];

export interface LocatedDocument {
  ast: Document.Parsed;
  lineCounter: LineCounter;
  /** Lines before the text that `ast` was parsed from (0 when parsed from the whole file). */
  lineOffset: number;
}

export interface CatalogDocument {
  /** Path relative to the catalog directory. */
  file: string;
  /** The document's value; for a document too broken to read, just its kind and id, if found. */
  value: unknown;
  /** False when the document could not be read in full: it is declared, but not validated. */
  readable: boolean;
  /** Where the entity is: its `id` key, else its first line. */
  line: number;
  column: number;
  /** The document's own text and where it starts, to parse it again with positions. */
  text: string;
  lineOffset: number;
  located?: LocatedDocument;
  /** Problems found in this document so far, located at the end. */
  findings: DocumentFinding[];
  /** Set by validation (which then drops `value`): the id it names, and what it declares. */
  entityId?: string;
  declares?: { kind: EntityKind; id: string; entity?: Entity; salvaged?: Entity };
}

/** A finding inside one document, located by field path once every finding is known. */
export interface DocumentFinding {
  severity: Severity;
  code: string;
  message: string;
  path: FieldPath;
  /** Point at the key of the last path element (unknown fields) rather than at its value. */
  atKey?: boolean;
  /** An exact position already known (offset into the document's parsed text). */
  offset?: number;
}

/** The position-tracking parse of one document, made once and kept; undefined for a document too
 * large to parse again (its findings are then shown at the entity's line). */
export function locatedDocument(doc: CatalogDocument): LocatedDocument | undefined {
  if (!doc.located && doc.text.length <= MAX_LOCATED_BYTES) {
    const lineCounter = new LineCounter();
    const ast = parseDocument(doc.text, { lineCounter, prettyErrors: false, uniqueKeys: false });
    doc.located = { ast, lineCounter, lineOffset: doc.lineOffset };
  }
  return doc.located;
}

/** The id of the entity a document declares, when it has a text one. */
export function documentId(doc: CatalogDocument): string | undefined {
  if (doc.entityId !== undefined) return doc.entityId;
  const v = doc.value;
  if (v === null || typeof v !== 'object' || Array.isArray(v) || !Object.hasOwn(v, 'id')) {
    return undefined;
  }
  const id = (v as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}
