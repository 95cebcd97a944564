/**
 * Parsing one Backstage file with the `yaml` package, keeping positions so that every finding
 * and every report line can name `file:line:column` of the field it is about.
 */
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  type Document,
  type Node,
} from 'yaml';
import type { Finding } from '../../core/finding.js';

export type FieldPath = readonly (string | number)[];

export interface Position {
  line: number;
  column: number;
}

/** One YAML document of a file, as a plain value, with a way to locate any field in it. */
export interface SourceDocument {
  /** The file as shown to the user (relative to the working directory where possible). */
  file: string;
  /** The absolute path, for resolving Location targets. */
  absPath: string;
  /** 0-based index of the document in its file. */
  index: number;
  value: unknown;
  /** Position of the key (or sequence item) at `path`, or of its nearest existing ancestor. */
  locate: (path: FieldPath) => Position;
}

const MAX_ALIAS_COUNT = 100;

function locator(doc: Document, lines: LineCounter): (path: FieldPath) => Position {
  return (path) => {
    let node: unknown = doc.contents;
    let offset = doc.contents?.range?.[0] ?? 0;
    for (const segment of path) {
      if (isAlias(node)) node = node.resolve(doc);
      if (isMap(node)) {
        const pair = node.items.find(
          (p) => isScalar(p.key) && String(p.key.value) === String(segment),
        );
        if (pair === undefined) break;
        offset = (pair.key as Node).range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item: unknown = node.items[segment];
        if (item === undefined || item === null) break;
        offset = (item as Node).range?.[0] ?? offset;
        node = item;
      } else {
        break;
      }
    }
    const pos = lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
}

export interface ParsedFile {
  documents: SourceDocument[];
  findings: Finding[];
}

/** Parse every document of a file; syntax errors and alias bombs become located findings. */
export function parseSourceFile(text: string, file: string, absPath: string): ParsedFile {
  const lines = new LineCounter();
  const parsed = parseAllDocuments(text, {
    lineCounter: lines,
    uniqueKeys: true,
    prettyErrors: true,
  });
  const docs = Array.isArray(parsed) ? parsed : [];
  const findings: Finding[] = [];
  const documents: SourceDocument[] = [];
  docs.forEach((doc, index) => {
    const errors = doc.errors;
    if (errors.length > 0) {
      for (const error of errors) {
        const pos = error.linePos?.[0] ?? lines.linePos(error.pos[0]);
        const duplicate = error.code === 'DUPLICATE_KEY';
        findings.push({
          severity: 'error',
          code: duplicate ? 'yaml.duplicate_key' : 'yaml.syntax',
          message: duplicate
            ? 'the same key appears twice in one mapping'
            : `invalid YAML: ${(error.message.split('\n')[0] ?? error.code).replace(/ at line \d+, column \d+:?$/, '')}`,
          location: { file, line: pos.line, column: pos.col },
        });
      }
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch {
      const pos = lines.linePos((doc.contents as Node | null)?.range?.[0] ?? 0);
      findings.push({
        severity: 'error',
        code: 'yaml.alias_limit',
        message: `too many alias expansions (more than ${MAX_ALIAS_COUNT}); refusing to expand`,
        location: { file, line: pos.line, column: pos.col },
      });
      return;
    }
    if (value === null || value === undefined) return;
    documents.push({ file, absPath, index, value, locate: locator(doc, lines) });
  });
  return { documents, findings };
}
