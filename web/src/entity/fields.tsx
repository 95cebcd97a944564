import type { ComponentChildren, JSX } from 'preact';
import type { Edge, EntityDetail, EntityKind } from '../api/api-types.js';
import { EntityLink } from '../components/entity-link.js';

export type FieldRow = [label: string, value: ComponentChildren | undefined | null | false];

/** A definition list of the rows that have a value. */
export function Fields({ rows }: { rows: readonly FieldRow[] }): JSX.Element | null {
  const shown = rows.filter(
    ([, value]) => value !== undefined && value !== null && value !== false && value !== '',
  );
  if (shown.length === 0) return null;
  return (
    <dl class="fields">
      {shown.map(([label, value]) => (
        <div class="field" key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Section({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ComponentChildren;
}): JSX.Element {
  return (
    <section class="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

/** Names and kinds of the entities this one is related to, from the relations the API sent. */
export class RelatedNames {
  private readonly edges = new Map<string, Edge>();

  constructor(detail: EntityDetail) {
    for (const edge of [...detail.relations.outgoing, ...detail.relations.incoming]) {
      this.edges.set(edge.id, edge);
    }
  }

  link(id: string, fallbackKind: EntityKind): JSX.Element {
    const edge = this.edges.get(id);
    return <EntityLink kind={edge?.kind ?? fallbackKind} id={id} name={edge?.name} />;
  }

  links(ids: readonly string[] | undefined, fallbackKind: EntityKind): JSX.Element | undefined {
    if (!ids || ids.length === 0) return undefined;
    return <InlineList items={ids.map((id) => this.link(id, fallbackKind))} />;
  }
}

/** Items separated by commas, wrapping nicely. */
export function InlineList({ items }: { items: readonly ComponentChildren[] }): JSX.Element {
  return (
    <ul class="inline-list">
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
}

export function Code({ children }: { children: ComponentChildren }): JSX.Element {
  return <code class="value-code">{children}</code>;
}

export function tagList(tags: readonly string[] | undefined): JSX.Element | undefined {
  if (!tags || tags.length === 0) return undefined;
  return (
    <ul class="tag-list">
      {tags.map((tag) => (
        <li key={tag} class="tag">
          {tag}
        </li>
      ))}
    </ul>
  );
}
