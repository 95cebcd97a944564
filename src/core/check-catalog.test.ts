import { describe, expect, it } from 'vitest';
import { checkCatalog, type CatalogCheckFinding, type Declaration } from './check-catalog.js';
import type { Entity } from './schema/entity.schema.js';

const OPTIONS = { today: new Date('2026-11-27T12:00:00Z'), reviewMaxAgeDays: 180 };

let line = 0;
function declare(entity: Entity, file = 'catalog.yaml'): Declaration {
  line += 10;
  return { id: entity.id, kind: entity.kind, origin: { file, line }, entity };
}

const team = (id: string, extra: Partial<Extract<Entity, { kind: 'Team' }>> = {}): Entity => ({
  kind: 'Team',
  id,
  name: id,
  contacts: [{ type: 'email', value: `${id}@example.org` }],
  ...extra,
});
const person = (id: string, extra: Partial<Extract<Entity, { kind: 'Person' }>> = {}): Entity => ({
  kind: 'Person',
  id,
  name: id,
  ...extra,
});
const service = (
  id: string,
  extra: Partial<Extract<Entity, { kind: 'Service' }>> = {},
): Entity => ({
  kind: 'Service',
  id,
  name: id,
  owners: ['infra'],
  ...extra,
});

function brief(findings: CatalogCheckFinding[]): string[] {
  return findings.map(
    (f) => `${f.severity} ${f.code} ${f.entityId} ${f.path.join('.')} #${f.declaration}`,
  );
}

describe('checkCatalog', () => {
  const cases: { name: string; declarations: () => Declaration[]; expected: string[] }[] = [
    {
      name: 'a clean catalog has no finding',
      declarations: () => [
        declare(team('infra')),
        declare(service('web', { dependsOn: ['db'] })),
        declare(service('db')),
      ],
      expected: [],
    },
    {
      name: 'a duplicate id is reported at every place',
      declarations: () => [
        declare(team('infra')),
        declare(person('ee'), 'a.yaml'),
        declare(person('ee'), 'b.yaml'),
      ],
      expected: ['error id.duplicate ee id #1', 'error id.duplicate ee id #2'],
    },
    {
      name: 'references to missing entities and to the wrong kind',
      declarations: () => [
        declare(team('infra', { members: ['ghost', 'infra'] })),
        declare(
          service('web', {
            runsOn: [{ host: 'infra' }],
            reviewed: { date: '2026-10-01', by: 'nobody' },
          }),
        ),
      ],
      expected: [
        'error ref.missing infra members.0 #0',
        'error ref.kind infra members.1 #0',
        'error ref.kind web runsOn.0.host #1',
        'error ref.missing web reviewed.by #1',
      ],
    },
    {
      name: 'a declaration without a valid entity still counts as a reference target',
      declarations: () => [
        declare(team('infra')),
        { id: 'broken', kind: 'Service', origin: { file: 'x.yaml', line: 1 } },
        declare(service('web', { dependsOn: ['broken'] })),
      ],
      expected: [],
    },
    {
      name: 'only one team may have role: infrastructure',
      declarations: () => [
        declare(team('infra', { role: 'infrastructure' })),
        declare(team('ops', { role: 'infrastructure' })),
      ],
      expected: ['error team.infrastructure_duplicate ops role #1'],
    },
    {
      name: 'ownership warnings: no owner, single person owner, no public contact',
      declarations: () => [
        declare(team('infra')),
        declare(
          team('quiet', { contacts: [{ type: 'email', value: 'q@example.org', private: true }] }),
        ),
        declare(person('solo', { contacts: [{ type: 'email', value: 'solo@example.org' }] })),
        declare(service('orphan', { owners: [] })),
        declare(service('lonely', { owners: ['solo'] })),
        declare(service('hidden', { owners: ['quiet'] })),
        declare(
          service('self-reachable', {
            owners: ['quiet'],
            contacts: [{ type: 'url', value: 'https://x.org/' }],
          }),
        ),
      ],
      expected: [
        'warning service.no_owner orphan  #3',
        'warning service.no_contact orphan  #3',
        'warning service.single_owner lonely owners.0 #4',
        'warning service.no_contact hidden  #5',
      ],
    },
    {
      name: 'reviews older than the limit are stale; the limit itself is not',
      declarations: () => [
        declare(team('infra')),
        declare(person('ee')),
        declare(service('old', { reviewed: { date: '2026-05-30', by: 'ee' } })),
        declare(service('limit', { reviewed: { date: '2026-05-31', by: 'ee' } })),
        // Retired services are exempt from review (core/review-rule.ts), as in the stale report.
        declare(service('gone', { status: 'retired', reviewed: { date: '2020-01-01', by: 'ee' } })),
        declare(person('ada', { reviewed: { date: '2020-01-01', by: 'ee' } })),
      ],
      expected: [
        'warning review.stale old reviewed.date #2',
        'warning review.stale ada reviewed.date #5',
      ],
    },
    {
      name: 'one warning per dependency cycle, at the first entity, pointing at its edge',
      declarations: () => [
        declare(team('infra')),
        declare(service('a', { dependsOn: ['x', 'b'] })),
        declare(service('b', { dependsOn: ['c'] })),
        declare(service('c', { dependsOn: ['a'] })),
        declare(service('x')),
        declare(service('self', { dependsOn: ['self'] })),
      ],
      expected: ['warning graph.cycle a dependsOn.1 #1', 'warning graph.cycle self dependsOn.0 #5'],
    },
  ];

  it.each(cases)('$name', ({ declarations, expected }) => {
    expect(brief(checkCatalog(declarations(), OPTIONS))).toEqual(expected);
  });

  it('names the other declaration of a duplicate, and suggests close ids', () => {
    const findings = checkCatalog(
      [
        { id: 'ee', kind: 'Person', origin: { file: 'a.yaml', line: 3 }, entity: person('ee') },
        { id: 'ee', kind: 'Person', origin: { file: 'b.yaml', line: 12 }, entity: person('ee') },
        declare(team('infra', { members: ['eee'] })),
      ],
      OPTIONS,
    );
    expect(findings.map((f) => f.message)).toEqual([
      'id "ee" is declared more than once: also declared at b.yaml:12',
      'id "ee" is declared more than once: also declared at a.yaml:3',
      'members names "eee", but no entity has that id; did you mean "ee"?',
    ]);
  });

  it('lists the cycle in order and says how old a stale review is', () => {
    const findings = checkCatalog(
      [
        declare(team('infra')),
        declare(person('ee')),
        declare(service('a', { dependsOn: ['b'], reviewed: { date: '2025-11-27', by: 'ee' } })),
        declare(service('b', { dependsOn: ['a'] })),
      ],
      OPTIONS,
    );
    expect(findings.map((f) => f.message)).toEqual([
      'last reviewed 365 days ago (2025-11-27); reviews older than 180 days are stale',
      'dependency cycle: a → b → a',
    ]);
  });

  it('stays linear when one id is declared many times', () => {
    const many = Array.from({ length: 20_000 }, () => declare(person('same')));
    const findings = checkCatalog(many, OPTIONS);
    expect(findings).toHaveLength(20_000);
    expect(findings[0]?.message).toMatch(/also declared at .*, 19994 more$/);
  });

  it('shortens the text of a very long cycle', () => {
    const chain = Array.from({ length: 30 }, (_, i) =>
      declare(service(`s${i}`, { dependsOn: [`s${(i + 1) % 30}`] })),
    );
    const [cycle] = checkCatalog([declare(team('infra')), ...chain], OPTIONS);
    expect(cycle?.message).toBe(
      'dependency cycle: s0 → s1 → s2 → s3 → s4 → s5 → s6 → s7 → s8 → s9 → … → s28 → s29 → s0 (30 services)',
    );
  });
});
