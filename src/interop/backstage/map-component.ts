/**
 * Backstage Components and Resources → Switchboard Services, Hosts and Providers (which one is
 * decided beforehand by `spec.type` and the mapping, or by a `switchboard.dev/kind` annotation).
 */
import { unhandledKind } from '../../core/kinds/registry.js';
import { isHttpUrl } from '../../core/schema/primitives.schema.js';
import {
  GITHUB_PROJECT_SLUG,
  GITLAB_PROJECT_SLUG,
  SB,
  SOURCE_LOCATION,
  TECHDOCS_REF,
} from './backstage-model.js';
import { eachRef } from './each-ref.js';
import type { FieldLedger } from './field-ledger.js';
import { resolveRef, targetId, type ImportContext } from './import-context.js';
import { addTags, annotation, fromAnnotation, mapCommon, mapContacts } from './map-common.js';
import { apiLinks, systemTags } from './map-grouping.js';
import { websiteUrls } from './map-website.js';
import { own, type Json } from './json-access.js';

export type ComponentTarget = 'Service' | 'Host' | 'Provider';

/** owners: switchboard.dev/owners (comma-separated ids) when present, else spec.owner. */
export function mapOwners(
  ctx: ImportContext,
  ledger: FieldLedger,
  out: Json,
  field: 'owners' | 'account',
): void {
  const listed = field === 'owners' ? annotation(ledger, SB.owners) : undefined;
  if (listed !== undefined) {
    ledger.use(['spec', 'owner']);
    const ids = listed
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    if (ids.length > 0) out.owners = ids;
    ledger.origin('owners', ['metadata', 'annotations', SB.owners]);
    return;
  }
  const raw = own(ledger.entity.spec, 'owner');
  if (raw === undefined) return;
  const path = ['spec', 'owner'];
  const target = resolveRef(ctx, ledger, path, raw, {
    what: 'owner',
    defaultKind: 'Group',
    allowed: ['Group', 'User'],
    strict: true,
  });
  const id = target && targetId(ctx, ledger, path, target, ['Team', 'Person']);
  if (id === undefined) return;
  if (field === 'owners') out.owners = [id];
  else out.account = { owners: [id] };
  ledger.origin(field, path);
}

function mapLifecycle(ctx: ImportContext, ledger: FieldLedger, out: Json): void {
  fromAnnotation(ctx, ledger, out, 'status', SB.status, false);
  const raw = own(ledger.entity.spec, 'lifecycle');
  const path = ['spec', 'lifecycle'];
  if (raw === undefined) return;
  ledger.use(path);
  if (out.status !== undefined || typeof raw !== 'string') return;
  const lifecycle = raw.toLowerCase();
  if (lifecycle === 'production') return;
  if (lifecycle === 'deprecated') out.status = 'deprecated';
  else if (['retired', 'decommissioned', 'end-of-life', 'eol'].includes(lifecycle))
    out.status = 'retired';
  else {
    const tag = `lifecycle:${lifecycle.replace(/[^a-z0-9._-]/g, '-')}`.slice(0, 63);
    addTags(out, tag);
    ledger.convert(path, raw, `tag ${tag}`);
    return;
  }
  ledger.origin('status', path);
  if (out.status !== lifecycle) ledger.convert(path, raw, `status ${String(out.status)}`);
}

/** The repository: backstage.io/source-location (url:...), else a GitHub or GitLab project slug. */
function repositoryUrl(ledger: FieldLedger): { url: string; path: string[] } | undefined {
  const location = annotation(ledger, SOURCE_LOCATION);
  const sourcePath = ['metadata', 'annotations', SOURCE_LOCATION];
  if (location !== undefined) {
    const url = location.replace(/^url:/, '');
    if (isHttpUrl(url)) return { url, path: sourcePath };
    ledger.drop(sourcePath, 'only url: locations with an http(s) URL map to a repository URL');
  }
  for (const [key, host] of [
    [GITHUB_PROJECT_SLUG, 'https://github.com'],
    [GITLAB_PROJECT_SLUG, 'https://gitlab.com'],
  ] as const) {
    const slug = annotation(ledger, key);
    if (slug === undefined) continue;
    const path = ['metadata', 'annotations', key];
    if (location !== undefined)
      ledger.drop(path, `the repository is taken from ${SOURCE_LOCATION}`);
    else if (/^[\w.-]+(\/[\w.-]+)+$/.test(slug)) return { url: `${host}/${slug}`, path };
    else ledger.drop(path, 'not an owner/repository slug');
  }
  return undefined;
}

function mapDocs(ctx: ImportContext, ledger: FieldLedger, out: Json, exact: boolean): void {
  fromAnnotation(ctx, ledger, out, 'docs', SB.docs, false);
  if (out.docs !== undefined || exact) return;
  const techdocs = annotation(ledger, TECHDOCS_REF);
  const techdocsPath = ['metadata', 'annotations', TECHDOCS_REF];
  if (techdocs !== undefined) {
    const url = techdocs.replace(/^url:/, '');
    if (isHttpUrl(url)) {
      out.docs = url;
      ledger.origin('docs', techdocsPath);
      return;
    }
    ledger.drop(techdocsPath, 'TechDocs built from the repository have no URL to point to');
  }
  const links = Array.isArray(out.links) ? (out.links as Json[]) : [];
  const docsLink = links.find(
    (l) =>
      typeof l.type === 'string' &&
      ['docs', 'documentation', 'doc', 'techdocs'].includes(l.type.toLowerCase()),
  );
  if (docsLink !== undefined) out.docs = docsLink.url;
}

function mapDependencies(
  ctx: ImportContext,
  ledger: FieldLedger,
  out: Json,
  target: ComponentTarget,
): void {
  for (const field of ['dependsOn', 'dependencyOf'] as const) {
    eachRef(
      ctx,
      ledger,
      field,
      (value, path) => {
        const found = resolveRef(ctx, ledger, path, value, {
          what: 'dependency',
          allowed: ['Component', 'Resource'],
          strict: false,
        });
        if (found === undefined) return;
        if (field === 'dependencyOf') {
          if (found.key !== undefined)
            ctx.inverseDeps.push({
              dependentKey: found.key,
              dependencyId: String(out.id),
              ledger,
              path,
            });
          return;
        }
        const allowed =
          target === 'Service'
            ? (['Service', 'Host'] as const)
            : target === 'Host'
              ? (['Provider'] as const)
              : [];
        const id = targetId(ctx, ledger, path, found, allowed);
        if (id === undefined) return;
        if (target === 'Host') {
          if (out.provider === undefined) {
            out.provider = id;
            ledger.origin('provider', path);
          } else ledger.drop(path, 'a Switchboard host has one provider');
          return;
        }
        const list = Array.isArray(out.dependsOn) ? (out.dependsOn as string[]) : [];
        if (!list.includes(id)) out.dependsOn = [...list, id];
        ledger.origin('dependsOn', ['spec', 'dependsOn']);
      },
      'entity references',
    );
  }
}

const SERVICE_ANNOTATIONS = [
  ['urls', SB.urls, true],
  ['hostnames', SB.hostnames, true],
  ['poweredBy', SB.poweredBy, false],
  ['runsOn', SB.runsOn, true],
  ['frontedBy', SB.frontedBy, true],
] as const;

const HOST_ANNOTATIONS = [
  ['as', SB.as, false],
  ['managedBy', SB.managedBy, false],
  ['config', SB.config, false],
  ['hostnames', SB.hostnames, true],
  ['region', SB.region, false],
  ['datacenter', SB.datacenter, false],
  ['os', SB.os, false],
] as const;

const PROVIDER_ANNOTATIONS = [
  ['status', SB.status, false],
  ['provides', SB.provides, true],
  ['url', SB.url, false],
  ['account', SB.account, true],
] as const;

/** Map a Component or Resource; `exact` when it carries switchboard.dev/kind (a Switchboard export). */
export function mapComponent(
  ctx: ImportContext,
  ledger: FieldLedger,
  target: ComponentTarget,
  id: string,
  exact: boolean,
): Json {
  const out: Json = { kind: target, id };
  mapCommon(ctx, ledger, out);
  ledger.use(
    ['spec', 'type'],
    ['metadata', 'annotations', SB.kind],
    ['metadata', 'annotations', SB.id],
  );
  if (target === 'Service') {
    for (const [field, key, json] of SERVICE_ANNOTATIONS)
      fromAnnotation(ctx, ledger, out, field, key, json);
    if (!exact) websiteUrls(ledger, out);
    mapLifecycle(ctx, ledger, out);
    const repo = repositoryUrl(ledger);
    if (repo !== undefined) {
      out.source = repo.url;
      ledger.origin('source', repo.path);
    }
    mapDocs(ctx, ledger, out, exact);
    mapOwners(ctx, ledger, out, 'owners');
  } else if (target === 'Host') {
    for (const [field, key, json] of HOST_ANNOTATIONS)
      fromAnnotation(ctx, ledger, out, field, key, json);
    const repo = out.config === undefined ? repositoryUrl(ledger) : undefined;
    if (repo !== undefined) {
      out.config = repo.url;
      ledger.origin('config', repo.path);
    }
    mapOwners(ctx, ledger, out, 'owners');
  } else if (target === 'Provider') {
    for (const [field, key, json] of PROVIDER_ANNOTATIONS)
      fromAnnotation(ctx, ledger, out, field, key, json);
    if (exact || out.account !== undefined) ledger.use(['spec', 'owner']);
    else mapOwners(ctx, ledger, out, 'account');
  } else {
    unhandledKind(target);
  }
  mapContacts(ctx, ledger, out, false);
  mapDependencies(ctx, ledger, out, target);
  systemTags(ctx, ledger, out);
  if (target === 'Service') apiLinks(ctx, ledger, out);
  else
    for (const field of ['providesApis', 'consumesApis'])
      if (own(ledger.entity.spec, field) !== undefined)
        ledger.drop(['spec', field], `only services carry API links`);
  return out;
}
