/**
 * The parts of Backstage's entity model that import and export use: kinds, the envelope, entity
 * references and the annotations Switchboard writes. `@backstage/catalog-model` is only a test
 * dependency (tests check exports against it), so nothing here imports it.
 */
export const BACKSTAGE_API_VERSION = 'backstage.io/v1alpha1';
export const BACKSTAGE_API_VERSIONS = ['backstage.io/v1alpha1', 'backstage.io/v1beta1'] as const;
export const DEFAULT_NAMESPACE = 'default';

export const BACKSTAGE_KINDS = [
  'Component',
  'Resource',
  'System',
  'Domain',
  'API',
  'Group',
  'User',
  'Location',
] as const;
export type BackstageKind = (typeof BACKSTAGE_KINDS)[number];

/** Backstage compares kinds case-insensitively; this returns the canonical spelling. */
export function canonicalKind(kind: string): BackstageKind | undefined {
  const lower = kind.toLowerCase();
  return BACKSTAGE_KINDS.find((k) => k.toLowerCase() === lower);
}

export interface BackstageLink {
  url: string;
  title?: string;
  icon?: string;
  type?: string;
}

export interface BackstageMetadata {
  name: string;
  namespace?: string;
  title?: string;
  description?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  tags?: string[];
  links?: BackstageLink[];
}

/** One Backstage entity as written in a catalog-info.yaml file. */
export interface BackstageEntity {
  apiVersion: string;
  kind: string;
  metadata: BackstageMetadata;
  spec?: Record<string, unknown>;
}

/** Backstage's rule for metadata.name: [A-Za-z0-9] runs separated by [-_.], at most 63 chars. */
export function isValidBackstageName(value: string): boolean {
  return (
    value.length >= 1 &&
    value.length <= 63 &&
    /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/.test(value)
  );
}

/** Backstage's rule for metadata.namespace: a DNS label. */
export function isValidBackstageNamespace(value: string): boolean {
  return value.length >= 1 && value.length <= 63 && /^[a-z0-9]+(?:-+[a-z0-9]+)*$/.test(value);
}

/** Backstage's rule for metadata.tags entries. */
export function isValidBackstageTag(value: string): boolean {
  return value.length >= 1 && value.length <= 63 && /^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$/.test(value);
}

/**
 * Annotations Switchboard writes on export and reads back on import, so that an import of an
 * export reproduces the catalog exactly. `switchboard.dev/kind` marks an entity as written by
 * Switchboard; values holding lists or objects are JSON.
 */
export const SB = {
  kind: 'switchboard.dev/kind',
  id: 'switchboard.dev/id',
  owners: 'switchboard.dev/owners',
  tags: 'switchboard.dev/tags',
  links: 'switchboard.dev/links',
  notes: 'switchboard.dev/notes',
  reviewed: 'switchboard.dev/reviewed',
  contacts: 'switchboard.dev/contacts',
  status: 'switchboard.dev/status',
  urls: 'switchboard.dev/urls',
  hostnames: 'switchboard.dev/hostnames',
  poweredBy: 'switchboard.dev/powered-by',
  docs: 'switchboard.dev/docs',
  runsOn: 'switchboard.dev/runs-on',
  frontedBy: 'switchboard.dev/fronted-by',
  as: 'switchboard.dev/as',
  managedBy: 'switchboard.dev/managed-by',
  config: 'switchboard.dev/config',
  region: 'switchboard.dev/region',
  datacenter: 'switchboard.dev/datacenter',
  os: 'switchboard.dev/os',
  provides: 'switchboard.dev/provides',
  url: 'switchboard.dev/url',
  account: 'switchboard.dev/account',
  roles: 'switchboard.dev/roles',
  handles: 'switchboard.dev/handles',
  timezone: 'switchboard.dev/timezone',
  lead: 'switchboard.dev/lead',
  role: 'switchboard.dev/role',
  /** Fields this exporter has no mapping for (added to the schema later), as one JSON object. */
  extra: 'switchboard.dev/extra',
} as const;

export const SOURCE_LOCATION = 'backstage.io/source-location';
export const TECHDOCS_REF = 'backstage.io/techdocs-ref';
export const GITHUB_PROJECT_SLUG = 'github.com/project-slug';
export const GITLAB_PROJECT_SLUG = 'gitlab.com/project-slug';
export const GITHUB_USER_LOGIN = 'github.com/user-login';
