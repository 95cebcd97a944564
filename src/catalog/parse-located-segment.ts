/**
 * The located path: the `yaml` package with positions, for documents with aliases or errors.
 * Nesting is estimated before parsing (a recursive parser must never see 100,000 `[`), aliases
 * are expanded with a limit (billion laughs), and every error carries its position.
 */
import { LineCounter, isMap, isScalar, parseAllDocuments, type Document, type Node } from 'yaml';
import type { Finding } from '../core/finding.js';
import type { CatalogDocument, DocumentFinding } from './catalog-document.js';
import { lineTooDeep } from './nesting-depth.js';
import type { ParsedCatalogFile } from './parse-catalog-file.js';
import { MAX_ALIAS_EXPANSION, MAX_DEPTH } from './parse-limits.js';
import { scanYamlDocument, type YamlDocumentScan } from './scan-yaml-document.js';
import type { DocumentSegment } from './split-documents.js';

const MAX_SYNTAX_ERRORS = 10;

export function tooDeepFinding(file: string, line: number): Finding {
  return {
    severity: 'error',
    code: 'yaml.too_deep',
    message: `nesting goes deeper than ${MAX_DEPTH} levels here; the document was not read`,
    location: { file, line, column: 1 },
  };
}

export function parseLocatedSegment(file: string, segment: DocumentSegment): ParsedCatalogFile {
  const deep = lineTooDeep(segment.text, MAX_DEPTH);
  if (deep !== undefined) {
    return { documents: [], findings: [tooDeepFinding(file, segment.lineOffset + deep)] };
  }
  const lineCounter = new LineCounter();
  const asts = parseAllDocuments(segment.text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: false,
  });
  const lastContent = Math.max(0, segment.text.trimEnd().length - 1);
  const documents: CatalogDocument[] = [];
  for (const ast of asts) {
    const findings = syntaxFindings(ast, lastContent);
    if (ast.contents === null && findings.length === 0) continue;
    const start = entityStart(ast, lineCounter);
    const doc: CatalogDocument = {
      file,
      value: undefined,
      readable: findings.every((f) => f.severity !== 'error'),
      line: start.line + segment.lineOffset,
      column: start.column,
      text: segment.text,
      lineOffset: segment.lineOffset,
      located: { ast, lineCounter, lineOffset: segment.lineOffset },
      findings,
    };
    const scan = scanYamlDocument(ast, MAX_DEPTH);
    doc.findings.push(...scanFindings(scan));
    if (scan.unresolvedAliases.length > 0 || scan.tooDeep !== undefined) doc.readable = false;
    if (doc.readable) readValue(doc, ast, scan);
    if (!doc.readable) doc.value = kindAndId(ast);
    if ((doc.value === null || doc.value === undefined) && doc.findings.length === 0) continue;
    documents.push(doc);
  }
  return { documents, findings: [] };
}

function readValue(doc: CatalogDocument, ast: Document, scan: YamlDocumentScan): void {
  try {
    doc.value = ast.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION });
  } catch (error) {
    doc.readable = false;
    const excessive = error instanceof Error && error.message.includes('Excessive alias count');
    doc.findings.push({
      severity: 'error',
      code: excessive ? 'yaml.alias_limit' : 'yaml.syntax',
      message: excessive
        ? `aliases here expand past ${MAX_ALIAS_EXPANSION} nodes (an alias bomb?); the document was not read`
        : `the document could not be read: ${error instanceof Error ? error.message : String(error)}`,
      path: [],
      offset: scan.firstAlias ?? 0,
    });
  }
}

/** Errors and unsupported tags; an error found at the end of the text is shown on its last line. */
function syntaxFindings(ast: Document.Parsed, lastContent: number): DocumentFinding[] {
  const errors = ast.errors.slice(0, MAX_SYNTAX_ERRORS).map((e): DocumentFinding => {
    const deep = e.message.includes('Maximum call stack');
    return {
      severity: 'error',
      code: deep ? 'yaml.too_deep' : 'yaml.syntax',
      message: deep ? 'nesting is too deep to read' : `YAML syntax error: ${e.message}`,
      path: [],
      offset: Math.min(e.pos[0], lastContent),
    };
  });
  const tags = ast.warnings
    .filter((w) => w.code === 'TAG_RESOLVE_FAILED')
    .slice(0, MAX_SYNTAX_ERRORS)
    .map((w): DocumentFinding => ({
      severity: 'error',
      code: 'yaml.tag',
      message: `${w.message}; catalog files use plain YAML without custom tags`,
      path: [],
      offset: w.pos[0],
    }));
  return [...errors, ...tags];
}

/** Findings from the scan that every position-tracking parse gets. */
function scanFindings(scan: YamlDocumentScan): DocumentFinding[] {
  const out: DocumentFinding[] = scan.duplicateKeys.map((d) => ({
    severity: 'error',
    code: 'yaml.duplicate_key',
    message: `duplicate key "${d.key}": it is already set above in the same mapping, and YAML keeps only one of them`,
    path: d.path,
    offset: d.offset,
  }));
  for (const a of scan.unresolvedAliases) {
    const wildcard = a.source.startsWith('.');
    out.push({
      severity: 'error',
      code: wildcard ? 'yaml.unquoted_wildcard' : 'yaml.alias',
      message: wildcard
        ? `*${a.source} is read by YAML as an alias, not as text: quote wildcard hostnames ("*${a.source}")`
        : `alias *${a.source} has no anchor &${a.source} before it (quote the value if "*" is meant as text)`,
      path: a.path,
      offset: a.offset,
    });
  }
  if (scan.tooDeep !== undefined) {
    out.push({
      severity: 'error',
      code: 'yaml.too_deep',
      message: `nesting goes deeper than ${MAX_DEPTH} levels; the document was not read`,
      path: [],
      offset: scan.tooDeep,
    });
  }
  return [...out, ...yaml11Findings(scan)];
}

export function yaml11Findings(scan: YamlDocumentScan): DocumentFinding[] {
  return scan.yaml11Booleans.map((b) => ({
    severity: 'warning',
    code: 'yaml.yaml11_boolean',
    message: `${b.word}: PyYAML reads this as a boolean; quote it ("${b.word}") if you mean the text`,
    path: b.path,
    offset: b.offset,
  }));
}

function entityStart(ast: Document, lineCounter: LineCounter): { line: number; column: number } {
  const contents = ast.contents;
  let offset = contents?.range?.[0] ?? ast.errors[0]?.pos[0] ?? 0;
  if (isMap(contents)) {
    const id = contents.items.find((p) => isScalar(p.key) && p.key.value === 'id');
    offset = (id?.key as Node | undefined)?.range?.[0] ?? offset;
  }
  const pos = lineCounter.linePos(offset);
  return { line: Math.max(1, pos.line), column: Math.max(1, pos.col) };
}

/** Kind and id of a document too broken to read, so that it still counts as declared. */
function kindAndId(ast: Document): Record<string, unknown> | undefined {
  if (!isMap(ast.contents)) return undefined;
  const out: Record<string, unknown> = {};
  for (const key of ['kind', 'id']) {
    const pair = ast.contents.items.find((p) => isScalar(p.key) && p.key.value === key);
    if (pair && isScalar(pair.value) && typeof pair.value.value === 'string') {
      out[key] = pair.value.value;
    }
  }
  return out;
}
