import { describe, expect, it } from 'vitest';
import {
  buildIndex,
  host,
  irc,
  provider,
  psfLikeCatalog,
  service,
  team,
} from '../../../../test/support/test-factories.js';
import { buildOverview } from './build-overview.js';
import { containsTerm, restates, serviceAliases } from './mentions.js';
import { plainText, type Block } from './overview-document.js';
import { article, providesNoun } from './provides-phrase.js';
import {
  renderOverviewHtml,
  renderOverviewMarkdown,
  renderOverviewRst,
} from './render-overview.js';

const paragraphs = (blocks: readonly Block[]) =>
  blocks.flatMap((b) => (b.type === 'paragraph' ? [plainText(b.content)] : []));
const lists = (blocks: readonly Block[]) =>
  blocks.flatMap((b) => (b.type === 'list' ? [b.items.map(plainText)] : []));

describe('what a provider provides', () => {
  it.each([
    ['package-repository', 'a package repository'],
    ['container-registry', 'a container registry'],
    ['managed-database', 'managed databases'],
    ['source-hosting', 'source hosting'],
    ['error-reporting', 'error reporting'],
    ['log-streaming', 'log streaming'],
    ['infrastructure-as-code-runs', 'infrastructure as code runs'],
    ['dashboards', 'dashboards'],
    ['object-storage', 'object storage'],
    ['SMTP-relay', 'an SMTP relay'],
    ['issue-tracker', 'an issue tracker'],
    ['CI', 'continuous integration'],
    ['DNSSEC', 'DNSSEC'],
    ['cdn', 'a content delivery network (CDN)'],
  ])('%s reads as "provides %s"', (value, phrase) => {
    expect(providesNoun(value)).toBe(phrase);
  });

  it.each([
    ['DigitalOcean VM', 'a'],
    ['Oregon State University machine', 'an'],
    ['SMTP relay', 'an'],
    ['VPN', 'a'],
    ['university server', 'a'],
    ['hour of support', 'an'],
  ])('"%s" takes "%s"', (phrase, expected) => {
    expect(article(phrase)).toBe(expected);
  });
});

describe('mentions', () => {
  it.each([
    ['Hosts discuss.python.org.', 'discuss.python.org', true],
    ["Runs all of PyPI's infrastructure", 'PyPI', true],
    ['Hosts discuss.python.org.uk', 'discuss.python.org', false],
    ['Hosts xdiscuss.python.org', 'discuss.python.org', false],
    ['The PyPIs', 'PyPI', false],
    ['py', 'py', false],
  ])('containsTerm(%j, %j) is %s', (text, term, expected) => {
    expect(containsTerm(text, term)).toBe(expected);
  });

  it('knows a service by its name, the parts of it that name, and its hostnames', () => {
    const s = service('pypi', {
      name: 'Python Package Index (PyPI)',
      hostnames: ['pypi.org', '*.pythonhosted.org'],
    });
    expect(serviceAliases(s)).toEqual([
      'Python Package Index (PyPI)',
      'Python Package Index',
      'PyPI',
      'pypi.org',
    ]);
    expect(serviceAliases(service('w', { name: 'wiki.python.org (static archive)' }))).toEqual([
      'wiki.python.org (static archive)',
      'wiki.python.org',
    ]);
  });

  it.each([
    ['Metrics, dashboards and alerts.', ['metrics', 'dashboards', 'alerting'], true],
    ['Monitoring; complains when services are down.', ['monitoring'], false],
    ['', ['monitoring'], false],
  ])('restates(%j, %j) is %s', (description, phrases, expected) => {
    expect(restates(description, phrases)).toBe(expected);
  });
});

describe('the overview says things once and truthfully', () => {
  const catalog = [
    team('infra', { name: 'Infra', role: 'infrastructure', contacts: [irc('#python-infra')] }),
    provider('do', { name: 'DigitalOcean', provides: ['hosting', 'managed-database'] }),
    provider('disc', {
      name: 'Discourse',
      provides: ['hosting'],
      description: 'Hosts discuss.python.org.',
    }),
    provider('aws', {
      name: 'AWS',
      provides: ['hosting'],
      description: "Runs all of PyPI's infrastructure.",
    }),
    provider('dd', {
      name: 'DataDog',
      provides: ['metrics', 'dashboards', 'alerting'],
      description: 'Metrics, dashboards and alerts.',
    }),
    provider('pc', { name: 'packagecloud', provides: ['package-repository'] }),
    provider('r53', { name: 'Route 53', provides: ['dns'] }),
    provider('gone', { name: 'Gone', status: 'former', provides: ['hosting'] }),
    ...['h1', 'h2', 'h3', 'h4'].map((id) =>
      host(id, { name: `${id}.psf.io`, provider: 'do', as: 'vm' }),
    ),
    service('a', { name: 'Alpha', runsOn: [{ host: 'h1' }, { host: 'h2' }, { host: 'h3' }] }),
    service('b', { name: 'Beta', runsOn: [{ host: 'h1' }], owners: ['infra'] }),
    service('old', { name: 'Old thing', status: 'retired', runsOn: [{ host: 'h4' }] }),
    service('old-r53', { name: 'Old DNS app', status: 'retired', runsOn: [{ provider: 'r53' }] }),
    service('pg', { name: 'Shared PostgreSQL', runsOn: [{ provider: 'do', as: 'managed' }] }),
    service('discuss', {
      name: 'discuss.python.org (forum)',
      hostnames: ['discuss.python.org'],
      runsOn: [{ provider: 'disc' }],
    }),
    service('pypi', { name: 'Python Package Index (PyPI)', runsOn: [{ provider: 'aws' }] }),
    service('www', {
      name: 'www.python.org',
      runsOn: [{ provider: 'aws' }],
      poweredBy: 'HAProxy reverse proxy to www.example.com',
    }),
  ];
  const doc = buildOverview(buildIndex(...catalog), { organization: 'The PSF' });
  const text = paragraphs(doc.blocks);

  it.each([
    // Retired services count nowhere; Route 53 runs only a retired one, so it is not hosting.
    'The PSF runs 6 services on 3 hosting providers and uses 3 other providers for metrics, a package repository, and DNS hosting. This page lists them, where they run, and who the main contact points are (2 retired services are listed at the end, not counted here). It is generated from the catalog: to correct it, change the catalog.',
    'The PSF uses 6 providers for its infrastructure; its services run on 3 of them.',
    'Discourse provides hosting to the PSF. Hosts discuss.python.org.',
    "AWS provides hosting to the PSF. Runs all of PyPI's infrastructure. It also hosts www.python.org.",
    'DataDog provides metrics, dashboards, and alerting to the PSF.',
    'packagecloud provides a package repository to the PSF.',
    'DigitalOcean provides hosting and managed databases to the PSF. It hosts Shared PostgreSQL. It runs 4 machines for the PSF:',
    'This section lists each of the 6 current services, where it runs, and whom to contact about it. Retired services are named at the end and not described.',
    '2 services are retired and not counted on this page: Old DNS app and Old thing.',
    'Alpha is hosted on h1.psf.io (a DigitalOcean VM), on h2.psf.io (a DigitalOcean VM), and on h3.psf.io (a DigitalOcean VM). Nobody is recorded as owning it.',
    'Beta is hosted on h1.psf.io (a DigitalOcean VM) and owned by the Infra.',
    'www.python.org is hosted on AWS. Powered by: HAProxy reverse proxy to www.example.com. Nobody is recorded as owning it.',
  ])('%s', (sentence) => {
    expect(text).toContain(sentence);
  });

  it('lists a provider’s machines with the current services on each, after its paragraph', () => {
    expect(lists(doc.blocks)).toContainEqual([
      'h1.psf.io: Alpha and Beta',
      'h2.psf.io: Alpha',
      'h3.psf.io: Alpha',
      'h4.psf.io (no current service recorded)',
    ]);
    const i = doc.blocks.findIndex(
      (b) => b.type === 'paragraph' && plainText(b.content).startsWith('DigitalOcean provides'),
    );
    expect(doc.blocks[i + 1]?.type).toBe('list');
  });

  it('never says the same thing twice or fits free text into a sentence', () => {
    const all = text.join('\n');
    expect(all).not.toMatch(/It hosts discuss\.python\.org|It hosts Python Package Index/);
    expect(all).not.toContain('Metrics, dashboards and alerts.');
    expect(all).not.toMatch(/is powered by|provides package repository/);
  });

  it('names hosts in a sentence when a provider has one or two', () => {
    const one = buildOverview(
      buildIndex(
        provider('osl', { name: 'OSL', provides: ['hardware-hosting'] }),
        host('m', { name: 'm.osl.org', provider: 'osl', as: 'hardware' }),
        service('s', { name: 'Speed', runsOn: [{ host: 'm' }] }),
      ),
    );
    expect(paragraphs(one.blocks)).toContain(
      'OSL provides hardware hosting to the foundation. It hosts Speed. It runs the machine m.osl.org.',
    );
    expect(lists(one.blocks)).toEqual([]);
  });
});

describe('IRC channels are links in every format', () => {
  const idx = buildIndex(...psfLikeCatalog());
  it.each([
    [
      'Markdown',
      renderOverviewMarkdown(idx),
      '[#python-infra](ircs://irc.libera.chat/python-infra)',
    ],
    [
      'reStructuredText',
      renderOverviewRst(idx),
      '`#python-infra <ircs://irc.libera.chat/python-infra>`__',
    ],
    [
      'HTML',
      renderOverviewHtml(idx),
      '<a href="ircs://irc.libera.chat/python-infra">#python-infra</a> channel on Libera',
    ],
  ])('%s', (_format, output, expected) => {
    expect(output).toContain(expected);
  });

  it('leaves a channel on an unknown network as text', () => {
    const md = renderOverviewMarkdown(
      buildIndex(
        team('t', { name: 'T', role: 'infrastructure', contacts: [irc('#ops', 'somenet')] }),
      ),
    );
    expect(md).toContain('the #ops channel on Somenet.');
    expect(md).not.toContain('](irc');
  });
});
