/** "Infrastructure Providers": each provider, what it provides, what runs on it, its account. */
import type { Provider, Service } from '../../schema/entity.schema.js';
import type { CatalogIndex } from '../catalog-index.js';
import { managementDisplayName } from '../reports/management-summary.report.js';
import { mentionsService, restates } from './mentions.js';
import { inlines, joinList, link, type Block, type InlineLike } from './overview-document.js';
import { contactList, partyName, publicContacts } from './overview-prose.js';
import { providesPhrase } from './provides-phrase.js';
import { activeUsages, isHosting, type HostUsage, type ProviderUsage } from './provider-usage.js';
import { runToEnd, ticker, type Sliced } from '../../sliced.js';
import { nameOrder } from './name-order.js';
import type { BlockStream } from './overview-document.js';
import {
  byName,
  count,
  lowerFirst,
  namedList,
  paragraph,
  plural,
  sentence,
} from './overview-writing.js';

/** A provider with more machines than this gets a count instead of a list of them. */
export const MAX_LISTED_HOSTS = 40;

/** "It hosts A and B." / "It also hosts C." for the services the description does not name. */
function* servicesSentence(
  verb: string,
  services: Service[],
  description?: string,
): Sliced<InlineLike[]> {
  let unsaid = services;
  if (description !== undefined) {
    unsaid = [];
    const tick = ticker(64);
    for (const s of services) {
      if (!mentionsService(description, s)) unsaid.push(s);
      if (tick()) yield;
    }
  }
  if (unsaid.length === 0) return [];
  const also = unsaid.length < services.length ? 'also ' : '';
  return [` It ${also}${verb} `, namedList(unsaid.map((s) => s.name)), '.'];
}

function hostItem(usage: HostUsage): InlineLike[] {
  return usage.services.length > 0
    ? inlines(usage.host.name, ': ', namedList(usage.services.map((s) => s.name)))
    : inlines(usage.host.name, ' (no current service recorded)');
}

/** What runs on the provider: a sentence, plus a list of its machines when there are several. */
function* hostingParts(usage: ProviderUsage, org: string, description?: string) {
  const { hosts } = usage;
  if (hosts.length > 2 && hosts.length <= MAX_LISTED_HOSTS) {
    // Services on the machines are listed under each machine; the sentence names the others.
    return {
      sentence: yield* servicesSentence('hosts', usage.direct, description),
      closing: [` It runs ${plural(hosts.length, 'machine')} for ${lowerFirst(org)}:`],
      list: { type: 'list', items: hosts.map((h) => inlines(hostItem(h))) } satisfies Block,
    };
  }
  const parts = yield* servicesSentence('hosts', usage.services, description);
  if (hosts.length > MAX_LISTED_HOSTS) parts.push(` It runs ${plural(hosts.length, 'machine')}.`);
  else if (hosts.length > 0) {
    const names = hosts.map((h) => h.host.name);
    parts.push(
      ` It runs the ${hosts.length === 1 ? 'machine' : 'machines'} `,
      joinList(names),
      '.',
    );
  }
  return { sentence: parts, closing: [] };
}

function accountSentence(index: CatalogIndex, provider: Provider): InlineLike[] {
  const account = provider.account;
  if (!account) return [];
  const facts: InlineLike[] = [];
  const holders = account.owners ?? [];
  if (holders.length > 0)
    facts.push(inlines('held by ', joinList(holders.map((h) => partyName(index, h)))));
  if (account.managed !== undefined)
    facts.push(`managed by ${managementDisplayName(account.managed)}`);
  if (account.renews !== undefined) facts.push(`renews on ${account.renews}`);
  return facts.length > 0 ? [' The account is ', joinList(facts), '.'] : [];
}

function* providerBlocks(index: CatalogIndex, usage: ProviderUsage, org: string): Sliced<Block[]> {
  const { provider } = usage;
  const parts: InlineLike[] = [];
  const name: InlineLike = provider.url ? link(provider.name, provider.url) : provider.name;
  const provides = providesPhrase(provider);
  const sponsored = provider.account?.sponsored === true;
  if (provides.length > 0) {
    parts.push(name, sponsored ? ' donates ' : ' provides ', joinList(provides));
    parts.push(` to ${lowerFirst(org)}.`);
  } else {
    parts.push(name, ` is ${sponsored ? 'a sponsor' : 'a provider'} of ${lowerFirst(org)}.`);
  }
  const description = provider.description;
  // "Metrics, dashboards and alerts." after "provides metrics, dashboards, and alerting" says nothing new.
  if (description && !restates(description, provides)) parts.push(' ', sentence(description));
  const hosting = yield* hostingParts(usage, org, description);
  parts.push(...hosting.sentence);
  parts.push(...(yield* servicesSentence('fronts', usage.fronted, description)));
  parts.push(...accountSentence(index, provider));
  const contacts = publicContacts(index, provider.id);
  if (contacts.length > 0) parts.push(' To reach them, use ', contactList(contacts), '.');
  parts.push(...hosting.closing);
  return hosting.list ? [paragraph(...parts), hosting.list] : [paragraph(...parts)];
}

/** "; its services run on 10 of them", or nothing when none runs a service. */
function hostingShare(hosting: number, total: number): string {
  if (hosting === 0) return '';
  if (hosting < total) return `; its services run on ${count(hosting)} of them`;
  return total === 1 ? '; its services run on it' : '; its services run on all of them';
}

export function providersSection(index: CatalogIndex, org: string): Block[] {
  const blocks: Block[] = [];
  const usages = runToEnd(activeUsages(index, runToEnd(nameOrder(index))));
  for (const block of providersSectionSliced(index, org, usages)) {
    if (block) blocks.push(block);
  }
  return blocks;
}

/** The section's blocks one at a time (`undefined` between them: a point to pause at). */
export function* providersSectionSliced(
  index: CatalogIndex,
  org: string,
  active: readonly ProviderUsage[],
): BlockStream {
  const former = index
    .ofKind('Provider')
    .filter((p) => p.status === 'former')
    .sort(byName);
  const hosting = active.filter(isHosting).length;
  yield { type: 'heading', level: 2, text: 'Infrastructure Providers', anchor: 'providers' };
  yield paragraph(
    active.length === 0
      ? 'The catalog lists no providers.'
      : `${org} uses ${plural(active.length, 'provider')} for its infrastructure${hostingShare(hosting, active.length)}.`,
  );
  for (const usage of active) {
    yield {
      type: 'heading',
      level: 3,
      text: usage.provider.name,
      anchor: `provider-${usage.provider.id}`,
    };
    yield* yield* providerBlocks(index, usage, org);
  }
  if (former.length > 0) {
    yield paragraph(`Former providers, no longer in use: ${former.map((p) => p.name).join(', ')}.`);
  }
}
