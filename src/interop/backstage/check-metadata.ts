/** The shapes Backstage requires of metadata fields: annotation and label values are strings, ... */
import type { Finding } from '../../core/finding.js';
import { finding, isObject, own, type Json } from './json-access.js';
import type { SourceDocument } from './source-document.js';

function checkStringMap(
  doc: SourceDocument,
  metadata: Json,
  field: string,
  out: Finding[],
  ref: string,
): void {
  const value = own(metadata, field);
  if (value === undefined) return;
  if (!isObject(value)) {
    out.push(
      finding(
        doc,
        ['metadata', field],
        'error',
        'backstage.field_type',
        `metadata.${field} must be a mapping of strings`,
        ref,
      ),
    );
    return;
  }
  for (const [key, v] of Object.entries(value)) {
    if (typeof v !== 'string') {
      out.push(
        finding(
          doc,
          ['metadata', field, key],
          'error',
          'backstage.field_type',
          `metadata.${field}.${key} must be a string (quote it)`,
          ref,
        ),
      );
    }
  }
}

export function checkMetadataShapes(doc: SourceDocument, metadata: Json, ref: string): Finding[] {
  const out: Finding[] = [];
  checkStringMap(doc, metadata, 'annotations', out, ref);
  checkStringMap(doc, metadata, 'labels', out, ref);
  for (const field of ['title', 'description'] as const) {
    const value = own(metadata, field);
    if (value !== undefined && typeof value !== 'string') {
      out.push(
        finding(
          doc,
          ['metadata', field],
          'error',
          'backstage.field_type',
          `metadata.${field} must be a string`,
          ref,
        ),
      );
    }
  }
  const tags = own(metadata, 'tags');
  if (tags !== undefined && (!Array.isArray(tags) || tags.some((t) => typeof t !== 'string'))) {
    out.push(
      finding(
        doc,
        ['metadata', 'tags'],
        'error',
        'backstage.field_type',
        'metadata.tags must be a list of strings',
        ref,
      ),
    );
  }
  const links = own(metadata, 'links');
  if (links !== undefined) {
    if (!Array.isArray(links)) {
      out.push(
        finding(
          doc,
          ['metadata', 'links'],
          'error',
          'backstage.field_type',
          'metadata.links must be a list',
          ref,
        ),
      );
    } else {
      links.forEach((link, i) => {
        if (!isObject(link) || typeof own(link, 'url') !== 'string') {
          out.push(
            finding(
              doc,
              ['metadata', 'links', i],
              'error',
              'backstage.field_type',
              'each link needs a url string',
              ref,
            ),
          );
        }
      });
    }
  }
  return out;
}
