/**
 * The rules that decide which catalog strings may become links in the web UI (table-driven; the
 * browser tests check the rendered result). Only http, https, mailto, irc and ircs survive.
 */
import { describe, expect, it } from 'vitest';
import type { Contact } from '../../src/core/schema/entity.schema.js';
import { contactLink } from '../../web/src/format/contact-links.js';
import { looksLikeUrlOrHostname } from '../../web/src/format/query-kind.js';
import { safeHref } from '../../web/src/format/safe-url.js';

describe('safeHref', () => {
  it.each([
    ['https://bugs.python.org/', 'https://bugs.python.org/'],
    ['http://example.org/a b', undefined],
    ['  https://pypi.org  ', 'https://pypi.org/'],
    ['mailto:infrastructure-staff@python.org', 'mailto:infrastructure-staff@python.org'],
    ['ircs://irc.libera.chat/python-infra', 'ircs://irc.libera.chat/python-infra'],
    ['javascript:alert(1)', undefined],
    ['JavaScript:alert(1)', undefined],
    [' javascript:alert(1)', undefined],
    ['java\nscript:alert(1)', undefined],
    ['java\tscript:alert(1)', undefined],
    ['data:text/html,<script>alert(1)</script>', undefined],
    ['vbscript:msgbox(1)', undefined],
    ['/relative/path', undefined],
    ['//evil.example.org/', undefined],
    ['https://', undefined],
    ['file:///etc/passwd', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%j → %j', (raw, expected) => {
    expect(safeHref(raw)).toBe(expected);
  });
});

const contact = (c: Contact): Contact => c;

describe('contactLink', () => {
  it.each([
    [
      contact({ type: 'mailing-list', value: 'infrastructure-staff@python.org' }),
      'mailto:infrastructure-staff@python.org',
      undefined,
    ],
    [contact({ type: 'email', value: 'a@b.org?cc=x@y.org' }), undefined, undefined],
    [
      contact({ type: 'irc', value: '#python-infra', network: 'libera' }),
      'ircs://irc.libera.chat/python-infra',
      'https://web.libera.chat/#python-infra',
    ],
    [
      contact({ type: 'irc', value: '#pypa', network: 'irc.oftc.net' }),
      'ircs://irc.oftc.net/pypa',
      undefined,
    ],
    [
      contact({ type: 'irc', value: '#x', network: "javascript:alert('irc')" }),
      undefined,
      undefined,
    ],
    [
      contact({ type: 'matrix', value: '#python:matrix.org' }),
      'https://matrix.to/#/%23python%3Amatrix.org',
      undefined,
    ],
    [contact({ type: 'matrix', value: 'javascript:alert(1)' }), undefined, undefined],
    [
      contact({ type: 'issues', value: 'https://github.com/python/psf-infra-meta/issues' }),
      'https://github.com/python/psf-infra-meta/issues',
      undefined,
    ],
    [contact({ type: 'url', value: 'javascript:alert(1)' }), undefined, undefined],
    [contact({ type: 'chat', value: 'mailto:x@y.org' }), undefined, undefined],
    [contact({ type: 'phone', value: '+1 555 0100' }), undefined, undefined],
  ])('%j links to %j (alternate %j)', (c, href, alternate) => {
    const link = contactLink(c);
    expect(link.href).toBe(href);
    expect(link.alternate?.href).toBe(alternate);
    expect(link.label).toContain(c.value);
  });
});

describe('looksLikeUrlOrHostname (Enter goes to "who to contact")', () => {
  it.each([
    ['https://bugs.python.org/issue1', true],
    ['bugs.python.org', true],
    ['docs.python.org/3/library/', true],
    ['*.pythonhosted.org', true],
    ['pypi', false],
    ['Ee Durbin', false],
    ['', false],
  ])('%j → %j', (text, expected) => {
    expect(looksLikeUrlOrHostname(text)).toBe(expected);
  });
});
