import { describe, expect, it } from 'vitest';
import {
  yamlSourceMayHoldInvisible,
  describeCharacter,
  findInvisible,
  NO_INVISIBLE_PATTERN,
  visibleText,
} from './visible-text.js';

describe('visibleText', () => {
  it.each([
    ['evil\u202Egnp.exe', 'evil\\u202Egnp.exe'],
    ['a\u200Bb\u200Cc\u200Dd\u200Ee\u200Ff', 'a\\u200Bb\\u200Cc\\u200Dd\\u200Ee\\u200Ff'],
    ['\u2066iso\u2069', '\\u2066iso\\u2069'],
    ['\u202A\u202B\u202C\u202D', '\\u202A\\u202B\\u202C\\u202D'],
    ['word\u2060joiner\uFEFF', 'word\\u2060joiner\\uFEFF'],
    ['\u001B[31mred\u001B[0m', '\\u001B[31mred\\u001B[0m'],
    ['csi\u009B2J bell\u0007 del\u007F', 'csi\\u009B2J bell\\u0007 del\\u007F'],
    ['tag\u{E0041}', 'tag\\u{E0041}'],
    ['line\nbreak\ttab\rreturn', 'line\\u000Abreak\\u0009tab\\u000Dreturn'],
  ])('%j reads %s', (input, shown) => {
    expect(visibleText(input)).toBe(shown);
  });

  it('keeps tab and line feed where text allows them, and every other character', () => {
    expect(visibleText('a\nb\tc\rd', { keepLineBreaks: true })).toBe('a\nb\tc\\u000Dd');
    const plain = 'Ünïcödé 東京 — “quotes” 🏳️‍🌈 emoji, C:\\path\\u202E literal';
    expect(visibleText(plain.replace('\u200D', ''))).toBe(plain.replace('\u200D', ''));
  });

  it('finds the first invisible character', () => {
    expect(findInvisible('ok')).toBeUndefined();
    expect(findInvisible('a\nb', { keepLineBreaks: true })).toBeUndefined();
    expect(findInvisible('ab\u202Ec\u200B')).toEqual({ index: 2, character: '\u202E' });
  });

  it('names what it finds', () => {
    expect(describeCharacter('\u202E')).toBe('U+202E RIGHT-TO-LEFT OVERRIDE');
    expect(describeCharacter('\u0007')).toBe('U+0007 (a control character)');
    expect(describeCharacter('\u{E0041}')).toBe('U+E0041 (an invisible tag character)');
  });

  it('publishes a JSON Schema pattern that agrees on the BMP', () => {
    const pattern = new RegExp(NO_INVISIBLE_PATTERN, 'u');
    const disagree: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const ch = String.fromCharCode(code);
      if (pattern.test(`a${ch}b`) !== (findInvisible(ch) === undefined)) disagree.push(ch);
    }
    expect(disagree).toEqual([]);
    expect(pattern.test('evil\u202Egnp.exe')).toBe(false);
  });
});

describe('yamlSourceMayHoldInvisible', () => {
  it.each([
    ['name: plain\ndescription: |\n  two\n  lines\tand a tab\r\n', false],
    ['notes: "a \\n b \\t c \\" d \\\\ e"', false],
    ['notes: x\u202Ey', true],
    ['notes: "x\\u202Ey"', true],
    ['notes: "x\\U0000202Ey"', true],
    ['notes: "\\x1b[2J"', true],
    ['notes: "\\e[2J"', true],
    ['notes: "\\0 \\a \\b"', true],
    ['notes: "next\\Nline"', true],
    ['notes: tag\u{E0041}', true],
    ['notes: C:\\Users\\me', true],
  ])('%j: %s', (source, expected) => {
    expect(yamlSourceMayHoldInvisible(source)).toBe(expected);
  });
});
