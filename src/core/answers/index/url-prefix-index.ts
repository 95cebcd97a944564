/**
 * URL prefix lookup: declared URLs in a tree per host, one level per path segment, so the longest
 * declared prefix of a URL is found in as many steps as the URL has segments. The scheme, port,
 * query and fragment are ignored; `/issue` is a prefix of `/issue/1` but not of `/issue12345`.
 */
import { normalizeHostname } from './hostname-index.js';

export interface UrlTarget {
  host: string;
  segments: string[];
}

/** URLs that `new URL` would leave as they are: lower-case host, plain path, no dot segments. */
const SIMPLE_URL =
  /^https?:\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)*)(?::\d{1,5})?(\/[A-Za-z0-9_~!$&'()*+,;=:@%/-]*)?(?:[?#].*)?$/;

/** Host and path segments of an http(s) URL, or undefined when it is not one. */
export function parseUrlTarget(raw: string): UrlTarget | undefined {
  const text = raw.trim();
  const simple = SIMPLE_URL.exec(text);
  const lastLabel = simple?.[1]?.slice(simple[1].lastIndexOf('.') + 1) ?? '';
  // Dot segments, and numeric last labels (IPv4 forms such as 0x7f.1), are left to `new URL`.
  if (simple && !/\/\.\.?(\/|$)/.test(simple[2] ?? '') && !/^(0x[0-9a-f]*|\d+)$/.test(lastLabel)) {
    return {
      host: simple[1] as string,
      segments: (simple[2] ?? '').split('/').filter((s) => s.length > 0),
    };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.hostname === '') return undefined;
  return {
    host: normalizeHostname(url.hostname),
    segments: url.pathname.split('/').filter((s) => s.length > 0),
  };
}

interface UrlNode {
  children?: Map<string, UrlNode>;
  /** Entities declaring this prefix, with the URL each declared (usually one: an array is smaller than a Map). */
  owners?: { id: string; url: string }[];
}

export interface UrlPrefixMatch {
  /** Path segments the declared prefix covers (0 = the host's root). */
  depth: number;
  /** Entities declaring that prefix, with the URL each declared. */
  matches: { id: string; url: string }[];
}

const isEmpty = (node: UrlNode): boolean => !node.owners?.length && !node.children?.size;

export class UrlPrefixIndex {
  private readonly roots = new Map<string, UrlNode>();

  /** Index the URLs `id` declares (invalid ones are skipped). */
  add(id: string, urls: readonly string[]): void {
    for (const raw of urls) {
      const target = parseUrlTarget(raw);
      if (!target) continue;
      let node: UrlNode | undefined = this.roots.get(target.host);
      if (!node) {
        node = {};
        this.roots.set(target.host, node);
      }
      for (const segment of target.segments) {
        node.children ??= new Map();
        let child: UrlNode | undefined = node.children.get(segment);
        if (!child) {
          child = {};
          node.children.set(segment, child);
        }
        node = child;
      }
      node.owners ??= [];
      if (!node.owners.some((o) => o.id === id)) node.owners.push({ id, url: raw });
    }
  }

  /** Forget the URLs `id` declared (pass what was added). */
  remove(id: string, urls: readonly string[]): void {
    for (const raw of urls) {
      const target = parseUrlTarget(raw);
      const root = target && this.roots.get(target.host);
      if (!target || !root) continue;
      const trail: UrlNode[] = [root];
      for (const segment of target.segments) {
        const next = trail[trail.length - 1]?.children?.get(segment);
        if (!next) break;
        trail.push(next);
      }
      if (trail.length !== target.segments.length + 1) continue;
      const last = trail[trail.length - 1] as UrlNode;
      last.owners = last.owners?.filter((o) => o.id !== id);
      if (last.owners?.length === 0) delete last.owners;
      // Prune nodes left empty, deepest first.
      for (let i = trail.length - 1; i > 0; i--) {
        if (!isEmpty(trail[i] as UrlNode)) break;
        trail[i - 1]?.children?.delete(target.segments[i - 1] as string);
      }
      if (isEmpty(root)) this.roots.delete(target.host);
    }
  }

  /** The longest declared prefix of `target`, or undefined when none covers it. */
  longestPrefix(target: UrlTarget): UrlPrefixMatch | undefined {
    let node = this.roots.get(target.host);
    let best: UrlPrefixMatch | undefined;
    for (let depth = 0; node; depth++) {
      if (node.owners?.length) best = { depth, matches: node.owners.map((o) => ({ ...o })) };
      const segment = target.segments[depth];
      node = segment === undefined ? undefined : node.children?.get(segment);
    }
    return best;
  }
}
