/**
 * The prose of the "Infrastructure Overview" page, written from the catalog: an introduction, the
 * infrastructure team and how to reach it, the providers and what each is used for, then every
 * service with where it runs, what fronts it, how it is managed, who owns it and how to reach
 * them. Only public contacts are used (the index's public views).
 */
import type { Entity, Provider, Service, Team } from '../../schema/entity.schema.js';
import type { CatalogIndex } from '../catalog-index.js';
import { managementDisplayName } from '../reports/management-summary.report.js';
import {
  inlines,
  joinList,
  link,
  type Block,
  type Inline,
  type InlineLike,
  type OverviewDocument,
} from './overview-document.js';
import {
  contactList,
  managementPhrases,
  nameOf,
  partyName,
  partyNameAtStart,
  placementPhrase,
  providesPhrase,
  publicContacts,
  repositoryLabel,
} from './overview-prose.js';

export interface OverviewOptions {
  /** The page title (default "Infrastructure Overview"). */
  title?: string;
  /** Who runs the infrastructure, as it starts a sentence: "The PSF" (default "The foundation"). */
  organization?: string;
  /** Replaces the generated opening paragraph. */
  intro?: string;
  /** When given, a closing line says the page was generated from the catalog on that date. */
  generatedOn?: string;
}

/** Names listed in one sentence before "and N more". */
const MAX_NAMED = 20;

const collator = new Intl.Collator('en', { sensitivity: 'base' });
const byName = (a: Entity, b: Entity) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1);

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

function namedList(names: readonly string[]): Inline[] {
  if (names.length <= MAX_NAMED) return joinList(names);
  const rest = names.length - MAX_NAMED + 1;
  return joinList([...names.slice(0, MAX_NAMED - 1), `${rest.toLocaleString('en-US')} more`]);
}

const paragraph = (...parts: InlineLike[]): Block => ({
  type: 'paragraph',
  content: inlines(...parts),
});

/** Trimmed, ending with a full stop unless it already ends a sentence. */
function sentence(s: string): string {
  const t = s.trim();
  return /[.!?…]["')\]]?$/.test(t) ? t : `${t}.`;
}

function lowerFirst(s: string): string {
  return /^The\b/.test(s) ? `t${s.slice(1)}` : s;
}

function teamSection(index: CatalogIndex, team: Team | undefined, org: string): Block[] {
  const blocks: Block[] = [
    { type: 'heading', level: 2, text: 'The Infrastructure Team', anchor: 'infrastructure-team' },
  ];
  if (!team) {
    blocks.push(
      paragraph(
        'No team is marked as the infrastructure team in the catalog (role: infrastructure).',
      ),
    );
    return blocks;
  }
  blocks.push(
    paragraph(
      `${partyNameAtStart(index, team.id)} looks after ${lowerFirst(org)}'s infrastructure and is the last resort for any question this page does not answer.`,
      team.description !== undefined ? ` ${sentence(team.description)}` : '',
    ),
  );
  const members = [
    ...new Set([...(team.lead !== undefined ? [team.lead] : []), ...(team.members ?? [])]),
  ];
  if (members.length > 0) {
    blocks.push(paragraph('The current team members are:'));
    const items = members
      .map((id) => {
        const person = index.get(id);
        const roles = person?.kind === 'Person' ? (person.roles ?? []) : [];
        const notes = [...roles, ...(id === team.lead ? ['team lead'] : [])];
        return {
          name: nameOf(index, id),
          line: `${nameOf(index, id)}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`,
        };
      })
      .sort((a, b) => collator.compare(a.name, b.name));
    blocks.push({ type: 'list', items: items.map((i) => inlines(i.line)) });
  }
  const contacts = publicContacts(index, team.id);
  blocks.push(
    contacts.length > 0
      ? paragraph('The best way to reach the team is ', contactList(contacts), '.')
      : paragraph('The catalog lists no public way to reach the team.'),
  );
  return blocks;
}

function providerParagraph(index: CatalogIndex, provider: Provider, org: string): Block {
  const parts: InlineLike[] = [];
  const name: InlineLike = provider.url ? link(provider.name, provider.url) : provider.name;
  const provides = providesPhrase(provider);
  const account = provider.account;
  if (provides.length > 0) {
    parts.push(
      name,
      account?.sponsored ? ' donates ' : ' provides ',
      joinList(provides),
      ` to ${lowerFirst(org)}.`,
    );
  } else {
    parts.push(
      name,
      account?.sponsored
        ? ` is a sponsor of ${lowerFirst(org)}.`
        : ` is a provider of ${lowerFirst(org)}.`,
    );
  }
  if (provider.description) parts.push(' ', sentence(provider.description));
  const onIt = [...index.referrers(provider.id, 'runsOn')]
    .map((id) => index.get(id))
    .filter((e) => e !== undefined);
  const hosts = onIt.filter((e) => e.kind === 'Host');
  const services = new Map<string, Entity>();
  for (const e of onIt) if (e.kind === 'Service' && e.status !== 'retired') services.set(e.id, e);
  for (const h of hosts) {
    for (const id of index.referrers(h.id, 'runsOn')) {
      const s = index.get(id);
      if (s?.kind === 'Service' && s.status !== 'retired') services.set(id, s);
    }
  }
  const fronted = [...index.referrers(provider.id, 'frontedBy')]
    .map((id) => index.get(id))
    .filter((e): e is Service => e?.kind === 'Service' && e.status !== 'retired');
  if (services.size > 0) {
    parts.push(
      ' It hosts ',
      namedList([...services.values()].sort(byName).map((s) => s.name)),
      '.',
    );
  }
  if (hosts.length > MAX_NAMED) parts.push(` It runs ${plural(hosts.length, 'machine')}.`);
  else if (hosts.length > 0) {
    const names = hosts.sort(byName).map((h) => h.name);
    parts.push(
      ` It runs the ${hosts.length === 1 ? 'machine' : 'machines'} `,
      joinList(names),
      '.',
    );
  }
  if (fronted.length > 0)
    parts.push(' It fronts ', namedList(fronted.sort(byName).map((s) => s.name)), '.');
  if (account) {
    const facts: InlineLike[] = [];
    const holders = account.owners ?? [];
    if (holders.length > 0)
      facts.push(inlines('held by ', joinList(holders.map((h) => partyName(index, h)))));
    if (account.managed !== undefined)
      facts.push(`managed by ${managementDisplayName(account.managed)}`);
    if (account.renews !== undefined) facts.push(`renews on ${account.renews}`);
    if (facts.length > 0) parts.push(' The account is ', joinList(facts), '.');
  }
  const contacts = publicContacts(index, provider.id);
  if (contacts.length > 0) parts.push(' To reach them, use ', contactList(contacts), '.');
  return paragraph(...parts);
}

function providersSection(index: CatalogIndex, org: string): Block[] {
  const providers = index.ofKind('Provider').sort(byName);
  const active = providers.filter((p) => p.status !== 'former');
  const former = providers.filter((p) => p.status === 'former');
  const blocks: Block[] = [
    { type: 'heading', level: 2, text: 'Infrastructure Providers', anchor: 'providers' },
    paragraph(
      active.length > 0
        ? `${org} uses ${plural(active.length, 'provider')} for its infrastructure.`
        : 'The catalog lists no providers.',
    ),
  ];
  for (const provider of active) {
    blocks.push({
      type: 'heading',
      level: 3,
      text: provider.name,
      anchor: `provider-${provider.id}`,
    });
    blocks.push(providerParagraph(index, provider, org));
  }
  if (former.length > 0) {
    blocks.push(
      paragraph(`Former providers, no longer in use: ${former.map((p) => p.name).join(', ')}.`),
    );
  }
  return blocks;
}

function serviceBlocks(index: CatalogIndex, service: Service): Block[] {
  const blocks: Block[] = [
    { type: 'heading', level: 3, text: service.name, anchor: `service-${service.id}` },
  ];
  const clauses: InlineLike[] = [];
  if (service.poweredBy) clauses.push(`powered by ${service.poweredBy}`);
  const placements = (service.runsOn ?? []).map((p) => placementPhrase(index, p));
  if (placements.length > 0) clauses.push(inlines('hosted ', joinList(placements)));
  const cdns = (service.frontedBy ?? []).map((id) => nameOf(index, id));
  if (cdns.length > 0) clauses.push(inlines('served through ', joinList(cdns)));
  const owners = (service.owners ?? []).map((id) => partyName(index, id));
  if (owners.length > 0) clauses.push(inlines('owned by ', joinList(owners)));
  const main: InlineLike[] = [];
  main.push(
    clauses.length > 0
      ? inlines(service.name, ' is ', joinList(clauses), '.')
      : `The catalog says little yet about ${service.name}.`,
  );
  if (service.description) main.push(' ', sentence(service.description));
  if (owners.length === 0) main.push(' Nobody is recorded as owning it.');
  if (service.status === 'deprecated') main.push(' It is deprecated.');
  const managed = managementPhrases(index, service);
  if (managed.length > 0) main.push(' It is managed ', joinList(managed), '.');
  const deps = (service.dependsOn ?? []).map((id) => nameOf(index, id));
  if (deps.length > 0) main.push(' It depends on ', joinList(deps), '.');
  blocks.push(paragraph(...main));

  const where: InlineLike[] = [];
  const urls = service.urls ?? [];
  if (urls.length > 0)
    where.push(
      'You can reach it at ',
      joinList(
        urls.map((u) => link(u, u)),
        'or',
      ),
      '.',
    );
  const urlHosts = new Set(
    urls.map((u) =>
      u
        .replace(/^https?:\/\//i, '')
        .split(/[/:?#]/)[0]
        ?.toLowerCase(),
    ),
  );
  const extraHosts = (service.hostnames ?? []).filter((h) => !urlHosts.has(h.toLowerCase()));
  if (extraHosts.length > 0)
    where.push(where.length > 0 ? ' ' : '', 'It answers on ', joinList(extraHosts), '.');
  if (service.source)
    where.push(
      where.length > 0 ? ' ' : '',
      'Its source code is at ',
      link(repositoryLabel(service.source), service.source),
      '.',
    );
  if (service.docs)
    where.push(
      where.length > 0 ? ' ' : '',
      'Its documentation is at ',
      link(repositoryLabel(service.docs), service.docs),
      '.',
    );
  const links = service.links ?? [];
  if (links.length > 0) {
    where.push(
      where.length > 0 ? ' ' : '',
      'See also ',
      joinList(links.map((l) => link(l.title ?? repositoryLabel(l.url), l.url))),
      '.',
    );
  }
  if (where.length > 0) blocks.push(paragraph(...where));

  const reach: InlineLike[] = [];
  const own = publicContacts(index, service.id);
  if (own.length > 0) reach.push('To get in touch, use ', contactList(own), '.');
  const infra = index.infrastructureTeam()?.id;
  for (const ownerId of service.owners ?? []) {
    // The infrastructure team's contacts are at the top of the page.
    const contacts = ownerId === infra ? [] : publicContacts(index, ownerId);
    if (contacts.length > 0)
      reach.push(
        reach.length > 0 ? ' ' : '',
        `${partyNameAtStart(index, ownerId)} can be reached through `,
        contactList(contacts),
        '.',
      );
  }
  if (reach.length > 0) blocks.push(paragraph(...reach));
  return blocks;
}

function servicesSection(index: CatalogIndex): Block[] {
  const services = index.ofKind('Service').sort(byName);
  const current = services.filter((s) => s.status !== 'retired');
  const retired = services.filter((s) => s.status === 'retired');
  const blocks: Block[] = [
    { type: 'heading', level: 2, text: 'Details of Various Services', anchor: 'services' },
    paragraph(
      current.length > 0
        ? 'This section lists each service, where it runs, and whom to contact about it.'
        : 'The catalog lists no services yet.',
    ),
  ];
  if (current.length > 0) {
    blocks.push({
      type: 'toc',
      items: current.map((s) => ({ text: s.name, anchor: `service-${s.id}` })),
    });
  }
  for (const service of current) blocks.push(...serviceBlocks(index, service));
  if (retired.length > 0) {
    blocks.push(paragraph(`Retired services: ${retired.map((s) => s.name).join(', ')}.`));
  }
  return blocks;
}

export function buildOverview(
  index: CatalogIndex,
  options: OverviewOptions = {},
): OverviewDocument {
  const org = options.organization ?? 'The foundation';
  const title = options.title ?? 'Infrastructure Overview';
  const services = index.ofKind('Service').filter((s) => s.status !== 'retired').length;
  const providers = index.ofKind('Provider').filter((p) => p.status !== 'former').length;
  const intro =
    options.intro ??
    `${org} runs ${plural(services, 'service')} on ${plural(providers, 'provider')}. This page lists them, where they run, and who the main contact points are. It is generated from the catalog: to correct it, change the catalog.`;
  const blocks: Block[] = [
    { type: 'heading', level: 1, text: title },
    paragraph(intro),
    ...teamSection(index, index.infrastructureTeam(), org),
    ...providersSection(index, org),
    ...servicesSection(index),
  ];
  if (options.generatedOn)
    blocks.push(paragraph(`Generated from the catalog on ${options.generatedOn}.`));
  return { title, blocks };
}
