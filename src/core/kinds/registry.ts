/**
 * The kind registry: every kind's declaration, keyed by kind. Everything that differs by kind
 * (relations, export files, list filters, review policy, navigation, graph shapes) reads it, so
 * adding a kind is one `*.kind.ts` module here plus its schema and page
 * (docs/ARCHITECTURE.md, "Adding a kind").
 */
import { ENTITY_KINDS, type EntityKind } from './entity-kinds.js';
import { hostKind } from './host.kind.js';
import type { KindDefinition } from './kind-definition.js';
import { personKind } from './person.kind.js';
import { providerKind } from './provider.kind.js';
import { serviceKind } from './service.kind.js';
import { teamKind } from './team.kind.js';

export const KINDS = {
  Service: serviceKind,
  Host: hostKind,
  Provider: providerKind,
  Person: personKind,
  Team: teamKind,
} as const satisfies { [K in EntityKind]: KindDefinition<K> };

/** Every kind in the order of lists, tie-breaks and navigation. */
export const KIND_ORDER: readonly EntityKind[] = ENTITY_KINDS;

export function kindDefinition(kind: EntityKind): KindDefinition {
  return KINDS[kind];
}

/** A table keyed by kind, computed from each kind's declaration. */
export function mapKinds<T>(value: (definition: KindDefinition) => T): Record<EntityKind, T> {
  const table = {} as Record<EntityKind, T>;
  for (const kind of KIND_ORDER) table[kind] = value(KINDS[kind]);
  return table;
}

/** The kind whose URL segment this is (`services` → Service). */
export function kindOfPlural(plural: string): EntityKind | undefined {
  return KIND_ORDER.find((kind) => KINDS[kind].plural === plural);
}

/** The file `export --out` writes a kind to: `services.yaml`, `people.json`. */
export function exportFileName(kind: EntityKind, format: 'yaml' | 'json'): string {
  return `${KINDS[kind].fileStem}.${format}`;
}

export type { KindDefinition, ReferenceField } from './kind-definition.js';
export { ENTITY_KINDS, isEntityKind, unhandledKind, type EntityKind } from './entity-kinds.js';

/**
 * Every kind in words, for help texts and descriptions: `'kind'` gives "Service, Host, ... or
 * Team", `'singular'` "service, host, ... or team", `'plural'` "services, hosts, ... and teams".
 */
export function kindsInWords(form: 'kind' | 'singular' | 'plural', conjunction = 'or'): string {
  const words = KIND_ORDER.map((kind) =>
    form === 'kind' ? kind : KINDS[kind].label[form].toLowerCase(),
  );
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1] ?? ''}`;
}
