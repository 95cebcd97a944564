/** Entity factories for the storage tests: valid entities of each kind, declared as a catalog would. */
import type { DesiredEntity } from '../../src/core/plan.js';
import type { Entity, Person, Service, Team } from '../../src/core/schema/entity.schema.js';

export function service(id: string, overrides: Partial<Service> = {}): Service {
  return {
    kind: 'Service',
    id,
    name: `Service ${id}`,
    description: `What ${id} does.`,
    urls: [`https://${id}.example.org/`],
    hostnames: [`${id}.example.org`],
    runsOn: [{ provider: 'digitalocean', as: 'vm', managedBy: 'salt' }],
    owners: ['infrastructure-staff'],
    contacts: [{ type: 'mailing-list', value: 'infrastructure-staff@python.org' }],
    reviewed: { date: '2026-10-01', by: 'ee-durbin' },
    tags: ['web'],
    ...overrides,
  };
}

export function person(id: string, overrides: Partial<Person> = {}): Person {
  return {
    kind: 'Person',
    id,
    name: `Person ${id}`,
    roles: ['Volunteer'],
    handles: { github: id },
    timezone: 'Europe/Amsterdam',
    ...overrides,
  };
}

export function team(id: string, members: string[], overrides: Partial<Team> = {}): Team {
  return { kind: 'Team', id, name: `Team ${id}`, members, ...overrides };
}

/** Entities as a catalog directory would declare them, each on its own line of `file`. */
export function declared(entities: readonly Entity[], file = 'catalog.yaml'): DesiredEntity[] {
  return entities.map((entity, index) => ({ entity, origin: { file, line: 1 + index * 20 } }));
}
