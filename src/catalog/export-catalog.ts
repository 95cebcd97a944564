/**
 * Write entities out as catalog files: a pure serialiser that the export command and the
 * Backstage import share. Fields are written in schema order (kind, id, name, ...) so that
 * exports diff cleanly; applying an export to an empty database reproduces the catalog exactly.
 */
import { stringify } from 'yaml';
import { exportFileName } from '../core/kinds/registry.js';
import { ENTITY_KINDS, type Entity, type EntityKind } from '../core/schema/entity.schema.js';
import { inSchemaOrder } from '../core/schema/schema-order.js';

export type ExportFormat = 'yaml' | 'json';

export interface ExportedFile {
  /** File name relative to the output directory. */
  path: string;
  content: string;
}

export { inSchemaOrder };

function byKind(entities: readonly Entity[]): Map<EntityKind, Entity[]> {
  const groups = new Map<EntityKind, Entity[]>(ENTITY_KINDS.map((k) => [k, []]));
  for (const e of [...entities].sort((a, b) => a.id.localeCompare(b.id)))
    groups.get(e.kind)?.push(e);
  return groups;
}

/**
 * One file per kind, named by the kind registry (`services.yaml`, `people.yaml`...):
 * multi-document YAML or a JSON array.
 */
export function exportFiles(entities: readonly Entity[], format: ExportFormat): ExportedFile[] {
  const files: ExportedFile[] = [];
  for (const [kind, group] of byKind(entities)) {
    if (group.length === 0) continue;
    const ordered = group.map(inSchemaOrder);
    const content =
      format === 'json' ? `${JSON.stringify(ordered, null, 2)}\n` : toYamlDocuments(ordered);
    files.push({ path: exportFileName(kind, format), content });
  }
  return files;
}

/** The whole catalog as one stream: multi-document YAML or one JSON array. */
export function exportStream(entities: readonly Entity[], format: ExportFormat): string {
  const ordered = [...byKind(entities).values()].flat().map(inSchemaOrder);
  return format === 'json' ? `${JSON.stringify(ordered, null, 2)}\n` : toYamlDocuments(ordered);
}

function toYamlDocuments(entities: readonly Entity[]): string {
  // YAML 1.1 quoting, so that words like `yes` or `on` stay strings for PyYAML readers too.
  // No anchors and aliases: an object the entity holds twice is written out twice.
  const docs = entities.map((e) =>
    stringify(e, { lineWidth: 0, version: '1.1', aliasDuplicateObjects: false }),
  );
  return docs.map((d) => `---\n${d}`).join('');
}
