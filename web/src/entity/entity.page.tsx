/**
 * One entity: everything the catalog knows about it, its relations both ways, whom to contact,
 * what breaks if it fails, its review state and the file that declares it.
 */
import type { JSX } from 'preact';
import { useEffect } from 'preact/hooks';
import { api } from '../api/api-client.js';
import { KINDS, unhandledKind } from '../../../src/core/kinds/registry.js';
import type { EntityDetail, EntityKind } from '../api/api-types.js';
import { useApi } from '../api/use-api.js';
import { ContactList } from '../components/contact-list.js';
import { usePageTitle } from '../components/page-title.js';
import { ExternalLink, RichText } from '../components/safe-link.js';
import { ErrorState, Loading } from '../components/states.js';
import { entityPath, KIND_PLURALS, KIND_SEGMENTS } from '../format/entity-paths.js';
import { Link, navigate } from '../router/router.js';
import { EntityHeader } from './entity-header.js';
import { RelatedNames, Section } from './fields.js';
import { HostDetails } from './host-details.js';
import { ImpactSection } from './impact-section.js';
import { PersonDetails } from './person-details.js';
import { ProviderDetails } from './provider-details.js';
import { byOwnership, RelatedEntities } from './related-entities.js';
import { RelationsSection } from './relations-section.js';
import { ServiceDetails } from './service-details.js';
import { TeamDetails } from './team-details.js';
import { WhoSection } from './who-section.js';
import './entity.css';

function KindDetails({ detail, names }: { detail: EntityDetail; names: RelatedNames }) {
  const e = detail.entity;
  switch (e.kind) {
    case 'Service':
      return <ServiceDetails service={e} names={names} />;
    case 'Host':
      return <HostDetails host={e} names={names} />;
    case 'Provider':
      return <ProviderDetails provider={e} names={names} />;
    case 'Person':
      return <PersonDetails person={e} />;
    case 'Team':
      return <TeamDetails team={e} names={names} />;
    default:
      return unhandledKind(e);
  }
}

function Related({ detail }: { detail: EntityDetail }): JSX.Element | null {
  const { id, kind } = detail.entity;
  switch (kind) {
    case 'Provider':
    case 'Host':
      return (
        <RelatedEntities
          id={id}
          filter="runsOn"
          title={kind === 'Provider' ? 'Everything that runs on it' : 'What runs on this host'}
          empty="Nothing in the catalog runs here."
          listQuery={kind === 'Provider' ? { provider: id } : { host: id }}
        />
      );
    case 'Person':
    case 'Team':
      return (
        <RelatedEntities
          id={id}
          filter="owner"
          title={kind === 'Person' ? 'What they own' : 'What the team owns'}
          empty="Owns nothing in the catalog."
          listQuery={{ owner: id }}
          grouping={kind === 'Person' ? byOwnership(id) : undefined}
        />
      );
    case 'Service':
      // What depends on a service is its impact section's answer.
      return null;
    default:
      return unhandledKind(kind);
  }
}

/** Incoming relations the kind's own section already lists (with more detail). */
const OMIT_RELATIONS: Record<EntityKind, readonly string[]> = {
  Service: [],
  Host: ['runs'],
  Provider: ['runs'],
  Person: ['owns'],
  Team: ['owns'],
};

function EntityView({ detail }: { detail: EntityDetail }): JSX.Element {
  const entity = detail.entity;
  const names = new RelatedNames(detail);
  const contacts = 'contacts' in entity ? entity.contacts : undefined;
  const showWho = !KINDS[entity.kind].party;
  return (
    <article class="page entity-page">
      <EntityHeader detail={detail} names={names} />
      <div class="entity-grid">
        <div class="entity-main">
          <KindDetails detail={detail} names={names} />
          <Related detail={detail} />
          <RelationsSection detail={detail} omit={OMIT_RELATIONS[entity.kind]} />
          <ImpactSection id={entity.id} kind={entity.kind} name={entity.name} />
          {entity.notes || entity.links?.length ? (
            <Section id="notes" title="Notes and links">
              <RichText text={entity.notes} />
              {entity.links?.length ? (
                <ul class="link-list">
                  {entity.links.map((link, i) => (
                    <li key={i}>
                      <ExternalLink href={link.url}>{link.title ?? undefined}</ExternalLink>
                      {link.type ? <span class="muted"> ({link.type})</span> : null}
                    </li>
                  ))}
                </ul>
              ) : null}
            </Section>
          ) : null}
        </div>
        <aside class="entity-side" aria-label="Contacts">
          <Section id="contacts" title="Contacts">
            <ContactList contacts={contacts} empty="No public contact is recorded." />
          </Section>
          {showWho ? <WhoSection id={entity.id} /> : null}
          <p class="side-links">
            <Link href={`/graph?around=${encodeURIComponent(entity.id)}`}>Show on the graph</Link>
          </p>
        </aside>
      </div>
    </article>
  );
}

export function EntityPage({ kind, id }: { kind: EntityKind; id: string }): JSX.Element {
  const detail = useApi<EntityDetail>(api.entity(id));
  const found = detail.status === 'ok' ? detail.data.entity : undefined;
  usePageTitle(found?.name ?? id);

  // Ids are unique across kinds: a link with the wrong kind still lands on the right page.
  useEffect(() => {
    if (found && found.kind !== kind) navigate(entityPath(found.kind, found.id), { replace: true });
  }, [found, kind]);

  if (detail.status === 'loading') return <Loading label={`Loading ${id}…`} />;
  if (detail.status === 'error') {
    return (
      <article class="page">
        <p class="breadcrumb">
          <Link href={`/${KIND_SEGMENTS[kind]}`}>{KIND_PLURALS[kind]}</Link>
        </p>
        <h1>{detail.error.kind === 'not-found' ? `No entity “${id}”` : id}</h1>
        <ErrorState
          error={detail.error}
          title={detail.error.kind === 'not-found' ? 'It is not in the catalog' : undefined}
          onRetry={detail.reload}
        />
      </article>
    );
  }
  return <EntityView detail={detail.data} />;
}
