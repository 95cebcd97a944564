/**
 * Who: whom to contact about an entity, and how, in order: its own contacts; its owners (a team's
 * lead and members right after the team); what it runs on (the host, the host's owners, the
 * provider and who holds the provider account); the providers in front of it; and last the team
 * marked `role: infrastructure`. Each person or team appears once, with the first reason found.
 * Only public contacts appear.
 */
import { notFoundError } from '../errors.js';
import { KINDS, unhandledKind } from '../kinds/registry.js';
import type { Contact, Entity } from '../schema/entity.schema.js';
import type { CatalogIndex } from './catalog-index.js';

export type ContactRole =
  | 'self'
  | 'owner'
  | 'team-member'
  | 'host'
  | 'host-owner'
  | 'provider'
  | 'account-holder'
  | 'fronted-by'
  | 'infrastructure';

export interface ContactStep {
  /** Public view of whom (or what) to contact. */
  entity: Entity;
  role: ContactRole;
  /** Why it is on the list: "owner of bugs", "bugs runs on digitalocean, account held by ee". */
  reason: string;
  /** Its public contacts (possibly none: then a person has to know them). */
  contacts: Contact[];
}

class StepList {
  readonly steps: ContactStep[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly index: CatalogIndex) {}

  add(id: string, role: ContactRole, reason: string, onlyWithContacts = false): boolean {
    if (this.seen.has(id)) return false;
    const entity = this.index.getPublic(id);
    if (!entity) return false;
    const contacts = 'contacts' in entity ? (entity.contacts ?? []) : [];
    if (onlyWithContacts && contacts.length === 0) return false;
    this.seen.add(id);
    this.steps.push({ entity, role, reason, contacts });
    return true;
  }

  /** A person or team, then (for a team) its lead and members. */
  addPeople(id: string, role: ContactRole, reason: string): void {
    this.add(id, role, reason);
    this.addMembers(id, `, ${reason}`);
  }

  /** A team's lead, then its members: "lead of infra" + `suffix`. */
  addMembers(teamId: string, suffix = ''): void {
    const team = this.index.get(teamId);
    if (team?.kind !== 'Team') return;
    const members = [...(team.lead !== undefined ? [team.lead] : []), ...(team.members ?? [])];
    for (const member of members) {
      const what = member === team.lead ? 'lead' : 'member';
      this.add(member, 'team-member', `${what} of ${teamId}${suffix}`);
    }
  }
}

function addProvider(
  list: StepList,
  index: CatalogIndex,
  subject: string,
  providerId: string,
  verb: string,
): void {
  const role: ContactRole = verb === 'runs on' ? 'provider' : 'fronted-by';
  const base = `${subject} ${verb} ${providerId}`;
  list.add(providerId, role, base);
  const provider = index.get(providerId);
  if (provider?.kind !== 'Provider') return;
  for (const holder of provider.account?.owners ?? []) {
    list.addPeople(holder, 'account-holder', `${base}, account held by ${holder}`);
  }
}

function addHost(list: StepList, index: CatalogIndex, subject: string, hostId: string): void {
  list.add(hostId, 'host', `${subject} runs on ${hostId}`);
  const host = index.get(hostId);
  if (host?.kind !== 'Host') return;
  for (const owner of host.owners ?? []) {
    list.addPeople(owner, 'host-owner', `owner of ${hostId}, which ${subject} runs on`);
  }
  if (host.provider !== undefined) addProvider(list, index, hostId, host.provider, 'runs on');
}

/** The ordered contact list for entity `id`; throws `entity.not_found` for an unknown id. */
export function who(index: CatalogIndex, id: string): ContactStep[] {
  const entity = index.get(id);
  if (!entity) throw notFoundError('entity.not_found', `no entity with id "${id}"`);
  const list = new StepList(index);
  list.add(id, 'self', `contacts of ${id}`, !KINDS[entity.kind].party);
  switch (entity.kind) {
    case 'Service':
      for (const owner of entity.owners ?? []) list.addPeople(owner, 'owner', `owner of ${id}`);
      for (const placement of entity.runsOn ?? []) {
        if (placement.host !== undefined) addHost(list, index, id, placement.host);
        if (placement.provider !== undefined)
          addProvider(list, index, id, placement.provider, 'runs on');
      }
      for (const cdn of entity.frontedBy ?? []) addProvider(list, index, id, cdn, 'is fronted by');
      break;
    case 'Host':
      for (const owner of entity.owners ?? []) list.addPeople(owner, 'owner', `owner of ${id}`);
      if (entity.provider !== undefined) addProvider(list, index, id, entity.provider, 'runs on');
      break;
    case 'Provider':
      for (const holder of entity.account?.owners ?? []) {
        list.addPeople(holder, 'account-holder', `holds the ${id} account`);
      }
      break;
    case 'Team':
      list.addMembers(id);
      break;
    case 'Person':
      break;
    default:
      return unhandledKind(entity);
  }
  const infra = index.infrastructureTeam();
  if (infra) list.add(infra.id, 'infrastructure', 'the infrastructure team: the last resort');
  return list.steps;
}
