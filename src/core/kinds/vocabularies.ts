/**
 * Closed and suggested value lists the schema and the list filters share. Pure data without zod
 * (the schema modules re-export them), so that the web UI can offer them as choices.
 */
export const SERVICE_STATUSES = ['active', 'deprecated', 'retired'] as const;
export const PROVIDER_STATUSES = ['active', 'former'] as const;
export const TEAM_ROLES = ['infrastructure'] as const;

export const PLACEMENT_TYPES = [
  'vm',
  'paas',
  'object-storage',
  'hardware',
  'managed',
  'cloud',
  'saas',
  'container',
] as const;

/** Well-known configuration tools; any other text is accepted too (reports group by value). */
export const KNOWN_MANAGERS = ['salt', 'chef', 'terraform', 'ansible', 'manual'] as const;
