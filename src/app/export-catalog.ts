/**
 * Use case: write the stored catalog back out as catalog files. Fields are written in schema
 * order (kind, id, name, ...) so that exports diff cleanly; applying an export to an empty
 * database reproduces the catalog exactly.
 */
import { stringify } from 'yaml';
import { ENTITY_KINDS, type Entity, type EntityKind } from '../core/schema/entity.schema.js';
import { inSchemaOrder } from '../core/schema/schema-order.js';

export type ExportFormat = 'yaml' | 'json';

export interface ExportedFile {
  /** File name relative to the output directory. */
  path: string;
  content: string;
}

const FILE_NAMES: Record<EntityKind, string> = {
  Service: 'services',
  Host: 'hosts',
  Provider: 'providers',
  Person: 'people',
  Team: 'teams',
};

export { inSchemaOrder };

function byKind(entities: readonly Entity[]): Map<EntityKind, Entity[]> {
  const groups = new Map<EntityKind, Entity[]>(ENTITY_KINDS.map((k) => [k, []]));
  for (const e of [...entities].sort((a, b) => a.id.localeCompare(b.id)))
    groups.get(e.kind)?.push(e);
  return groups;
}

/** One file per kind (`services.yaml`, `people.yaml`...), multi-document YAML or a JSON array. */
export function exportFiles(entities: readonly Entity[], format: ExportFormat): ExportedFile[] {
  const files: ExportedFile[] = [];
  for (const [kind, group] of byKind(entities)) {
    if (group.length === 0) continue;
    const ordered = group.map(inSchemaOrder);
    if (format === 'json') {
      files.push({
        path: `${FILE_NAMES[kind]}.json`,
        content: `${JSON.stringify(ordered, null, 2)}\n`,
      });
    } else {
      files.push({ path: `${FILE_NAMES[kind]}.yaml`, content: toYamlDocuments(ordered) });
    }
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
