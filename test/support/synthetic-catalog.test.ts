import { describe, expect, it } from 'vitest';
import { relationsOf } from '../../src/core/relations.js';
import { entitySchema } from '../../src/core/schema/entity.schema.js';
import { generateSyntheticCatalog, syntheticShape } from './synthetic-catalog.js';

describe('generateSyntheticCatalog', () => {
  const entities = generateSyntheticCatalog(2000, 42);

  it('makes exactly n entities with unique ids, split by kind as syntheticShape says', () => {
    expect(entities).toHaveLength(2000);
    expect(new Set(entities.map((e) => e.id)).size).toBe(2000);
    const shape = syntheticShape(2000);
    const count = (kind: string) => entities.filter((e) => e.kind === kind).length;
    expect([
      count('Team'),
      count('Person'),
      count('Provider'),
      count('Host'),
      count('Service'),
    ]).toEqual([shape.teams, shape.people, shape.providers, shape.hosts, shape.services]);
  });

  it('passes the schema', () => {
    const problems = entities.flatMap((e) => {
      const result = entitySchema.safeParse(e);
      return result.success ? [] : [`${e.id}: ${result.error.message}`];
    });
    expect(problems).toEqual([]);
  });

  it('has only references that resolve to the right kind', () => {
    const kinds = new Map(entities.map((e) => [e.id, e.kind]));
    const broken = entities
      .flatMap(relationsOf)
      .filter((r) => !r.allowed.includes(kinds.get(r.target) ?? ('?' as never)));
    expect(broken).toEqual([]);
  });

  it('is deterministic by seed', () => {
    expect(generateSyntheticCatalog(300, 5)).toEqual(generateSyntheticCatalog(300, 5));
    expect(generateSyntheticCatalog(300, 5)).not.toEqual(generateSyntheticCatalog(300, 6));
  });

  it('looks like a real catalog: one infrastructure team, private contacts, CDNs, dependencies', () => {
    expect(entities.filter((e) => e.kind === 'Team' && e.role === 'infrastructure')).toHaveLength(
      1,
    );
    expect(JSON.stringify(entities)).toContain('"private":true');
    expect(entities.some((e) => e.kind === 'Service' && (e.frontedBy?.length ?? 0) > 0)).toBe(true);
    expect(entities.some((e) => e.kind === 'Service' && (e.dependsOn?.length ?? 0) > 0)).toBe(true);
  });
});
