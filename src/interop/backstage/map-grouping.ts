/**
 * Backstage kinds that do not become Switchboard entities: Systems and Domains become tags
 * (`system:<id>`, `domain:<id>`) on the entities that belong to them; APIs become links on the
 * services that provide or consume them; Locations are followed when files are read.
 */
import { isHttpUrl } from '../../core/schema/primitives.schema.js';
import { SOURCE_LOCATION } from './backstage-model.js';
import { eachRef } from './each-ref.js';
import type { FieldLedger } from './field-ledger.js';
import { resolveRef, type ImportContext } from './import-context.js';
import { addTags, str } from './map-common.js';
import { isObject, own, type Json } from './json-access.js';
import { type EnvelopeEntity } from './read-envelope.js';

function remember(ctx: ImportContext, key: string | undefined, id: unknown): void {
  if (key === undefined || typeof id !== 'string') return;
  const list = ctx.usedBy.get(key) ?? [];
  if (!list.includes(id)) list.push(id);
  ctx.usedBy.set(key, list);
}

function tagOf(ctx: ImportContext, entity: EnvelopeEntity | undefined): string | undefined {
  const outcome = entity?.key === undefined ? undefined : ctx.outcomes.get(entity.key);
  return outcome?.kind === 'tag' ? outcome.tag : undefined;
}

/** A System's domain, resolved once while mapping the System itself. */
export function mapSystem(ctx: ImportContext, ledger: FieldLedger): void {
  const raw = own(ledger.entity.spec, 'domain');
  if (raw === undefined || ledger.entity.key === undefined) return;
  const domain = resolveRef(ctx, ledger, ['spec', 'domain'], raw, {
    what: 'domain',
    defaultKind: 'Domain',
    allowed: ['Domain'],
    strict: true,
  });
  if (domain === undefined) return;
  ledger.use(['spec', 'domain']);
  ctx.systemDomains.set(ledger.entity.key, domain);
}

/** Tags `system:<id>` and `domain:<id>` from spec.system (and the system's domain). */
export function systemTags(ctx: ImportContext, ledger: FieldLedger, out: Json): void {
  const raw = own(ledger.entity.spec, 'system');
  if (raw === undefined) return;
  const path = ['spec', 'system'];
  const system = resolveRef(ctx, ledger, path, raw, {
    what: 'system',
    defaultKind: 'System',
    allowed: ['System'],
    strict: true,
  });
  const tag = tagOf(ctx, system);
  if (system === undefined || tag === undefined) return;
  ledger.origin('tags', path);
  const domain = system.key === undefined ? undefined : ctx.systemDomains.get(system.key);
  const domainTag = tagOf(ctx, domain);
  addTags(out, tag, ...(domainTag === undefined ? [] : [domainTag]));
  ledger.convert(path, raw, `tag ${tag}${domainTag === undefined ? '' : ` and ${domainTag}`}`);
  remember(ctx, system.key, out.id);
  remember(ctx, domain?.key, out.id);
}

/** Where an API can be read: its first http(s) link, view-url, or source location. */
function apiUrl(api: EnvelopeEntity): string | undefined {
  const links = own(api.metadata, 'links');
  if (Array.isArray(links)) {
    for (const link of links) {
      const url = isObject(link) ? own(link, 'url') : undefined;
      if (typeof url === 'string' && isHttpUrl(url)) return url;
    }
  }
  const annotations = own(api.metadata, 'annotations');
  if (!isObject(annotations)) return undefined;
  for (const key of ['backstage.io/view-url', SOURCE_LOCATION]) {
    const value = own(annotations, key);
    const url = typeof value === 'string' ? value.replace(/^url:/, '') : undefined;
    if (url !== undefined && isHttpUrl(url)) return url;
  }
  return undefined;
}

/** spec.providesApis / spec.consumesApis → links of type "api" / "api-consumed". */
export function apiLinks(ctx: ImportContext, ledger: FieldLedger, out: Json): void {
  for (const [field, type] of [
    ['providesApis', 'api'],
    ['consumesApis', 'api-consumed'],
  ] as const) {
    eachRef(
      ctx,
      ledger,
      field,
      (value, path) => {
        const api = resolveRef(ctx, ledger, path, value, {
          what: 'API',
          defaultKind: 'API',
          allowed: ['API'],
          strict: true,
        });
        if (api === undefined) return;
        const url = apiUrl(api);
        if (url === undefined) {
          ledger.drop(
            path,
            `${api.ref} has no http(s) link, view-url or source-location to link to`,
          );
          return;
        }
        const title = str(own(api.metadata, 'title')) ?? api.name;
        const links = Array.isArray(out.links) ? (out.links as Json[]) : [];
        if (!links.some((l) => l.url === url && l.type === type))
          out.links = [...links, { url, title, type }];
        ledger.convert(path, value, `link (${type}) ${url}`);
        remember(ctx, api.key, out.id);
      },
      'API references',
    );
  }
}

/** Fields of the kinds that are not entities which the import itself uses. */
export function useGroupingFields(ledger: FieldLedger): void {
  const kind = ledger.entity.kind;
  // A Location is an instruction for reading files, not catalog content: it is reported as such.
  if (kind === 'Location') ledger.use(['spec'], ['metadata', 'title'], ['metadata', 'description']);
  if (kind === 'API') {
    ledger.use(['metadata', 'title'], ['metadata', 'links']);
    ledger.use(
      ...['backstage.io/view-url', SOURCE_LOCATION].map((key) => ['metadata', 'annotations', key]),
    );
  }
}
