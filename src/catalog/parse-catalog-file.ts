/**
 * Parses one catalog file, one document at a time. Clean documents take the fast path: js-yaml (or, for
 * the plain block shape most documents have, plain-block-yaml.ts, which gives what js-yaml gives), no
 * positions. A document with anchors or aliases, or one js-yaml refuses, takes the located path
 * (parse-located-segment.ts: positions, alias limits, every error). The located parser is slow on
 * broken text, so what it may be given is bounded: past the bounds, js-yaml's own error is shown.
 */
import { CORE_SCHEMA, load, type LoadOptions } from 'js-yaml';
import type { Finding } from '../core/finding.js';
import { locatedDocument, type CatalogDocument } from './catalog-document.js';
import { parseLocatedSegment, tooDeepFinding, yaml11Findings } from './parse-located-segment.js';
import { MAX_ALIASES, MAX_DEPTH, MAX_LOCATED_BYTES } from './parse-limits.js';
import { parsePlainBlockYaml } from './plain-block-yaml.js';
import { YAML11_BOOLEAN, scanYamlDocument } from './scan-yaml-document.js';
import {
  countAliasTokens,
  entityPosition,
  hasAnchorsOrAliases,
  splitDocuments,
  type DocumentSegment,
} from './split-documents.js';

export interface ParsedCatalogFile {
  documents: CatalogDocument[];
  /** Problems with the file as a whole, already located. */
  findings: Finding[];
}

/** How much text js-yaml refused may still go to the (slow on broken text) located parser, over a
 * whole catalog load. Broken documents past it still get js-yaml's error, with its position. */
export interface ParseBudget {
  brokenBytes: number;
}

export function newParseBudget(): ParseBudget {
  return { brokenBytes: 256 * 1024 };
}

const JS_YAML_OPTIONS: LoadOptions & { maxDepth: number } = {
  schema: CORE_SCHEMA,
  maxDepth: MAX_DEPTH,
};

export function parseCatalogFile(
  file: string,
  text: string,
  budget: ParseBudget = newParseBudget(),
): ParsedCatalogFile {
  const out: ParsedCatalogFile = { documents: [], findings: [] };
  for (const segment of splitDocuments(text)) {
    try {
      const parsed = parseSegment(file, segment, budget);
      out.documents.push(...parsed.documents);
      out.findings.push(...parsed.findings);
    } catch (error) {
      out.findings.push({
        severity: 'error',
        code: error instanceof RangeError ? 'yaml.too_deep' : 'yaml.syntax',
        message: `this document could not be parsed: ${error instanceof Error ? error.message : String(error)}`,
        location: { file, line: segment.lineOffset + 1, column: 1 },
      });
    }
  }
  return out;
}

interface JsYamlError {
  reason?: string;
  message: string;
  mark?: { line?: number; column?: number };
}

function parseSegment(
  file: string,
  segment: DocumentSegment,
  budget: ParseBudget,
): ParsedCatalogFile {
  let value: unknown;
  try {
    // The common shape first (twice as fast, half the garbage); js-yaml for everything else.
    const plain = parsePlainBlockYaml(segment.text);
    value = plain ? plain.value : load(segment.text, JS_YAML_OPTIONS);
  } catch (thrown) {
    const error = thrown as JsYamlError;
    const line = segment.lineOffset + (error.mark?.line ?? 0) + 1;
    if (error.message.startsWith('nesting exceeded maxDepth')) {
      return { documents: [], findings: [tooDeepFinding(file, line)] };
    }
    if (segment.text.length <= Math.min(budget.brokenBytes, MAX_LOCATED_BYTES)) {
      budget.brokenBytes -= segment.text.length;
      return parseLocatedSegment(file, segment);
    }
    return { documents: [], findings: [jsYamlFinding(file, line, error)] };
  }
  if (hasAnchorsOrAliases(segment.text)) {
    const aliases = countAliasTokens(segment.text);
    if (segment.text.length > MAX_LOCATED_BYTES || aliases > MAX_ALIASES) {
      return { documents: [], findings: [aliasLimitFinding(file, segment, aliases)] };
    }
    return parseLocatedSegment(file, segment);
  }
  if (value === null || value === undefined) return { documents: [], findings: [] };
  return { documents: [fastDocument(file, segment, value)], findings: [] };
}

function fastDocument(file: string, segment: DocumentSegment, value: unknown): CatalogDocument {
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
  const located = mayHaveYaml11Booleans(value) ? locatedDocument(doc) : undefined;
  if (located) doc.findings.push(...yaml11Findings(scanYamlDocument(located.ast, MAX_DEPTH)));
  return doc;
}

function jsYamlFinding(file: string, line: number, error: JsYamlError): Finding {
  const reason = error.reason ?? error.message;
  const duplicate = reason.startsWith('duplicated mapping key');
  return {
    severity: 'error',
    code: duplicate ? 'yaml.duplicate_key' : 'yaml.syntax',
    message: duplicate
      ? 'duplicate key: YAML keeps only one of them'
      : `YAML syntax error: ${reason}`,
    location: { file, line, column: (error.mark?.column ?? 0) + 1 },
  };
}

function aliasLimitFinding(file: string, segment: DocumentSegment, aliases: number): Finding {
  const match = /(?:^|[\s,[\]{}:?-])[&*]/.exec(segment.text);
  const offset = match ? match.index + match[0].length - 1 : 0;
  const lineStart = segment.text.lastIndexOf('\n', offset - 1) + 1;
  const line = segment.lineOffset + segment.text.slice(0, offset).split('\n').length;
  return {
    severity: 'error',
    code: 'yaml.alias_limit',
    message:
      aliases > MAX_ALIASES
        ? `this document uses about ${aliases} aliases, over the limit of ${MAX_ALIASES}; it was not read`
        : `this document uses anchors and is over ${MAX_LOCATED_BYTES / 1024} KiB; it was not read`,
    location: { file, line, column: offset - lineStart + 1 },
  };
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
      for (const item of v as unknown[]) stack.push(item);
    } else if (v !== null && typeof v === 'object') {
      for (const key of Object.keys(v)) {
        if (key.length <= 3 && YAML11_BOOLEAN.test(key)) return true;
        stack.push((v as Record<string, unknown>)[key]);
      }
    }
  }
  return false;
}
