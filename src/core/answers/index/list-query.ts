/**
 * Filtered, paged listing in a stable order (kind, then id) without sorting per request: every
 * filter is a posting list already in that order; the smallest one drives, the others are
 * membership tests, and the walk stops as soon as the page is full. The cursor is the last key
 * returned, base64url-encoded.
 */
import { inputError } from '../../errors.js';
import { ENTITY_KINDS, type Entity, type EntityKind } from '../../schema/entity.schema.js';
import type { ListField } from './entity-fields.js';
import type { PostingIndex } from './posting-index.js';
import type { SortedKeyList } from './sorted-key-list.js';
import { tokenize, type TextIndex } from './text-index.js';

export const DEFAULT_LIST_LIMIT = 50;
export const MAX_LIST_LIMIT = 500;
/** Free-text matches are gathered and sorted only below this size; above it they are tested. */
const MATERIALIZE_LIMIT = 5_000;

export interface ListFilter {
  kind?: string;
  /** A person or team id: what it owns directly, plus (for a person) what their teams own. */
  owner?: string;
  /** A host or provider id: what runs on it, including services on that provider's hosts. */
  runsOn?: string;
  frontedBy?: string;
  /** Compared case-insensitively: salt, chef, manual, ... */
  managedBy?: string;
  tag?: string;
  status?: string;
  /** Free text: every word must start a word of the entity's id, name, description, tags, ... */
  q?: string;
}

export interface ListPage {
  /** 1..500, default 50. */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
}

export interface ListResult {
  /** Public views (private contacts removed). */
  items: Entity[];
  /** Present when there may be more; pass it back as `cursor`. */
  nextCursor?: string;
}

const KEY_PATTERN = /^[0-9][a-z][a-z0-9-]{0,62}$/;

export function encodeCursor(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const key = /^[A-Za-z0-9_-]{1,100}$/.test(cursor)
    ? Buffer.from(cursor, 'base64url').toString('utf8')
    : '';
  if (!KEY_PATTERN.test(key)) {
    throw inputError(
      'cursor.invalid',
      'the cursor is not one this server returned; start again without it',
    );
  }
  return key;
}

function checkLimit(limit: number | undefined): number {
  const value = limit ?? DEFAULT_LIST_LIMIT;
  if (!Number.isInteger(value) || value < 1 || value > MAX_LIST_LIMIT) {
    throw inputError('limit.invalid', `limit must be a whole number from 1 to ${MAX_LIST_LIMIT}`);
  }
  return value;
}

export interface ListSource {
  postings: PostingIndex<ListField>;
  search: TextIndex;
  /** The free-text words of an entity. */
  searchWords(id: string): readonly string[];
  /** Every key, in order. */
  allKeys: SortedKeyList;
  idOfKey(key: string): string;
  /** The owner values an owner filter stands for: the id itself, and a person's teams. */
  ownerValues(owner: string): string[];
  keyOf(id: string): string | undefined;
  publicEntity(id: string): Entity | undefined;
}

/** One filter: how many entities it may match, a test, and (when it can) its keys in order. */
interface Term {
  size: number;
  test(id: string): boolean;
  keysAfter?: (after: string | undefined) => Iterable<string>;
}

/** Keys in any of `lists`, in order, each once (a k-way merge; k is small). */
function* mergeAfter(
  lists: readonly SortedKeyList[],
  after: string | undefined,
): Generator<string, void, undefined> {
  const its = lists.map((l) => l.after(after)[Symbol.iterator]());
  const heads = its.map((it) => it.next());
  for (;;) {
    let min: string | undefined;
    for (const h of heads) if (!h.done && (min === undefined || h.value < min)) min = h.value;
    if (min === undefined) return;
    yield min;
    heads.forEach((h, i) => {
      if (!h.done && h.value === min) heads[i] = (its[i] as Iterator<string>).next();
    });
  }
}

/** Any of several values of one field (an owner and the teams they belong to). */
function unionTerm(source: ListSource, field: ListField, values: readonly string[]): Term {
  const lists = values.flatMap((v) => {
    const list = source.postings.list(field, v);
    return list && list.size > 0 ? [list] : [];
  });
  return {
    size: lists.reduce((n, l) => n + l.size, 0),
    test: (id) => values.some((v) => source.postings.has(id, field, v)),
    keysAfter: (after) =>
      lists.length === 1 ? (lists[0] as SortedKeyList).after(after) : mergeAfter(lists, after),
  };
}

function postingTerm(source: ListSource, field: ListField, value: string): Term {
  const list = source.postings.list(field, value);
  return {
    size: list?.size ?? 0,
    test: (id) => source.postings.has(id, field, value),
    keysAfter: (after) => list?.after(after) ?? [],
  };
}

function textTerm(source: ListSource, q: string): Term | undefined {
  const words = tokenize(q);
  if (words.length === 0) return undefined;
  const test = (id: string) => {
    const tokens = source.searchWords(id);
    return words.every((w) => tokens.some((t) => t.startsWith(w)));
  };
  // Each word matches the vocabulary words it starts; the rarest bounds the term's size.
  const perWord = words
    .map((word) => {
      const tokens = source.search.tokensWithPrefix(word);
      let size = 0;
      for (const t of tokens) size += source.search.estimateWithToken(t);
      return { tokens, size };
    })
    .sort((a, b) => a.size - b.size);
  const [rarest, ...others] = perWord;
  if (!rarest) return undefined;
  if (rarest.size > MATERIALIZE_LIMIT) return { size: rarest.size, test };
  const idsOf = (tokens: readonly string[]) => {
    const ids = new Set<string>();
    for (const t of tokens) for (const id of source.search.idsWithToken(t)) ids.add(id);
    return ids;
  };
  return {
    size: rarest.size,
    test,
    keysAfter: (after) => {
      const sets = others.filter((o) => o.size <= MATERIALIZE_LIMIT).map((o) => idsOf(o.tokens));
      const needsTest = sets.length < others.length;
      const keys: string[] = [];
      for (const id of idsOf(rarest.tokens)) {
        if (!sets.every((set) => set.has(id)) || (needsTest && !test(id))) continue;
        const key = source.keyOf(id);
        if (key !== undefined && (after === undefined || key > after)) keys.push(key);
      }
      return keys.sort();
    },
  };
}

export function listEntities(source: ListSource, filter: ListFilter, page: ListPage): ListResult {
  const limit = checkLimit(page.limit);
  const cursor = page.cursor === undefined ? undefined : decodeCursor(page.cursor);
  // A kind is a key range (keys start with the kind's rank): walk only that range.
  let prefix = '';
  let rangeSize = source.allKeys.size;
  if (filter.kind !== undefined && filter.kind !== '') {
    const rank = ENTITY_KINDS.indexOf(filter.kind as EntityKind);
    if (rank < 0) return { items: [] };
    prefix = String(rank);
    rangeSize = source.postings.list('kind', filter.kind)?.size ?? 0;
  }
  const start = cursor === undefined || cursor < prefix ? prefix || undefined : cursor;

  const terms: Term[] = [];
  if (filter.owner !== undefined && filter.owner !== '') {
    terms.push(unionTerm(source, 'owner', source.ownerValues(filter.owner)));
  }
  const fields: [ListField, string | undefined][] = [
    ['runsOn', filter.runsOn],
    ['frontedBy', filter.frontedBy],
    ['managedBy', filter.managedBy?.toLowerCase()],
    ['tag', filter.tag],
    ['status', filter.status],
  ];
  for (const [field, value] of fields) {
    if (value !== undefined && value !== '') terms.push(postingTerm(source, field, value));
  }
  if (filter.q !== undefined) {
    const term = textTerm(source, filter.q);
    if (term) terms.push(term);
  }
  if (rangeSize === 0 || terms.some((t) => t.size === 0)) return { items: [] };

  let driver: Term = {
    size: rangeSize,
    test: () => true,
    keysAfter: (a) => source.allKeys.after(a),
  };
  for (const term of terms) if (term.keysAfter && term.size < driver.size) driver = term;
  const others = terms.filter((t) => t !== driver);

  const items: Entity[] = [];
  let lastKey: string | undefined;
  for (const key of driver.keysAfter?.(start) ?? []) {
    if (!key.startsWith(prefix)) break;
    const id = source.idOfKey(key);
    if (!others.every((t) => t.test(id))) continue;
    if (items.length === limit) return { items, nextCursor: encodeCursor(lastKey as string) };
    const entity = source.publicEntity(id);
    if (!entity) continue;
    items.push(entity);
    lastKey = key;
  }
  return { items };
}
