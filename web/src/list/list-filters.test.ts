import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  FILTERS_BY_KIND,
  MANAGER_SUGGESTIONS,
  readFilters,
  STATUS_OPTIONS,
  toListParams,
} from './list-filters.js';

describe('list filters in the URL and in the API query', () => {
  it('offers each kind the filters its registry entry declares, in one order', () => {
    expect(FILTERS_BY_KIND).toEqual({
      Service: ['q', 'provider', 'host', 'owner', 'managedBy', 'status', 'tag', 'frontedBy'],
      Host: ['q', 'provider', 'owner', 'managedBy', 'tag'],
      Provider: ['q', 'status', 'tag'],
      Person: ['q', 'tag'],
      Team: ['q', 'tag'],
    });
    expect(STATUS_OPTIONS).toEqual({
      Service: ['active', 'deprecated', 'retired'],
      Host: [],
      Provider: ['active', 'former'],
      Person: [],
      Team: [],
    });
    expect(MANAGER_SUGGESTIONS).toEqual(['salt', 'chef', 'terraform', 'ansible', 'manual']);
  });

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
