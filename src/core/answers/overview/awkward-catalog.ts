/** A catalog whose text tries every markup trick, for the overview's escaping tests. */
import type { Entity } from '../../schema/entity.schema.js';
import {
  email,
  irc,
  mailingList,
  person,
  privateEmail,
  provider,
  service,
  team,
} from '../test-factories.js';

export const AWKWARD_NAMES = [
  '*',
  '`rm -rf /`',
  'snake_case_name_',
  '<script>alert(1)</script>',
  '1. Not a list',
  '- dash first',
  '.. comment?',
  'A. Smith & Co &amp;',
  '|substitution|',
  '[1]_ footnote',
  'Ends with::',
  '# not a heading',
  '東京 service',
  '**bold** _it_ [link](http://evil.example/)',
] as const;

export function awkwardCatalog(): Entity[] {
  return [
    team('infra', {
      name: 'Infra_team*',
      role: 'infrastructure',
      members: ['weird'],
      contacts: [mailingList('infra@example.org'), irc('#infra_*chan')],
    }),
    person('weird', {
      name: '<b>Weird</b> `Person`',
      roles: ['Lead <dev> & *chief*'],
      contacts: [email('weird@example.org'), privateEmail('secret@example.org')],
    }),
    provider('cdn', {
      name: 'CDN_ <Inc>',
      url: 'https://cdn.example.org/a_(b)_',
      provides: ['cdn', 'weird *thing*'],
      account: { owners: ['infra'], sponsored: true, managed: 'hand_made' },
    }),
    ...AWKWARD_NAMES.map((name, i) =>
      service(`s${i}`, {
        name,
        description: `Line one\nline two with \`code\` and a trailing colon::`,
        urls: [`https://s${i}.example.org/path_with_underscore_`],
        hostnames: [`*.s${i}.example.org`],
        runsOn: [
          {
            provider: 'cdn',
            as: 'vm',
            managedBy: 'salt',
            config: 'https://github.com/python/psf-salt',
          },
        ],
        frontedBy: ['cdn'],
        owners: ['weird', 'infra'],
        source: 'https://github.com/example/repo_(x)',
        links: [{ url: 'https://example.org/runbook', title: 'Runbook <1>' }],
        contacts: [mailingList(`s${i}@example.org`), privateEmail(`hidden${i}@example.org`)],
      }),
    ),
    service('dup-a', { name: 'Same name', urls: ['https://a.example.org/'] }),
    service('dup-b', { name: 'Same name', urls: ['https://b.example.org/'] }),
  ];
}
