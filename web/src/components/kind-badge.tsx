import type { JSX } from 'preact';
import type { EntityKind } from '../api/api-types.js';

/** A small coloured label naming the kind ("Service", "Host", ...). */
export function KindBadge({ kind }: { kind: EntityKind }): JSX.Element {
  return <span class={`kind-badge kind-${kind.toLowerCase()}`}>{kind}</span>;
}

const STATUS_CLASSES: Record<string, string> = {
  active: 'ok',
  deprecated: 'warn',
  retired: 'muted',
  former: 'muted',
};

export function StatusBadge({ status }: { status: string | undefined }): JSX.Element | null {
  if (status === undefined) return null;
  return <span class={`status-badge status-${STATUS_CLASSES[status] ?? 'muted'}`}>{status}</span>;
}
