/**
 * Use case: `switchboard init [DIR]` scaffolds a catalog repository: a README for contributors,
 * one example file per kind (each with the schema modeline), a copy of the JSON Schema for
 * editors, editor settings, and the CI job that validates pull requests. It never overwrites a
 * file unless asked: with existing files and no `force`, it names them and writes nothing.
 */
import { lstat, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { conflictError } from '../core/errors.js';

export interface ScaffoldFile {
  /** Path relative to the repository root, with forward slashes. */
  path: string;
  content: string;
}

export interface InitCatalogOptions {
  /** The catalog's JSON Schema (catalogJsonSchema()), copied to catalog.schema.json. */
  schema: unknown;
  /** Overwrite files that already exist. */
  force?: boolean;
}

export interface InitCatalogResult {
  dir: string;
  written: string[];
  overwritten: string[];
}

export const SCHEMA_FILE = 'catalog.schema.json';

const modeline = (file: string) => {
  const depth = file.split('/').length - 1;
  return `# yaml-language-server: $schema=${'../'.repeat(depth) || './'}${SCHEMA_FILE}\n`;
};

const EXAMPLES: Record<string, string> = {
  'catalog/teams.yaml': `# Teams: groups of people who own things together. Replace this example with your own.
kind: Team
id: infrastructure
name: Infrastructure Team
description: Runs the shared infrastructure and is the last resort for "whom do I contact".
role: infrastructure      # at most one team: the catalog's last-resort contact
lead: alex-example
members: [alex-example]
contacts:
  - {type: mailing-list, value: infrastructure@example.org}
  - {type: irc, value: "#example-infra", network: libera}
`,
  'catalog/people.yaml': `# People: whoever owns, runs or can be asked about something.
kind: Person
id: alex-example
name: Alex Example
roles: [Infrastructure lead]
handles: {github: alex-example}
timezone: Europe/Paris    # an IANA time zone
contacts:
  - {type: email, value: alex@example.org, private: true}   # private: never shown publicly
`,
  'catalog/providers.yaml': `# Providers: outside organisations you depend on, and who holds each account.
kind: Provider
id: example-cloud
name: Example Cloud
provides: [hosting, object-storage]
url: https://cloud.example.com
account:
  owners: [infrastructure]
  managed: terraform
  sponsored: false
contacts:
  - {type: url, value: https://support.example.com/}
`,
  'catalog/hosts.yaml': `# Hosts: machines and instances that run services.
kind: Host
id: web-1
name: web-1.example.org
provider: example-cloud
as: vm
managedBy: ansible
hostnames: [web-1.example.org]
region: eu-west
os: Debian 12
owners: [infrastructure]
`,
  'catalog/services/website.yaml': `# Services: what you run for people. One file per service (or per area) works well.
kind: Service
id: website
name: Example website
description: The public website.
status: active            # active | deprecated | retired
poweredBy: Django
urls: [https://www.example.org/]
hostnames: [www.example.org]
source: https://github.com/example/website
runsOn:
  - {host: web-1, as: vm, managedBy: ansible}
owners: [infrastructure]
contacts:
  - {type: issues, value: https://github.com/example/website/issues}
tags: [web]
`,
};

const README = `# Our catalog

The catalog of what we run, where it runs, who owns it and how to reach them, kept as YAML files
and checked by Switchboard on every pull request (\`.github/workflows/catalog.yml\`: set the
\`SWITCHBOARD_REPO\` line there to the git URL of your Switchboard).

| Path | What it holds |
| --- | --- |
| \`catalog/teams.yaml\`, \`catalog/people.yaml\` | Teams and people (owners, contacts) |
| \`catalog/providers.yaml\` | Outside organisations and the accounts we hold with them |
| \`catalog/hosts.yaml\` | Machines and instances |
| \`catalog/services/*.yaml\` | Services, one file per service or per area |
| \`${SCHEMA_FILE}\` | The JSON Schema of catalog files, for editors |
| \`.github/workflows/catalog.yml\` | The CI job that validates pull requests |

The example entries are there to copy: replace them with your own.

## Adding a service

1. Create \`catalog/services/<id>.yaml\` (copy \`website.yaml\`). The \`id\` is unique across the
   whole catalog: lowercase letters, digits and \`-\`, starting with a letter. Keep it stable;
   other entries refer to it.
2. Fill in what you know: \`owners\` (team or person ids), a public \`contacts\` entry, \`urls\`,
   \`runsOn\` (the host or provider it runs on), \`dependsOn\`. Leave out what you do not know
   rather than guessing; the validator's warnings show the gaps.
3. Validate locally before you push:

   \`\`\`sh
   switchboard validate --strict catalog/
   \`\`\`

   Switchboard is not published to npm. Get the \`switchboard\` command once with
   \`git clone <where your Switchboard lives> ~/switchboard && cd ~/switchboard && npm install && npm link\`
   (or run \`node ~/switchboard/bin/switchboard.js validate --strict catalog/\`).

   Each problem is printed as \`file:line:column  entity-id  message\`. Exit status 0 means clean.
4. Open a pull request. CI runs the same check and must pass before merge.

## Editor support

Every example file starts with a modeline, \`# yaml-language-server: $schema=../${SCHEMA_FILE}\`
(one \`../\` per folder below the repository root). With the YAML extension of VS Code (or any
editor using the YAML language server) you get completion, descriptions and errors as you type;
\`.vscode/settings.json\` applies the schema to every file under \`catalog/\`. After upgrading
Switchboard, refresh the schema with \`switchboard schema --out ${SCHEMA_FILE}\`.

## What reviewers check

- The change is true: the pull request says where the facts come from (a configuration
  repository, a vendor page, first-hand knowledge as an owner).
- Ids are stable and descriptive; renaming an id breaks every reference to it.
- Every service has owners (a team, not only one person) and a contact people can use.
- Nothing secret is committed: no passwords or tokens; personal e-mail addresses and phone
  numbers only with \`private: true\`.
- If you checked an entry against reality, it says so:
  \`reviewed: {date: YYYY-MM-DD, by: <your person id>}\`.
- CI is green (\`switchboard validate --strict\`).
`;

const WORKFLOW = `# Validates the catalog on every pull request (see Switchboard's docs/ci-example.md).
name: catalog
on:
  pull_request:
    paths: ['catalog/**', '${SCHEMA_FILE}']
  push:
    branches: [main]
env:
  # Where your Switchboard lives (a git URL): set this before the first pull request.
  SWITCHBOARD_REPO: https://github.com/<your-org>/switchboard
jobs:
  validate:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Install Switchboard
        run: |
          git clone --depth 1 "$SWITCHBOARD_REPO" "$RUNNER_TEMP/switchboard"
          npm --prefix "$RUNNER_TEMP/switchboard" ci
      - name: Validate the catalog
        run: node "$RUNNER_TEMP/switchboard/bin/switchboard.js" validate --strict catalog/
`;

const VSCODE_SETTINGS = `${JSON.stringify({ 'yaml.schemas': { [`./${SCHEMA_FILE}`]: ['catalog/**/*.yaml', 'catalog/**/*.yml'] } }, null, 2)}\n`;

/** The files `init` writes, in order. */
export function scaffoldFiles(schema: unknown): ScaffoldFile[] {
  return [
    { path: 'README.md', content: README },
    ...Object.entries(EXAMPLES).map(([file, text]) => ({
      path: file,
      content: `${modeline(file)}${text}`,
    })),
    { path: SCHEMA_FILE, content: `${JSON.stringify(schema, null, 2)}\n` },
    { path: '.vscode/settings.json', content: VSCODE_SETTINGS },
    { path: '.github/workflows/catalog.yml', content: WORKFLOW },
  ];
}

async function exists(file: string): Promise<boolean> {
  return lstat(file).then(
    () => true,
    () => false,
  );
}

/** Scaffold a catalog repository in `dir` (created if needed). */
export async function initCatalog(
  dir: string,
  options: InitCatalogOptions,
): Promise<InitCatalogResult> {
  const files = scaffoldFiles(options.schema);
  const existing: string[] = [];
  for (const file of files) if (await exists(path.join(dir, file.path))) existing.push(file.path);
  if (existing.length > 0 && options.force !== true) {
    throw conflictError(
      'init.exists',
      `refusing to overwrite ${existing.length} existing file(s) in ${dir}: ${existing.join(', ')} (use --force to overwrite); nothing was written`,
    );
  }
  for (const file of files) {
    const target = path.join(dir, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.content);
  }
  return { dir, written: files.map((f) => f.path), overwritten: existing };
}
