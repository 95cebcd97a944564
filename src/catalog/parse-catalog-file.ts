/**
 * Parses one catalog file into documents. Clean files take the fast path: js-yaml, one document
 * at a time, no positions. Files with anchors or aliases, directives, or anything js-yaml refuses
 * take the full path (parse-located-file.ts), which tracks positions and limits aliases.
 */
import { CORE_SCHEMA, load, type LoadOptions } from 'js-yaml';
import type { Finding } from '../core/finding.js';
import { locatedDocument, type CatalogDocument } from './catalog-document.js';
import {
  MAX_DEPTH,
  parseLocatedFile,
  tooDeepFinding,
  yaml11Findings,
} from './parse-located-file.js';
import { YAML11_BOOLEAN, scanYamlDocument } from './scan-yaml-document.js';
import { entityPosition, needsFullParse, splitDocuments } from './split-documents.js';

export interface ParsedCatalogFile {
  documents: CatalogDocument[];
  /** Problems with the file as a whole, already located. */
  findings: Finding[];
}

const JS_YAML_OPTIONS: LoadOptions & { maxDepth: number } = {
  schema: CORE_SCHEMA,
  maxDepth: MAX_DEPTH,
};

export function parseCatalogFile(file: string, text: string): ParsedCatalogFile {
  try {
    return (
      (needsFullParse(text) ? undefined : parseFast(file, text)) ?? parseLocatedFile(file, text)
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const finding: Finding = {
      severity: 'error',
      code: error instanceof RangeError ? 'yaml.too_deep' : 'yaml.syntax',
      message: `the file could not be parsed: ${reason}`,
      location: { file, line: 1, column: 1 },
    };
    return { documents: [], findings: [finding] };
  }
}

/** The fast path, or undefined when the file needs the full one. */
function parseFast(file: string, text: string): ParsedCatalogFile | undefined {
  const documents: CatalogDocument[] = [];
  for (const segment of splitDocuments(text)) {
    let value: unknown;
    try {
      value = load(segment.text, JS_YAML_OPTIONS);
    } catch (error) {
      const mark = (error as { mark?: { line?: number } }).mark;
      if (error instanceof Error && error.message.startsWith('nesting exceeded maxDepth')) {
        return {
          documents: [],
          findings: [tooDeepFinding(file, segment.lineOffset + (mark?.line ?? 0) + 1)],
        };
      }
      return undefined;
    }
    if (value === null || value === undefined) continue;
    const position = entityPosition(segment.text);
    const doc: CatalogDocument = {
      file,
      value,
      readable: true,
      line: position.line + segment.lineOffset,
      column: position.column,
      text: segment.text,
      lineOffset: segment.lineOffset,
      findings: [],
    };
    if (mayHaveYaml11Booleans(value)) {
      doc.findings.push(...yaml11Findings(scanYamlDocument(locatedDocument(doc).ast, MAX_DEPTH)));
    }
    documents.push(doc);
  }
  return { documents, findings: [] };
}

/** Whether any key or text value is one of YAML 1.1's boolean words (quoted or not: only the
 * position-tracking parse can tell). */
function mayHaveYaml11Booleans(value: unknown): boolean {
  const stack = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (v.length <= 3 && YAML11_BOOLEAN.test(v)) return true;
    } else if (Array.isArray(v)) {
      stack.push(...(v as unknown[]));
    } else if (v !== null && typeof v === 'object') {
      for (const [key, item] of Object.entries(v)) {
        if (key.length <= 3 && YAML11_BOOLEAN.test(key)) return true;
        stack.push(item);
      }
    }
  }
  return false;
}
