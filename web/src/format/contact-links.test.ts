import { describe, expect, it } from 'vitest';
import type { Contact } from '../api/api-types.js';
import { contactLink } from './contact-links.js';

const contact = (type: Contact['type'], value: string, extra: Partial<Contact> = {}): Contact => ({
  type,
  value,
  ...extra,
});

describe('contactLink: how each contact becomes a link', () => {
  it('writes e-mail addresses and mailing lists as mailto: links', () => {
    expect(contactLink(contact('email', 'ada@example.org'))).toEqual({
      href: 'mailto:ada@example.org',
      label: 'ada@example.org',
    });
    expect(contactLink(contact('mailing-list', 'infra@python.org')).href).toBe(
      'mailto:infra@python.org',
    );
  });

  it('shows an address with mailto: parameters or odd characters as text only', () => {
    for (const value of [
      'ada@example.org?cc=eve@example.org',
      'ada@example.org&body=hi',
      'mailto:ada@example.org',
      'not an address',
    ]) {
      expect(contactLink(contact('email', value)), value).toEqual({ label: value });
    }
  });

  it('links IRC channels on known networks over TLS, with the web chat beside', () => {
    const link = contactLink(contact('irc', '#python-infra', { network: 'libera' }));
    expect(link.href).toBe('ircs://irc.libera.chat/python-infra');
    expect(link.label).toBe('#python-infra on libera');
    expect(link.alternate).toEqual({
      href: 'https://web.libera.chat/#python-infra',
      label: 'web chat',
    });
    expect(contactLink(contact('irc', '#x', { network: 'unknown network' })).href).toBeUndefined();
  });

  it('links Matrix rooms through matrix.to, and only http(s) for trackers and chat', () => {
    expect(contactLink(contact('matrix', '#python:matrix.org')).href).toBe(
      'https://matrix.to/#/%23python%3Amatrix.org',
    );
    expect(
      contactLink(contact('issues', 'https://github.com/python/pythondotorg/issues')).href,
    ).toBe('https://github.com/python/pythondotorg/issues');
    expect(contactLink(contact('chat', 'javascript:alert(1)'))).toEqual({
      label: 'javascript:alert(1)',
    });
    expect(contactLink(contact('url', 'mailto:a@example.org')).href).toBeUndefined();
  });

  it('keeps phone numbers as text', () => {
    expect(contactLink(contact('phone', '+1 555 0100'))).toEqual({ label: '+1 555 0100' });
  });
});
