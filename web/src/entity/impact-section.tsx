import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../api/api-client.js';
import type { ImpactAnswer, ImpactItem } from '../api/api-types.js';
import { useApi } from '../api/use-api.js';
import { EntityLink } from '../components/entity-link.js';
import { ErrorState, Loading } from '../components/states.js';
import { KIND_ORDER, KIND_PLURALS } from '../format/entity-paths.js';
import { Link } from '../router/router.js';
import { Section } from './fields.js';

const SHOWN = 25;

const EFFECTS: Record<string, string> = {
  orphaned: 'left without an owner',
  'co-owned': 'loses one of its owners',
};

function ImpactRow({ item }: { item: ImpactItem }): JSX.Element {
  const effect = EFFECTS[item.effect];
  return (
    <li class="impact-item">
      <EntityLink kind={item.kind} id={item.id} name={item.name} badge />
      {effect ? <span class={`mark mark-${item.effect}`}>{effect}</span> : null}
      <span class="impact-reason">{item.explanation}</span>
    </li>
  );
}

/** " (20 hosts, 21 services)" */
function kindCounts(byKind: ImpactAnswer['byKind'] | undefined): string {
  const parts = KIND_ORDER.filter((k) => (byKind?.[k] ?? 0) > 0).map((k) => {
    const n = byKind?.[k] ?? 0;
    return `${n.toLocaleString('en')} ${n === 1 ? k.toLowerCase() : KIND_PLURALS[k].toLowerCase()}`;
  });
  return parts.length > 1 ? ` (${parts.join(', ')})` : '';
}

/** The blast radius: what is affected, transitively, if this entity disappears. */
export function ImpactSection({ id, name }: { id: string; name: string }): JSX.Element {
  const impact = useApi<ImpactAnswer>(api.impact(id));
  const [all, setAll] = useState(false);
  let body: JSX.Element;
  if (impact.status === 'loading') body = <Loading label="Working out the impact…" />;
  else if (impact.status === 'error')
    body = <ErrorState error={impact.error} onRetry={impact.reload} />;
  else if (impact.data.total === 0) {
    body = <p class="muted">Nothing else in the catalog depends on {name}.</p>;
  } else {
    const items = all ? impact.data.items : impact.data.items.slice(0, SHOWN);
    body = (
      <>
        <p>
          If {name} goes away, <strong>{impact.data.total.toLocaleString('en')}</strong>{' '}
          {impact.data.total === 1 ? 'entity is' : 'entities are'} affected
          {kindCounts(impact.data.byKind)}.{' '}
          <Link href={`/graph?around=${encodeURIComponent(id)}&impact=1`}>See it on the graph</Link>
        </p>
        <ul class="impact-list">
          {items.map((item) => (
            <ImpactRow key={item.id} item={item} />
          ))}
        </ul>
        {impact.data.items.length > items.length ? (
          <button type="button" class="link-button" onClick={() => setAll(true)}>
            Show all {impact.data.items.length}
          </button>
        ) : null}
        {all && impact.data.total > impact.data.items.length ? (
          <p class="muted">
            The first {impact.data.items.length.toLocaleString('en')} are listed; the graph and the
            API (<code>/api/v1/impact/{id}?limit=…</code>) have the rest.
          </p>
        ) : null}
      </>
    );
  }
  return (
    <Section id="impact" title="Impact if it fails">
      {body}
    </Section>
  );
}
