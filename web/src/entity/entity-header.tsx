import type { JSX } from 'preact';
import type { EntityDetail } from '../api/api-types.js';
import { KindBadge, StatusBadge } from '../components/kind-badge.js';
import { RichText } from '../components/safe-link.js';
import { KIND_PLURALS, listPath } from '../format/entity-paths.js';
import { Link } from '../router/router.js';
import type { RelatedNames } from './fields.js';

function sourceText(detail: EntityDetail): string {
  const { file, line, name } = detail.source;
  if (file === undefined) return name;
  return `${file}${line !== undefined ? `:${line}` : ''}`;
}

function ReviewLine({ detail, names }: { detail: EntityDetail; names: RelatedNames }): JSX.Element {
  const review = detail.review;
  if (review.date === undefined && !review.stale) {
    // People, teams and retired services need no review (src/core/review-rule.ts).
    return <span class="review">Never reviewed.</span>;
  }
  if (review.date === undefined) {
    return (
      <span class="review review-missing">
        <span class="stale-mark">Never reviewed</span> Add <code>reviewed: {'{date, by}'}</code>{' '}
        once someone has checked this entry.
      </span>
    );
  }
  const age = review.ageDays !== undefined ? ` (${review.ageDays} days ago)` : '';
  return (
    <span class={review.stale ? 'review review-stale' : 'review'}>
      {review.stale ? <span class="stale-mark">Stale</span> : null} Reviewed{' '}
      <time dateTime={review.date}>{review.date}</time>
      {age}
      {review.by ? <> by {names.link(review.by, 'Person')}</> : null}
      {review.stale ? '. Check it against reality and update the date.' : ''}
    </span>
  );
}

/** Name, kind, status, description, review state and the file that declares it. */
export function EntityHeader({
  detail,
  names,
}: {
  detail: EntityDetail;
  names: RelatedNames;
}): JSX.Element {
  const entity = detail.entity;
  const status = 'status' in entity ? entity.status : undefined;
  return (
    <header class="entity-header">
      <p class="breadcrumb">
        <Link href={listPath(entity.kind)}>All {KIND_PLURALS[entity.kind].toLowerCase()}</Link>
      </p>
      <div class="entity-title">
        <KindBadge kind={entity.kind} />
        <h1>{entity.name}</h1>
        <StatusBadge status={status} />
      </div>
      <p class="entity-id">
        id <code>{entity.id}</code>
      </p>
      <RichText text={entity.description} />
      <div class="entity-meta">
        <ReviewLine detail={detail} names={names} />
        <span class="source">
          Declared in <code class="source-file">{sourceText(detail)}</code>
          {detail.source.file !== undefined && detail.source.name
            ? ` (source ${detail.source.name})`
            : ''}
        </span>
      </div>
    </header>
  );
}
