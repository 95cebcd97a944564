import { describe, expect, it } from 'vitest';
import { hostAllowList, hostName, isAllowedHost, parseAllowedHosts } from './host-allow-list.js';

describe('hostName', () => {
  it.each([
    ['localhost:8080', 'localhost'],
    ['Example.ORG.', 'example.org'],
    ['[::1]:8080', '::1'],
    ['[::1]', '::1'],
    ['127.0.0.1:80', '127.0.0.1'],
    ['user@evil.example', undefined],
    ['a b', undefined],
    ['[::1', undefined],
  ])('%s → %s', (header, name) => {
    expect(hostName(header)).toBe(name);
  });
});

describe('isAllowedHost', () => {
  const loopback = hostAllowList('127.0.0.1');
  const everywhere = hostAllowList('0.0.0.0', ['catalog.example.org']);
  const v6 = hostAllowList('::');

  it('knows loopback binds', () => {
    expect(loopback.loopbackOnly).toBe(true);
    expect(hostAllowList('::1').loopbackOnly).toBe(true);
    expect(hostAllowList('localhost').loopbackOnly).toBe(true);
    expect(everywhere.loopbackOnly).toBe(false);
    expect(v6.loopbackOnly).toBe(false);
  });

  it('accepts loopback names wherever the server listens', () => {
    for (const list of [loopback, everywhere, v6]) {
      for (const host of ['localhost', '127.0.0.1:8080', '127.1.2.3', '[::1]:1', 'x.localhost'])
        expect(isAllowedHost(host, list), host).toBe(true);
    }
  });

  it('accepts IP addresses only when not bound to loopback (a rebound name is never one)', () => {
    for (const host of ['192.168.1.20:8080', '10.0.0.1', '[2001:db8::1]:8080']) {
      expect(isAllowedHost(host, loopback), host).toBe(false);
      expect(isAllowedHost(host, everywhere), host).toBe(true);
    }
  });

  it('accepts configured names, and no other name', () => {
    expect(isAllowedHost('catalog.example.org:443', everywhere)).toBe(true);
    expect(isAllowedHost('Catalog.Example.Org.', everywhere)).toBe(true);
    expect(isAllowedHost('evil.example', everywhere)).toBe(false);
    expect(isAllowedHost('catalog.example.org.evil.example', everywhere)).toBe(false);
    expect(isAllowedHost(undefined, everywhere)).toBe(false);
    expect(isAllowedHost('', everywhere)).toBe(false);
  });

  it('takes ".domain" for it and its subdomains, and "*" for any name', () => {
    const domain = hostAllowList('127.0.0.1', ['.example.org']);
    expect(isAllowedHost('example.org', domain)).toBe(true);
    expect(isAllowedHost('a.b.example.org', domain)).toBe(true);
    expect(isAllowedHost('badexample.org', domain)).toBe(false);
    expect(isAllowedHost('anything.example', hostAllowList('127.0.0.1', ['*']))).toBe(true);
  });
});

describe('parseAllowedHosts', () => {
  it('reads a comma- or space-separated list', () => {
    expect(parseAllowedHosts(' a.example, b.example  c.example,')).toEqual([
      'a.example',
      'b.example',
      'c.example',
    ]);
    expect(parseAllowedHosts(undefined)).toEqual([]);
  });
});
