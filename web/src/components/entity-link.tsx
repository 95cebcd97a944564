import type { JSX } from 'preact';
import type { EntityKind } from '../api/api-types.js';
import { entityPath } from '../format/entity-paths.js';
import { Link } from '../router/router.js';
import { KindBadge } from './kind-badge.js';

export interface EntityLinkProps {
  kind: EntityKind;
  id: string;
  name?: string;
  /** Show the kind badge before the name. */
  badge?: boolean;
}

/** A link to an entity's page, labelled with its name (its id when the name is unknown). */
export function EntityLink({ kind, id, name, badge }: EntityLinkProps): JSX.Element {
  return (
    <span class="entity-link">
      {badge ? <KindBadge kind={kind} /> : null}
      <Link href={entityPath(kind, id)}>{name ?? id}</Link>
    </span>
  );
}

/** A link to an entity known only by id; the entity page finds its kind. */
export function IdLink({ id, kind }: { id: string; kind: EntityKind }): JSX.Element {
  return <Link href={entityPath(kind, id)}>{id}</Link>;
}
