import MarkdownIt from 'markdown-it';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { findInvisible, visibleText } from '../../visible-text.js';
import { buildIndex } from '../../../../test/support/test-factories.js';
import {
  activeContent,
  allowedLinkTargets,
  AWKWARD_NAMES,
  awkwardCatalog,
  hostileCatalog,
  unexpectedLinks,
} from '../../../../test/support/awkward-catalog.js';
import { isLinkable, oneLine } from './overview-document.js';
import { escapeHtml } from './render-html.js';
import { escapeMarkdown, markdownUrl } from './render-markdown.js';
import { columnWidth, escapeRst, rstUrl } from './render-rst.js';
import {
  renderOverviewHtml,
  renderOverviewMarkdown,
  renderOverviewRst,
} from './render-overview.js';

/**
 * Short strings (seeded, the same every run) mixing what the escapers look at: markup
 * characters, scheme and domain shapes, letters and digits of every script (astral ones too),
 * white space of every kind, invisible characters and lone surrogates.
 */
function awkwardStrings(count: number): string[] {
  const pieces = [
    ...'\\`*_[]<>|~@&:./#;-+=)(!? \t\n\r\u00a0\u2003\u3000aZk0795éÉ東ß٣',
    '\u202E',
    '\u200B',
    '\uFEFF',
    '\u0007',
    '\u009B',
    '\uDB40\uDC41',
    '\u{1D49C}',
    '\u{1F600}',
    '\u{1D7D8}',
    '\uD835',
    '\uDC9C',
    '&amp;',
    '&#60;',
    '&#x3C;',
    'http://',
    'www.',
    '1.',
    '12)',
    '  ',
  ];
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    let value = '';
    const length = Math.floor(random() * 12);
    for (let i = 0; i < length; i++) value += pieces[Math.floor(random() * pieces.length)];
    out.push(value);
  }
  return out;
}

describe('escapeMarkdown', () => {
  it.each([
    ['*emphasis* and _this_', '\\*emphasis\\* and \\_this\\_'],
    ['`code`', '\\`code\\`'],
    ['[link](http://x/)', '\\[link\\](http\\:/\\/x/)'],
    ['javascript:alert(1) and mailto:a@b.org', 'javascript\\:alert(1) and mailto\\:a\\@b\\.org'],
    ['www.evil.example, v3.12 and e.g. this', 'www\\.evil\\.example, v3\\.12 and e\\.g. this'],
    ['Time: 10:30', 'Time\\: 10\\:30'],
    ['<script>', '\\<script>'],
    ['a | b ~~c~~', 'a \\| b \\~\\~c\\~\\~'],
    ['back\\slash', 'back\\\\slash'],
    ['&amp; &#60; & plain', '\\&amp; \\&#60; & plain'],
    ['#python-infra mid-line', '#python-infra mid-line'],
  ])('%s', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it.each([
    ['# heading', '\\# heading'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['> quote', '\\> quote'],
    ['1. item', '1\\. item'],
    ['12) item', '12\\) item'],
    ['=== rule', '\\=== rule'],
    ['Plain', 'Plain'],
  ])('at the start of a block: %s', (input, expected) => {
    expect(escapeMarkdown(input, true)).toBe(expected);
  });

  it('escapes as the regular expressions that define it do, on any text', () => {
    // The definition escapeMarkdown implements in one pass (render-markdown.ts).
    const defined = (value: string, atStart: boolean) => {
      let out = value
        .replace(/[\\`*_[\]<|~@]/g, '\\$&')
        .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
        .replace(/(?<=[\p{L}\p{N}+.-]):/gu, '\\:')
        .replace(/(?<=[\p{L}\p{N}-])\.(?=[\p{L}\p{N}])/gu, '\\.')
        .replace(/\/(?=\/)/g, '/\\');
      if (atStart) out = out.replace(/^([-+=>#])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
      return out;
    };
    for (const value of awkwardStrings(20_000)) {
      expect(escapeMarkdown(value), JSON.stringify(value)).toBe(defined(value, false));
      expect(escapeMarkdown(value, true), JSON.stringify(value)).toBe(defined(value, true));
    }
  });

  it('encodes what would end a link destination', () => {
    expect(markdownUrl('https://x.org/a (b)<c>')).toBe('https://x.org/a%20\\(b\\)%3Cc%3E');
  });
});

describe('escapeRst', () => {
  it.each([
    ['*emphasis*', '\\*emphasis\\*'],
    ['`interpreted`', '\\`interpreted\\`'],
    ['name_ and _target', 'name\\_ and \\_target'],
    ['|sub|', '\\|sub\\|'],
    ['[1]_', '\\[1\\]\\_'],
    ['a <b>', 'a \\<b\\>'],
    ['ends with::', 'ends with\\:\\:'],
    ['time: 10:30', 'time\\: 10\\:30'],
    ['See javascript:alert(1)', 'See javascript\\:alert(1)'],
    ['mail a@b.org', 'mail a\\@b.org'],
    [':role:`x`', '\\:role\\:\\`x\\`'],
  ])('%s', (input, expected) => {
    expect(escapeRst(input)).toBe(expected);
  });

  it.each([
    ['- item', '\\- item'],
    ['.. comment', '\\.. comment'],
    ['1. item', '\\1. item'],
    ['A. Smith', '\\A. Smith'],
    ['iv) item', '\\iv) item'],
    ['(a) item', '\\(a) item'],
    ['Ada Smith', 'Ada Smith'],
    ['*', '\\*'],
  ])('at the start of a block: %s', (input, expected) => {
    expect(escapeRst(input, true)).toBe(expected);
  });

  it('encodes what docutils would read inside <...>', () => {
    expect(rstUrl('https://x.org/a b`c<d>_')).toBe('https://x.org/a%20b%60c%3Cd%3E%5F');
    expect(rstUrl('https://x.org/a_b')).toBe('https://x.org/a_b');
  });

  it('measures wide characters as two columns', () => {
    expect(columnWidth('abc')).toBe(3);
    expect(columnWidth('東京 x')).toBe(6);
  });
});

describe('oneLine', () => {
  it('gives the text its definition gives, on any text', () => {
    for (const value of awkwardStrings(20_000)) {
      const defined = visibleText(value, { keepLineBreaks: true }).replace(/\s+/g, ' ');
      expect(oneLine(value), JSON.stringify(value)).toBe(defined);
    }
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });
});

describe('an awkward catalog', () => {
  const index = buildIndex(...awkwardCatalog());
  const md = renderOverviewMarkdown(index);
  const rst = renderOverviewRst(index);
  const html = renderOverviewHtml(index);

  it('never lets catalog text become markup', () => {
    expect(md).not.toMatch(/(?<!\\)<(script|b)>/);
    expect(md).toContain('### \\<script>alert(1)\\</script>');
    expect(md).toContain('### \\*\n');
    expect(md).toContain('### 1\\. Not a list');
    expect(md).toContain('### \\# not a heading');
    expect(md).toContain('\\*\\*bold\\*\\* \\_it\\_ \\[link\\](http\\:/\\/evil\\.example/)');
    expect(html).not.toMatch(/<script>|<b>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;Weird&lt;/b&gt; `Person`');
    expect(rst).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(rst).not.toMatch(/`__ ?`/);
  });

  it('gives every RST title an underline at least as wide as the title', () => {
    const lines = rst.split('\n');
    lines.forEach((line, i) => {
      if (
        /^([=~-])\1{2,}$/.test(line) &&
        i > 0 &&
        lines[i - 1] !== '' &&
        !/^([=~-])\1{2,}$/.test(lines[i - 1] ?? '')
      ) {
        expect(line.length, lines[i - 1]).toBeGreaterThanOrEqual(columnWidth(lines[i - 1] ?? ''));
      }
    });
  });

  it('keeps private contacts out of every format', () => {
    for (const output of [md, rst, html]) {
      expect(output).not.toContain('secret@example.org');
      expect(output).not.toMatch(/hidden\d+@example\.org/);
    }
  });

  it('shows every awkward name', () => {
    for (const name of AWKWARD_NAMES) expect(html).toContain(escapeHtml(name));
  });

  it('writes a standalone HTML page without external resources or scripts', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).not.toMatch(/<script|<link |src=|@import|url\(/i);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<nav aria-label="Services">');
    expect(html).toContain('<h3 id="service-s3">');
  });
});

describe('a hostile catalog', () => {
  const entities = hostileCatalog();
  const allowed = allowedLinkTargets(entities);
  const index = buildIndex(...entities);
  const md = renderOverviewMarkdown(index);

  /** A page must link only to the catalog's URL fields, hold no active content, and show
   * invisible characters escaped. */
  function expectInert(html: string): void {
    expect(unexpectedLinks(html, allowed)).toEqual([]);
    expect(activeContent(html)).toEqual([]);
    expect(findInvisible(html.replace(/[\n\t]/g, ' '))).toBeUndefined();
    expect(html).toContain('evil\\u202Egnp.exe');
    expect(html).toContain('href="https://docs.example.org/h3"');
  }

  it('links nothing but URL fields in the HTML format', () => {
    const page = renderOverviewHtml(index);
    expectInert(page.slice(page.indexOf('<main>')));
  });

  it('links nothing but URL fields in Markdown rendered by markdown-it (raw HTML on, linkify on)', () => {
    const markdownIt = new MarkdownIt({ html: true, linkify: true });
    // Show every link the Markdown makes, even those markdown-it would refuse to render.
    markdownIt.validateLink = () => true;
    expectInert(markdownIt.render(md));
  });

  it('links nothing but URL fields in Markdown rendered as GFM (autolink literals, raw HTML on)', () => {
    expectInert(
      micromark(md, {
        allowDangerousHtml: true,
        allowDangerousProtocol: true,
        extensions: [gfm()],
        htmlExtensions: [gfmHtml()],
      }),
    );
  });

  it('keeps every catalog text readable as written in Markdown', () => {
    const text = new MarkdownIt().render(md);
    expect(text).toContain('See javascript:alert(document.domain) for details.');
    expect(text).toContain('Bare www.evil.example, evil-domain.com and ftp://evil.example/file');
    expect(text).toContain('Mail evil@evil.example, mailto:evil@evil.example');
  });
});

describe('isLinkable', () => {
  it.each([
    ['https://docs.python.org/3/', true],
    ['http://example.org', true],
    ['mailto:infra@python.org', true],
    ['ircs://irc.libera.chat/python-infra', true],
    ['irc://irc.libera.chat/python', true],
    ['javascript:alert(1)', false],
    ['JAVASCRIPT:alert(1)', false],
    ['data:text/html,x', false],
    ['vbscript:x', false],
    ['file:///etc/passwd', false],
    ['ftp://example.org/', false],
    ['https:evil.example', false],
    ['https:///evil', false],
    ['//evil.example/', false],
    ['mailto:security?cc=attacker@evil.example&body=hi', false],
    ['mailto:a@b.org?subject=x', false],
    ['mailto:First.Last+tag@lists.example.org', true],
    ['mailto:a@b', false],
    ['mailto:a@-b.org', false],
    [`mailto:a@${'x'.repeat(64)}.org`, false],
    [`mailto:a@${'x'.repeat(63)}.org`, true],
    ['https://example.org/a b', false],
    ['https://example.org/\u202Egnp.exe', false],
  ])('%s: %s', (url, expected) => {
    expect(isLinkable(url)).toBe(expected);
  });
});
