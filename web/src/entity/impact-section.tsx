import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../api/api-client.js';
import type { ImpactAnswer, ImpactItem } from '../api/api-types.js';
import { useApi } from '../api/use-api.js';
import { EntityLink } from '../components/entity-link.js';
import { ErrorState, Loading } from '../components/states.js';
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
          If {name} goes away, <strong>{impact.data.total}</strong>{' '}
          {impact.data.total === 1 ? 'entity is' : 'entities are'} affected.{' '}
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
      </>
    );
  }
  return (
    <Section id="impact" title="Impact if it fails">
      {body}
    </Section>
  );
}
