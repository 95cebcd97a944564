/** "Who do I contact about X?": what X resolved to, then the ladder of people and teams to try. */
import type { JSX } from 'preact';
import { api } from '../api/api-client.js';
import type { EntityPage, Team, WhoAnswer, WhoStep } from '../api/api-types.js';
import { useApi } from '../api/use-api.js';
import { ContactList } from '../components/contact-list.js';
import { EntityLink } from '../components/entity-link.js';
import { KindBadge } from '../components/kind-badge.js';
import { usePageTitle } from '../components/page-title.js';
import { EmptyState, ErrorState, Loading } from '../components/states.js';
import { Link, useLocation } from '../router/router.js';
import './who.css';

const MATCH_LABELS: Record<string, string> = {
  hostname: 'its host name',
  wildcard: 'a wildcard host name',
  'url-prefix': 'its URL',
  id: 'its id',
  name: 'its name',
  fuzzy: 'a similar name',
};

const ROLE_LABELS: Record<string, string> = {
  self: 'its own contacts',
  owner: 'owner',
  'team-member': 'team member',
  host: 'host',
  'host-owner': 'host owner',
  provider: 'provider',
  'fronted-by': 'in front of it',
  'account-holder': 'account holder',
  infrastructure: 'last resort',
};

const publicCount = (step: WhoStep) => step.contacts.filter((c) => c.private !== true).length;

/** A step with no public contact: one muted line, in its place, with its reason. */
function CompactStep({ step, number }: { step: WhoStep; number: number }): JSX.Element {
  return (
    <li class="ladder-step no-contacts">
      <p class="ladder-line">
        <span class="ladder-number" aria-hidden="true">
          {number}
        </span>
        <EntityLink kind={step.kind} id={step.id} name={step.name} />
        <span class="ladder-role">{ROLE_LABELS[step.role] ?? step.role}</span>
        <span class="ladder-reason">{step.reason}; no public contact recorded</span>
      </p>
    </li>
  );
}

export function WhoLadder({ steps }: { steps: readonly WhoStep[] }): JSX.Element {
  return (
    <ol class="ladder">
      {steps.map((step, i) =>
        publicCount(step) === 0 ? (
          <CompactStep key={`${step.id}-${i}`} step={step} number={i + 1} />
        ) : (
          <li key={`${step.id}-${i}`} class="ladder-step">
            <div class="ladder-head">
              <span class="ladder-number" aria-hidden="true">
                {i + 1}
              </span>
              <KindBadge kind={step.kind} />
              <EntityLink kind={step.kind} id={step.id} name={step.name} />
              <span class="ladder-role">{ROLE_LABELS[step.role] ?? step.role}</span>
            </div>
            <p class="ladder-reason">{step.reason}</p>
            <ContactList contacts={step.contacts} />
          </li>
        ),
      )}
    </ol>
  );
}

function WhoResult({ answer }: { answer: WhoAnswer }): JSX.Element {
  const match = answer.match;
  return (
    <>
      <p class="who-match">
        <strong class="query-text">{answer.query}</strong> is{' '}
        <EntityLink kind={match.kind} id={match.id} name={match.name} badge /> (matched by{' '}
        {match.detail || MATCH_LABELS[match.matchedBy] || match.matchedBy}).
      </p>
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

/** When nothing matches, the infrastructure team is still the place to ask. */
function NoMatch({ query }: { query: string }): JSX.Element {
  const teams = useApi<EntityPage>(api.entities({ kind: 'Team', limit: 500 }));
  const team =
    teams.status === 'ok'
      ? teams.data.items.find((t): t is Team => t.kind === 'Team' && t.role === 'infrastructure')
      : undefined;
  return (
    <>
      <div class="notice" role="status">
        <p class="state-title">Nothing in the catalog matches “{query}”</p>
        <p>
          Check the spelling, or try the host name alone (<code>bugs.python.org</code>) or a
          service's name. <Link href={`/?q=${encodeURIComponent(query)}`}>Search</Link> shows near
          matches as you type.
        </p>
      </div>
      {team ? (
        <section aria-labelledby="fallback-title" class="card">
          <h2 id="fallback-title">Ask the infrastructure team</h2>
          <p>
            <EntityLink kind="Team" id={team.id} name={team.name} badge />
          </p>
          <ContactList contacts={team.contacts} empty="No public contact is recorded." />
        </section>
      ) : null}
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
      ) : answer.status === 'error' && answer.error.code === 'resolve.no_match' ? (
        <NoMatch query={q} />
      ) : answer.status === 'error' ? (
        <ErrorState error={answer.error} onRetry={answer.reload} />
      ) : (
        <WhoResult answer={answer.data} />
      )}
    </article>
  );
}
