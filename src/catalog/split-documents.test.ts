import { describe, expect, it } from 'vitest';
import {
  countAliasTokens,
  entityPosition,
  hasAnchorsOrAliases,
  splitDocuments,
} from './split-documents.js';

describe('splitDocuments', () => {
  it('starts a document at every --- line at column 0, counting the lines before it', () => {
    const text = 'a: 1\n---\nb: 2\nc: |\n  ---x\n--- {d: 4}\n---\n';
    expect(splitDocuments(text)).toEqual([
      { text: 'a: 1\n', lineOffset: 0 },
      { text: '---\nb: 2\nc: |\n  ---x\n', lineOffset: 1 },
      { text: '--- {d: 4}\n', lineOffset: 5 },
      { text: '---\n', lineOffset: 6 },
    ]);
  });

  it('keeps directives with the document they introduce', () => {
    expect(splitDocuments('%YAML 1.2\n# c\n---\na: 1\n')).toEqual([
      { text: '%YAML 1.2\n# c\n---\na: 1\n', lineOffset: 0 },
    ]);
  });

  it('does not split on ---- or on an indented ---', () => {
    expect(splitDocuments('a: |\n ---\n----: 1\n')).toHaveLength(1);
  });
});

describe('entityPosition', () => {
  const cases: { text: string; line: number; column: number }[] = [
    { text: 'kind: Person\nid: x\n', line: 2, column: 1 },
    { text: '---\n# comment\n\nkind: Person\n', line: 4, column: 1 },
    { text: '---\n  {kind: Person, id: x}\n', line: 2, column: 3 },
    { text: 'notes: |\n  id: no\nid: yes\n', line: 3, column: 1 },
  ];
  it.each(cases)('$text', ({ text, line, column }) => {
    expect(entityPosition(text)).toEqual({ line, column });
  });
});

describe('anchors and aliases', () => {
  const cases: { text: string; found: boolean; aliases: number }[] = [
    { text: 'a: &x 1\nb: *x\n', found: true, aliases: 1 },
    { text: 'a: [*x, *y]\n- *z\n', found: true, aliases: 3 },
    {
      text: 'hostnames: ["*.python.org"]\nurl: https://x.org/?a=1&b=2\n',
      found: false,
      aliases: 0,
    },
    { text: 'email: a&b@x.org\n', found: false, aliases: 0 },
  ];
  it.each(cases)('$text', ({ text, found, aliases }) => {
    expect(hasAnchorsOrAliases(text)).toBe(found);
    expect(countAliasTokens(text)).toBe(aliases);
  });
});
