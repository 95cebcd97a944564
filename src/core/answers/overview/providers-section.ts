/** "Infrastructure Providers": each provider, what it provides, what runs on it, its account. */
import type { Entity, Provider, Service } from '../../schema/entity.schema.js';
import type { CatalogIndex } from '../catalog-index.js';
import { managementDisplayName } from '../reports/management-summary.report.js';
import { inlines, joinList, link, type Block, type InlineLike } from './overview-document.js';
import { contactList, partyName, providesPhrase, publicContacts } from './overview-prose.js';
import {
  byName,
  lowerFirst,
  MAX_NAMED,
  namedList,
  paragraph,
  plural,
  sentence,
} from './overview-writing.js';

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

export function providersSection(index: CatalogIndex, org: string): Block[] {
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
