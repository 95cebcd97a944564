/**
 * Checks over the whole catalog, once every document has passed its own schema: unique ids,
 * references (kinds from relations.ts), dependency cycles, ownership and contacts, review age
 * (review-rule.ts), invisible characters in text and the one infrastructure team. Pure: findings
 * carry an entity id and a field path, and the catalog layer turns those into file:line:column.
 */
import { closest, distance } from 'fastest-levenshtein';
import type { Finding } from './finding.js';
import { findCycles } from './graph-cycles.js';
import { invisibleTextFindings } from './invisible-text.js';
import type { Origin } from './plan.js';
import {
  forEachReference,
  referencePath,
  type ReferenceVisitor,
  type Relation,
} from './relations.js';
import { ReviewClock, reviewState } from './review-rule.js';
import type { Entity, EntityKind, Service } from './schema/entity.schema.js';

/** One declared entity. `entity` is absent when its document failed schema validation: such a
 * declaration still counts for unique ids and as a reference target, but is not checked itself,
 * except for the references in `salvaged`: what remains valid once its broken fields are set
 * aside, so that one run reports a bad field and a dangling reference of the same entity. */
export interface Declaration {
  id: string;
  kind: EntityKind;
  origin?: Origin;
  entity?: Entity;
  salvaged?: Entity;
  /** For an entity another source manages (see CheckCatalogOptions.external): that source. */
  source?: string;
  /**
   * True when the declaration's source text holds no invisible character and nothing that could
   * make one (a YAML escape): the text check skips it. One scan of a document's text costs far
   * less than looking at each of its strings (1.7 million strings at 100,000 entities).
   */
  plainText?: boolean;
}

export interface CheckCatalogOptions {
  /** The day reviews are judged against. */
  today: Date;
  /** Reviews older than this many days are stale (a warning). */
  reviewMaxAgeDays: number;
  /**
   * Entities other sources already manage (when applying to a database): references may name
   * them and the one-infrastructure-team rule counts them, but they are not checked themselves.
   */
  external?: readonly Declaration[];
}

/** A finding about one declaration: `declaration` is its index in the input list. */
export interface CatalogCheckFinding extends Finding {
  entityId: string;
  path: (string | number)[];
  declaration: number;
}

const MAX_SUGGESTIONS = 50;

export function checkCatalog(
  declarations: readonly Declaration[],
  options: CheckCatalogOptions,
): CatalogCheckFinding[] {
  const out: CatalogCheckFinding[] = [];
  const external = options.external ?? [];
  // Declarations first, then the external ones: indexes below `local` are this catalog's own.
  const local = declarations.length;
  const all = external.length > 0 ? [...declarations, ...external] : declarations;
  const byId = indexById(all);
  checkDuplicateIds(all, byId, out, local);
  checkReferences(all, byId, out, local);
  checkInfrastructureTeam(all, out, local);
  checkOwnership(all, byId, out, local);
  checkReviews(declarations, options, out);
  checkText(declarations, out);
  checkCycles(all, byId, out);
  return out.filter((finding) => finding.declaration < local);
}

/** Where each id is declared: the first declaration, and every one for ids declared twice or more. */
interface IdIndex {
  first: Map<string, number>;
  repeated: Map<string, number[]>;
}

function indexById(declarations: readonly Declaration[]): IdIndex {
  const first = new Map<string, number>();
  const repeated = new Map<string, number[]>();
  declarations.forEach((d, index) => {
    const earlier = first.get(d.id);
    if (earlier === undefined) first.set(d.id, index);
    else {
      const list = repeated.get(d.id);
      if (list) list.push(index);
      else repeated.set(d.id, [earlier, index]);
    }
  });
  return { first, repeated };
}

function where(d: Declaration | undefined): string {
  if (d?.origin) return `${d.origin.file}:${d.origin.line}`;
  return d?.source !== undefined ? `the database (managed by ${d.source})` : 'another place';
}

function checkDuplicateIds(
  declarations: readonly Declaration[],
  byId: IdIndex,
  out: CatalogCheckFinding[],
  local: number,
): void {
  for (const [id, all] of byId.repeated) {
    // A clash with another source's entity is the plan's conflict, reported there.
    const indexes = all.filter((i) => i < local);
    if (indexes.length < 2) continue;
    for (const index of indexes) {
      const named: string[] = [];
      for (const other of indexes) {
        if (named.length === 5) break;
        if (other !== index) named.push(where(declarations[other]));
      }
      const more = indexes.length - 1 - named.length;
      if (more > 0) named.push(`${more} more`);
      out.push({
        severity: 'error',
        code: 'id.duplicate',
        message: `id "${id}" is declared more than once: also declared at ${named.join(', ')}`,
        entityId: id,
        path: ['id'],
        declaration: index,
      });
    }
  }
}

function kindList(kinds: readonly EntityKind[]): string {
  return kinds.length === 1
    ? `a ${kinds[0]}`
    : `a ${kinds.slice(0, -1).join(', ')} or ${kinds.at(-1)}`;
}

function checkReferences(
  declarations: readonly Declaration[],
  byId: IdIndex,
  out: CatalogCheckFinding[],
  local: number,
): void {
  const suggester = new IdSuggester(declarations);
  const kindOf = (i: number) => declarations[i]?.kind;
  let d: Declaration;
  let index = 0;
  // One visitor for the whole walk: a Relation is built only for a broken reference.
  const visit: ReferenceVisitor = (type, target, allowed, field, item, sub) => {
    const first = byId.first.get(target);
    if (first !== undefined && allowed.includes(declarations[first]!.kind)) return;
    const rel: Relation = {
      type,
      source: d.id,
      target,
      allowed,
      path: referencePath(field, item, sub),
    };
    if (first === undefined) {
      const hint = suggester.suggest(rel.target, rel.allowed);
      out.push({
        severity: 'error',
        code: 'ref.missing',
        message: `${fieldName(rel)} names "${rel.target}", but no entity has that id${hint ? `; did you mean "${hint}"?` : ''}`,
        entityId: d.id,
        path: [...rel.path],
        declaration: index,
      });
    } else if (!isAllowed(rel, first, byId, kindOf)) {
      out.push({
        severity: 'error',
        code: 'ref.kind',
        message: `${fieldName(rel)} must name ${kindList(rel.allowed)}, but "${rel.target}" is a ${kindOf(first)}`,
        entityId: d.id,
        path: [...rel.path],
        declaration: index,
      });
    }
  };
  for (index = 0; index < local; index++) {
    d = declarations[index]!;
    const checked = d.entity ?? d.salvaged;
    if (checked) forEachReference(checked, visit);
  }
}

function isAllowed(
  rel: Relation,
  first: number,
  byId: IdIndex,
  kindOf: (i: number) => EntityKind | undefined,
): boolean {
  const ok = (i: number) => {
    const kind = kindOf(i);
    return kind !== undefined && rel.allowed.includes(kind);
  };
  return ok(first) || (byId.repeated.get(rel.target)?.some(ok) ?? false);
}

function fieldName(rel: Relation): string {
  return rel.path.filter((p) => typeof p === 'string').join('.');
}

/** "Did you mean" over the ids of the allowed kinds; bounded so that a catalog full of broken
 * references stays fast. */
class IdSuggester {
  private readonly idsByKind = new Map<EntityKind, string[]>();
  private used = 0;
  constructor(private readonly declarations: readonly Declaration[]) {}

  suggest(target: string, allowed: readonly EntityKind[]): string | undefined {
    if (this.used++ >= MAX_SUGGESTIONS) return undefined;
    const candidates = allowed.flatMap((kind) => this.ids(kind));
    if (candidates.length === 0) return undefined;
    const best = closest(target, candidates);
    return distance(target, best) <= Math.max(2, Math.floor(target.length / 4)) ? best : undefined;
  }

  private ids(kind: EntityKind): string[] {
    let ids = this.idsByKind.get(kind);
    if (!ids) {
      ids = this.declarations.filter((d) => d.kind === kind).map((d) => d.id);
      this.idsByKind.set(kind, ids);
    }
    return ids;
  }
}

function checkInfrastructureTeam(
  declarations: readonly Declaration[],
  out: CatalogCheckFinding[],
  local: number,
): void {
  // Another source's infrastructure team comes first: a second one here is the error.
  let first: number | undefined = declarations.findIndex(
    (d, index) => index >= local && d.entity?.kind === 'Team' && d.entity.role === 'infrastructure',
  );
  if (first < 0) first = undefined;
  declarations.forEach((d, index) => {
    if (index >= local) return;
    if (d.entity?.kind !== 'Team' || d.entity.role !== 'infrastructure') return;
    if (first === undefined) {
      first = index;
      return;
    }
    const firstDecl = declarations[first];
    out.push({
      severity: 'error',
      code: 'team.infrastructure_duplicate',
      message: `only one team may have role: infrastructure, and "${firstDecl?.id}" (${where(firstDecl)}) already does`,
      entityId: d.id,
      path: ['role'],
      declaration: index,
    });
  });
}

/** True when the entity has a contact that public answers may show. */
function hasPublicContact(entity: Entity | undefined): boolean {
  if (entity === undefined || !('contacts' in entity) || entity.contacts === undefined)
    return false;
  for (const contact of entity.contacts) if (contact.private !== true) return true;
  return false;
}

function entityById(
  id: string,
  declarations: readonly Declaration[],
  byId: IdIndex,
): Entity | undefined {
  const first = byId.first.get(id);
  return first === undefined ? undefined : declarations[first]?.entity;
}

function checkOwnership(
  declarations: readonly Declaration[],
  byId: IdIndex,
  out: CatalogCheckFinding[],
  local: number,
): void {
  for (let index = 0; index < local; index++) {
    const d = declarations[index]!;
    if (d.entity?.kind !== 'Service') continue;
    const service: Service = d.entity;
    const owners = service.owners ?? [];
    if (owners.length === 0) {
      out.push({
        severity: 'warning',
        entityId: d.id,
        declaration: index,
        code: 'service.no_owner',
        message: 'service has no owners: add owners: [<team or person id>]',
        path: [],
      });
    } else if (
      owners.length === 1 &&
      entityById(owners[0] ?? '', declarations, byId)?.kind === 'Person'
    ) {
      out.push({
        severity: 'warning',
        entityId: d.id,
        declaration: index,
        code: 'service.single_owner',
        message: `"${owners[0]}" is its only owner, a single person; add a team or a second owner`,
        path: ['owners', 0],
      });
    }
    if (hasPublicContact(service)) continue;
    let reachable = false;
    for (const owner of owners) {
      if (hasPublicContact(entityById(owner, declarations, byId))) {
        reachable = true;
        break;
      }
    }
    if (!reachable) {
      out.push({
        severity: 'warning',
        entityId: d.id,
        declaration: index,
        code: 'service.no_contact',
        message:
          'nobody can be contacted about this service: neither it nor its owners have a public contact',
        path: [],
      });
    }
  }
}

function checkReviews(
  declarations: readonly Declaration[],
  options: CheckCatalogOptions,
  out: CatalogCheckFinding[],
): void {
  const clock = new ReviewClock(options.today);
  declarations.forEach((d, index) => {
    const review = d.entity?.reviewed;
    if (!review) return;
    const state = reviewState(d.entity!, clock, options.reviewMaxAgeDays);
    if (state.verdict !== 'stale') return;
    out.push({
      severity: 'warning',
      code: 'review.stale',
      message: `last reviewed ${state.ageDays} days ago (${review.date}); reviews older than ${options.reviewMaxAgeDays} days are stale`,
      entityId: d.id,
      path: ['reviewed', 'date'],
      declaration: index,
    });
  });
}

/** Invisible and control characters in free text: a warning per field (names: errors, in the schema). */
function checkText(declarations: readonly Declaration[], out: CatalogCheckFinding[]): void {
  declarations.forEach((d, index) => {
    if (!d.entity || d.plainText === true) return;
    for (const { path, message } of invisibleTextFindings(d.entity)) {
      out.push({
        severity: 'warning',
        code: 'text.invisible',
        message,
        entityId: d.id,
        path,
        declaration: index,
      });
    }
  });
}

/** The cycle as "a → b → a"; a very long one shows its start and end and how many it holds. */
function cycleText(ids: string[]): string {
  if (ids.length <= 21) return ids.join(' → ');
  return `${ids.slice(0, 10).join(' → ')} → … → ${ids.slice(-3).join(' → ')} (${ids.length - 1} services)`;
}

/** One warning per group of services that depend on each other in a circle. */
function checkCycles(
  declarations: readonly Declaration[],
  byId: IdIndex,
  out: CatalogCheckFinding[],
): void {
  // Only services with dependencies have edges: the others share one empty list.
  const none: readonly number[] = [];
  const adjacency = new Array<readonly number[]>(declarations.length).fill(none);
  for (let index = 0; index < declarations.length; index++) {
    const entity = declarations[index]!.entity;
    if (entity?.kind !== 'Service' || entity.dependsOn === undefined) continue;
    const edges: number[] = [];
    for (const id of entity.dependsOn) {
      const target = byId.first.get(id);
      if (target !== undefined) edges.push(target);
    }
    adjacency[index] = edges;
  }
  for (const cycle of findCycles(declarations.length, (index) => adjacency[index] ?? none)) {
    const start = cycle[0]!;
    const ids = cycle.map((i) => declarations[i]?.id ?? '?');
    const service = declarations[start]?.entity as Service;
    const next = ids[1] ?? ids[0];
    out.push({
      severity: 'warning',
      code: 'graph.cycle',
      message: `dependency cycle: ${cycleText(ids)}`,
      entityId: declarations[start]?.id ?? '?',
      path: ['dependsOn', Math.max(0, (service.dependsOn ?? []).indexOf(next ?? ''))],
      declaration: start,
    });
  }
}
