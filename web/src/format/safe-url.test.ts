import { describe, expect, it } from 'vitest';
import { displayUrl, safeHref } from './safe-url.js';

describe('safeHref: which catalog text may become a link', () => {
  it('keeps absolute http(s), mailto and irc(s) URLs, normalised', () => {
    expect(safeHref('https://bugs.python.org')).toBe('https://bugs.python.org/');
    expect(safeHref('  http://example.org/a b'.trim())).toBeUndefined();
    expect(safeHref('mailto:infra@python.org')).toBe('mailto:infra@python.org');
    expect(safeHref('ircs://irc.libera.chat/python-infra')).toBe(
      'ircs://irc.libera.chat/python-infra',
    );
  });

  it('turns every other scheme, relative path or odd text into no link at all', () => {
    for (const text of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox',
      '/relative/path',
      'bugs.python.org',
      'https://',
      'https://example.org/\u0000',
      'https://exa mple.org/',
      '',
      `https://example.org/${'a'.repeat(3000)}`,
    ]) {
      expect(safeHref(text), text).toBeUndefined();
    }
    expect(safeHref(undefined)).toBeUndefined();
  });

  it('shows a web address without its scheme and trailing slash', () => {
    expect(displayUrl('https://bugs.python.org/')).toBe('bugs.python.org');
    expect(displayUrl('http://example.org/a/')).toBe('example.org/a');
  });
});
