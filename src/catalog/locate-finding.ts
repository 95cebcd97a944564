/**
 * Turns a field path inside a document into the line and column a user sees: the key of an
 * unknown field, the value of a wrong one, or the closest enclosing node when the field is missing.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { Finding, SourceLocation } from '../core/finding.js';
import { scanPosition } from './scan-position.js';
import {
  documentId,
  locatedDocument,
  type CatalogDocument,
  type DocumentFinding,
  type FieldPath,
} from './catalog-document.js';

export function locateFinding(doc: CatalogDocument, f: DocumentFinding): Finding {
  const id = documentId(doc);
  return {
    severity: f.severity,
    code: f.code,
    message: f.message,
    location: locate(doc, f),
    ...(id !== undefined ? { entityId: id } : {}),
    ...(f.path.length > 0 ? { path: f.path } : {}),
  };
}

function locate(doc: CatalogDocument, f: DocumentFinding): SourceLocation {
  if (f.offset === undefined && f.path.length === 0) {
    return { file: doc.file, line: doc.line, column: doc.column };
  }
  // Most paths are found by scanning the text; the parse with positions is the fallback.
  if (f.offset === undefined && !doc.located) {
    const scanned = scanPosition(doc.text, f.path, f.atKey === true);
    if (scanned)
      return { file: doc.file, line: scanned.line + doc.lineOffset, column: scanned.column };
  }
  const located = locatedDocument(doc);
  if (!located) return { file: doc.file, line: doc.line, column: doc.column };
  const { ast, lineCounter, lineOffset } = located;
  const offset = f.offset ?? offsetOf(ast, f.path, f.atKey === true);
  if (offset === undefined) return { file: doc.file, line: doc.line, column: doc.column };
  const pos = lineCounter.linePos(offset);
  return { file: doc.file, line: Math.max(1, pos.line) + lineOffset, column: Math.max(1, pos.col) };
}

function start(node: Node | null | undefined): number | undefined {
  return node?.range?.[0];
}

function isEmptyScalar(node: unknown): boolean {
  return isScalar(node) && node.value === null && node.source === '';
}

/** Offset of the node at `path`, or of the deepest node on the way to it. */
export function offsetOf(ast: Document, path: FieldPath, atKey: boolean): number | undefined {
  let node: unknown = ast.contents;
  let best = start(ast.contents);
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const last = i === path.length - 1;
    // Inside an alias, point at the alias itself (resolving it would walk the whole document).
    if (isAlias(node)) return best;
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isScalar(p.key) && String(p.key.value) === String(segment),
      );
      if (!pair) return best;
      const keyStart = start(pair.key as Node);
      if ((last && atKey) || pair.value === null || isEmptyScalar(pair.value)) return keyStart;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item: unknown = node.items[segment];
      if (item === undefined) return best;
      node = item;
    } else {
      return best;
    }
    best = start(node as Node) ?? best;
  }
  return best;
}
