/**
 * The catalog's entity kinds. This is the one schema: TypeScript types, file validation, API
 * validation, the published JSON Schema and the OpenAPI document all come from here.
 */
import { z } from 'zod';
import { hostSchema } from './host.schema.js';
import { personSchema } from './person.schema.js';
import { providerSchema } from './provider.schema.js';
import { serviceSchema } from './service.schema.js';
import { teamSchema } from './team.schema.js';
import type { EntityKind } from '../kinds/entity-kinds.js';

export { ENTITY_KINDS, isEntityKind, type EntityKind } from '../kinds/entity-kinds.js';

export const kindSchemas = {
  Service: serviceSchema,
  Host: hostSchema,
  Provider: providerSchema,
  Person: personSchema,
  Team: teamSchema,
} as const satisfies Record<EntityKind, z.ZodType>;

export const entitySchema = z
  .discriminatedUnion('kind', [serviceSchema, hostSchema, providerSchema, personSchema, teamSchema])
  .meta({ id: 'Entity' });

export type Entity = z.infer<typeof entitySchema>;
export type EntityOfKind<K extends EntityKind> = Extract<Entity, { kind: K }>;

export type { Service, Placement } from './service.schema.js';
export type { Host } from './host.schema.js';
export type { Provider } from './provider.schema.js';
export type { Person } from './person.schema.js';
export type { Team } from './team.schema.js';
export type { Contact } from './contact.schema.js';
