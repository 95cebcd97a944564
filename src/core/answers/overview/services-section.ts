/** "Details of Various Services": where each service runs, who owns it, how to reach them. */
import type { Service } from '../../schema/entity.schema.js';
import type { CatalogIndex } from '../catalog-index.js';
import {
  inlines,
  joinList,
  link,
  plainText,
  type Block,
  type Inline,
  type BlockStream,
  type InlineLike,
} from './overview-document.js';
import { runToEnd, ticker } from '../../sliced.js';
import { nameOrder, type NameOrder } from './name-order.js';
import {
  atStart,
  contactList,
  managementPhrases,
  nameOf,
  partyNameOf,
  placementPhrase,
  publicContactsOf,
  repositoryLabel,
} from './overview-prose.js';
import { isCurrent } from './provider-usage.js';
import { paragraph, plural, sentence } from './overview-writing.js';

/**
 * "hosted on A and owned by B", but "hosted on A, on B, and on C, and owned by D": a comma keeps
 * the last clause apart when an earlier one is itself a list.
 */
function joinClauses(clauses: readonly Inline[][]): Inline[] {
  const first = clauses[0];
  if (clauses.length !== 2 || !first || !/ and /.test(plainText(first))) return joinList(clauses);
  return inlines(first, ', and ', clauses[1] ?? []);
}

function serviceBlocks(index: CatalogIndex, service: Service): Block[] {
  const blocks: Block[] = [
    { type: 'heading', level: 3, text: service.name, anchor: `service-${service.id}` },
  ];
  const clauses: Inline[][] = [];
  const placements = (service.runsOn ?? []).map((p) => placementPhrase(index, p));
  if (placements.length > 0) clauses.push(inlines('hosted ', joinList(placements)));
  const cdns = (service.frontedBy ?? []).map((id) => nameOf(index, id));
  if (cdns.length > 0) clauses.push(inlines('served through ', joinList(cdns)));
  // Each owner is looked up once: its name and contacts are read again below.
  const ownerIds = service.owners ?? [];
  const ownerEntities = ownerIds.map((id) => index.get(id));
  const owners = ownerIds.map((id, i) => partyNameOf(ownerEntities[i], id));
  if (owners.length > 0) clauses.push(inlines('owned by ', joinList(owners)));
  const main: InlineLike[] = [];
  // poweredBy is free text ("Roundup", "HAProxy reverse proxy to x.example.com"): it follows a
  // label rather than being fitted into a sentence, so any phrase reads well.
  const software = service.poweredBy?.trim() || undefined;
  if (clauses.length > 0) main.push(inlines(service.name, ' is ', joinClauses(clauses), '.'));
  else if (software === undefined && !service.description)
    main.push(`The catalog says little yet about ${service.name}.`);
  if (service.description) main.push(' ', sentence(service.description));
  if (software !== undefined) main.push(' ', sentence(`Powered by: ${software}`));
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
  const own = publicContactsOf(service);
  if (own.length > 0) reach.push('To get in touch, use ', contactList(own), '.');
  const infra = index.infrastructureTeam()?.id;
  for (let i = 0; i < ownerIds.length; i++) {
    // The infrastructure team's contacts are at the top of the page.
    const contacts = ownerIds[i] === infra ? [] : publicContactsOf(ownerEntities[i]);
    if (contacts.length > 0)
      reach.push(
        reach.length > 0 ? ' ' : '',
        `${atStart(owners[i] as string)} can be reached through `,
        contactList(contacts),
        '.',
      );
  }
  if (reach.length > 0) blocks.push(paragraph(...reach));
  return blocks;
}

export function servicesSection(index: CatalogIndex): Block[] {
  const blocks: Block[] = [];
  const order = runToEnd(nameOrder(index));
  for (const block of servicesSectionSliced(index, order)) if (block) blocks.push(block);
  return blocks;
}

/** The section's blocks one at a time (`undefined` between them: a point to pause at). */
export function* servicesSectionSliced(index: CatalogIndex, order: NameOrder): BlockStream {
  const services = order.services;
  const current: Service[] = [];
  const retired: Service[] = [];
  const tick = ticker(1024);
  for (const service of services) {
    (isCurrent(service) ? current : retired).push(service);
    if (tick()) yield undefined;
  }
  const retiredNote =
    retired.length > 0 ? ' Retired services are named at the end and not described.' : '';
  yield { type: 'heading', level: 2, text: 'Details of Various Services', anchor: 'services' };
  yield paragraph(
    current.length > 0
      ? `This section lists each of the ${plural(current.length, 'current service')}, where it runs, and whom to contact about it.${retiredNote}`
      : `The catalog lists no current services.${retiredNote}`,
  );
  if (current.length > 0) {
    const items: { text: string; anchor: string }[] = [];
    for (const s of current) {
      items.push({ text: s.name, anchor: `service-${s.id}` });
      if (tick()) yield undefined;
    }
    yield { type: 'toc', items };
  }
  for (const service of current) {
    yield* serviceBlocks(index, service);
    yield undefined;
  }
  if (retired.length > 0) {
    yield paragraph(
      `${retired.length === 1 ? 'One service is' : `${plural(retired.length, 'service')} are`} retired and not counted on this page: `,
      joinList(retired.map((s) => s.name)),
      '.',
    );
  }
}
