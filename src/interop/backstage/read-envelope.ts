/**
 * The envelope every Backstage entity shares (apiVersion, kind, metadata, spec), checked the way
 * Backstage checks it. Documents that are not Backstage entities at all (a Kubernetes manifest, a
 * mkdocs.yml found while walking a repository) are skipped and reported, not failed.
 */
import type { Finding } from '../../core/finding.js';
import {
  BACKSTAGE_API_VERSIONS,
  canonicalKind,
  DEFAULT_NAMESPACE,
  isValidBackstageName,
  isValidBackstageNamespace,
  type BackstageKind,
} from './backstage-model.js';
import { checkMetadataShapes } from './check-metadata.js';
import { formatRef, refKey } from './entity-ref.js';
import { finding, isObject, own, type Json } from './json-access.js';
import type { SourceDocument } from './source-document.js';

/** A document that passed the envelope checks. */
export interface EnvelopeEntity {
  doc: SourceDocument;
  /** A kind Switchboard knows, or undefined for kinds it skips (Template, custom kinds). */
  kind: BackstageKind | undefined;
  kindText: string;
  namespace: string;
  name: string;
  /** Index key (lowercase kind:namespace/name), undefined for unknown kinds. */
  key: string | undefined;
  /** The reference as shown to users: `component:default/Billing`. */
  ref: string;
  metadata: Json;
  spec: Json;
}

export type EnvelopeOutcome =
  | { status: 'entity'; entity: EnvelopeEntity; findings: Finding[] }
  | { status: 'skipped'; reason: string }
  | { status: 'invalid'; findings: Finding[] };

function isBackstageApiVersion(value: string): boolean {
  return /^([a-z0-9-]+\.)*backstage\.io\//.test(value);
}

/** Check one document's envelope. */
export function readEnvelope(doc: SourceDocument): EnvelopeOutcome {
  const value = doc.value;
  if (!isObject(value)) return { status: 'skipped', reason: 'not a mapping' };
  const apiVersion = own(value, 'apiVersion');
  const kind = own(value, 'kind');
  const metadata = own(value, 'metadata');
  const spec = own(value, 'spec');
  const knownKind = typeof kind === 'string' ? canonicalKind(kind) : undefined;
  const rawName = isObject(metadata) ? own(metadata, 'name') : undefined;
  const label = typeof rawName === 'string' && rawName !== '' ? rawName : undefined;
  if (typeof apiVersion !== 'string') {
    const looksLikeEntity = knownKind !== undefined || (isObject(metadata) && spec !== undefined);
    if (!looksLikeEntity)
      return { status: 'skipped', reason: 'no apiVersion: not a Backstage entity' };
    return {
      status: 'invalid',
      findings: [
        finding(
          doc,
          [],
          'error',
          'backstage.field_required',
          'apiVersion is missing (e.g. "apiVersion: backstage.io/v1alpha1")',
          label,
        ),
      ],
    };
  }
  if (!isBackstageApiVersion(apiVersion)) {
    return { status: 'skipped', reason: `apiVersion ${apiVersion} is not a Backstage entity` };
  }
  const errors: Finding[] = [];
  if (typeof kind !== 'string' || kind === '') {
    errors.push(
      finding(
        doc,
        ['kind'],
        'error',
        'backstage.field_required',
        'kind is missing (Component, Resource, System, Domain, API, Group, User or Location)',
        label,
      ),
    );
  }
  if (!isObject(metadata)) {
    errors.push(
      finding(
        doc,
        ['metadata'],
        'error',
        'backstage.field_required',
        'metadata with a name is required',
      ),
    );
    return { status: 'invalid', findings: errors };
  }
  const name = own(metadata, 'name');
  const namespaceValue = own(metadata, 'namespace');
  if (typeof name !== 'string' || name === '') {
    errors.push(
      finding(
        doc,
        ['metadata', 'name'],
        'error',
        'backstage.field_required',
        'metadata.name is missing',
      ),
    );
  } else if (!isValidBackstageName(name)) {
    errors.push(
      finding(
        doc,
        ['metadata', 'name'],
        'error',
        'backstage.name_invalid',
        `metadata.name "${name}" is not a valid Backstage name ([A-Za-z0-9] runs separated by "-", "_" or ".", at most 63 characters)`,
        label,
      ),
    );
  }
  if (
    namespaceValue !== undefined &&
    (typeof namespaceValue !== 'string' || !isValidBackstageNamespace(namespaceValue))
  ) {
    errors.push(
      finding(
        doc,
        ['metadata', 'namespace'],
        'error',
        'backstage.namespace_invalid',
        'metadata.namespace must be lowercase letters, digits and "-"',
        label,
      ),
    );
  }
  if (typeof kind !== 'string' || typeof name !== 'string' || errors.length > 0) {
    return { status: 'invalid', findings: errors };
  }
  const namespace = typeof namespaceValue === 'string' ? namespaceValue : DEFAULT_NAMESPACE;
  const ref = formatRef(knownKind ?? kind, namespace, name);
  errors.push(...checkMetadataShapes(doc, metadata, ref));
  if (knownKind !== undefined && !isObject(spec)) {
    errors.push(
      finding(
        doc,
        spec === undefined ? [] : ['spec'],
        'error',
        'backstage.field_required',
        `a ${knownKind} needs a spec mapping`,
        ref,
      ),
    );
  }
  if (errors.length > 0) return { status: 'invalid', findings: errors };
  const warnings: Finding[] = [];
  if (
    knownKind !== undefined &&
    !(BACKSTAGE_API_VERSIONS as readonly string[]).includes(apiVersion)
  ) {
    warnings.push(
      finding(
        doc,
        ['apiVersion'],
        'warning',
        'backstage.api_version_unknown',
        `apiVersion ${apiVersion} is not one Switchboard knows (backstage.io/v1alpha1 or v1beta1); read as v1alpha1`,
        ref,
      ),
    );
  }
  return {
    status: 'entity',
    entity: {
      doc,
      kind: knownKind,
      kindText: kind,
      namespace,
      name,
      key: knownKind === undefined ? undefined : refKey(knownKind, namespace, name),
      ref,
      metadata,
      spec: isObject(spec) ? spec : {},
    },
    findings: warnings,
  };
}
