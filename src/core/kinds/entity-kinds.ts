/**
 * The catalog's entity kinds, in the order of every list, tie-break and navigation menu. Pure
 * data without zod, so that the web UI can import the kind registry without bundling the schema.
 */
export const ENTITY_KINDS = ['Service', 'Host', 'Provider', 'Person', 'Team'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export function isEntityKind(value: unknown): value is EntityKind {
  return typeof value === 'string' && (ENTITY_KINDS as readonly string[]).includes(value);
}

/**
 * The `default` branch of a switch over every kind (`switch (entity.kind)`, or over a kind):
 * once each kind has its case, the value is `never` there, so a new kind fails to compile until
 * it is handled.
 */
export function unhandledKind(entityOrKind: never): never {
  const value = entityOrKind as unknown;
  const kind = typeof value === 'string' ? value : (value as { kind?: unknown } | null)?.kind;
  throw new Error(`no case for kind ${String(kind)}`);
}
