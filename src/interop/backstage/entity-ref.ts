/**
 * Backstage entity references, `[kind:][namespace/]name`, parsed with Backstage's rules: the
 * kind comes from context when it is left out (an owner is a Group, a member a User...), the
 * namespace is inherited from the entity that writes the reference, and comparison ignores case.
 */
import { canonicalKind, DEFAULT_NAMESPACE, type BackstageKind } from './backstage-model.js';

export interface EntityRef {
  /** The kind as written or defaulted; undefined when neither the ref nor the context gives one. */
  kind: BackstageKind | undefined;
  /** A kind the ref names that Backstage does not define (e.g. "template"). */
  unknownKind?: string;
  namespace: string;
  name: string;
}

export interface RefContext {
  defaultKind?: BackstageKind;
  defaultNamespace?: string;
}

export type ParsedRef = { ok: true; ref: EntityRef } | { ok: false; message: string };

/** Parse a reference string; never throws. */
export function parseEntityRef(text: string, context: RefContext = {}): ParsedRef {
  const value = text.trim();
  if (value === '') return { ok: false, message: 'an entity reference must not be empty' };
  let colon = value.indexOf(':');
  const slash = value.indexOf('/');
  if (slash !== -1 && slash < colon) colon = -1;
  const kindText = colon === -1 ? undefined : value.slice(0, colon);
  const namespace = slash === -1 ? undefined : value.slice(colon + 1, slash);
  const name = value.slice(Math.max(colon + 1, slash + 1));
  if (
    kindText === '' ||
    namespace === '' ||
    name === '' ||
    name.includes('/') ||
    name.includes(':')
  ) {
    return {
      ok: false,
      message: `"${text}" is not an entity reference of the form [kind:][namespace/]name`,
    };
  }
  const ref: EntityRef = {
    kind: context.defaultKind,
    namespace: (namespace ?? context.defaultNamespace ?? DEFAULT_NAMESPACE).toLowerCase(),
    name,
  };
  if (kindText !== undefined) {
    const kind = canonicalKind(kindText);
    ref.kind = kind;
    if (kind === undefined) ref.unknownKind = kindText;
  }
  return { ok: true, ref };
}

/** The key an entity is indexed by: `kind:namespace/name`, lowercased (Backstage ignores case). */
export function refKey(kind: BackstageKind, namespace: string, name: string): string {
  return `${kind.toLowerCase()}:${namespace.toLowerCase()}/${name.toLowerCase()}`;
}

/** A reference written out in full, keeping the name's case: `component:default/Billing`. */
export function formatRef(kind: string, namespace: string, name: string): string {
  return `${kind.toLowerCase()}:${namespace}/${name}`;
}
