/**
 * Entities found through a list filter: what runs on a provider or host (including services on
 * that provider's hosts), what a person or team owns (a person: through their teams too).
 */
import type { JSX } from 'preact';
import { api, type ListParams } from '../api/api-client.js';
import type { Entity, EntityPage } from '../api/api-types.js';
import { useApi } from '../api/use-api.js';
import { EntityLink } from '../components/entity-link.js';
import { StatusBadge } from '../components/kind-badge.js';
import { ErrorState, Loading } from '../components/states.js';
import { KIND_ORDER, KIND_PLURALS, listPath } from '../format/entity-paths.js';
import { Link } from '../router/router.js';
import { Section } from './fields.js';

export interface RelatedEntitiesProps {
  id: string;
  title: string;
  filter: 'runsOn' | 'owner';
  empty: string;
  /** The services list filtered the same way, for the long tail. */
  listQuery: Record<string, string>;
  /** Marks rows, e.g. "only owner". */
  mark?: (entity: Entity) => string | undefined;
}

function ownersOf(entity: Entity): readonly string[] {
  return 'owners' in entity && entity.owners ? entity.owners : [];
}

export function soleOwnerMark(id: string) {
  return (entity: Entity): string | undefined => {
    const owners = ownersOf(entity);
    if (owners.length === 1 && owners[0] === id) return 'only owner';
    if (!owners.includes(id)) return 'through a team';
    return undefined;
  };
}

export function RelatedEntities({
  id,
  title,
  filter,
  empty,
  listQuery,
  mark,
}: RelatedEntitiesProps): JSX.Element {
  const params: ListParams = { [filter]: id, limit: 500 };
  const list = useApi<EntityPage>(api.entities(params));
  let body: JSX.Element;
  if (list.status === 'loading') body = <Loading />;
  else if (list.status === 'error') body = <ErrorState error={list.error} onRetry={list.reload} />;
  else if (list.data.items.length === 0) body = <p class="muted">{empty}</p>;
  else {
    const items = list.data.items;
    body = (
      <div class="related-groups">
        {KIND_ORDER.filter((k) => items.some((e) => e.kind === k)).map((kind) => {
          const ofKind = items.filter((e) => e.kind === kind);
          return (
            <div class="edge-group" key={kind}>
              <h3 class="edge-label">
                {KIND_PLURALS[kind]} <span class="count">{ofKind.length}</span>
              </h3>
              <ul class="edge-list">
                {ofKind.map((entity) => {
                  const note = mark?.(entity);
                  return (
                    <li key={entity.id}>
                      <EntityLink kind={entity.kind} id={entity.id} name={entity.name} />{' '}
                      <StatusBadge status={'status' in entity ? entity.status : undefined} />
                      {note ? (
                        <span class={`mark mark-${note.replace(/\s+/g, '-')}`}>{note}</span>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            </div>
          );
        })}
        {list.data.nextCursor ? (
          <p>
            <Link href={listPath('Service', listQuery)}>
              Only the first 500 are shown: see every service in the list
            </Link>
          </p>
        ) : null}
      </div>
    );
  }
  return (
    <Section id={`related-${filter}`} title={title}>
      {body}
    </Section>
  );
}
