/**
 * Which Switchboard kind a Backstage Component or Resource becomes, by its `spec.type`. The
 * defaults below are documented in docs/backstage.md; a YAML file given with `--mapping`
 * overrides them type by type. `skip` leaves entities of that type out (and reports them).
 */
import { parse } from 'yaml';
import { z } from 'zod';

export const MAPPED_KINDS = ['Service', 'Host', 'Provider', 'skip'] as const;
export type MappedKind = (typeof MAPPED_KINDS)[number];

export interface KindMapping {
  default: MappedKind;
  types: Record<string, MappedKind>;
}

export interface ImportMapping {
  component: KindMapping;
  resource: KindMapping;
  /** Mark e-mail addresses from User profiles `private: true` (kept out of public output). */
  privateUserEmails: boolean;
}

const HOST_TYPES = [
  'vm',
  'virtual-machine',
  'server',
  'host',
  'database-server',
  'bare-metal',
  'machine',
  'instance',
  'node',
];
const PROVIDER_TYPES = ['provider', 'vendor', 'cloud-provider'];

export const DEFAULT_MAPPING: ImportMapping = {
  component: { default: 'Service', types: {} },
  resource: {
    default: 'Service',
    types: {
      ...Object.fromEntries(HOST_TYPES.map((t) => [t, 'Host' as const])),
      ...Object.fromEntries(PROVIDER_TYPES.map((t) => [t, 'Provider' as const])),
    },
  },
  privateUserEmails: false,
};

const kindMappingSchema = z.strictObject({
  default: z.enum(MAPPED_KINDS).optional(),
  types: z.record(z.string().min(1), z.enum(MAPPED_KINDS)).optional(),
});

const mappingFileSchema = z.strictObject({
  component: kindMappingSchema.optional(),
  resource: kindMappingSchema.optional(),
  privateUserEmails: z.boolean().optional(),
});

function lowerKeys(types: Record<string, MappedKind> | undefined): Record<string, MappedKind> {
  return Object.fromEntries(Object.entries(types ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
}

export type MappingParse = { ok: true; mapping: ImportMapping } | { ok: false; message: string };

/** Parse a mapping file's text and merge it over the defaults. */
export function parseMappingFile(text: string): MappingParse {
  let raw: unknown;
  try {
    raw = parse(text) ?? {};
  } catch (error) {
    return {
      ok: false,
      message: `invalid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    };
  }
  const result = mappingFileSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : '(top level)';
    return {
      ok: false,
      message: `${where}: ${issue?.message ?? 'invalid'} (expected component/resource: {default, types: {<spec.type>: Service|Host|Provider|skip}}, privateUserEmails: true|false)`,
    };
  }
  const file = result.data;
  const merge = (base: KindMapping, over: typeof file.component): KindMapping => ({
    default: over?.default ?? base.default,
    types: { ...base.types, ...lowerKeys(over?.types) },
  });
  return {
    ok: true,
    mapping: {
      component: merge(DEFAULT_MAPPING.component, file.component),
      resource: merge(DEFAULT_MAPPING.resource, file.resource),
      privateUserEmails: file.privateUserEmails ?? DEFAULT_MAPPING.privateUserEmails,
    },
  };
}

/** The kind an entity of `backstageKind` with `spec.type` becomes. */
export function mappedKind(
  mapping: ImportMapping,
  backstageKind: 'Component' | 'Resource',
  type: string | undefined,
): MappedKind {
  const table = backstageKind === 'Component' ? mapping.component : mapping.resource;
  if (type === undefined) return table.default;
  return table.types[type.toLowerCase()] ?? table.default;
}
