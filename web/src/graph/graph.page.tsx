/**
 * The dependency map (loaded on demand: cytoscape is most of its weight). The whole catalog or the
 * neighbourhood of one entity; the URL keeps the focus, depth and selection.
 */
import type { JSX } from 'preact';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { api } from '../api/api-client.js';
import type { GraphAnswer, ImpactAnswer } from '../api/api-types.js';
import { useApi } from '../api/use-api.js';
import { KindBadge } from '../components/kind-badge.js';
import { usePageTitle } from '../components/page-title.js';
import { EmptyState, ErrorState, Loading } from '../components/states.js';
import { KINDS } from '../../../src/core/kinds/registry.js';
import { entityPath, KIND_ORDER } from '../format/entity-paths.js';
import { currentLocation, navigate, useLocation, withQuery } from '../router/router.js';
import { GraphPanel, impactUrl } from './graph-panel.js';
import { GraphToolbar } from './graph-toolbar.js';
import { createGraphView, type GraphView } from './graph-view.js';
import './graph.css';

/**
 * Above this many nodes a drawing is unreadable: the server sends at most this many (the nearest
 * to the focus first) and says when there were more. The whole catalog past it asks for a focus.
 */
const MAX_NODES = 800;
/** Kinds hidden unless people are shown (people and teams, as the kind registry says). */
const PEOPLE = new Set<string>(KIND_ORDER.filter((kind) => KINDS[kind].party));

declare global {
  interface Window {
    switchboardGraph?: Pick<GraphView, 'renderedPositions' | 'renderedBoxes'>;
  }
}

function visible(data: GraphAnswer, showPeople: boolean, around: string | undefined): GraphAnswer {
  if (showPeople) return data;
  const focusKind = data.nodes.find((n) => n.id === around)?.kind;
  if (focusKind && PEOPLE.has(focusKind)) return data;
  const nodes = data.nodes.filter((n) => !PEOPLE.has(n.kind));
  const ids = new Set(nodes.map((n) => n.id));
  return {
    ...data,
    nodes,
    edges: data.edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
  };
}

export function GraphPage(): JSX.Element {
  const location = useLocation();
  const around = location.query.get('around') ?? undefined;
  const depth = Number(location.query.get('depth') ?? '2') || 2;
  const showPeople = location.query.get('people') === '1';
  const selected = location.query.get('sel') ?? (location.query.get('impact') ? around : undefined);
  usePageTitle(around ? `Graph around ${around}` : 'Graph');

  const graph = useApi<GraphAnswer>(api.graph(around, around ? depth : undefined, MAX_NODES));
  const data = useMemo(
    () => (graph.status === 'ok' ? visible(graph.data, showPeople, around) : undefined),
    [graph.data, showPeople, around],
  );
  const impact = useApi<ImpactAnswer>(impactUrl(selected));
  const container = useRef<HTMLDivElement>(null);
  const view = useRef<GraphView>();
  // A neighbourhood cut short is still drawn (its nearest part, with a notice); the whole map is not.
  const tooBig =
    data !== undefined && (data.nodes.length > MAX_NODES || (data.truncated && !around));

  useEffect(() => {
    if (!data || tooBig || !container.current || data.nodes.length === 0) return undefined;
    const created = createGraphView(container.current, data, {
      focus: around,
      onSelect: (id) => navigate(withQuery(currentLocation(), { sel: id }), { replace: true }),
      onOpen: (id) => {
        const node = data.nodes.find((n) => n.id === id);
        if (node) navigate(entityPath(node.kind, node.id));
      },
    });
    view.current = created;
    window.switchboardGraph = {
      renderedPositions: () => created.renderedPositions(),
      renderedBoxes: () => created.renderedBoxes(),
    };
    return () => {
      created.destroy();
      view.current = undefined;
      delete window.switchboardGraph;
    };
  }, [data, tooBig, around]);

  useEffect(() => view.current?.select(selected), [selected, data]);
  useEffect(() => {
    const ids = impact.status === 'ok' ? new Set(impact.data.items.map((i) => i.id)) : undefined;
    view.current?.highlight(ids);
  }, [impact.status, impact.data, data]);

  const node = data?.nodes.find((n) => n.id === selected);
  const select = (id: string) => navigate(withQuery(location, { sel: id }), { replace: true });

  return (
    <article class="page graph-page">
      <h1>{around ? `Around ${node?.id === around ? node.name : around}` : 'Dependency graph'}</h1>
      <GraphToolbar
        around={around}
        depth={depth}
        showPeople={showPeople}
        onFit={() => view.current?.fit()}
        onZoom={(f) => view.current?.zoomBy(f)}
      />
      {graph.status === 'loading' ? (
        <Loading label="Loading the graph…" />
      ) : graph.status === 'error' ? (
        <ErrorState error={graph.error} onRetry={graph.reload} />
      ) : !data || data.nodes.length === 0 ? (
        <EmptyState title="Nothing to draw">
          The catalog is empty, or this entity has no relations.
        </EmptyState>
      ) : tooBig ? (
        <EmptyState
          title={`${Math.max(data.totalNodes, data.nodes.length).toLocaleString('en')} entities are too many to draw readably`}
        >
          {around
            ? 'Lower the depth, or focus on one of its neighbours instead.'
            : 'Focus on one entity above (an id such as a service or a host), or open one from the search page and choose “Show on the graph”.'}
        </EmptyState>
      ) : (
        <div class="graph-layout">
          {data.truncated ? (
            <p class="notice graph-truncated" role="status">
              Showing the {data.nodes.length.toLocaleString('en')} nearest of{' '}
              {data.totalNodesExact ? '' : 'at least '}
              {data.totalNodes.toLocaleString('en')} entities within {depth} hop
              {depth === 1 ? '' : 's'}: lower the depth, or focus on one of its neighbours, to see
              the rest.
            </p>
          ) : null}
          <div
            ref={container}
            class="graph-canvas"
            role="img"
            aria-label={`Dependency graph of ${data.nodes.length} entities. The list below has the same entities.`}
          />
          <GraphPanel node={node} impact={impact} />
          <details class="graph-list">
            <summary>Entities in this graph ({data.nodes.length})</summary>
            <ul>
              {[...data.nodes]
                .sort(
                  (a, b) =>
                    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
                    a.name.localeCompare(b.name),
                )
                .map((n) => (
                  <li key={n.id}>
                    <KindBadge kind={n.kind} />{' '}
                    <button
                      type="button"
                      class="link-button"
                      aria-pressed={n.id === selected}
                      onClick={() => select(n.id)}
                    >
                      {n.name}
                    </button>
                  </li>
                ))}
            </ul>
          </details>
        </div>
      )}
    </article>
  );
}
