/** "Who do I contact about X?": what X resolved to, then the ladder of people and teams to try. */
import type { JSX } from 'preact';
import { api } from '../api/api-client.js';
import type { WhoAnswer, WhoStep } from '../api/api-types.js';
import { useApi } from '../api/use-api.js';
import { ContactList } from '../components/contact-list.js';
import { EntityLink } from '../components/entity-link.js';
import { KindBadge } from '../components/kind-badge.js';
import { usePageTitle } from '../components/page-title.js';
import { EmptyState, ErrorState, Loading } from '../components/states.js';
import { Link, useLocation } from '../router/router.js';

const MATCH_LABELS: Record<string, string> = {
  hostname: 'its host name',
  wildcard: 'a wildcard host name',
  'url-prefix': 'its URL',
  id: 'its id',
  name: 'its name',
  fuzzy: 'a similar name',
};

export function WhoLadder({ steps }: { steps: readonly WhoStep[] }): JSX.Element {
  return (
    <ol class="ladder">
      {steps.map((step, i) => (
        <li key={`${step.id}-${i}`} class="ladder-step">
          <div class="ladder-head">
            <span class="ladder-number" aria-hidden="true">
              {i + 1}
            </span>
            <KindBadge kind={step.kind} />
            <EntityLink kind={step.kind} id={step.id} name={step.name} />
          </div>
          <p class="ladder-reason">{step.reason}</p>
          <ContactList
            contacts={step.contacts}
            empty="No public contact is recorded; try the next step."
          />
        </li>
      ))}
    </ol>
  );
}

function WhoResult({ answer }: { answer: WhoAnswer }): JSX.Element {
  const match = answer.match;
  return (
    <>
      {match ? (
        <p class="who-match">
          <strong>{answer.query}</strong> is{' '}
          <EntityLink kind={match.kind} id={match.id} name={match.name} badge /> (found by{' '}
          {MATCH_LABELS[match.matchedBy] ?? match.matchedBy}
          {match.detail ? `: ${match.detail}` : ''}).
        </p>
      ) : (
        <p class="who-match notice">
          Nothing in the catalog matches <strong>{answer.query}</strong>. The infrastructure team is
          the place to ask.
        </p>
      )}
      {answer.steps.length > 0 ? (
        <section aria-labelledby="ladder-title">
          <h2 id="ladder-title">Contact, in this order</h2>
          <WhoLadder steps={answer.steps} />
        </section>
      ) : (
        <EmptyState title="No one to contact is recorded">
          The catalog has no owner, no contact and no infrastructure team for this. Add{' '}
          <code>owners</code> and <code>contacts</code> to the entity, or mark one team{' '}
          <code>role: infrastructure</code>.
        </EmptyState>
      )}
    </>
  );
}

export function WhoPage(): JSX.Element {
  const location = useLocation();
  const q = (location.query.get('q') ?? '').trim();
  usePageTitle(q ? `Who to contact about ${q}` : 'Who to contact');
  const answer = useApi<WhoAnswer>(q ? api.who(q) : null);
  return (
    <article class="page who-page">
      <p class="breadcrumb">
        <Link href={`/?q=${encodeURIComponent(q)}`}>Search</Link>
      </p>
      <h1>
        Who to contact about <span class="query-text">{q || '…'}</span>
      </h1>
      {q === '' ? (
        <EmptyState title="Nothing to look up">
          Give a URL, a host name or a name, e.g.{' '}
          <Link href="/who?q=bugs.python.org">bugs.python.org</Link>.
        </EmptyState>
      ) : answer.status === 'loading' ? (
        <Loading label="Finding whom to contact…" />
      ) : answer.status === 'error' ? (
        <ErrorState error={answer.error} onRetry={answer.reload} />
      ) : (
        <WhoResult answer={answer.data} />
      )}
    </article>
  );
}
