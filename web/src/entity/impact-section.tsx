import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../api/api-client.js';
import type { EntityKind, ImpactAnswer, ImpactItem } from '../api/api-types.js';
import { useApi } from '../api/use-api.js';
import { EntityLink } from '../components/entity-link.js';
import { ErrorState, Loading } from '../components/states.js';
import { KIND_ORDER, KIND_PLURALS, KIND_SINGULARS } from '../format/entity-paths.js';
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
    return `${n.toLocaleString('en')} ${(n === 1 ? KIND_SINGULARS[k] : KIND_PLURALS[k]).toLowerCase()}`;
  });
  return parts.length > 1 ? ` (${parts.join(', ')})` : '';
}

/** How the section speaks of losing this kind of entity. */
interface Wording {
  title: string;
  /** "If Ee Durbin leaves" */
  loss: (name: string) => string;
  nothing: (name: string) => string;
}

const LEAVES: Wording = {
  title: 'Impact if they leave',
  loss: (name) => `If ${name} leaves`,
  nothing: (name) => `${name} owns nothing in the catalog directly, so nothing loses an owner.`,
};

const WORDING: Record<EntityKind, Wording> = {
  Service: {
    title: 'Impact if it fails',
    loss: (name) => `If ${name} goes away`,
    nothing: (name) => `Nothing else in the catalog depends on ${name}.`,
  },
  Host: {
    title: 'Impact if it fails',
    loss: (name) => `If ${name} goes away`,
    nothing: (name) => `Nothing else in the catalog depends on ${name}.`,
  },
  Provider: {
    title: 'Impact if it fails',
    loss: (name) => `If ${name} goes away`,
    nothing: (name) => `Nothing else in the catalog depends on ${name}.`,
  },
  Person: LEAVES,
  Team: {
    title: 'Impact if the team goes away',
    loss: (name) => `If ${name} goes away`,
    nothing: (name) => `${name} owns nothing in the catalog, so nothing loses an owner.`,
  },
};

/** "3 left without an owner, 2 lose one of their owners" when ownership is what is lost. */
function effectCounts(impact: ImpactAnswer): string | undefined {
  if (impact.items.length < impact.total) return undefined;
  const orphaned = impact.items.filter((i) => i.effect === 'orphaned').length;
  const shared = impact.items.filter((i) => i.effect === 'co-owned').length;
  const parts = [
    orphaned > 0 ? `${orphaned.toLocaleString('en')} left without an owner` : '',
    shared > 0
      ? `${shared.toLocaleString('en')} ${shared === 1 ? 'loses one of its' : 'lose one of their'} owners`
      : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/**
 * The blast radius: what is affected, transitively, if this entity disappears. For a person or a
 * team that is what they own: left without an owner when they were the only one (`orphaned`),
 * or one owner short (`co-owned`).
 */
export function ImpactSection({
  id,
  kind,
  name,
}: {
  id: string;
  kind: EntityKind;
  name: string;
}): JSX.Element {
  const wording = WORDING[kind];
  const impact = useApi<ImpactAnswer>(api.impact(id));
  const [all, setAll] = useState(false);
  let body: JSX.Element;
  if (impact.status === 'loading') body = <Loading label="Working out the impact…" />;
  else if (impact.status === 'error')
    body = <ErrorState error={impact.error} onRetry={impact.reload} />;
  else if (impact.data.total === 0) {
    body = <p class="muted">{wording.nothing(name)}</p>;
  } else {
    const items = all ? impact.data.items : impact.data.items.slice(0, SHOWN);
    const effects = effectCounts(impact.data);
    body = (
      <>
        <p>
          {wording.loss(name)}, <strong>{impact.data.total.toLocaleString('en')}</strong>{' '}
          {impact.data.total === 1 ? 'entity is' : 'entities are'} affected
          {kindCounts(impact.data.byKind)}
          {effects ? `: ${effects}` : ''}.{' '}
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
    <Section id="impact" title={wording.title}>
      {body}
    </Section>
  );
}
