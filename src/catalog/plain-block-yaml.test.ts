/**
 * The plain block parser must give exactly what js-yaml gives wherever it answers: checked on
 * every document of the bundled catalog and the fixtures, plus hand-written cases, each also
 * taken apart line by line (every prefix of a document is a document too).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORE_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH } from './parse-limits.js';
import { parsePlainBlockYaml } from './plain-block-yaml.js';
import { splitDocuments } from './split-documents.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(name) ? [full] : [];
  });
}

/** What js-yaml gives, or its error. */
function byJsYaml(text: string): { value: unknown } | { error: string } {
  try {
    return { value: load(text, { schema: CORE_SCHEMA, maxDepth: MAX_DEPTH } as never) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** Answers only where js-yaml reads the same value, keys in the same order. */
function expectAgreement(text: string): boolean {
  const fast = parsePlainBlockYaml(text);
  if (!fast) return false;
  const expected = byJsYaml(text);
  expect(expected, text).toEqual({ value: fast.value });
  expect(JSON.stringify(fast.value), text).toBe(
    JSON.stringify((expected as { value: unknown }).value),
  );
  return true;
}

const CASES = [
  'kind: Service\nid: a\nname: A\n',
  '---\nkind: Service\nid: a\ntags:\n  - x\n  - "y"\n  - \'z\'\nowners:\n- p\n- q\nname: N\n',
  'a: 1\nb: 1.5\nc: -2\nd: +3\ne: 0x1F\nf: 0o17\ng: .inf\nh: -.Inf\ni: .nan\nj: 1e3\nk: 1_000\n',
  'a: ~\nb: null\nc: Null\nd: NULL\ne: nil\nf: true\ng: True\nh: FALSE\ni: yes\nj: no\nk: on\nl: off\n',
  'null: 1\nTrue: 2\nFALSE: 3\nyes: 4\n',
  'a: 2025-09-30\nb: "2025-09-30"\nc: 12:30\nd: 1:2:3\ne: 1.2.3\nf: 0.5.\n',
  "url: https://example.org/a#b\nnote: text # a comment\nother: a#b\nq: \"quoted\" # c\nr: 'it''s'\n",
  'a:\nb:   \nc: # only a comment\nd:\n  e: 1\n',
  'runsOn:\n  - host: h\n    as: vm\n  -   provider: p\n      as: x\n  - plain\n',
  'a:\n  - b:\n    - c\n    - d\n    e: 1\n',
  'a: b: c\n',
  'a: b:\n',
  'a: "unterminated\n',
  'a: "esc\\"aped"\n',
  'a: [x, y]\nb: {c: d}\n',
  'a: &anchor x\nb: *anchor\n',
  'a: |\n  block\n',
  'a: plain\n  continued\n',
  'a: 1\na: 2\n',
  '__proto__: x\n',
  'a:\n  b: 1\n   c: 2\n',
  'a:\n  - x\n   - y\n',
  '- a\n- b\n',
  'a:\n-\n',
  'a:\n  -\n',
  'a: \t1\n',
  'a: "x"y\n',
  "a: 'x'y\n",
  'a: -1\nb: -x\nc: ?x\nd: :x\ne: %x\nf: @x\ng: `x\n',
  'a: x\r\nb: y\r\n',
  'a: é\n',
  '---\n',
  '--- \nkind: X\n',
  '--- # c\nkind: X\n',
  '# only a comment\n',
  'a: 1\n...\nb: 2\n',
  'a: 1\n---\nb: 2\n',
  '  a: 1\n  b: 2\n',
  'a:\n    b: 1\n    c: 2\nd: 3\n',
  'a: x  \nb: "y"  \nc:   z   # c  \n',
  'key:value\n',
  'key : value\n',
  '"key": value\n',
  'a: 1 #c\n  # deeper comment\nb: 2\n',
  'a: 1\n# comment\n  b: 2\n',
  'a:\n  # comment\n  b: 1\n',
  `a: ${'x'.repeat(2000)}\n`,
  `${'k'.repeat(1100)}: v\n`,
];

describe('parsePlainBlockYaml', () => {
  it('agrees with js-yaml on every document of the bundled catalog and the fixtures', () => {
    let answered = 0;
    for (const file of [
      ...yamlFiles(path.join(ROOT, 'catalog')),
      ...yamlFiles(path.join(ROOT, 'test/fixtures')),
    ]) {
      for (const segment of splitDocuments(readFileSync(file, 'utf8'))) {
        if (expectAgreement(segment.text)) answered++;
      }
    }
    // It must answer for the common shape, or it is of no use.
    expect(answered).toBeGreaterThan(40);
  });

  it('agrees with js-yaml on hand-written cases and on every prefix of them', () => {
    for (const text of CASES) {
      const lines = text.split('\n');
      for (let n = 1; n <= lines.length; n++) expectAgreement(lines.slice(0, n).join('\n'));
    }
  });

  it('agrees with js-yaml on fixture documents with random edits (a fixed seed)', () => {
    const documents = [
      ...yamlFiles(path.join(ROOT, 'catalog')),
      ...yamlFiles(path.join(ROOT, 'test/fixtures')),
    ].flatMap((file) => splitDocuments(readFileSync(file, 'utf8')).map((s) => s.text));
    const pieces = [
      ' ',
      '  ',
      '\n',
      ':',
      ': ',
      '- ',
      '-',
      '#',
      ' #',
      '"',
      "'",
      "''",
      '~',
      'null',
      'True',
      'yes',
      '0',
      '1.5',
      '.inf',
      '0x1f',
      '-1',
      '+1',
      '1e3',
      '_',
      'key: v',
      '\n  ',
      '\n- ',
      '\n  - ',
      '[',
      ']',
      '{',
      '}',
      ',',
      '&a',
      '*a',
      '!',
      '|',
      '>',
      '?',
      '%',
      '@',
      '`',
      '\\',
      '---',
      '...',
      'é',
      '\t',
      '\r',
      'x:y',
      ' : ',
      '__proto__',
    ];
    let seed = 12345;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    let answered = 0;
    for (let i = 0; i < 20_000; i++) {
      let text = documents[random(documents.length)]!;
      for (let edits = 1 + random(3); edits > 0; edits--) {
        const at = random(text.length + 1);
        const lines = text.split('\n');
        switch (random(4)) {
          case 0:
            text = text.slice(0, at) + pieces[random(pieces.length)]! + text.slice(at);
            break;
          case 1:
            text = text.slice(0, at) + text.slice(at + 1 + random(3));
            break;
          case 2:
            lines.splice(random(lines.length), 0, lines[random(lines.length)]!);
            text = lines.join('\n');
            break;
          default: {
            const n = random(lines.length);
            lines[n] = ' '.repeat(random(4)) + lines[n]!.trimStart();
            text = lines.join('\n');
          }
        }
      }
      if (expectAgreement(text)) answered++;
    }
    expect(answered).toBeGreaterThan(1_000);
  });

  it('answers for plain block documents and leaves everything else to js-yaml', () => {
    expect(parsePlainBlockYaml(CASES[1]!)?.value).toEqual({
      kind: 'Service',
      id: 'a',
      tags: ['x', 'y', 'z'],
      owners: ['p', 'q'],
      name: 'N',
    });
    for (const other of [
      'a: [x, y]\n',
      'a: &x 1\n',
      'a: |\n  b\n',
      'a: plain\n  continued\n',
      'a: 1\na: 2\n',
      'a: "esc\\"aped"\n',
      'a: é\n',
      'a: \t1\n',
      '__proto__: x\n',
    ]) {
      expect(parsePlainBlockYaml(other), other).toBeUndefined();
    }
  });
});
