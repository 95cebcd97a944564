/**
 * The last steps of an import, once every entity is mapped: relations known only from the other
 * side (User memberOf, Group children, dependencyOf), schema validation of every result, and
 * dropping references whose target is not in the result, so that the output always validates.
 */
import type { Finding } from '../../core/finding.js';
import { relationsOf } from '../../core/relations.js';
import { entitySchema, type Entity, type EntityKind } from '../../core/schema/entity.schema.js';
import type { FieldLedger } from './field-ledger.js';
import { prefixedTag } from './id-conversion.js';
import type { ImportContext } from './import-context.js';
import { addTags } from './map-common.js';
import { finding, type Json } from './json-access.js';

export interface Mapped {
  out: Json;
  ledger: FieldLedger;
}

function appendUnique(out: Json, field: string, id: string): void {
  const list = Array.isArray(out[field]) ? (out[field] as string[]) : [];
  if (!list.includes(id)) out[field] = [...list, id];
}

/** Complete relations declared on the other side: members, parents, dependencyOf. */
export function completeRelations(ctx: ImportContext, mapped: Map<string, Mapped>): void {
  const memberships = [...ctx.memberships].sort((a, b) =>
    a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0,
  );
  for (const { teamKey, personId } of memberships) {
    const team = mapped.get(teamKey);
    if (team !== undefined) appendUnique(team.out, 'members', personId);
  }
  for (const { childKey, parentId } of ctx.childParents) {
    const child = mapped.get(childKey);
    if (child !== undefined) addTags(child.out, prefixedTag('parent', parentId));
  }
  for (const { dependentKey, dependencyId, ledger, path } of ctx.inverseDeps) {
    const dependent = mapped.get(dependentKey);
    const dependency = [...mapped.values()].find((m) => m.out.id === dependencyId);
    const ok =
      dependent?.out.kind === 'Service' &&
      (dependency?.out.kind === 'Service' || dependency?.out.kind === 'Host');
    if (ok) appendUnique(dependent.out, 'dependsOn', dependencyId);
    else ledger.drop(path, 'only a service can depend on a service or host in Switchboard');
  }
}

/** Validate each mapped entity with the catalog schema; failures are located errors. */
export function validateMapped(
  mapped: Map<string, Mapped>,
  findings: Finding[],
): Map<string, Entity> {
  const valid = new Map<string, Entity>();
  for (const [key, { out, ledger }] of mapped) {
    const parsed = entitySchema.safeParse(out);
    if (parsed.success) {
      valid.set(key, parsed.data);
      continue;
    }
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      const origin = ledger.origins.get(field) ?? ['metadata', 'name'];
      const where = issue.path.map(String).join('.');
      findings.push(
        finding(
          ledger.entity.doc,
          origin,
          'error',
          'import.output_invalid',
          `the Switchboard ${String(out.kind)} field ${where || '(entity)'} would be invalid: ${issue.message}`,
          ledger.entity.ref,
        ),
      );
    }
  }
  return valid;
}

function removeAt(entity: Json, path: readonly (string | number)[]): void {
  const [head, index] = path;
  if (typeof head !== 'string') return;
  if (path.length === 1 || head === 'reviewed') {
    delete entity[head];
    return;
  }
  const container = head === 'account' ? (entity.account as Json | undefined) : entity;
  const field = head === 'account' ? 'owners' : head;
  const position = head === 'account' ? path[2] : index;
  const list = container?.[field];
  if (container === undefined || !Array.isArray(list) || typeof position !== 'number') return;
  list.splice(position, 1);
  if (list.length === 0) delete container[field];
}

/** Drop references to ids that are missing from the result or of a kind the field does not take. */
export function dropDanglingRefs(
  valid: Map<string, Entity>,
  mapped: Map<string, Mapped>,
  findings: Finding[],
): void {
  const kinds = new Map<string, EntityKind>([...valid.values()].map((e) => [e.id, e.kind]));
  for (const [key, entity] of valid) {
    const bad = relationsOf(entity).filter((r) => {
      const kind = kinds.get(r.target);
      return kind === undefined || !r.allowed.includes(kind);
    });
    const ledger = mapped.get(key)?.ledger;
    for (const relation of bad.reverse()) {
      removeAt(entity, relation.path);
      if (ledger === undefined) continue;
      const origin = ledger.origins.get(String(relation.path[0])) ?? ['metadata', 'name'];
      const why = kinds.has(relation.target)
        ? `is a ${kinds.get(relation.target)}, not a ${relation.allowed.join(' or ')}`
        : 'is not in the import';
      findings.push(
        finding(
          ledger.entity.doc,
          origin,
          'warning',
          'backstage.ref_missing',
          `${relation.path.join('.')} names "${relation.target}", which ${why}; the reference is left out`,
          ledger.entity.ref,
        ),
      );
      ledger.drop(origin, `${relation.path.join('.')}: "${relation.target}" ${why}`);
    }
  }
}
