import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { relationsOf } from '../relations.js';
import { kindSchemas, type Entity } from '../schema/entity.schema.js';
import { isEntityRef } from '../schema/primitives.schema.js';
import { ENTITY_KINDS } from './entity-kinds.js';
import { kindOffersFilter, LIST_FILTERS } from './list-filters.js';
import {
  exportFileName,
  KINDS,
  kindDefinition,
  kindOfPlural,
  kindsInWords,
  mapKinds,
} from './registry.js';

/** Paths of every `entityRef` in a schema: `owners[]`, `runsOn[].host`, `reviewed.by`. */
function referencePaths(schema: z.ZodType, path = ''): string[] {
  if (isEntityRef(schema)) return [path];
  const def = schema._zod.def as unknown as {
    type: string;
    innerType?: z.ZodType;
    element?: z.ZodType;
    shape?: Record<string, z.ZodType>;
    valueType?: z.ZodType;
    options?: z.ZodType[];
  };
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
      return referencePaths(def.innerType!, path);
    case 'array':
      return referencePaths(def.element!, `${path}[]`);
    case 'record':
      return referencePaths(def.valueType!, `${path}{}`);
    case 'union':
      return def.options!.flatMap((option) => referencePaths(option, path));
    case 'object':
      return Object.entries(def.shape!).flatMap(([key, field]) =>
        referencePaths(field, path === '' ? key : `${path}.${key}`),
      );
    default:
      return [];
  }
}

describe('the kind registry', () => {
  it('declares every reference field of every kind schema, and no other', () => {
    for (const kind of ENTITY_KINDS) {
      const inSchema = referencePaths(kindSchemas[kind]).map((p) => p.replace(/\[\]$/, ''));
      const declared = kindDefinition(kind).references.map((r) =>
        r.sub === undefined ? r.field : `${r.field}[].${r.sub}`,
      );
      expect({ kind, fields: [...declared].sort() }).toEqual({ kind, fields: inSchema.sort() });
    }
  });

  it('finds nested references, and would notice one missing from a schema walk', () => {
    expect(referencePaths(kindSchemas.Service)).toContain('runsOn[].host');
    expect(referencePaths(kindSchemas.Provider)).toContain('account.owners[]');
    expect(referencePaths(kindSchemas.Person)).toEqual(['reviewed.by']);
  });

  it('walks references in declaration order, list items one at a time', () => {
    const service: Entity = {
      kind: 'Service',
      id: 'bugs',
      name: 'Bugs',
      runsOn: [{ provider: 'fastly' }, { host: 'web-1' }],
      frontedBy: ['fastly'],
      dependsOn: ['db'],
      owners: ['infra'],
      reviewed: { date: '2026-01-01', by: 'ada' },
    };
    expect(relationsOf(service).map((r) => [r.type, r.target, r.path.join('.')])).toEqual([
      ['runsOn', 'fastly', 'runsOn.0.provider'],
      ['runsOn', 'web-1', 'runsOn.1.host'],
      ['frontedBy', 'fastly', 'frontedBy.0'],
      ['dependsOn', 'db', 'dependsOn.0'],
      ['ownedBy', 'infra', 'owners.0'],
      ['reviewedBy', 'ada', 'reviewed.by'],
    ]);
    const provider: Entity = {
      kind: 'Provider',
      id: 'aws',
      name: 'AWS',
      account: { owners: ['ada', 'infra'] },
    };
    expect(relationsOf(provider).map((r) => [r.type, r.target, r.path.join('.')])).toEqual([
      ['accountHeldBy', 'ada', 'account.owners.0'],
      ['accountHeldBy', 'infra', 'account.owners.1'],
    ]);
  });

  it('names each kind once: URL segments and export files are distinct', () => {
    const plurals = ENTITY_KINDS.map((k) => KINDS[k].plural);
    expect(new Set(plurals).size).toBe(ENTITY_KINDS.length);
    expect(ENTITY_KINDS.map((k) => kindOfPlural(KINDS[k].plural))).toEqual([...ENTITY_KINDS]);
    expect(kindOfPlural('nothing')).toBeUndefined();
    expect(exportFileName('Person', 'yaml')).toBe('people.yaml');
    expect(exportFileName('Service', 'json')).toBe('services.json');
    expect(mapKinds((d) => d.label.plural)).toEqual({
      Service: 'Services',
      Host: 'Hosts',
      Provider: 'Providers',
      Person: 'People',
      Team: 'Teams',
    });
  });

  it('names every kind in words for help texts, in list order', () => {
    expect(kindsInWords('kind')).toBe('Service, Host, Provider, Person or Team');
    expect(kindsInWords('singular')).toBe('service, host, provider, person or team');
    expect(kindsInWords('plural', 'and')).toBe('services, hosts, providers, people and teams');
  });

  it('describes the list filters from the kinds: statuses, and which kind offers what', () => {
    expect(LIST_FILTERS.status.description).toBe(
      'active, deprecated, retired (services); active, former (providers).',
    );
    expect(ENTITY_KINDS.filter((kind) => kindOffersFilter(kind, 'status'))).toEqual([
      'Service',
      'Provider',
    ]);
    expect(ENTITY_KINDS.filter((kind) => kindOffersFilter(kind, 'owner'))).toEqual([
      'Service',
      'Host',
    ]);
    expect(ENTITY_KINDS.every((kind) => kindOffersFilter(kind, 'tag'))).toBe(true);
  });
});
