/**
 * One pass, in document order and without recursion, over a position-tracking YAML document:
 * duplicate keys (each one, naming the first), unquoted YAML 1.1 booleans, aliases (and those
 * whose anchor is missing, such as an unquoted `*.python.org`), and nesting past a limit.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { FieldPath } from './catalog-document.js';

export const YAML11_BOOLEAN = /^(?:y|n|yes|no|on|off)$/i;

export interface YamlDocumentScan {
  duplicateKeys: { key: string; offset: number; firstOffset: number; path: FieldPath }[];
  yaml11Booleans: { word: string; offset: number; path: FieldPath }[];
  unresolvedAliases: { source: string; offset: number; path: FieldPath }[];
  /** Offset of the first alias, if any. */
  firstAlias?: number;
  /** Offset of the first node nested deeper than the limit, if any. */
  tooDeep?: number;
}

interface Visit {
  node: unknown;
  path: FieldPath;
  depth: number;
}

function startOf(node: unknown): number {
  return (node as Node | null)?.range?.[0] ?? 0;
}

export function scanYamlDocument(ast: Document, maxDepth: number): YamlDocumentScan {
  const scan: YamlDocumentScan = { duplicateKeys: [], yaml11Booleans: [], unresolvedAliases: [] };
  const anchors = new Set<string>();
  const stack: Visit[] = [{ node: ast.contents, path: [], depth: 0 }];
  while (stack.length > 0) {
    const { node, path, depth } = stack.pop()!;
    if (node === null || node === undefined) continue;
    if (depth > maxDepth) {
      scan.tooDeep ??= startOf(node);
      continue;
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (typeof anchor === 'string') anchors.add(anchor);
    if (isAlias(node)) {
      scan.firstAlias ??= startOf(node);
      if (!anchors.has(node.source)) {
        scan.unresolvedAliases.push({ source: node.source, offset: startOf(node), path });
      }
    } else if (isScalar(node)) {
      if (
        node.type === 'PLAIN' &&
        typeof node.value === 'string' &&
        YAML11_BOOLEAN.test(node.value)
      ) {
        scan.yaml11Booleans.push({ word: node.value, offset: startOf(node), path });
      }
    } else if (isMap(node)) {
      const children: Visit[] = [];
      const firstByKey = new Map<string, number>();
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        const childPath = key === undefined ? path : [...path, key];
        if (key !== undefined) {
          const first = firstByKey.get(key);
          if (first === undefined) firstByKey.set(key, startOf(pair.key));
          else {
            scan.duplicateKeys.push({
              key,
              offset: startOf(pair.key),
              firstOffset: first,
              path: childPath,
            });
          }
        }
        children.push({ node: pair.key, path: childPath, depth: depth + 1 });
        children.push({ node: pair.value, path: childPath, depth: depth + 1 });
      }
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        stack.push({ node: node.items[i], path: [...path, i], depth: depth + 1 });
      }
    }
  }
  return scan;
}
