/**
 * The in-memory read model every answer is computed from: entities by id, both directions of every
 * relation, host-name and URL lookup, name and free-text indexes, and per-field posting lists for
 * filtered listing. Built at once (`CatalogIndex.build`) or a piece at a time between which the
 * caller may yield (`CatalogIndex.builder`). `upsert`/`remove` change an index in place, touching
 * only what the changed entity (and the few entities derived from it) contributed; the server never
 * calls them on an index it has published (a new catalog version is a new index).
 */
import { publicView } from '../public-view.js';
import type { Sliced } from '../sliced.js';
import {
  RELATION_TYPES,
  relationsOf,
  type InverseRelationType,
  type RelationType,
} from '../relations.js';
import { ENTITY_KINDS, type Entity, type EntityKind, type Team } from '../schema/entity.schema.js';
import {
  fieldDependencies,
  hostnamesOf,
  listFieldValues,
  nameTokens,
  searchTokens,
  urlsOf,
  type ListField,
} from './index/entity-fields.js';
import { LazyPostings } from './index/lazy-postings.js';
import { MultiMap } from './index/multi-map.js';
import { HostnameIndex, type WildcardMatch } from './index/hostname-index.js';
import {
  listEntities,
  type ListFilter,
  type ListPage,
  type ListResult,
} from './index/list-query.js';
import { PostingIndex } from './index/posting-index.js';
import { RelationGraph } from './index/relation-graph.js';
import { SortedKeyList } from './index/sorted-key-list.js';
import { TextIndex, tokenize, type FuzzyToken } from './index/text-index.js';
import { UrlPrefixIndex, type UrlPrefixMatch, type UrlTarget } from './index/url-prefix-index.js';

export type { ListFilter, ListPage, ListResult } from './index/list-query.js';
export { DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT } from './index/list-query.js';

/** One relation seen from one entity. */
export interface RelationEdge {
  /** As seen from this entity: `runsOn` outgoing, its inverse `runs` incoming. */
  type: RelationType | InverseRelationType;
  /** The declared (forward) relation, the same in both directions. */
  relation: RelationType;
  direction: 'outgoing' | 'incoming';
  /** The entity at the other end (it may be missing from the catalog). */
  other: string;
  /** Where the reference is written, inside the entity that declares it. */
  path: readonly (string | number)[];
}

/** Services, then hosts, providers, people, teams: the order of every list and tie-break. */
export function kindRank(kind: EntityKind): number {
  return ENTITY_KINDS.indexOf(kind);
}

/** Incoming lists kept ready (they are sorted, and a provider may have thousands). */
const INCOMING_CACHE_SIZE = 1_000;

const sortKey = (entity: Entity): string => `${kindRank(entity.kind)}${entity.id}`;

const normalizeName = (name: string): string => tokenize(name).join(' ');
const nameKey = (nameWords: readonly string[]): string => nameWords.join(' ');

/** Builds an index a piece at a time (see CatalogIndex.builder). */
export interface CatalogIndexBuilder {
  /**
   * Index entities until all are done (true) or `shouldYield()` says to stop for now (false).
   * `shouldYield` is asked after every few entities.
   */
  step(shouldYield: () => boolean): boolean;
  /** The finished index; throws before `step` has returned true. */
  finish(): CatalogIndex;
}

/** Entities indexed between two `shouldYield()` questions (one takes ~20-50 µs). */
const BUILD_BATCH = 32;

/** Relations whose sources derive filter values from their target (see entity-fields.ts). */
const DERIVING: Partial<Record<EntityKind, readonly RelationType[]>> = {
  Host: ['runsOn'],
};

export class CatalogIndex {
  private readonly entities = new Map<string, Entity>();
  private readonly publicCache = new Map<string, Entity>();
  private readonly incomingCache = new Map<string, RelationEdge[]>();
  private readonly graph = new RelationGraph();
  private readonly postings = new PostingIndex<ListField>();
  private readonly allKeys = new SortedKeyList();
  private readonly hostnames = new HostnameIndex();
  private readonly urls = new UrlPrefixIndex();
  private readonly names = new TextIndex({ fuzzy: true, postings: new LazyPostings() });
  private readonly exactNames = new MultiMap<string>();
  private readonly search = new TextIndex({ fuzzy: false, postings: new LazyPostings() });
  /**
   * Free-text words per entity, filled lazily by searches (not by the build: at 100,000 entities
   * they cost ~40 MB and a second of start-up); dropped when the entity changes.
   */
  private readonly searchWords = new Map<string, readonly string[]>();
  private changes = 0;
  /** Cached answer of infrastructureTeam(); 'unknown' after a team changes. */
  private infraTeam: Team | undefined | 'unknown' = 'unknown';

  /** An index of `entities`; when an id repeats, the last one wins. */
  static build(entities: Iterable<Entity>): CatalogIndex {
    const builder = CatalogIndex.builder(entities);
    builder.step(() => false);
    return builder.finish();
  }

  /**
   * An index of `entities` (when an id repeats, the last one wins) built in steps, so that a server
   * can build the next catalog version between requests. Entity objects are shared, not copied.
   */
  static builder(entities: Iterable<Entity>): CatalogIndexBuilder {
    const index = new CatalogIndex();
    const incoming = entities[Symbol.iterator]();
    // Derived filter values read other entities, so every entity is in place before indexing.
    let pending: Iterator<Entity> | undefined;
    let sorting: Sliced<void> | undefined;
    let done = false;
    return {
      step(shouldYield) {
        while (!done) {
          for (let i = 0; i < BUILD_BATCH * 32 && pending === undefined; i++) {
            const next = incoming.next();
            if (next.done === true) pending = index.entities.values();
            else index.entities.set(next.value.id, next.value);
          }
          for (let i = 0; pending && !sorting && i < BUILD_BATCH; i++) {
            const next = pending.next();
            if (next.done === true) {
              // Sort the lists every whole-catalog answer walks now, as part of the build (in
              // slices), rather than on the first read (at 100,000 entities that read would
              // hold the loop ~100 ms).
              sorting = index.sortWalkedLists();
              break;
            }
            index.apply(next.value.id, undefined, next.value);
          }
          if (sorting) done = sorting.next().done === true;
          if (!done && shouldYield()) return false;
        }
        return true;
      },
      finish() {
        if (!done) throw new Error('CatalogIndex.builder: finish() before the last step');
        return index;
      },
    };
  }

  /** The whole-catalog lists (every entity, each kind) put in order, in slices. */
  private *sortWalkedLists(): Sliced<void> {
    yield* this.allKeys.settleSliced();
    for (const kind of ENTITY_KINDS) {
      const list = this.postings.list('kind', kind);
      if (list) yield* list.settleSliced();
    }
  }

  /** Every entity (stored form), in no particular order. */
  values(): IterableIterator<Entity> {
    return this.entities.values();
  }

  get size(): number {
    return this.entities.size;
  }

  /** Increases on every upsert or remove (useful for ETags and caches). */
  get revision(): number {
    return this.changes;
  }

  /** The stored entity, private contacts included: for internal use, never for output. */
  get(id: string): Entity | undefined {
    return this.entities.get(id);
  }

  /** The entity as public answers show it (private contacts removed). */
  getPublic(id: string): Entity | undefined {
    const cached = this.publicCache.get(id);
    if (cached) return cached;
    const entity = this.entities.get(id);
    if (!entity) return undefined;
    const view = publicView(entity);
    this.publicCache.set(id, view);
    return view;
  }

  has(id: string): boolean {
    return this.entities.has(id);
  }

  /** Every entity (stored form), ordered by kind then id. */
  all(): Entity[] {
    return this.allKeys.values().map((key) => this.entities.get(key.slice(1)) as Entity);
  }

  /** Every entity of one kind (stored form), ordered by id. */
  ofKind<K extends EntityKind>(kind: K): Extract<Entity, { kind: K }>[] {
    const list = this.postings.list('kind', kind);
    if (!list) return [];
    return list
      .values()
      .map((key) => this.entities.get(key.slice(1)) as Extract<Entity, { kind: K }>);
  }

  /** How many entities of one kind there are. */
  countOfKind(kind: EntityKind): number {
    return this.postings.list('kind', kind)?.size ?? 0;
  }

  /** The ids of the first `limit` entities of one kind, ordered by id. */
  idsOfKind(kind: EntityKind, limit: number): string[] {
    const keys = this.postings.list('kind', kind)?.values() ?? [];
    return keys.slice(0, limit).map((key) => key.slice(1));
  }

  /**
   * Every entity of one kind (or of every kind), in the order of `ofKind` (`all`), one at a time
   * without building the array first: for work done in slices (core/sliced.ts).
   */
  each<K extends EntityKind>(kind: K): Generator<Extract<Entity, { kind: K }>, void, undefined>;
  each(): Generator<Entity, void, undefined>;
  *each(kind?: EntityKind): Generator<Entity, void, undefined> {
    const keys = kind === undefined ? this.allKeys : this.postings.list('kind', kind);
    for (const key of keys?.after() ?? []) {
      const entity = this.entities.get(key.slice(1));
      if (entity) yield entity;
    }
  }

  outgoing(id: string): RelationEdge[] {
    const entity = this.entities.get(id);
    if (!entity) return [];
    return relationsOf(entity).map((r) => ({
      type: r.type,
      relation: r.type,
      direction: 'outgoing',
      other: r.target,
      path: r.path,
    }));
  }

  /** References to `id`, ordered by the referring entity's id, then in field order. */
  incoming(id: string): RelationEdge[] {
    const cached = this.incomingCache.get(id);
    if (cached) return cached;
    const sources = new Set<string>();
    for (const type of this.graph.typesReferring(id)) {
      for (const source of this.graph.sources(id, type)) sources.add(source);
    }
    const edges: RelationEdge[] = [];
    for (const source of [...sources].sort()) {
      const entity = this.entities.get(source);
      for (const r of entity ? relationsOf(entity) : []) {
        if (r.target !== id) continue;
        edges.push({
          type: RELATION_TYPES[r.type].inverse,
          relation: r.type,
          direction: 'incoming',
          other: source,
          path: r.path,
        });
      }
    }
    if (this.incomingCache.size >= INCOMING_CACHE_SIZE) this.incomingCache.clear();
    this.incomingCache.set(id, edges);
    return edges;
  }

  /** Targets of `id`'s outgoing relations of one type, in field order (repeats removed). */
  references(id: string, type: RelationType): string[] {
    const entity = this.entities.get(id);
    if (!entity) return [];
    const out = new Set<string>();
    for (const r of relationsOf(entity)) if (r.type === type) out.add(r.target);
    return [...out];
  }

  /** Ids of the entities referring to `id` with `type` (each once, unordered, not copied). */
  referrers(id: string, type: RelationType): Iterable<string> {
    return this.graph.sources(id, type);
  }

  /** How many entities refer to `id` with `type`. */
  referrerCount(id: string, type: RelationType): number {
    return this.graph.count(id, type);
  }

  hostnameMatches(hostname: string): string[] {
    return this.hostnames.exactMatch(hostname);
  }

  wildcardMatch(hostname: string): WildcardMatch | undefined {
    return this.hostnames.wildcardMatch(hostname);
  }

  urlPrefixMatch(target: UrlTarget): UrlPrefixMatch | undefined {
    return this.urls.longestPrefix(target);
  }

  /** Ids whose name equals `name`, ignoring case, accents and punctuation. */
  exactNameMatches(name: string): string[] {
    return this.exactNames.get(normalizeName(name));
  }

  /** Ids whose name or id contains the word `token`. */
  idsWithNameWord(token: string): Iterable<string> {
    return this.names.idsWithToken(token);
  }

  /** About how many entities have the word `token` in their name or id (never fewer). */
  nameWordEstimate(token: string): number {
    return this.names.estimateWithToken(token);
  }

  /** Words of an entity's name and id. */
  nameWords(id: string): readonly string[] {
    const entity = this.entities.get(id);
    return entity ? nameTokens(entity) : [];
  }

  /** Name words starting with `prefix`, in order. */
  nameWordsWithPrefix(prefix: string): string[] {
    return this.names.tokensWithPrefix(prefix);
  }

  /** Name words within a few edits of `token`, closest first. */
  similarNameWords(token: string): FuzzyToken[] {
    return this.names.similarTokens(token);
  }

  /** The team marked `role: infrastructure` (the lowest id if several are). */
  infrastructureTeam(): Team | undefined {
    if (this.infraTeam === 'unknown') {
      this.infraTeam = undefined;
      const list = this.postings.list('kind', 'Team');
      for (const key of list?.values() ?? []) {
        const team = this.entities.get(key.slice(1));
        if (team?.kind === 'Team' && team.role === 'infrastructure') {
          this.infraTeam = team;
          break;
        }
      }
    }
    return this.infraTeam;
  }

  list(filter: ListFilter = {}, page: ListPage = {}): ListResult {
    return listEntities(
      {
        postings: this.postings,
        search: this.search,
        searchWords: (id) => this.searchWordsOf(id),
        allKeys: this.allKeys,
        idOfKey: (key) => key.slice(1),
        ownerValues: (owner) => [
          owner,
          ...new Set([
            ...this.graph.sources(owner, 'hasMember'),
            ...this.graph.sources(owner, 'ledBy'),
          ]),
        ],
        keyOf: (id) => {
          const entity = this.entities.get(id);
          return entity ? sortKey(entity) : undefined;
        },
        publicEntity: (id) => this.getPublic(id),
      },
      filter,
      page,
    );
  }

  /** Add or replace one entity, updating every structure it touches. */
  upsert(entity: Entity): void {
    const before = this.entities.get(entity.id);
    this.entities.set(entity.id, entity);
    this.apply(entity.id, before, entity);
    this.refreshDerived(entity.id, [before?.kind, entity.kind]);
    this.changes++;
  }

  /** Remove one entity; false when it was not there. */
  remove(id: string): boolean {
    const before = this.entities.get(id);
    if (!before) return false;
    this.entities.delete(id);
    this.apply(id, before, undefined);
    this.refreshDerived(id, [before.kind]);
    this.changes++;
    return true;
  }

  /** Move every structure from `before` to `after`; `entities` already holds `after`. */
  private apply(id: string, before: Entity | undefined, after: Entity | undefined): void {
    if (before?.kind === 'Team' || after?.kind === 'Team') this.infraTeam = 'unknown';
    this.graph.update(before, after);
    this.searchWords.delete(id);
    if (before) {
      this.forgetIncoming(before);
      this.allKeys.delete(sortKey(before));
      this.hostnames.remove(id, hostnamesOf(before));
      this.urls.remove(id, urlsOf(before));
      this.exactNames.delete(normalizeName(before.name), id);
      this.publicCache.delete(id);
    }
    const oldNames = before ? nameTokens(before) : [];
    const oldWords = before ? searchTokens(before, oldNames) : [];
    if (after) {
      const key = sortKey(after);
      this.forgetIncoming(after);
      this.allKeys.add(key);
      this.hostnames.add(id, hostnamesOf(after));
      this.urls.add(id, urlsOf(after));
      const nameWords = tokenize(after.name);
      this.exactNames.add(nameKey(nameWords), id);
      const names = nameTokens(after, nameWords);
      this.names.update(id, oldNames, names);
      this.search.update(id, oldWords, searchTokens(after, names));
      this.refreshFields(after, key);
    } else {
      this.names.update(id, oldNames, []);
      this.search.update(id, oldWords, []);
      this.postings.remove(id);
    }
  }

  /** Free-text words of an entity, computed on first use by a search and then kept. */
  private searchWordsOf(id: string): readonly string[] {
    const known = this.searchWords.get(id);
    if (known) return known;
    const entity = this.entities.get(id);
    if (!entity) return [];
    const words = searchTokens(entity);
    this.searchWords.set(id, words);
    return words;
  }

  /** Drop cached incoming lists that `entity`'s references appear in. */
  private forgetIncoming(entity: Entity): void {
    if (this.incomingCache.size === 0) return;
    for (const r of relationsOf(entity)) this.incomingCache.delete(r.target);
  }

  private refreshFields(entity: Entity, key = sortKey(entity)): void {
    this.postings.set(
      entity.id,
      key,
      listFieldValues(entity, (id) => this.entities.get(id)),
    );
  }

  /** Entities whose filter values derive from `id` (services on a host take its provider). */
  private refreshDerived(id: string, kinds: (EntityKind | undefined)[]): void {
    const types = new Set(kinds.flatMap((k) => (k ? (DERIVING[k] ?? []) : [])));
    if (types.size === 0) return;
    const seen = new Set<string>();
    for (const type of types) {
      for (const source of this.graph.sources(id, type)) {
        const entity = this.entities.get(source);
        if (entity && !seen.has(source) && fieldDependencies(entity).includes(id)) {
          seen.add(source);
          this.refreshFields(entity);
        }
      }
    }
  }
}
