/**
 * Hostile input never crashes or hangs the loader: each case gives one clear finding naming the
 * file. Committed fixtures hold the small cases; the big ones are generated into a temp folder.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../core/finding.js';
import { findInvisible } from '../core/visible-text.js';
import { loadCatalog, type LoadCatalogOptions } from './load-catalog.js';

const HOSTILE = join(import.meta.dirname, '../../test/fixtures/catalogs/hostile');
const TODAY = new Date('2026-11-27T12:00:00Z');

function brief(f: Finding): string {
  const at = f.location ? `${f.location.file}:${f.location.line}:${f.location.column}` : '-';
  return `${at} ${f.entityId ?? '-'} ${f.code}`;
}

async function findingsOf(path: string, options: LoadCatalogOptions = {}): Promise<Finding[]> {
  return (await loadCatalog(path, { today: TODAY, ...options })).findings;
}

describe('hostile fixtures', () => {
  const cases: { file: string; shows: string; options?: LoadCatalogOptions; findings: string[] }[] =
    [
      {
        file: 'alias-bomb.yaml',
        shows: 'a billion-laughs alias bomb is refused at its first alias',
        findings: ['alias-bomb.yaml:6:8 laughs yaml.alias_limit'],
      },
      {
        file: 'proto-keys.yaml',
        shows: '__proto__ and constructor keys are unknown fields, wherever they are',
        findings: [
          'proto-keys.yaml:4:1 proto field.unknown',
          'proto-keys.yaml:5:1 proto field.unknown',
          'proto-keys.yaml:9:5 proto field.unknown',
        ],
      },
      {
        file: 'proto-in-map.yaml',
        shows: 'a __proto__ key inside a map (which zod skips silently) is an unknown field too',
        findings: ['proto-in-map.yaml:6:3 proto-map field.unknown'],
      },
      {
        file: 'self-alias.yaml',
        shows: 'aliases that make a value contain itself are reported, not walked forever',
        findings: [
          'self-alias.yaml:5:15 circular field.type',
          'self-alias.yaml:6:17 circular field.type',
          'self-alias.yaml:6:24 circular field.type',
        ],
      },
      {
        file: 'not-a-mapping.yaml',
        shows: 'documents that are a scalar, a list or a number',
        findings: [
          'not-a-mapping.yaml:1:1 - document.not_mapping',
          'not-a-mapping.yaml:3:1 - document.not_mapping',
          'not-a-mapping.yaml:6:1 - document.not_mapping',
        ],
      },
      {
        file: 'wildcard-hostname.yaml',
        shows: 'an unquoted *.host name, which YAML reads as an alias',
        findings: ['wildcard-hostname.yaml:6:5 pythonhosted yaml.unquoted_wildcard'],
      },
      {
        file: 'binary.yaml',
        shows: 'a binary file (NUL bytes), at the first NUL',
        findings: ['binary.yaml:5:1 - file.binary'],
      },
      {
        file: 'latin1.yaml',
        shows: 'invalid UTF-8, at the offending byte',
        findings: ['latin1.yaml:3:11 - file.encoding'],
      },
      {
        file: 'too-large.yaml',
        shows: 'a file over the size cap is reported and not read',
        options: { maxFileBytes: 16 },
        findings: ['too-large.yaml:1:1 - file.too_large'],
      },
      {
        file: 'anchors-ok.yaml',
        shows: 'anchors and aliases within the limits are read, and findings inside them located',
        findings: [
          'anchors-ok.yaml:3:1 anchored service.no_contact',
          'anchors-ok.yaml:3:1 anchored service.no_owner',
          'anchors-ok.yaml:14:1 anchored-person field.unknown',
        ],
      },
      {
        file: 'invisible-text.yaml',
        shows: 'invisible and control characters: errors in ids and names, warnings in other text',
        findings: [
          'invisible-text.yaml:10:11 infra text.invisible',
          'invisible-text.yaml:14:7 spoof name.invisible',
          'invisible-text.yaml:18:5 isolate\u2066 id.invalid',
          'invisible-text.yaml:25:14 described text.invisible',
          'invisible-text.yaml:26:8 described text.invisible',
          'invisible-text.yaml:30:12 described text.invisible',
          'invisible-text.yaml:34:7 two-lines name.invisible',
        ],
      },
      {
        file: 'mailto-contact.yaml',
        shows: 'an e-mail contact written as a mailto: URL or with ?cc=…&body=… parameters',
        findings: [
          'mailto-contact.yaml:7:12 mallory email.mailto',
          'mailto-contact.yaml:9:12 mallory email.mailto',
          'mailto-contact.yaml:11:12 mallory email.mailto',
          'mailto-contact.yaml:13:12 mallory email.mailto',
        ],
      },
    ];

  it.each(cases)('$file: $shows', async ({ file, options, findings }) => {
    expect((await findingsOf(join(HOSTILE, file), options)).map(brief)).toEqual(findings);
  });

  it('explains the wildcard and the alias bomb in words', async () => {
    const [wildcard] = await findingsOf(join(HOSTILE, 'wildcard-hostname.yaml'));
    expect(wildcard?.message).toBe(
      '*.pythonhosted.org is read by YAML as an alias, not as text: quote wildcard hostnames ("*.pythonhosted.org")',
    );
    const [bomb] = await findingsOf(join(HOSTILE, 'alias-bomb.yaml'));
    expect(bomb?.message).toContain('alias bomb');
  });

  it('names the invisible character and shows it escaped, never raw, in the message', async () => {
    const findings = await findingsOf(join(HOSTILE, 'invisible-text.yaml'));
    const message = (code: string, id: string) =>
      findings.find((f) => f.code === code && f.entityId === id)?.message;
    expect(message('name.invisible', 'spoof')).toBe(
      'name: names cannot hold U+202E RIGHT-TO-LEFT OVERRIDE: invisible and control characters make a name read differently from what it is, not "evil\\u202Egnp.exe"',
    );
    expect(message('name.invisible', 'two-lines')).toContain('U+000A LINE FEED');
    expect(message('id.invalid', 'isolate\u2066')).toContain('not "isolate\\u2066"');
    const described = findings.filter((f) => f.entityId === 'described').map((f) => f.message);
    expect(described).toEqual([
      'description holds U+001B ESCAPE, an invisible or control character (outputs show it as \\u001B): "… fine here, but not \\u001B[31mescapes\\u001B[0m."',
      'notes holds U+FEFF ZERO WIDTH NO-BREAK SPACE, an invisible or control character (outputs show it as \\uFEFF): "An invisible \\uFEFF no-break space"',
      'links[0].title holds U+2067 RIGHT-TO-LEFT ISOLATE, an invisible or control character (outputs show it as \\u2067): "right\\u2067to left"',
    ]);
    for (const f of findings) expect(findInvisible(f.message), f.message).toBeUndefined();
  });

  it('still accepts a plain address with + and an apostrophe', async () => {
    const findings = await findingsOf(join(HOSTILE, 'mailto-contact.yaml'));
    expect(findings.some((f) => f.path?.[1] === 4)).toBe(false);
    expect(findings[1]?.message).toContain('no "mailto:", and no "?", "&", "#" or "%"');
  });

  it('does not pollute Object.prototype', async () => {
    await findingsOf(join(HOSTILE, 'proto-keys.yaml'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('keeps the size-capped file out of entities but lists it', async () => {
    const catalog = await loadCatalog(join(HOSTILE, 'too-large.yaml'), { maxFileBytes: 16 });
    expect(catalog.files).toEqual(['too-large.yaml']);
    expect(catalog.entities).toEqual([]);
    expect(catalog.findings[0]?.message).toContain('over the 16 bytes limit; it was not read');
  });
});

describe('generated hostile files', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'switchboard-hostile-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const cases: {
    file: string;
    shows: string;
    content: () => string | Buffer;
    findings: string[];
  }[] = [
    {
      file: 'flow-deep.yaml',
      shows: '100,000 nested [',
      content: () => `kind: Person\nid: deep\nname: ${'['.repeat(100_000)}\n`,
      findings: ['flow-deep.yaml:3:1 - yaml.too_deep'],
    },
    {
      file: 'seq-deep.yaml',
      shows: 'a million compact "- " levels',
      content: () => `${'- '.repeat(1_000_000)}x\n`,
      findings: ['seq-deep.yaml:1:1 - yaml.too_deep'],
    },
    {
      file: 'block-deep.yaml',
      shows: '3,000 levels of indented mappings',
      content: () => Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}a:\n`).join(''),
      findings: ['block-deep.yaml:64:1 - yaml.too_deep'],
    },
    {
      file: 'deep-with-anchor.yaml',
      shows: 'deep nesting in a document that also has an anchor',
      content: () => `a: &a x\nb: ${'['.repeat(100_000)}\n`,
      findings: ['deep-with-anchor.yaml:2:1 - yaml.too_deep'],
    },
    {
      file: 'many-aliases.yaml',
      shows: '700,000 aliases of one anchor',
      content: () => `a: &a x\nb:\n${'  - *a\n'.repeat(700_000)}`,
      findings: ['many-aliases.yaml:1:4 - yaml.alias_limit'],
    },
    {
      file: 'garbage.yaml',
      shows: 'megabytes of YAML punctuation',
      content: () => '}{][:,&*!|>\'"%@`\n'.repeat(200_000),
      findings: ['garbage.yaml:1:1 - yaml.syntax'],
    },
    {
      file: 'raw-invisible.yaml',
      shows: 'raw (unescaped) invisible characters in text and a name, and a \\x escape',
      content: () =>
        [
          'kind: Person',
          'id: raw',
          'name: Raw',
          'roles: [Lead \u202Egnp.exe, "\\x1b[2J", plain]',
          'notes: "zero\u200Bwidth, tag\u{E0041}"',
          '---',
          'kind: Person',
          'id: raw-name',
          'name: Raw \u2066name',
          '',
        ].join('\n'),
      findings: [
        'raw-invisible.yaml:4:9 raw text.invisible',
        'raw-invisible.yaml:4:24 raw text.invisible',
        'raw-invisible.yaml:5:8 raw text.invisible',
        'raw-invisible.yaml:9:7 raw-name name.invisible',
      ],
    },
    {
      file: 'utf16.yaml',
      shows: 'a UTF-16 file',
      content: () => Buffer.from('\ufeffkind: Person\n', 'utf16le'),
      findings: ['utf16.yaml:1:1 - file.encoding'],
    },
  ];

  it.each(cases)('$file: $shows', async ({ file, content, findings }) => {
    await writeFile(join(dir, file), content());
    expect((await findingsOf(join(dir, file))).map(brief)).toEqual(findings);
  });
});
