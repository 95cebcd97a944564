import { describe, expect, it } from 'vitest';
import { activeFilterCount, readFilters, toListParams } from './list-filters.js';

describe('list filters in the URL and in the API query', () => {
  it('reads only the filters a kind offers, trimmed, leaving out empty ones', () => {
    const query = new URLSearchParams('q= python &provider=fastly&status=&frontedBy=fastly&x=1');
    expect(readFilters(query, 'Service')).toEqual({
      q: 'python',
      provider: 'fastly',
      frontedBy: 'fastly',
    });
    // A host has no frontedBy or status filter.
    expect(readFilters(query, 'Host')).toEqual({ q: 'python', provider: 'fastly' });
    expect(readFilters(new URLSearchParams('status=former'), 'Provider')).toEqual({
      status: 'former',
    });
  });

  it('asks the API for runsOn the host when both a host and a provider are chosen', () => {
    expect(toListParams('Service', { provider: 'aws', host: 'web-1' }).runsOn).toBe('web-1');
    expect(toListParams('Service', { provider: 'aws' }).runsOn).toBe('aws');
    expect(toListParams('Host', { managedBy: 'salt' })).toMatchObject({
      kind: 'Host',
      managedBy: 'salt',
    });
  });

  it('counts the filters in use', () => {
    expect(activeFilterCount({})).toBe(0);
    expect(activeFilterCount({ q: 'x', tag: 'pypi' })).toBe(2);
  });
});
