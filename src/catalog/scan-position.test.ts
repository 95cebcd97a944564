/**
 * The text scanner must agree with the `yaml` parser wherever it answers: checked on every field
 * path of every document of the bundled catalog and the fixtures, plus hand-written cases.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { FieldPath } from './catalog-document.js';
import { offsetOf } from './locate-finding.js';
import { scanPosition } from './scan-position.js';
import { splitDocuments } from './split-documents.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(name) ? [full] : [];
  });
}

function paths(value: unknown, prefix: FieldPath = [], depth = 0): FieldPath[] {
  if (depth > 5 || value === null || typeof value !== 'object') return [];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value as Record<string, unknown>);
  return entries.flatMap(([key, v]) => [
    [...prefix, key],
    ...paths(v, [...prefix, key], depth + 1),
  ]);
}

function byParser(text: string, p: FieldPath, atKey: boolean) {
  const lineCounter = new LineCounter();
  const ast = parseDocument(text, { lineCounter, uniqueKeys: false });
  const offset = offsetOf(ast, p, atKey);
  if (offset === undefined) return undefined;
  const pos = lineCounter.linePos(offset);
  return { line: Math.max(1, pos.line), column: Math.max(1, pos.col) };
}

describe('scanPosition', () => {
  const files = [
    ...yamlFiles(path.join(ROOT, 'catalog/psf')),
    ...yamlFiles(path.join(ROOT, 'test/fixtures/catalogs')).filter(
      (f) => statSync(f).size < 200_000,
    ),
    ...yamlFiles(path.join(ROOT, 'test/fixtures/cli')),
  ];

  it('agrees with the yaml parser on every field of every fixture document, and answers most', () => {
    let answered = 0;
    let asked = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      if (text.includes('\u0000')) continue;
      for (const segment of splitDocuments(text)) {
        let value: unknown;
        try {
          const doc = parseDocument(segment.text, { uniqueKeys: false });
          if (doc.errors.length > 0) continue;
          value = doc.toJS({ maxAliasCount: 100 });
        } catch {
          continue;
        }
        for (const p of paths(value)) {
          for (const atKey of typeof p.at(-1) === 'string' ? [false, true] : [false]) {
            const scanned = scanPosition(segment.text, p, atKey);
            asked++;
            if (scanned === undefined) continue;
            answered++;
            expect(
              scanned,
              `${path.relative(ROOT, file)} ${JSON.stringify(p)} atKey=${atKey}`,
            ).toEqual(byParser(segment.text, p, atKey));
          }
        }
      }
    }
    expect(asked).toBeGreaterThan(1000);
    expect(answered / asked).toBeGreaterThan(0.8);
  });

  it.each<[string, string, FieldPath, { line: number; column: number } | undefined]>([
    [
      'a nested block key',
      'kind: Service\nreviewed:\n  date: 2020-01-01\n  by: ada\n',
      ['reviewed', 'date'],
      { line: 3, column: 9 },
    ],
    [
      'a flow mapping',
      'kind: Service\nreviewed: {date: 2020-01-01, by: ada}\n',
      ['reviewed', 'by'],
      { line: 2, column: 34 },
    ],
    ['a flow sequence item', 'owners: [ada, grace]\n', ['owners', 1], { line: 1, column: 15 }],
    [
      'a block sequence item',
      'owners:\n  - ada\n  - grace\n',
      ['owners', 1],
      { line: 3, column: 5 },
    ],
    [
      'a sequence at the key’s indentation',
      'owners:\n- ada\n- grace\n',
      ['owners', 1],
      { line: 3, column: 3 },
    ],
    [
      'a key of a mapping item',
      'runsOn:\n  - provider: x\n    as: vm\n',
      ['runsOn', 0, 'as'],
      { line: 3, column: 9 },
    ],
    ['a quoted key (left to the parser)', '"owners": [a]\n', ['owners', 0], undefined],
    ['an anchor (left to the parser)', 'owners: &o [a]\n', ['owners', 0], undefined],
    [
      'a multi-line flow sequence (left to the parser)',
      'owners: [a,\n  b]\n',
      ['owners', 1],
      undefined,
    ],
  ])('%s', (_label, text, p, expected) => {
    expect(scanPosition(text, p)).toEqual(expected);
    if (expected) expect(byParser(text, p, false)).toEqual(expected);
  });
});
