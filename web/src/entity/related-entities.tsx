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
import { statusOf } from '../list/list-columns.js';
import { Link } from '../router/router.js';
import { Section } from './fields.js';

/** Named groups of related entities, in display order. */
export type Grouping = (items: readonly Entity[]) => { title: string; items: Entity[] }[];

export interface RelatedEntitiesProps {
  id: string;
  title: string;
  filter: 'runsOn' | 'owner';
  empty: string;
  /** The services list filtered the same way, for the long tail. */
  listQuery: Record<string, string>;
  /** How to group the rows (by kind unless given). */
  grouping?: Grouping;
}

const byKind: Grouping = (items) =>
  KIND_ORDER.map((kind) => ({
    title: KIND_PLURALS[kind],
    items: items.filter((e) => e.kind === kind),
  })).filter((g) => g.items.length > 0);

function ownersOf(entity: Entity): readonly string[] {
  if ('owners' in entity && entity.owners) return entity.owners;
  if (entity.kind === 'Provider') return entity.account?.owners ?? [];
  return [];
}

/** A person's things: where they are the only owner first, then shared, then through teams. */
export function byOwnership(personId: string): Grouping {
  return (items) => {
    const sole: Entity[] = [];
    const shared: Entity[] = [];
    const viaTeam: Entity[] = [];
    for (const entity of items) {
      const owners = ownersOf(entity);
      if (!owners.includes(personId)) viaTeam.push(entity);
      else if (owners.length === 1) sole.push(entity);
      else shared.push(entity);
    }
    return [
      { title: 'Only owner', items: sole },
      { title: 'Shared with others', items: shared },
      { title: 'Through their teams', items: viaTeam },
    ].filter((g) => g.items.length > 0);
  };
}

function Group({ title, items, badges }: { title: string; items: Entity[]; badges: boolean }) {
  return (
    <div class="edge-group">
      <h3 class="edge-label">
        {title} <span class="count">{items.length}</span>
      </h3>
      <ul class="edge-list">
        {items.map((entity) => (
          <li key={entity.id}>
            <EntityLink kind={entity.kind} id={entity.id} name={entity.name} badge={badges} />{' '}
            {statusOf(entity) !== 'active' ? <StatusBadge status={statusOf(entity)} /> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function RelatedEntities(props: RelatedEntitiesProps): JSX.Element {
  const params: ListParams = { [props.filter]: props.id, limit: 500 };
  const list = useApi<EntityPage>(api.entities(params));
  let body: JSX.Element;
  if (list.status === 'loading') body = <Loading />;
  else if (list.status === 'error') body = <ErrorState error={list.error} onRetry={list.reload} />;
  else if (list.data.items.length === 0) body = <p class="muted">{props.empty}</p>;
  else {
    const groups = (props.grouping ?? byKind)(list.data.items);
    body = (
      <div class="related-groups">
        {groups.map((group) => (
          <Group
            key={group.title}
            title={group.title}
            items={group.items}
            badges={props.grouping !== undefined}
          />
        ))}
        {list.data.nextCursor ? (
          <p>
            <Link href={listPath('Service', props.listQuery)}>
              Only the first 500 are shown: see every service in the list
            </Link>
          </p>
        ) : null}
      </div>
    );
  }
  return (
    <Section id={`related-${props.filter}`} title={props.title}>
      {body}
    </Section>
  );
}
