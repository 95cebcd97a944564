/**
 * Resolve: from whatever a person has at hand (a URL, a host name, `host:port`, an id, a name, a
 * misspelt name) to the entities it belongs to, best first, each saying how it matched.
 *
 * Order (tiers), then score within a tier, then kind (services, hosts, providers, people, teams):
 *  1. url-prefix with a path: a declared URL such as https://www.python.org/ftp/ covering the
 *     query's path is more specific than the host name, so it comes first;
 *  2. hostname (exact), then url-prefix at a host's root (a declared URL on that host);
 *  3. wildcard: the most specific `*.suffix` covering the host;
 *  4. id (exact);
 *  5. name: the whole name (ignoring case, accents and punctuation), then names holding every
 *     word of the query;
 *  6. fuzzy: misspelt or partial words, closest first; tried only when nothing above matched.
 * A full URL (with a scheme) is matched only by host and path (tiers 1-3): its words are not
 * names, and guessing from them would mislead.
 */
import type { Entity } from '../schema/entity.schema.js';
import { kindRank, type CatalogIndex } from './catalog-index.js';
import { tokenize } from './index/text-index.js';
import { parseUrlTarget, type UrlTarget } from './index/url-prefix-index.js';

export type MatchedBy = 'hostname' | 'wildcard' | 'url-prefix' | 'id' | 'name' | 'fuzzy';

export interface ResolveMatch {
  /** The public view of the matched entity. */
  entity: Entity;
  matchedBy: MatchedBy;
  /** What matched, for people: "host name bugs.python.org", "under https://www.python.org/ftp/". */
  detail: string;
  /** 0..1: how complete the match is within its tier (1 for exact matches). */
  score: number;
}

export interface ResolveOptions {
  /** At most this many matches (default 10). */
  limit?: number;
}

interface Candidate {
  id: string;
  tier: number;
  matchedBy: MatchedBy;
  detail: string;
  score: number;
}

/** A URL, `host`, `host:port` or `host/path`, as a host and path; undefined for anything else. */
export function parseTarget(q: string): UrlTarget | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(q)) return parseUrlTarget(q);
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)*\.?(:\d{1,5})?(\/\S*)?$/i.test(q) && /[.:]/.test(q)) {
    return parseUrlTarget(`http://${q}`);
  }
  return undefined;
}

function hostCandidates(index: CatalogIndex, target: UrlTarget): Candidate[] {
  const out: Candidate[] = [];
  const prefix = index.urlPrefixMatch(target);
  const coverage = prefix ? (prefix.depth + 1) / (target.segments.length + 1) : 0;
  for (const m of prefix?.matches ?? []) {
    out.push({
      id: m.id,
      tier: prefix && prefix.depth > 0 ? 1 : 2,
      matchedBy: 'url-prefix',
      detail: `under ${m.url}`,
      // Below an exact host name in the same tier.
      score: prefix && prefix.depth > 0 ? coverage : Math.min(coverage, 0.99),
    });
  }
  for (const id of index.hostnameMatches(target.host)) {
    out.push({ id, tier: 2, matchedBy: 'hostname', detail: `host name ${target.host}`, score: 1 });
  }
  const wildcard = index.wildcardMatch(target.host);
  if (wildcard) {
    const labels = target.host.split('.').length;
    const score = (wildcard.pattern.split('.').length - 1) / labels;
    for (const id of wildcard.ids) {
      out.push({
        id,
        tier: 3,
        matchedBy: 'wildcard',
        detail: `matches ${wildcard.pattern}`,
        score,
      });
    }
  }
  return out;
}

/** Ids whose name words include every word: walk the rarest word's ids, test the others. */
function withAllNameWords(index: CatalogIndex, words: readonly string[]): string[] {
  const counted = words
    .map((word) => ({ word, n: index.nameWordEstimate(word) }))
    .sort((a, b) => a.n - b.n);
  const [rarest, ...rest] = counted;
  if (!rarest || rarest.n === 0) return [];
  const out: string[] = [];
  for (const id of index.idsWithNameWord(rarest.word)) {
    if (rest.length === 0) out.push(id);
    else {
      const own = index.nameWords(id);
      if (rest.every((r) => own.includes(r.word))) out.push(id);
    }
  }
  return out;
}

function nameCandidates(index: CatalogIndex, q: string, words: readonly string[]): Candidate[] {
  const out: Candidate[] = [];
  for (const id of index.exactNameMatches(q)) {
    out.push({ id, tier: 5, matchedBy: 'name', detail: `name "${q}"`, score: 1 });
  }
  if (words.length === 0) return out;
  for (const id of withAllNameWords(index, words)) {
    const nameWords = index.nameWords(id).length;
    out.push({
      id,
      tier: 5,
      matchedBy: 'name',
      detail: `name contains ${words.map((w) => `"${w}"`).join(', ')}`,
      score: Math.min(0.99, words.length / Math.max(nameWords, 1)),
    });
  }
  return out;
}

/** Similarity of a query word to a name word: 1 equal, less for typos and prefixes. */
function fuzzyCandidates(index: CatalogIndex, words: readonly string[]): Candidate[] {
  const best = new Map<string, Map<string, { sim: number; token: string }>>();
  for (const word of words) {
    const similar = new Map<string, number>();
    for (const { token, distance } of index.similarNameWords(word)) {
      similar.set(token, 1 - distance / Math.max(token.length, word.length));
    }
    if (word.length >= 3) {
      for (const token of index.nameWordsWithPrefix(word)) {
        similar.set(
          token,
          Math.max(similar.get(token) ?? 0, 0.5 + (0.5 * word.length) / token.length),
        );
      }
    }
    for (const [token, sim] of similar) {
      for (const id of index.idsWithNameWord(token)) {
        let perWord = best.get(id);
        if (!perWord) {
          perWord = new Map();
          best.set(id, perWord);
        }
        const current = perWord.get(word);
        if (!current || current.sim < sim) perWord.set(word, { sim, token });
      }
    }
  }
  const out: Candidate[] = [];
  for (const [id, perWord] of best) {
    let total = 0;
    for (const { sim } of perWord.values()) total += sim;
    const nameWords = Math.max(index.nameWords(id).length, 1);
    const score = (total / words.length) * (0.9 + (0.1 * perWord.size) / nameWords);
    if (score < 0.5) continue;
    const guessed = [...perWord].map(([w, { token }]) => (w === token ? w : `${w}→${token}`));
    out.push({ id, tier: 6, matchedBy: 'fuzzy', detail: `close to ${guessed.join(', ')}`, score });
  }
  return out;
}

export function resolve(
  index: CatalogIndex,
  q: string,
  options: ResolveOptions = {},
): ResolveMatch[] {
  const query = q.trim();
  if (query === '') return [];
  const limit = options.limit ?? 10;
  const candidates: Candidate[] = [];
  const target = parseTarget(query);
  if (target) candidates.push(...hostCandidates(index, target));
  const id = query.toLowerCase();
  if (index.has(id))
    candidates.push({ id, tier: 4, matchedBy: 'id', detail: `id ${id}`, score: 1 });
  const isFullUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(query);
  const words = isFullUrl ? [] : tokenize(query);
  if (!isFullUrl) candidates.push(...nameCandidates(index, query, words));
  if (candidates.length === 0 && words.length > 0)
    candidates.push(...fuzzyCandidates(index, words));

  const rank = (c: Candidate) => kindRank(index.get(c.id)?.kind ?? 'Team');
  candidates.sort(
    (a, b) =>
      a.tier - b.tier ||
      b.score - a.score ||
      rank(a) - rank(b) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const seen = new Set<string>();
  const out: ResolveMatch[] = [];
  for (const c of candidates) {
    if (seen.has(c.id)) continue;
    const entity = index.getPublic(c.id);
    if (!entity) continue;
    seen.add(c.id);
    out.push({
      entity,
      matchedBy: c.matchedBy,
      detail: c.detail,
      score: Math.round(c.score * 1000) / 1000,
    });
    if (out.length >= limit) break;
  }
  return out;
}
