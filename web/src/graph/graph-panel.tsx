import type { JSX } from 'preact';
import { api } from '../api/api-client.js';
import type { GraphNode, ImpactAnswer } from '../api/api-types.js';
import type { ApiState } from '../api/use-api.js';
import { EntityLink } from '../components/entity-link.js';
import { KindBadge } from '../components/kind-badge.js';
import { entityPath } from '../format/entity-paths.js';
import { Link } from '../router/router.js';

/** What is selected on the graph: open it, focus the graph on it, and what it would take down. */
export function GraphPanel({
  node,
  impact,
}: {
  node: GraphNode | undefined;
  impact: ApiState<ImpactAnswer>;
}): JSX.Element {
  if (!node) {
    return (
      <div class="graph-panel" aria-live="polite">
        <p class="muted">
          Select a node to see what depends on it. Double-click a node to open its page; drag to
          pan, scroll or pinch to zoom.
        </p>
      </div>
    );
  }
  return (
    <div class="graph-panel" aria-live="polite">
      <p class="graph-panel-title">
        <KindBadge kind={node.kind} /> <strong>{node.name}</strong>
      </p>
      <p class="graph-panel-actions">
        <Link class="button primary" href={entityPath(node.kind, node.id)}>
          Open {node.name}
        </Link>
        <Link class="button" href={`/graph?around=${encodeURIComponent(node.id)}`}>
          Focus here
        </Link>
      </p>
      {impact.status === 'loading' ? (
        <p class="muted">Working out the impact…</p>
      ) : impact.status === 'error' ? (
        <p class="muted">The impact could not be loaded: {impact.error.message}</p>
      ) : impact.data.total === 0 ? (
        <p>Nothing depends on it.</p>
      ) : (
        <>
          <p>
            <strong>{impact.data.total}</strong> affected if it fails (highlighted in red):
          </p>
          <ul class="edge-list">
            {impact.data.items.slice(0, 12).map((item) => (
              <li key={item.id}>
                <EntityLink kind={item.kind} id={item.id} name={item.name} badge />
              </li>
            ))}
          </ul>
          {impact.data.total > 12 ? (
            <Link href={`${entityPath(node.kind, node.id)}#impact-title`}>
              All {impact.data.total}
            </Link>
          ) : null}
        </>
      )}
    </div>
  );
}

export const impactUrl = (id: string | undefined) => (id ? api.impact(id) : null);
