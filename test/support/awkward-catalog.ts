/** A catalog whose text tries every markup trick, for the overview's escaping tests. */
import { displayContact } from '../../src/core/contact-display.js';
import type { Entity } from '../../src/core/schema/entity.schema.js';
import { isEmail } from '../../src/core/schema/primitives.schema.js';
import {
  email,
  irc,
  mailingList,
  person,
  privateEmail,
  provider,
  service,
  team,
} from './test-factories.js';

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

/**
 * Text that would become a link, a role, a directive, a substitution, a footnote, a target, raw
 * HTML or an autolink in some output format if it were not escaped, and invisible characters.
 * Only the catalog's URL fields may ever become links.
 */
export const HOSTILE_TEXTS = [
  'See javascript:alert(document.domain) for details.',
  'JavaScript:alert(1) jaVascript:alert(2) vbscript:msgbox(3) data:text/html,<script>alert(4)</script>',
  'Visit http://evil.example/plain or https://evil.example/secure today',
  'Autolinks <http://evil.example/auto> <javascript:alert(5)> <evil@evil.example>',
  'Mail evil@evil.example, mailto:evil@evil.example or xmpp:evil@evil.example',
  'Bare www.evil.example, evil-domain.com and ftp://evil.example/file and file:///etc/passwd',
  'irc://evil.example/chan ircs://evil.example/chan news:comp.lang.python telnet://evil.example',
  '`click <javascript:alert(6)>`_ and `rst <http://evil.example/rst>`__ and name_ and anon__',
  ':raw-html:`<b>raw</b>` and :ref:`target` and :doc:`/etc/passwd` and `interpreted`',
  '.. raw:: html',
  '.. _target: http://evil.example/target',
  '.. |sub| replace:: http://evil.example/sub',
  '|sub| and [#]_ and [1]_ and [CIT2002]_ and _`inline target`',
  '[md](http://evil.example/md) ![img](http://evil.example/i.png) [ref][1] [1]: http://evil.example/ref',
  '<a href="javascript:alert(7)">html</a> <img src=x onerror=alert(8)> <script>alert(9)</script>',
  '&#106;avascript:alert(10) &lt;script&gt; javascript&colon;alert(11)',
  'evil\u202Egnp.exe and zero\u200Bwidth and \u2066isolate\u2069 and \u001B[31mred\u001B[0m',
  'A line\nbreak, a tab\tand a carriage\rreturn',
] as const;

/** The hostile texts in every field the overview shows as text, and a few broken URL fields. */
export function hostileCatalog(): Entity[] {
  const text = (i: number) => HOSTILE_TEXTS[i % HOSTILE_TEXTS.length] ?? '';
  return [
    team('infra', {
      name: text(0),
      role: 'infrastructure',
      description: HOSTILE_TEXTS.join(' '),
      members: ['mallory'],
      contacts: [mailingList('infra@example.org'), irc('#infra')],
    }),
    person('mallory', {
      name: text(2),
      roles: [...HOSTILE_TEXTS],
      contacts: [
        // Not valid in a catalog file any more, but a database may hold it from before.
        email('security?cc=attacker@evil.example&body=send-keys@python.org'),
        email('mallory@example.org'),
      ],
    }),
    provider('evil-host', {
      name: text(4),
      url: 'https://provider.example.org/',
      description: text(5),
      provides: [...HOSTILE_TEXTS],
    }),
    ...HOSTILE_TEXTS.map((value, i) =>
      service(`h${i}`, {
        name: value,
        description: HOSTILE_TEXTS.join(' '),
        poweredBy: text(i + 1),
        urls: [`https://h${i}.example.org/`],
        hostnames: [`h${i}.example.org`, `www.h${i}-other.example.com`],
        runsOn: [{ provider: 'evil-host', as: 'vm', role: text(i + 2) }],
        owners: ['infra', 'mallory'],
        links: [
          { url: `https://docs.example.org/h${i}`, title: text(i + 3) },
          // Never valid in a catalog file; shown as text if a database holds it.
          { url: 'javascript:alert(12)', title: 'bad link' },
        ],
        contacts: [{ type: 'url', value: `https://contact.example.org/h${i}` }],
      }),
    ),
  ];
}

const ALLOWED_SCHEMES = ['http:', 'https:', 'mailto:', 'irc:', 'ircs:'];

/**
 * Every link an overview of `entities` may hold: the URLs of URL fields (and of contacts) that use
 * an allowed scheme, and mailto: links to plain addresses. Anything else in an output is a leak.
 */
export function allowedLinkTargets(entities: readonly Entity[]): Set<string> {
  const out = new Set<string>();
  const add = (url: string | undefined) => {
    if (url === undefined) return;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return;
    }
    if (!ALLOWED_SCHEMES.includes(parsed.protocol)) return;
    if (parsed.protocol === 'mailto:' && !isEmail(url.slice('mailto:'.length))) return;
    out.add(url);
  };
  for (const entity of entities) {
    const e = entity as Partial<Record<string, unknown>>;
    for (const field of ['url', 'source', 'docs'] as const) {
      if (typeof e[field] === 'string') add(e[field]);
    }
    if (Array.isArray(e.urls)) for (const u of e.urls as string[]) add(u);
    if (Array.isArray(e.links)) for (const l of e.links as { url: string }[]) add(l.url);
    if (Array.isArray(e.runsOn)) for (const p of e.runsOn as { config?: string }[]) add(p.config);
    if (Array.isArray(e.contacts)) {
      for (const c of e.contacts as Parameters<typeof displayContact>[0][]) {
        add(displayContact(c).href);
        if (c.type === 'url' || c.type === 'issues' || c.type === 'chat' || c.type === 'matrix')
          add(c.value);
      }
    }
  }
  return out;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return String.fromCodePoint(code);
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

function normalizeUrl(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Every link or resource an HTML page points to (`href`, `src`, `action`, ... attributes,
 * entity references decoded) that is neither an anchor on the page (`#...`) nor one of `allowed`.
 * Empty when catalog text made no link of its own.
 */
export function unexpectedLinks(html: string, allowed: ReadonlySet<string>): string[] {
  const permitted = new Set([...allowed].map(normalizeUrl));
  const out: string[] = [];
  const attribute =
    /\s(href|src|srcset|action|formaction|xlink:href|poster|background|data)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/gi;
  // Attributes of tags only: text that merely reads `href="..."` is no link.
  for (const [tag] of html.matchAll(/<[a-z][^>]*>/gi)) {
    for (const m of tag.matchAll(attribute)) {
      const value = decodeEntities(m[3] ?? m[4] ?? m[5] ?? '').trim();
      if (value.startsWith('#') && !/\s/.test(value)) continue;
      if (!permitted.has(normalizeUrl(value))) out.push(`${m[1]}=${value}`);
    }
  }
  return out;
}

/**
 * Tags and attributes of an HTML page that catalog text must never produce: scripts, embedded
 * content, forms, event handlers, and the <b> of the hostile texts' raw HTML. Text that merely
 * reads like them (escaped) is fine.
 */
export function activeContent(html: string): string[] {
  const out: string[] = [];
  for (const [tag] of html.matchAll(/<[a-z][^>]*>/gi)) {
    if (/^<(script|img|iframe|object|embed|form|input|svg|math|link|meta|base|b)\b/i.test(tag))
      out.push(tag);
    else if (/\son[a-z]+\s*=|\sstyle\s*=|javascript:/i.test(tag)) out.push(tag);
  }
  return out;
}
