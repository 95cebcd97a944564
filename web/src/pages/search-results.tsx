import type { JSX } from 'preact';
import { KINDS } from '../../../src/core/kinds/registry.js';
import { KindBadge } from '../components/kind-badge.js';
import { entityPath, KIND_PLURALS, listPath } from '../format/entity-paths.js';
import { Link } from '../router/router.js';
import type { SearchGroup, SearchHit, SearchState } from './use-search.js';

const MATCH_LABELS: Record<string, string> = {
  hostname: 'host name',
  wildcard: 'wildcard host name',
  'url-prefix': 'URL',
  id: 'id',
  name: 'name',
  fuzzy: 'similar name',
};

const PER_GROUP = 8;

function Hit({ hit }: { hit: SearchHit }): JSX.Element {
  const why = hit.matchedBy
    ? `matched by ${hit.detail || MATCH_LABELS[hit.matchedBy] || hit.matchedBy}`
    : hit.description;
  return (
    <li class="hit">
      <Link href={entityPath(hit.kind, hit.id)} class="hit-link" data-result-id={hit.id}>
        <span class="hit-name">{hit.name}</span>
        <span class="hit-id">{hit.id}</span>
      </Link>
      {!KINDS[hit.kind].party ? (
        <Link class="hit-who" href={`/who?q=${encodeURIComponent(hit.id)}`}>
          who to contact
        </Link>
      ) : null}
      {why ? <span class="hit-why">{why}</span> : null}
    </li>
  );
}

function Group({ group, query }: { group: SearchGroup; query: string }): JSX.Element {
  const headingId = `results-${group.kind.toLowerCase()}`;
  const shown = group.hits.slice(0, PER_GROUP);
  const hidden = group.hits.length - shown.length;
  return (
    <section class="result-group" aria-labelledby={headingId}>
      <h3 id={headingId} class="result-group-title">
        <KindBadge kind={group.kind} />
        <span>
          {KIND_PLURALS[group.kind]}{' '}
          <span class="count">
            {group.hits.length}
            {group.more ? '+' : ''}
          </span>
        </span>
      </h3>
      <ul class="hits">
        {shown.map((hit) => (
          <Hit key={hit.id} hit={hit} />
        ))}
      </ul>
      {hidden > 0 || group.more ? (
        <Link class="more-link" href={listPath(group.kind, { q: query })}>
          All {KIND_PLURALS[group.kind].toLowerCase()} matching “{query}”
        </Link>
      ) : null}
    </section>
  );
}

/** Results grouped by kind; arrow keys move between them (see home.page.tsx). */
export function SearchResults({ state }: { state: SearchState }): JSX.Element | null {
  if (state.status === 'idle') return null;
  if (state.status === 'error' && state.error) {
    return (
      <div class="state state-error" role="alert">
        <p class="state-title">Search is not answering</p>
        <p>{state.error.message}</p>
      </div>
    );
  }
  if (state.status === 'ok' && state.total === 0) {
    return (
      <div class="state state-empty">
        <p class="state-title">Nothing matches “{state.query}”</p>
        <p class="state-body">
          Try a host name (<code>bugs.python.org</code>), a full URL, a service or a person's name,
          or <Link href={`/who?q=${encodeURIComponent(state.query)}`}>ask who to contact</Link>{' '}
          anyway: the infrastructure team is the last resort.
        </p>
      </div>
    );
  }
  return (
    <div class="result-groups" aria-busy={state.status === 'loading'}>
      {state.groups.map((group) => (
        <Group key={group.kind} group={group} query={state.query} />
      ))}
    </div>
  );
}
