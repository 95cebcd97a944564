import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { Edge, EntityDetail } from '../api/api-types.js';
import { EntityLink } from '../components/entity-link.js';
import { Section } from './fields.js';

const SHOWN = 30;

function groupByLabel(edges: readonly Edge[]): [string, Edge[]][] {
  const groups = new Map<string, Edge[]>();
  for (const edge of edges) {
    const list = groups.get(edge.label) ?? [];
    if (!list.some((e) => e.id === edge.id)) list.push(edge);
    groups.set(edge.label, list);
  }
  return [...groups.entries()];
}

function EdgeGroup({ label, edges }: { label: string; edges: Edge[] }): JSX.Element {
  const [all, setAll] = useState(false);
  const shown = all ? edges : edges.slice(0, SHOWN);
  return (
    <div class="edge-group">
      <h3 class="edge-label">
        {label} <span class="count">{edges.length}</span>
      </h3>
      <ul class="edge-list">
        {shown.map((edge) => (
          <li key={edge.id}>
            {edge.kind ? (
              <EntityLink kind={edge.kind} id={edge.id} name={edge.name} badge />
            ) : (
              <span class="dangling">
                <code>{edge.id}</code> (not in the catalog)
              </span>
            )}
          </li>
        ))}
      </ul>
      {edges.length > shown.length ? (
        <button type="button" class="link-button" onClick={() => setAll(true)}>
          Show all {edges.length}
        </button>
      ) : null}
    </div>
  );
}

/** Every relation in both directions, grouped by what it means ("runs on", "needed by", ...). */
export function RelationsSection({
  detail,
  omit = [],
}: {
  detail: EntityDetail;
  /** Labels another section already lists in full. */
  omit?: readonly string[];
}): JSX.Element {
  const outgoing = groupByLabel(detail.relations.outgoing);
  const incoming = groupByLabel(detail.relations.incoming.filter((e) => !omit.includes(e.label)));
  return (
    <Section id="relations" title="Relations">
      {outgoing.length === 0 && incoming.length === 0 ? (
        <p class="muted">
          {detail.relations.incoming.length > 0
            ? 'Everything that refers to it is listed above.'
            : 'Nothing in the catalog refers to it, and it refers to nothing.'}
        </p>
      ) : (
        <div class="relations">
          {[...outgoing, ...incoming].map(([label, edges]) => (
            <EdgeGroup key={label} label={label} edges={edges} />
          ))}
        </div>
      )}
    </Section>
  );
}
