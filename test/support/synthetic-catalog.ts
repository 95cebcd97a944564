/**
 * A deterministic synthetic catalog with the shape of a real one: a few teams, people, providers
 * (a handful of them very popular), hosts on providers, services on hosts or directly on providers,
 * fronted by CDNs, with owners, contacts (some private), dependencies and reviews. Used by tests
 * and by `npm run bench`. Every entity passes the schema and every reference resolves.
 */
import type {
  Contact,
  Entity,
  Host,
  Person,
  Provider,
  Service,
  Team,
} from '../../src/core/schema/entity.schema.js';
import { KNOWN_MANAGERS } from '../../src/core/schema/base.schema.js';

/** mulberry32: a small, fast, seedable PRNG. */
function randomFrom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'alpha',
  'bravo',
  'cedar',
  'delta',
  'ember',
  'falcon',
  'garnet',
  'harbor',
  'iris',
  'juniper',
  'kestrel',
  'lumen',
  'maple',
  'nimbus',
  'onyx',
  'pebble',
  'quartz',
  'raven',
  'sierra',
  'tundra',
  'umber',
  'vertex',
  'willow',
  'xenon',
  'yarrow',
  'zephyr',
  'atlas',
  'beacon',
  'comet',
  'dune',
];
const NOUNS = [
  'tracker',
  'wiki',
  'mirror',
  'docs',
  'mail',
  'builds',
  'registry',
  'forum',
  'planet',
  'search',
  'metrics',
  'backup',
  'status',
  'chat',
  'downloads',
  'bots',
  'ci',
  'blog',
  'events',
  'accounts',
];
const SOFTWARE = [
  'Django',
  'Mailman',
  'Roundup',
  'Buildbot',
  'Codespeed',
  'Discourse',
  'nginx',
  'Flask',
];
const FIRST = [
  'Ada',
  'Brett',
  'Chloe',
  'Dustin',
  'Ee',
  'Fatima',
  'Georg',
  'Hana',
  'Ivan',
  'Julien',
  'Kai',
  'Lena',
  'Marc',
  'Noah',
  'Olu',
  'Priya',
];
const LAST = [
  'Gaynor',
  'Peterson',
  'Smith',
  'Stufft',
  'Durbin',
  'Ingram',
  'Palard',
  'Brandl',
  'Ware',
  'Lemburg',
  'Coffee',
  'Pitrou',
];
const ZONES = [
  'UTC',
  'Europe/Paris',
  'America/Chicago',
  'America/New_York',
  'Asia/Tokyo',
  'Europe/Berlin',
];
const TAGS = [
  'web',
  'mail',
  'ci',
  'docs',
  'pypi',
  'tracker',
  'static',
  'bots',
  'critical',
  'legacy',
];
const PROVIDES = [
  ['hosting'],
  ['paas'],
  ['object-storage'],
  ['dns'],
  ['monitoring'],
  ['hardware-hosting'],
];
const CDN_PROVIDERS = 3;

export interface SyntheticCatalogShape {
  teams: number;
  people: number;
  providers: number;
  hosts: number;
  services: number;
}

/** How `n` entities are split between kinds (roughly 2% teams, 10% people, 0.2% providers, 20% hosts). */
export function syntheticShape(n: number): SyntheticCatalogShape {
  const teams = Math.max(1, Math.round(n * 0.02));
  const people = Math.max(2, Math.round(n * 0.1));
  const providers = Math.max(CDN_PROVIDERS + 2, Math.round(n * 0.002));
  const hosts = Math.max(1, Math.round(n * 0.2));
  const services = Math.max(1, n - teams - people - providers - hosts);
  return { teams, people, providers, hosts, services };
}

/** The day reviews and renewals are dated from unless told otherwise (tests need a fixed one). */
const SYNTHETIC_TODAY = Date.UTC(2026, 10, 1);

export interface SyntheticCatalogOptions {
  /**
   * The day (ms since the epoch, UTC midnight) reviews are dated back from (up to 720 days) and
   * renewals forward. Default 2026-11-01; the benchmark passes the real date, so that its catalog's
   * reviews age as a real catalog's do.
   */
  today?: number;
  /**
   * Also a long dependency chain, as Backstage catalogs have (components on libraries on
   * libraries): about one application service in 17 joins it (tag `chain`) and depends on one
   * of the 200 members before it, so the first member (the first service tagged `chain`) has
   * every other member as a transitive dependent (~3,700 at 100,000 entities), along paths
   * ~40 hops long. Other entities are the same as without it.
   */
  dependencyChain?: boolean;
}

function pad(i: number): string {
  return i.toString().padStart(5, '0');
}

function isoDaysBefore(base: number, days: number): string {
  return new Date(base - days * 86_400_000).toISOString().slice(0, 10);
}

/** Tag of the services in the dependency chain (`SyntheticCatalogOptions.dependencyChain`). */
export const CHAIN_TAG = 'chain';
const CHAIN_EVERY = 17;
const CHAIN_WINDOW = 200;

/**
 * `n` entities (at least ~10), the same for the same `n`, `seed` and options. Ids: `team-00001`,
 * `person-00001`, `provider-00001` (the first three are CDNs; provider-00004 is the largest host),
 * `host-00001`, `svc-<word>-<noun>-00001`.
 */
export function generateSyntheticCatalog(
  n: number,
  seed = 1,
  options: SyntheticCatalogOptions = {},
): Entity[] {
  const rnd = randomFrom(seed);
  const int = (max: number) => Math.floor(rnd() * max);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  const chance = (p: number) => rnd() < p;
  const shape = syntheticShape(n);
  const today = options.today ?? SYNTHETIC_TODAY;
  const out: Entity[] = [];

  const personIds = Array.from({ length: shape.people }, (_, i) => `person-${pad(i + 1)}`);
  const teamIds = Array.from({ length: shape.teams }, (_, i) => `team-${pad(i + 1)}`);
  const providerIds = Array.from({ length: shape.providers }, (_, i) => `provider-${pad(i + 1)}`);
  // Zipf-like weights over hosting providers: a few providers carry most of the catalog.
  const hostingIds = providerIds.slice(CDN_PROVIDERS);
  const cumulative: number[] = [];
  hostingIds.reduce((sum, _id, i) => {
    cumulative.push(sum + 1 / (i + 1));
    return sum + 1 / (i + 1);
  }, 0);
  const total = cumulative[cumulative.length - 1] ?? 1;
  const pickProvider = (): string => {
    const x = rnd() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    return hostingIds[lo] ?? hostingIds[0] ?? providerIds[0] ?? 'provider-00001';
  };
  const reviewed = () =>
    chance(0.8) ? { date: isoDaysBefore(today, int(720)), by: pick(personIds) } : undefined;
  const owners = (): string[] => {
    const count = 1 + int(3);
    const set = new Set<string>();
    for (let i = 0; i < count; i++) set.add(chance(0.6) ? pick(teamIds) : pick(personIds));
    return [...set];
  };
  const manager = () => (chance(0.9) ? pick(KNOWN_MANAGERS) : 'puppet');

  teamIds.forEach((id, i) => {
    const members = new Set<string>();
    const size = 2 + int(7);
    for (let m = 0; m < size; m++) members.add(pick(personIds));
    const list = [...members];
    const team: Team = {
      kind: 'Team',
      id,
      name: i === 0 ? 'Infrastructure Team' : `${pick(WORDS)} ${pick(NOUNS)} team ${i + 1}`,
      members: list,
      ...(list[0] ? { lead: list[0] } : {}),
      contacts: [
        { type: 'mailing-list', value: `${id}@lists.example.org` },
        ...(chance(0.5) ? [{ type: 'irc' as const, value: `#${id}`, network: 'libera' }] : []),
      ],
      ...(i === 0 ? { role: 'infrastructure' as const } : {}),
    };
    out.push(team);
  });

  personIds.forEach((id) => {
    const first = pick(FIRST);
    const last = pick(LAST);
    const contacts: Contact[] = [
      { type: 'email', value: `${id}@example.org`, ...(chance(0.3) ? { private: true } : {}) },
    ];
    if (chance(0.2))
      contacts.push({ type: 'phone', value: `+1 555 ${pad(int(99999))}`, private: true });
    const person: Person = {
      kind: 'Person',
      id,
      name: `${first} ${last}`,
      handles: { github: `${first}${last}${id.slice(-5)}`.toLowerCase() },
      timezone: pick(ZONES),
      ...(chance(0.8) ? { contacts } : {}),
    };
    out.push(person);
  });

  providerIds.forEach((id, i) => {
    const cdn = i < CDN_PROVIDERS;
    const review = reviewed();
    const provider: Provider = {
      kind: 'Provider',
      id,
      name: cdn ? `${pick(WORDS)} CDN ${i + 1}` : `${pick(WORDS)} Cloud ${i + 1}`,
      provides: cdn ? ['cdn'] : pick(PROVIDES),
      url: `https://${id}.example.com/`,
      account: {
        owners: owners(),
        managed: chance(0.5) ? 'manual' : 'terraform',
        sponsored: chance(0.5),
        renews: isoDaysBefore(today, -int(400)),
      },
      contacts: [{ type: 'url', value: `https://support.${id}.example.com/` }],
      ...(review ? { reviewed: review } : {}),
    };
    out.push(provider);
  });

  const hostIds: string[] = [];
  for (let i = 0; i < shape.hosts; i++) {
    const id = `host-${pad(i + 1)}`;
    hostIds.push(id);
    const dc = `dc${1 + int(9)}`;
    const review = reviewed();
    const host: Host = {
      kind: 'Host',
      id,
      name: `${id}.${dc}.example.org`,
      provider: pickProvider(),
      as: chance(0.9) ? 'vm' : 'hardware',
      managedBy: manager(),
      hostnames: [`${id}.${dc}.example.org`],
      datacenter: dc,
      os: 'Ubuntu 24.04',
      ...(chance(0.9) ? { owners: owners() } : {}),
      ...(review ? { reviewed: review } : {}),
    };
    out.push(host);
  }

  // Dependencies in layers, as in real catalogs: a few platform services (databases, load
  // balancers), shared services on top of them, and applications using both. Only earlier
  // services are named, so the graph is acyclic and shallow (depth 3 at most).
  const platform = Math.max(5, Math.round(shape.services * 0.02));
  const shared = Math.max(5, Math.round(shape.services * 0.05));
  const dependenciesOf = (i: number): number[] => {
    if (i < platform)
      return i > 0 && chance(0.3) ? [int(Math.min(i, Math.ceil(platform * 0.2)))] : [];
    if (i < platform + shared) return Array.from({ length: 1 + int(2) }, () => int(platform));
    return Array.from({ length: int(4) }, () =>
      chance(0.75) ? int(platform) : platform + int(Math.min(shared, i - platform)),
    );
  };

  const serviceIds: string[] = [];
  for (let i = 0; i < shape.services; i++) {
    const word = pick(WORDS);
    const noun = pick(NOUNS);
    const id = `svc-${word}-${noun}-${pad(i + 1)}`;
    const slug = `${word}-${noun}-${i + 1}`;
    const placements = 1 + (chance(0.1) ? 1 : 0);
    const runsOn: NonNullable<Service['runsOn']> = [];
    for (let p = 0; p < placements; p++) {
      if (chance(0.7) && hostIds.length > 0) {
        runsOn.push({ host: pick(hostIds), as: 'vm', managedBy: manager() });
      } else {
        runsOn.push({ provider: pickProvider(), as: chance(0.5) ? 'paas' : 'object-storage' });
      }
    }
    const dependsOn = new Set<string>();
    for (const dep of dependenciesOf(i)) {
      const id = serviceIds[dep];
      if (id !== undefined) dependsOn.add(id);
    }
    const contacts: Contact[] = [];
    if (chance(0.5)) contacts.push({ type: 'mailing-list', value: `${slug}@lists.example.org` });
    if (chance(0.3))
      contacts.push({ type: 'issues', value: `https://github.com/example/${slug}/issues` });
    if (chance(0.1))
      contacts.push({ type: 'email', value: `oncall-${slug}@example.org`, private: true });
    const review = reviewed();
    const service: Service = {
      kind: 'Service',
      id,
      name: `${word[0]?.toUpperCase() ?? ''}${word.slice(1)} ${noun} ${i + 1}`,
      description: `The ${noun} service for the ${word} project.`,
      status: chance(0.9) ? 'active' : chance(0.5) ? 'deprecated' : 'retired',
      urls: [`https://${slug}.example.org/`],
      hostnames: [`${slug}.example.org`, ...(chance(0.02) ? [`*.${slug}.example.net`] : [])],
      poweredBy: pick(SOFTWARE),
      source: `https://github.com/example/${slug}`,
      runsOn,
      ...(chance(0.25) ? { frontedBy: [providerIds[int(CDN_PROVIDERS)] ?? 'provider-00001'] } : {}),
      ...(dependsOn.size > 0 ? { dependsOn: [...dependsOn] } : {}),
      ...(chance(0.95) ? { owners: owners() } : {}),
      ...(contacts.length > 0 ? { contacts } : {}),
      tags: [pick(TAGS), ...(chance(0.3) ? [pick(TAGS)] : [])].filter(
        (t, k, a) => a.indexOf(t) === k,
      ),
      ...(review ? { reviewed: review } : {}),
    };
    serviceIds.push(id);
    out.push(service);
  }
  if (options.dependencyChain) addDependencyChain(out, platform + shared, seed);
  return out;
}

/** Chain every CHAIN_EVERY-th application service (see `SyntheticCatalogOptions.dependencyChain`). */
function addDependencyChain(entities: Entity[], firstApplication: number, seed: number): void {
  // Its own random stream: the rest of the catalog stays as it is without the chain.
  const rnd = randomFrom(seed ^ 0x5eed);
  const services = entities.filter((e): e is Service => e.kind === 'Service');
  const chain: Service[] = [];
  for (let i = firstApplication; i < services.length; i += CHAIN_EVERY) {
    const service = services[i] as Service;
    const back = Math.min(chain.length, CHAIN_WINDOW);
    const target = back > 0 ? chain[chain.length - 1 - Math.floor(rnd() * back)] : undefined;
    if (target) service.dependsOn = [...new Set([...(service.dependsOn ?? []), target.id])];
    service.tags = [...(service.tags ?? []), CHAIN_TAG];
    chain.push(service);
  }
}
