/**
 * Factories for tests: small builders for each kind and contact type, a small
 * PSF-like catalog, and the synthetic generator. Builders default `name` to the id.
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
import { CatalogIndex } from '../../src/core/answers/catalog-index.js';

export { generateSyntheticCatalog, syntheticShape } from './synthetic-catalog.js';

type Fields<E extends Entity> = Partial<Omit<E, 'kind' | 'id'>>;

export const service = (id: string, fields: Fields<Service> = {}): Service => ({
  kind: 'Service',
  id,
  name: id,
  ...fields,
});
export const host = (id: string, fields: Fields<Host> = {}): Host => ({
  kind: 'Host',
  id,
  name: id,
  ...fields,
});
export const provider = (id: string, fields: Fields<Provider> = {}): Provider => ({
  kind: 'Provider',
  id,
  name: id,
  ...fields,
});
export const person = (id: string, fields: Fields<Person> = {}): Person => ({
  kind: 'Person',
  id,
  name: id,
  ...fields,
});
export const team = (id: string, fields: Fields<Team> = {}): Team => ({
  kind: 'Team',
  id,
  name: id,
  ...fields,
});

export const email = (value: string, extra: Partial<Contact> = {}): Contact => ({
  type: 'email',
  value,
  ...extra,
});
export const privateEmail = (value: string): Contact => ({ type: 'email', value, private: true });
export const mailingList = (value: string): Contact => ({ type: 'mailing-list', value });
export const irc = (channel: string, network = 'libera'): Contact => ({
  type: 'irc',
  value: channel,
  network,
});
export const issues = (url: string): Contact => ({ type: 'issues', value: url });

export const buildIndex = (...entities: Entity[]): CatalogIndex => CatalogIndex.build(entities);

/**
 * A small catalog shaped like the PSF's: an infrastructure team, two hosting providers and a CDN,
 * a host, and services owned by people, by the team, or by nobody.
 */
export function psfLikeCatalog(): Entity[] {
  return [
    team('infra', {
      name: 'Infrastructure Team',
      role: 'infrastructure',
      lead: 'ee',
      members: ['ee', 'donald'],
      contacts: [mailingList('infrastructure-staff@python.org'), irc('#python-infra')],
    }),
    person('ee', {
      name: 'Ee Durbin',
      roles: ['Director of Infrastructure'],
      contacts: [email('ee@example.org'), privateEmail('ee-home@example.org')],
    }),
    person('donald', { name: 'Donald Stufft', contacts: [privateEmail('donald@example.org')] }),
    person('julien', { name: 'Julien Palard', contacts: [email('julien@example.org')] }),
    person('zach', { name: 'Zach Ware' }),
    provider('digitalocean', {
      name: 'DigitalOcean',
      provides: ['hosting'],
      url: 'https://www.digitalocean.com/',
      account: { owners: ['ee'], managed: 'manual' },
      contacts: [{ type: 'url', value: 'https://cloudsupport.digitalocean.com/' }],
    }),
    provider('fastly', {
      name: 'Fastly',
      provides: ['cdn'],
      account: { owners: ['ee', 'donald'], sponsored: true },
    }),
    provider('aws', { name: 'Amazon Web Services', provides: ['hosting', 'object-storage'] }),
    host('bugs-nyc1', {
      name: 'bugs.nyc1.psf.io',
      provider: 'digitalocean',
      as: 'vm',
      managedBy: 'salt',
      hostnames: ['bugs.nyc1.psf.io'],
      owners: ['infra'],
    }),
    service('bugs', {
      name: 'Python issue tracker',
      poweredBy: 'Roundup',
      urls: ['https://bugs.python.org/'],
      hostnames: ['bugs.python.org'],
      runsOn: [{ host: 'bugs-nyc1', as: 'vm', managedBy: 'salt' }],
      owners: ['zach'],
      contacts: [privateEmail('bugs-oncall@example.org')],
    }),
    service('docs', {
      name: 'Python documentation',
      urls: ['https://docs.python.org/'],
      hostnames: ['docs.python.org'],
      runsOn: [{ provider: 'digitalocean', as: 'vm', managedBy: 'salt' }],
      frontedBy: ['fastly'],
      owners: ['julien'],
    }),
    service('pypi', {
      name: 'Python Package Index',
      urls: ['https://pypi.org/'],
      hostnames: ['pypi.org', '*.pythonhosted.org'],
      runsOn: [{ provider: 'aws', as: 'cloud', managedBy: 'terraform' }],
      frontedBy: ['fastly'],
      owners: ['ee', 'donald'],
      contacts: [email('admin@pypi.org')],
    }),
    service('pypi-files', {
      name: 'PyPI file hosting',
      hostnames: ['files.pythonhosted.org'],
      runsOn: [{ provider: 'aws', as: 'object-storage' }],
      dependsOn: ['pypi'],
      owners: ['infra'],
    }),
  ];
}
