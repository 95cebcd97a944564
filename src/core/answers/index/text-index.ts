/**
 * A token index over short texts (names, descriptions): exact tokens, token prefixes (through a
 * sorted vocabulary) and, when asked for, misspelt tokens (through a trigram index over the
 * vocabulary, confirmed with Levenshtein distance).
 */
import { distance } from 'fastest-levenshtein';
import { MultiMap } from './multi-map.js';
import { SortedKeyList } from './sorted-key-list.js';

/**
 * Lower-case words of a text: letters and digits, accents stripped ("André" → "andre"), split on
 * anything else; each word once, in order of appearance.
 */
export function tokenize(text: string): string[] {
  const lower = text.toLowerCase();
  const out = new Set<string>();
  // eslint-disable-next-line no-control-regex
  if (!/^[\x00-\x7f]*$/.test(lower)) {
    const folded = lower.normalize('NFKD').replace(/\p{M}/gu, '');
    for (const t of folded.split(/[^\p{L}\p{N}]+/u)) if (t.length > 0) out.add(t);
    return [...out];
  }
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 0;
    const word = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    if (word && start < 0) start = i;
    else if (!word && start >= 0) {
      out.add(lower.slice(start, i));
      start = -1;
    }
  }
  return [...out];
}

/** Words worth matching with typos: three or more characters, at least one a letter. */
function isFuzzyCandidate(token: string): boolean {
  return token.length >= 3 && /\p{L}/u.test(token);
}

/** Edits tolerated for a misspelt token of this length. */
export function maxEditsFor(token: string): number {
  if (token.length <= 3) return 0;
  if (token.length <= 5) return 1;
  return 2;
}

function trigramsOf(token: string): string[] {
  const padded = `  ${token} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return [...grams];
}

export interface FuzzyToken {
  token: string;
  distance: number;
}

/** Where a TextIndex keeps word → ids: a MultiMap (exact) or LazyPostings (cheap to build). */
export interface WordPostings {
  /** True when `word` is new. */
  add(word: string, id: string): boolean;
  delete(word: string, id: string): void;
  has(word: string): boolean;
  estimate(word: string): number;
  values(word: string): Iterable<string>;
}

export interface TextIndexOptions {
  /** Keep a trigram index of the vocabulary for `similarTokens`. */
  fuzzy: boolean;
  postings?: WordPostings;
}

export class TextIndex {
  private readonly postings: WordPostings;
  private readonly vocabulary = new SortedKeyList();
  private readonly trigrams: MultiMap<string> | undefined;

  constructor(options: TextIndexOptions) {
    this.postings = options.postings ?? new MultiMap<string>();
    this.trigrams = options.fuzzy ? new MultiMap() : undefined;
  }

  /** Move `id` from the words `before` to the words `after` (distinct words, as `tokenize` returns them). */
  update(id: string, before: readonly string[], after: readonly string[]): void {
    // A first indexing (the common case in a build) needs no diff.
    const now = before.length > 0 ? new Set(after) : undefined;
    const old = before.length > 0 ? new Set(before) : undefined;
    for (const token of before) {
      if (now?.has(token)) continue;
      this.postings.delete(token, id);
      if (this.postings.has(token)) continue;
      this.vocabulary.delete(token);
      if (this.trigrams && isFuzzyCandidate(token)) {
        for (const gram of trigramsOf(token)) this.trigrams.delete(gram, token);
      }
    }
    for (const token of after) {
      if (old?.has(token) || !this.postings.add(token, id)) continue;
      this.vocabulary.add(token);
      if (this.trigrams && isFuzzyCandidate(token)) {
        for (const gram of trigramsOf(token)) this.trigrams.add(gram, token);
      }
    }
  }

  /** Ids indexed under `token`, without copying. */
  idsWithToken(token: string): Iterable<string> {
    return this.postings.values(token);
  }

  /** About how many ids carry `token` (0 when none; never fewer than there are). */
  estimateWithToken(token: string): number {
    return this.postings.estimate(token);
  }

  /** Vocabulary tokens starting with `prefix`. */
  tokensWithPrefix(prefix: string): string[] {
    return this.vocabulary.withPrefix(prefix);
  }

  /**
   * Vocabulary words within `maxEdits` edits of `token` (the token itself included when
   * present), closest first. Words of digits only, or shorter than three characters, are matched
   * exactly, never fuzzily. Needs `fuzzy: true`.
   */
  similarTokens(token: string, maxEdits = maxEditsFor(token)): FuzzyToken[] {
    if (!this.trigrams) throw new Error('TextIndex built without fuzzy support');
    const grams = trigramsOf(token);
    const needed = Math.max(1, grams.length - 3 * maxEdits);
    const shared = new Map<string, number>();
    for (const gram of grams) {
      for (const candidate of this.trigrams.values(gram)) {
        shared.set(candidate, (shared.get(candidate) ?? 0) + 1);
      }
    }
    const out: FuzzyToken[] = [];
    for (const [candidate, count] of shared) {
      if (count < needed || Math.abs(candidate.length - token.length) > maxEdits) continue;
      const d = distance(candidate, token);
      if (d <= maxEdits) out.push({ token: candidate, distance: d });
    }
    if (this.postings.has(token) && !out.some((c) => c.token === token)) {
      out.push({ token, distance: 0 });
    }
    return out.sort((a, b) => a.distance - b.distance || (a.token < b.token ? -1 : 1));
  }
}
