/**
 * Use case: `switchboard export --format backstage`. Writes the catalog as Backstage entity files
 * (backstage.io/v1alpha1) that Backstage's own validation accepts, with Switchboard-only fields in
 * `switchboard.dev/*` annotations so that importing the export reproduces the catalog exactly.
 * Mapping tables: docs/backstage.md. Contacts marked private are left out unless asked for.
 */
import { stringify } from 'yaml';
import type { ExportedFile } from '../../catalog/export-catalog.js';
import type { Contact, Entity, EntityKind, Person, Team } from '../../core/schema/entity.schema.js';
import {
  BACKSTAGE_API_VERSION,
  GITHUB_USER_LOGIN,
  isValidBackstageTag,
  SB,
  SOURCE_LOCATION,
  type BackstageEntity,
  type BackstageLink,
} from './backstage-model.js';
import { exportKindOf, exportNames, type ExportKind, type ExportNames } from './export-names.js';

export interface ExportBackstageOptions {
  /** Also export contacts marked `private: true` (default: left out, like every public output). */
  includePrivate?: boolean;
  /**
   * The owner written on Components and Resources that have none (Backstage requires one).
   * Default: the team with `role: infrastructure`, else the first team, else `group:unowned`.
   */
  defaultOwner?: string;
}

type Annotations = Record<string, string>;

const json = (value: unknown) => JSON.stringify(value);

function put(annotations: Annotations, key: string, value: unknown, asJson = false): void {
  if (value === undefined) return;
  annotations[key] = asJson || typeof value !== 'string' ? json(value) : value;
}

function linksOf(entity: Entity, annotations: Annotations): BackstageLink[] | undefined {
  const links = entity.links;
  if (links === undefined || links.length === 0) return undefined;
  const blank = (v: string | undefined) => v !== undefined && v.trim() === '';
  if (links.some((l) => blank(l.title) || blank(l.type))) put(annotations, SB.links, links, true);
  return links.filter((l) => !blank(l.title) && !blank(l.type)).map((l) => ({ ...l }));
}

function tagsOf(entity: Entity, annotations: Annotations): string[] | undefined {
  const tags = entity.tags;
  if (tags === undefined || tags.length === 0) return undefined;
  const valid = tags.filter(isValidBackstageTag);
  if (valid.length !== tags.length) put(annotations, SB.tags, tags, true);
  return valid.length > 0 ? valid : undefined;
}

function contactsOf(contacts: readonly Contact[] | undefined, includePrivate: boolean): Contact[] {
  return (contacts ?? []).filter((c) => includePrivate || c.private !== true);
}

const COMMON = [
  'kind',
  'id',
  'name',
  'description',
  'tags',
  'links',
  'notes',
  'reviewed',
  'contacts',
];

/** The fields the export maps one by one; any other field travels in switchboard.dev/extra. */
export const EXPORTED_FIELDS: Record<EntityKind, readonly string[]> = {
  Service: [
    ...COMMON,
    'status',
    'urls',
    'hostnames',
    'poweredBy',
    'source',
    'docs',
    'runsOn',
    'frontedBy',
    'dependsOn',
    'owners',
  ],
  Host: [
    ...COMMON,
    'provider',
    'as',
    'managedBy',
    'config',
    'hostnames',
    'region',
    'datacenter',
    'os',
    'owners',
  ],
  Provider: [...COMMON, 'status', 'provides', 'url', 'account'],
  Person: [...COMMON, 'roles', 'handles', 'timezone'],
  Team: [...COMMON, 'members', 'lead', 'role'],
};

function extraFields(entity: Entity): Record<string, unknown> | undefined {
  const known = EXPORTED_FIELDS[entity.kind];
  const record = entity as unknown as Record<string, unknown>;
  const extra = Object.keys(record).filter((k) => !known.includes(k) && record[k] !== undefined);
  return extra.length === 0 ? undefined : Object.fromEntries(extra.map((k) => [k, record[k]]));
}

function envelope(
  entity: Entity,
  kind: ExportKind,
  names: ExportNames,
  annotations: Annotations,
  spec: Record<string, unknown>,
): BackstageEntity {
  const name = names.nameOf(entity.id);
  if (name !== entity.id) annotations[SB.id] = entity.id;
  const tags = tagsOf(entity, annotations);
  const links = linksOf(entity, annotations);
  put(annotations, SB.notes, entity.notes);
  put(annotations, SB.reviewed, entity.reviewed, true);
  put(annotations, SB.extra, extraFields(entity), true);
  const titled = kind !== 'User' && kind !== 'Group';
  const metadata = {
    name,
    ...(titled ? { title: entity.name } : {}),
    ...(entity.description === undefined ? {} : { description: entity.description }),
    ...(tags === undefined ? {} : { tags }),
    ...(links === undefined ? {} : { links }),
    annotations: { [SB.kind]: entity.kind, ...sortedKeys(annotations) },
  };
  return { apiVersion: BACKSTAGE_API_VERSION, kind, metadata, spec };
}

function sortedKeys(record: Annotations): Annotations {
  return Object.fromEntries(
    Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}

interface ExportContext {
  names: ExportNames;
  includePrivate: boolean;
  defaultOwner: string;
  teamsOf: Map<string, string[]>;
}

function ownerSpec(
  ctx: ExportContext,
  owners: readonly string[] | undefined,
  annotations: Annotations,
): string {
  const list = owners ?? [];
  if (list.length !== 1) annotations[SB.owners] = list.join(',');
  const first = list[0];
  return first === undefined ? ctx.defaultOwner : ctx.names.refOf(first, 'Group');
}

function convert(ctx: ExportContext, entity: Entity): BackstageEntity {
  const a: Annotations = {};
  const kind = exportKindOf(entity);
  const contacts = contactsOf(entity.contacts, ctx.includePrivate);
  if (contacts.length > 0) put(a, SB.contacts, contacts, true);
  // profile.email is the first public address, even when private contacts are exported too.
  const email = contacts.find(
    (c) =>
      c.private !== true &&
      (c.type === 'email' || (entity.kind === 'Team' && c.type === 'mailing-list')),
  )?.value;
  switch (entity.kind) {
    case 'Service': {
      for (const [key, value] of [
        [SB.urls, entity.urls],
        [SB.hostnames, entity.hostnames],
        [SB.runsOn, entity.runsOn],
        [SB.frontedBy, entity.frontedBy],
      ] as const)
        put(a, key, value, true);
      put(a, SB.poweredBy, entity.poweredBy);
      put(a, SB.docs, entity.docs);
      if (entity.source !== undefined) a[SOURCE_LOCATION] = `url:${entity.source}`;
      const spec: Record<string, unknown> = {
        type:
          kind === 'Resource'
            ? 'object-storage'
            : (entity.urls ?? []).length > 0
              ? 'website'
              : 'service',
      };
      if (kind === 'Component') {
        spec.lifecycle =
          entity.status === 'deprecated' || entity.status === 'retired'
            ? entity.status
            : 'production';
        if (entity.status === 'active') put(a, SB.status, entity.status);
      } else put(a, SB.status, entity.status);
      spec.owner = ownerSpec(ctx, entity.owners, a);
      if (entity.dependsOn !== undefined)
        spec.dependsOn = entity.dependsOn.map((id) => ctx.names.refOf(id, 'Component'));
      return envelope(entity, kind, ctx.names, a, spec);
    }
    case 'Host': {
      for (const [key, value] of [
        [SB.as, entity.as],
        [SB.managedBy, entity.managedBy],
        [SB.config, entity.config],
        [SB.region, entity.region],
        [SB.datacenter, entity.datacenter],
        [SB.os, entity.os],
      ] as const)
        put(a, key, value);
      put(a, SB.hostnames, entity.hostnames, true);
      const spec: Record<string, unknown> = {
        type: 'host',
        owner: ownerSpec(ctx, entity.owners, a),
      };
      if (entity.provider !== undefined)
        spec.dependsOn = [ctx.names.refOf(entity.provider, 'Resource')];
      return envelope(entity, kind, ctx.names, a, spec);
    }
    case 'Provider': {
      put(a, SB.status, entity.status);
      put(a, SB.provides, entity.provides, true);
      put(a, SB.url, entity.url);
      put(a, SB.account, entity.account, true);
      const holder = entity.account?.owners?.[0];
      const owner = holder === undefined ? ctx.defaultOwner : ctx.names.refOf(holder, 'Group');
      return envelope(entity, kind, ctx.names, a, { type: 'provider', owner });
    }
    case 'Person':
      return convertPerson(ctx, entity, a, email);
    case 'Team':
      return convertTeam(ctx, entity, a, email);
  }
}

function convertPerson(
  ctx: ExportContext,
  person: Person,
  a: Annotations,
  email: string | undefined,
): BackstageEntity {
  put(a, SB.roles, person.roles, true);
  put(a, SB.handles, person.handles, true);
  put(a, SB.timezone, person.timezone);
  if (person.handles?.github !== undefined) a[GITHUB_USER_LOGIN] = person.handles.github;
  const profile = { displayName: person.name, ...(email === undefined ? {} : { email }) };
  const memberOf = (ctx.teamsOf.get(person.id) ?? []).map((id) => ctx.names.refOf(id, 'Group'));
  return envelope(person, 'User', ctx.names, a, { profile, memberOf });
}

function convertTeam(
  ctx: ExportContext,
  team: Team,
  a: Annotations,
  email: string | undefined,
): BackstageEntity {
  put(a, SB.lead, team.lead);
  put(a, SB.role, team.role);
  const profile = { displayName: team.name, ...(email === undefined ? {} : { email }) };
  const spec: Record<string, unknown> = { type: 'team', profile, children: [] };
  if (team.members !== undefined)
    spec.members = team.members.map((id) => ctx.names.refOf(id, 'User'));
  return envelope(team, 'Group', ctx.names, a, spec);
}

function defaultOwnerOf(entities: readonly Entity[], names: ExportNames): string {
  const teams = entities
    .filter((e): e is Team => e.kind === 'Team')
    .sort((x, y) => (x.id < y.id ? -1 : 1));
  const team = teams.find((t) => t.role === 'infrastructure') ?? teams[0];
  return team === undefined ? 'group:unowned' : names.refOf(team.id, 'Group');
}

/** The Backstage entities of a catalog, sorted by kind and name. */
export function toBackstageEntities(
  entities: readonly Entity[],
  options: ExportBackstageOptions = {},
): BackstageEntity[] {
  const names = exportNames(entities);
  const teamsOf = new Map<string, string[]>();
  const sorted = [...entities].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  for (const team of sorted) {
    if (team.kind !== 'Team') continue;
    for (const member of new Set(team.members ?? []))
      teamsOf.set(member, [...(teamsOf.get(member) ?? []), team.id]);
  }
  const ctx: ExportContext = {
    names,
    includePrivate: options.includePrivate === true,
    defaultOwner: options.defaultOwner ?? defaultOwnerOf(entities, names),
    teamsOf,
  };
  return sorted.map((e) => convert(ctx, e));
}

const FILES: Record<ExportKind, string> = {
  Group: 'groups.yaml',
  User: 'users.yaml',
  Component: 'components.yaml',
  Resource: 'resources.yaml',
};

function documents(entities: readonly BackstageEntity[]): string {
  return entities.map((e) => `---\n${stringify(e, { lineWidth: 0 })}`).join('');
}

/** Backstage entity files: one per kind, and catalog-info.yaml, a Location that lists them. */
export function exportBackstage(
  entities: readonly Entity[],
  options: ExportBackstageOptions = {},
): ExportedFile[] {
  const converted = toBackstageEntities(entities, options);
  const files: ExportedFile[] = [];
  for (const [kind, file] of Object.entries(FILES) as [ExportKind, string][]) {
    const group = converted.filter((e) => e.kind === kind);
    if (group.length > 0) files.push({ path: file, content: documents(group) });
  }
  const location: BackstageEntity = {
    apiVersion: BACKSTAGE_API_VERSION,
    kind: 'Location',
    metadata: {
      name: 'switchboard-catalog',
      description:
        'Written by "switchboard export --format backstage"; regenerate it rather than editing it.',
    },
    spec: { targets: files.map((f) => `./${f.path}`) },
  };
  return [{ path: 'catalog-info.yaml', content: documents([location]) }, ...files];
}

/** All entities as one multi-document stream, for stdout (no Location: it would list files). */
export function exportBackstageStream(
  entities: readonly Entity[],
  options: ExportBackstageOptions = {},
): string {
  return documents(toBackstageEntities(entities, options));
}
