import { MultiMap } from './multi-map.js';

/**
 * Host-name lookup: exact names in one map, wildcard names (`*.example.org`) by their suffix in
 * another, so the most specific wildcard is found by walking a name's suffixes, longest first.
 */

export function normalizeHostname(name: string): string {
  if (/^[a-z0-9*-]+(\.[a-z0-9-]+)*$/.test(name)) return name;
  const lower = name.trim().toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

export interface WildcardMatch {
  /** The declared pattern, e.g. "*.pythonhosted.org". */
  pattern: string;
  ids: string[];
}

export class HostnameIndex {
  private readonly exact = new MultiMap<string>();
  /** Suffix after "*." → ids declaring that wildcard. */
  private readonly wildcard = new MultiMap<string>();

  /** Index the host names `id` declares. */
  add(id: string, hostnames: readonly string[]): void {
    for (const raw of hostnames) {
      const name = normalizeHostname(raw);
      if (name.startsWith('*.')) this.wildcard.add(name.slice(2), id);
      else this.exact.add(name, id);
    }
  }

  /** Forget the host names `id` declared (pass what was added). */
  remove(id: string, hostnames: readonly string[]): void {
    for (const raw of hostnames) {
      const name = normalizeHostname(raw);
      if (name.startsWith('*.')) this.wildcard.delete(name.slice(2), id);
      else this.exact.delete(name, id);
    }
  }

  /** Ids declaring exactly this host name. */
  exactMatch(hostname: string): string[] {
    return this.exact.get(normalizeHostname(hostname));
  }

  /**
   * The most specific wildcard covering `hostname` (any depth: `*.example.org` covers
   * `a.b.example.org`; it does not cover `example.org` itself).
   */
  wildcardMatch(hostname: string): WildcardMatch | undefined {
    const name = normalizeHostname(hostname);
    for (let dot = name.indexOf('.'); dot !== -1; dot = name.indexOf('.', dot + 1)) {
      const suffix = name.slice(dot + 1);
      if (this.wildcard.has(suffix))
        return { pattern: `*.${suffix}`, ids: this.wildcard.get(suffix) };
    }
    return undefined;
  }
}
