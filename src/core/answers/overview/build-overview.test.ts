import { describe, expect, it } from 'vitest';
import { CatalogIndex } from '../catalog-index.js';
import {
  buildIndex,
  generateSyntheticCatalog,
  person,
  provider,
  psfLikeCatalog,
  service,
  team,
} from '../../../../test/support/test-factories.js';
import { buildOverview } from './build-overview.js';
import { plainText, type Block } from './overview-document.js';
import {
  renderOverviewHtml,
  renderOverviewMarkdown,
  renderOverviewRst,
} from './render-overview.js';

const index = buildIndex(...psfLikeCatalog());
const doc = buildOverview(index, { organization: 'The PSF', title: 'PSF Infrastructure Overview' });
const paragraphs = (blocks: readonly Block[]) =>
  blocks.flatMap((b) => (b.type === 'paragraph' ? [plainText(b.content)] : []));
const headings = (blocks: readonly Block[]) =>
  blocks.flatMap((b) => (b.type === 'heading' ? [`${b.level} ${b.text}`] : []));

describe('buildOverview', () => {
  it('has the structure of the original page', () => {
    expect(headings(doc.blocks)).toEqual([
      '1 PSF Infrastructure Overview',
      '2 The Infrastructure Team',
      '2 Infrastructure Providers',
      '3 Amazon Web Services',
      '3 DigitalOcean',
      '3 Fastly',
      '2 Details of Various Services',
      '3 PyPI file hosting',
      '3 Python documentation',
      '3 Python issue tracker',
      '3 Python Package Index',
    ]);
  });

  it.each([
    'The PSF runs 4 services on 2 hosting providers and uses 1 other provider for a content delivery network (CDN). This page lists them, where they run, and who the main contact points are. It is generated from the catalog: to correct it, change the catalog.',
    'The PSF uses 3 providers for its infrastructure; its services run on 2 of them.',
    "The Infrastructure Team looks after the PSF's infrastructure and is the last resort for any question this page does not answer.",
    'The best way to reach the team is the mailing list infrastructure-staff@python.org or the #python-infra channel on Libera.',
    'Fastly donates a content delivery network (CDN) to the PSF. It fronts Python documentation and Python Package Index. The account is held by Ee Durbin and Donald Stufft.',
    'DigitalOcean provides hosting to the PSF. It hosts Python documentation and Python issue tracker. It runs the machine bugs.nyc1.psf.io. The account is held by Ee Durbin and managed by hand. To reach them, use cloudsupport.digitalocean.com.',
    'Python documentation is hosted on a DigitalOcean VM, served through Fastly, and owned by Julien Palard. It is managed by Salt.',
    'Python issue tracker is hosted on bugs.nyc1.psf.io (a DigitalOcean VM) and owned by Zach Ware. Powered by: Roundup. It is managed by Salt.',
    'PyPI file hosting is hosted in Amazon Web Services object storage and owned by the Infrastructure Team. It depends on Python Package Index.',
    'You can reach it at https://pypi.org/. It answers on *.pythonhosted.org.',
    'To get in touch, use e-mail to admin@pypi.org. Ee Durbin can be reached through e-mail to ee@example.org.',
  ])('reads like a person wrote it: %s', (sentence) => {
    expect(paragraphs(doc.blocks)).toContain(sentence);
  });

  it('puts a description after the sentence that names the entity', () => {
    const idx = buildIndex(
      team('t', { name: 'Ops', role: 'infrastructure', description: 'Keeps things running' }),
      provider('p', {
        name: 'Host Co',
        provides: ['hosting', 'managed-database'],
        description: 'Our main host.',
      }),
      service('s', { name: 'Site', owners: ['t'], description: 'The main site' }),
    );
    const text = paragraphs(buildOverview(idx).blocks);
    expect(text).toContain(
      "The Ops looks after the foundation's infrastructure and is the last resort for any question this page does not answer. Keeps things running.",
    );
    expect(text).toContain(
      'Host Co provides hosting and managed databases to the foundation. Our main host.',
    );
    expect(text).toContain('Site is owned by the Ops. The main site.');
  });

  it('lists the team members with their roles, the lead marked', () => {
    const list = doc.blocks.find((b) => b.type === 'list');
    expect(list?.type === 'list' && list.items.map(plainText)).toEqual([
      'Donald Stufft',
      'Ee Durbin (Director of Infrastructure, team lead)',
    ]);
  });

  it('says what is missing instead of leaving gaps', () => {
    const idx = buildIndex(
      service('x', { name: 'X' }),
      service('old', { name: 'Old', status: 'retired' }),
      provider('gone', { name: 'Gone', status: 'former' }),
    );
    const text = paragraphs(buildOverview(idx).blocks).join('\n');
    expect(text).toContain(
      'No team is marked as the infrastructure team in the catalog (role: infrastructure).',
    );
    expect(text).toContain('The catalog says little yet about X. Nobody is recorded as owning it.');
    expect(text).toContain('One service is retired and not counted on this page: Old.');
    expect(text).toContain('Former providers, no longer in use: Gone.');
    expect(text).toContain(
      'The foundation runs 1 service. This page lists them, where they run, and who the main contact points are (1 retired service is listed at the end, not counted here).',
    );
  });

  it('names at most twenty services in one sentence', () => {
    const idx = CatalogIndex.build(generateSyntheticCatalog(600, 4));
    const big = paragraphs(buildOverview(idx).blocks).find((p) => / more\./.test(p));
    expect(big).toMatch(/It hosts ([^,.]+, ){19}and \d+ more\./);
  });

  it('adds a closing line when generatedOn is given, and honours intro', () => {
    const d = buildOverview(index, { generatedOn: '2026-11-01', intro: 'Hello.' });
    expect(paragraphs(d.blocks)[0]).toBe('Hello.');
    expect(paragraphs(d.blocks).at(-1)).toBe('Generated from the catalog on 2026-11-01.');
  });
});

describe('the three formats', () => {
  const catalog = [
    ...psfLikeCatalog(),
    service('linked', {
      name: 'Linked',
      urls: ['https://linked.example.org/a', 'http://linked.example.org/b'],
      source: 'https://github.com/python/linked',
      docs: 'https://docs.example.org/linked/',
      links: [{ url: 'https://grafana.example.org/d/1', title: 'Dashboard' }],
      runsOn: [
        {
          provider: 'digitalocean',
          managedBy: 'salt',
          config: 'https://github.com/python/psf-salt',
        },
      ],
      owners: ['infra'],
    }),
    team('quiet', {
      name: 'Quiet',
      contacts: [{ type: 'email', value: 'quiet-secret@example.org', private: true }],
    }),
    person('hidden', { contacts: [{ type: 'phone', value: '+1 555 0100', private: true }] }),
  ];
  const idx = buildIndex(...catalog);
  const urls = [
    'https://linked.example.org/a',
    'http://linked.example.org/b',
    'https://github.com/python/linked',
    'https://docs.example.org/linked/',
    'https://grafana.example.org/d/1',
    'https://github.com/python/psf-salt',
    'https://www.digitalocean.com/',
    'mailto:infrastructure-staff@python.org',
    'mailto:admin@pypi.org',
  ];

  it.each([
    ['Markdown', renderOverviewMarkdown(idx), (u: string) => `](${u})`],
    ['reStructuredText', renderOverviewRst(idx), (u: string) => `<${u}>\`__`],
    ['HTML', renderOverviewHtml(idx), (u: string) => `href="${u}"`],
  ])('%s keeps every link a real link and shows no private contact', (_format, output, asLink) => {
    for (const url of urls) expect(output).toContain(asLink(url));
    for (const secret of [
      'ee-home@example.org',
      'donald@example.org',
      'bugs-oncall@example.org',
      'quiet-secret@example.org',
      '555 0100',
    ]) {
      expect(output).not.toContain(secret);
    }
  });
});
