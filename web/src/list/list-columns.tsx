/** The columns of each kind's list: what is shown, and the text it sorts by. */
import type { JSX } from 'preact';
import { kindDefinition } from '../../../src/core/kinds/registry.js';
import type { Entity, EntityKind } from '../api/api-types.js';
import { EntityLink } from '../components/entity-link.js';
import { StatusBadge } from '../components/kind-badge.js';
import type { EntityNames } from './use-entity-names.js';

export interface ListColumn {
  key: string;
  label: string;
  /** Text compared when sorting by this column. */
  sortValue: (entity: Entity, names: EntityNames) => string;
  render: (entity: Entity, names: EntityNames) => JSX.Element | string;
  className?: string;
}

function placements(entity: Entity): { id: string; kind: EntityKind; managedBy?: string }[] {
  if (entity.kind === 'Service') {
    return (entity.runsOn ?? []).map((p) =>
      p.host !== undefined
        ? { id: p.host, kind: 'Host' as const, managedBy: p.managedBy }
        : { id: p.provider ?? '', kind: 'Provider' as const, managedBy: p.managedBy },
    );
  }
  if (entity.kind === 'Host' && entity.provider !== undefined) {
    return [{ id: entity.provider, kind: 'Provider', managedBy: entity.managedBy }];
  }
  return [];
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))];
}

function owners(entity: Entity): readonly string[] {
  if ('owners' in entity && entity.owners) return entity.owners;
  if (entity.kind === 'Provider') return entity.account?.owners ?? [];
  return [];
}

function managers(entity: Entity): string[] {
  if (entity.kind === 'Provider') return entity.account?.managed ? [entity.account.managed] : [];
  return unique(placements(entity).map((p) => p.managedBy ?? ''));
}

function Refs({
  refs,
  names,
}: {
  refs: readonly { id: string; kind: EntityKind }[];
  names: EntityNames;
}): JSX.Element {
  const seen = new Set<string>();
  const shown = refs.filter((r) => r.id !== '' && !seen.has(r.id) && seen.add(r.id));
  return (
    <span class="cell-list">
      {shown.map((r, i) => (
        <span key={r.id}>
          {i > 0 ? ', ' : ''}
          <EntityLink
            kind={names.get(r.id)?.kind ?? r.kind}
            id={r.id}
            name={names.get(r.id)?.name}
          />
        </span>
      ))}
    </span>
  );
}

/** An owner is a person or a team; the link lands right either way (ids are unique). */
const ownerRef = (id: string) => ({ id, kind: 'Team' as const });

/** The names (ids until they are known) of `refs`, to sort by. */
function nameList(refs: readonly { id: string }[], names: EntityNames): string {
  return refs.map((r) => names.get(r.id)?.name ?? r.id).join(', ');
}

/** The status of a kind that has statuses (the kind registry's list filters): active unless set. */
export function statusOf(entity: Entity): string | undefined {
  if (kindDefinition(entity.kind).listFilters.status === undefined) return undefined;
  return ('status' in entity ? entity.status : undefined) ?? 'active';
}

const name: ListColumn = {
  key: 'name',
  label: 'Name',
  className: 'col-name',
  sortValue: (e) => e.name,
  render: (e) => (
    <span class="cell-name">
      <EntityLink kind={e.kind} id={e.id} name={e.name} />
      <span class="cell-id">{e.id}</span>
    </span>
  ),
};

const status: ListColumn = {
  key: 'status',
  label: 'Status',
  className: 'col-status',
  sortValue: (e) => statusOf(e) ?? '',
  render: (e) => <StatusBadge status={statusOf(e)} />,
};

const runsOn: ListColumn = {
  key: 'runsOn',
  label: 'Runs on',
  sortValue: (e, names) => nameList(placements(e), names),
  render: (e, names) => <Refs refs={placements(e)} names={names} />,
};

const managedBy: ListColumn = {
  key: 'managedBy',
  label: 'Managed by',
  className: 'col-short',
  sortValue: (e) => managers(e).join(' '),
  render: (e) => managers(e).join(', '),
};

const ownerColumn: ListColumn = {
  key: 'owners',
  label: 'Owners',
  sortValue: (e, names) => nameList(owners(e).map(ownerRef), names),
  render: (e, names) => <Refs refs={owners(e).map(ownerRef)} names={names} />,
};

const tags: ListColumn = {
  key: 'tags',
  label: 'Tags',
  sortValue: (e) => (e.tags ?? []).join(' '),
  render: (e) => (e.tags ?? []).join(', '),
};

const text = (key: string, label: string, value: (e: Entity) => string): ListColumn => ({
  key,
  label,
  sortValue: value,
  render: value,
});

/** The kinds whose names each list shows in place of ids (providers feed the filters, too). */
export const NAMED_KINDS: Record<EntityKind, readonly EntityKind[]> = {
  Service: ['Host', 'Provider', 'Person', 'Team'],
  Host: ['Provider', 'Person', 'Team'],
  Provider: ['Person', 'Team'],
  Person: [],
  Team: [],
};

export const COLUMNS: Record<EntityKind, ListColumn[]> = {
  Service: [name, status, runsOn, managedBy, ownerColumn, tags],
  Host: [
    name,
    runsOn,
    managedBy,
    text('os', 'OS', (e) => (e.kind === 'Host' ? (e.os ?? '') : '')),
    ownerColumn,
  ],
  Provider: [
    name,
    status,
    text('provides', 'Provides', (e) =>
      e.kind === 'Provider' ? (e.provides ?? []).join(', ') : '',
    ),
    managedBy,
    { ...ownerColumn, label: 'Account held by' },
  ],
  Person: [
    name,
    text('roles', 'Roles', (e) => (e.kind === 'Person' ? (e.roles ?? []).join(', ') : '')),
    text('timezone', 'Time zone', (e) => (e.kind === 'Person' ? (e.timezone ?? '') : '')),
  ],
  Team: [
    name,
    text('members', 'Members', (e) => (e.kind === 'Team' ? String(e.members?.length ?? 0) : '')),
    text('role', 'Role', (e) => (e.kind === 'Team' ? (e.role ?? '') : '')),
  ],
};
