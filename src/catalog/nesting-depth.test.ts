import { describe, expect, it } from 'vitest';
import { lineTooDeep } from './nesting-depth.js';

const deepBlockScalar = `notes: |\n${Array.from({ length: 100 }, (_, i) => `${' '.repeat(i + 2)}line ${i}`).join('\n')}\n`;

describe('lineTooDeep', () => {
  const cases: { name: string; text: string; limit: number; line: number | undefined }[] = [
    {
      name: 'a document at the limit',
      text: 'a:\n  b:\n    - c: [1, {d: 2}]\n',
      limit: 6,
      line: undefined,
    },
    {
      name: 'the same document past it',
      text: 'a:\n  b:\n    - c: [1, {d: 2}]\n',
      limit: 5,
      line: 3,
    },
    { name: 'flow nesting past the limit', text: 'a: 1\nb: [[[[x]]]]\n', limit: 3, line: 2 },
    { name: 'block nesting past the limit', text: 'a:\n b:\n  c:\n   d: 1\n', limit: 3, line: 4 },
    { name: 'compact sequences count each level', text: '- - - - x\n', limit: 3, line: 1 },
    {
      name: 'brackets inside quotes do not count',
      text: 'a: "[[[[["\nb: \'{{{{\'\n',
      limit: 2,
      line: undefined,
    },
    {
      name: 'brackets in comments do not count',
      text: 'a: 1 # [[[[[\n',
      limit: 2,
      line: undefined,
    },
    {
      name: 'brackets inside plain text do not count',
      text: 'a: x[[[[y\n',
      limit: 2,
      line: undefined,
    },
    {
      name: 'indented lines of a block scalar do not count',
      text: deepBlockScalar,
      limit: 5,
      line: undefined,
    },
    {
      name: 'an apostrophe in plain text opens no quote',
      text: "a: don't\nb: [[[[x]]]]\n",
      limit: 3,
      line: 2,
    },
  ];
  it.each(cases)('$name', ({ text, limit, line }) => {
    expect(lineTooDeep(text, limit)).toBe(line);
  });
});
