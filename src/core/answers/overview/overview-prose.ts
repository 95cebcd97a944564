/** Phrases the overview is written from: contacts, placements, what a provider provides. */
import type { Contact, Entity, Placement } from '../../schema/entity.schema.js';
import type { CatalogIndex } from '../catalog-index.js';
import { managementDisplayName } from '../reports/management-summary.report.js';
import { displayContact } from '../../contact-display.js';
import { isPrivateContact } from '../../public-view.js';
import { inlines, joinList, link, type Inline, type InlineLike } from './overview-document.js';
import { article } from './provides-phrase.js';

export const nameOf = (index: CatalogIndex, id: string): string => index.get(id)?.name ?? id;

/** How a person or team is named mid-sentence: teams take "the" ("the Infrastructure Team"). */
export function partyName(index: CatalogIndex, id: string): string {
  return partyNameOf(index.get(id), id);
}

/** `partyName` of an entity already looked up (`entity` is `index.get(id)`). */
export function partyNameOf(entity: Entity | undefined, id: string): string {
  if (!entity) return id;
  return entity.kind === 'Team' && !/^the\s/i.test(entity.name)
    ? `the ${entity.name}`
    : entity.name;
}

/** The same, starting a sentence. */
export function partyNameAtStart(index: CatalogIndex, id: string): string {
  return atStart(partyName(index, id));
}

/** A party name (`partyName`) as it starts a sentence. */
export function atStart(partyName: string): string {
  return partyName.startsWith('the ') ? `T${partyName.slice(1)}` : partyName;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** One contact as a phrase: "the mailing list x@y.org", "the #python-infra channel on Libera". */
export function contactPhrase(contact: Contact): Inline[] {
  const v = contact.value;
  let phrase: Inline[];
  switch (contact.type) {
    case 'mailing-list':
      phrase = inlines('the mailing list ', link(v, `mailto:${v}`));
      break;
    case 'email':
      phrase = inlines('e-mail to ', link(v, `mailto:${v}`));
      break;
    case 'irc': {
      // The channel links to the network ("ircs://irc.libera.chat/python-infra") when it is known.
      const href = displayContact(contact).href;
      const network = contact.network !== undefined ? capitalize(contact.network) : undefined;
      phrase = inlines(
        'the ',
        href !== undefined ? link(v, href) : v,
        network !== undefined ? ` channel on ${network}` : ' IRC channel',
      );
      break;
    }
    case 'matrix': {
      const href = displayContact(contact).href;
      phrase = /^https?:/i.test(v)
        ? inlines('the ', link('Matrix room', v))
        : inlines('the Matrix room ', href !== undefined ? link(v, href) : v);
      break;
    }
    case 'chat':
      phrase = inlines('the ', link('chat', v));
      break;
    case 'issues':
      phrase = inlines('the ', link('issue tracker', v));
      break;
    case 'url':
      phrase = inlines(link(v.replace(/^https?:\/\//i, '').replace(/\/$/, ''), v));
      break;
    case 'phone':
      phrase = inlines(`phone (${v})`);
      break;
  }
  // Notes ("when to use it", often with sources) stay in the catalog: the page reads better without.
  return phrase;
}

export function contactList(contacts: readonly Contact[]): Inline[] {
  return joinList(contacts.map(contactPhrase), 'or');
}

/**
 * Public contacts of an entity: those of its public view (core/public-view.ts), read without
 * copying the entity (the page reads every service's and owner's contacts).
 */
export function publicContacts(index: CatalogIndex, id: string): Contact[] {
  return publicContactsOf(index.get(id));
}

/** `publicContacts` of an entity already looked up. */
export function publicContactsOf(entity: Entity | undefined): Contact[] {
  if (!entity || !('contacts' in entity)) return [];
  return (entity.contacts ?? []).filter((contact) => !isPrivateContact(contact));
}

/** Where one placement puts a service: "on a DigitalOcean VM", "on bugs.nyc1.psf.io (a DigitalOcean VM)". */
export function placementPhrase(index: CatalogIndex, placement: Placement): string {
  let phrase: string;
  if (placement.host !== undefined) {
    const host = index.get(placement.host);
    const providerId = host?.kind === 'Host' ? host.provider : undefined;
    const as = placement.as ?? (host?.kind === 'Host' ? host.as : undefined);
    const where = providerId ? nameOf(index, providerId) : undefined;
    const what = [where, as === 'vm' ? 'VM' : as === 'hardware' ? 'machine' : as]
      .filter((p) => p !== undefined)
      .join(' ');
    phrase = `on ${host?.name ?? placement.host}${what ? ` (${article(what)} ${what})` : ''}`;
  } else {
    const p = nameOf(index, placement.provider ?? '');
    switch (placement.as) {
      case 'vm':
        phrase = `on ${article(p)} ${p} VM`;
        break;
      case 'hardware':
        phrase = `on hardware at ${p}`;
        break;
      case 'object-storage':
        phrase = `in ${p} object storage`;
        break;
      case 'cloud':
        phrase = `in the ${p} cloud`;
        break;
      case 'managed':
        phrase = `as a managed service at ${p}`;
        break;
      case 'container':
        phrase = `in a container on ${p}`;
        break;
      default:
        phrase = `on ${p}`;
    }
  }
  return placement.role ? `${phrase} for ${placement.role}` : phrase;
}

/** A label for a repository or site link: "GitHub (python/psf-salt)", else the bare URL. */
export function repositoryLabel(url: string): string {
  const m =
    /^https?:\/\/(?:www\.)?(github\.com|gitlab\.com|bitbucket\.org|codeberg\.org)\/([^/?#]+\/[^/?#]+)/i.exec(
      url,
    );
  if (m) return (m[2] ?? '').replace(/\.git$/, '');
  return url.replace(/^https?:\/\//i, '').replace(/\/$/, '');
}

/** "managed by Salt (configuration in python/psf-salt)" pieces for the distinct ways it is managed. */
export function managementPhrases(index: CatalogIndex, entity: Entity): InlineLike[] {
  const seen = new Set<string>();
  const out: InlineLike[] = [];
  const add = (method: string | undefined, config: string | undefined) => {
    if (method === undefined && config === undefined) return;
    const key = `${method ?? ''} ${config ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    const how = method !== undefined ? `by ${managementDisplayName(method)}` : 'from a repository';
    out.push(
      config !== undefined
        ? inlines(how, ' (configuration in ', link(repositoryLabel(config), config), ')')
        : how,
    );
  };
  if (entity.kind === 'Service') {
    for (const placement of entity.runsOn ?? []) {
      const host = placement.host !== undefined ? index.get(placement.host) : undefined;
      const hostInfo = host?.kind === 'Host' ? host : undefined;
      add(placement.managedBy ?? hostInfo?.managedBy, placement.config ?? hostInfo?.config);
    }
  }
  return out;
}
