/**
 * A kind's list (services, hosts, providers, people, teams): filters and sort order live in the
 * query string, so a filtered view is a link to share and Back undoes a change.
 */
import type { JSX } from 'preact';
import { useMemo } from 'preact/hooks';
import type { EntityKind } from '../api/api-types.js';
import { usePageTitle } from '../components/page-title.js';
import { EmptyState, ErrorState, Loading } from '../components/states.js';
import { KIND_PLURALS } from '../format/entity-paths.js';
import { currentLocation, Link, navigate, useLocation, withQuery } from '../router/router.js';
import { FilterControls } from './filter-controls.js';
import { COLUMNS, NAMED_KINDS } from './list-columns.js';
import { activeFilterCount, FILTER_KEYS, readFilters, toListParams } from './list-filters.js';
import { useEntityList } from './use-entity-list.js';
import { useEntityNames } from './use-entity-names.js';
import { VirtualTable, type SortState } from './virtual-table.js';
import './entity-list.css';

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export function EntityListPage({ kind }: { kind: EntityKind }): JSX.Element {
  const location = useLocation();
  const plural = KIND_PLURALS[kind];
  usePageTitle(plural);
  const filters = readFilters(location.query, kind);
  const columns = COLUMNS[kind];
  const sortKey = location.query.get('sort') ?? 'name';
  const sort: SortState = {
    key: columns.some((c) => c.key === sortKey) ? sortKey : 'name',
    dir: location.query.get('dir') === 'desc' ? 'desc' : 'asc',
  };
  const list = useEntityList(toListParams(kind, filters));
  const names = useEntityNames(NAMED_KINDS[kind]);
  const providers = useMemo(
    () =>
      [...names]
        .filter(([, n]) => n.kind === 'Provider')
        .map(([id, n]) => ({ id, name: n.name }))
        .sort((a, b) => collator.compare(a.name, b.name)),
    [names],
  );

  const sorted = useMemo(() => {
    const column = columns.find((c) => c.key === sort.key) ?? columns[0];
    if (!column) return list.items;
    const sign = sort.dir === 'asc' ? 1 : -1;
    const keyed = list.items.map((e) => ({ e, k: column.sortValue(e, names) }));
    keyed.sort((a, b) => sign * (collator.compare(a.k, b.k) || a.e.id.localeCompare(b.e.id)));
    return keyed.map((x) => x.e);
  }, [list.items, sort.key, sort.dir, columns, names]);

  // The URL of this moment, not of the last render: a filter typed a moment ago stays applied.
  const setFilter = (key: string, value: string | undefined, replace: boolean) =>
    navigate(withQuery(currentLocation(), { [key]: value }), { replace, inPage: true });
  const onSort = (key: string) =>
    navigate(
      withQuery(location, {
        sort: key === 'name' && sort.key === 'name' && sort.dir === 'desc' ? undefined : key,
        dir: sort.key === key && sort.dir === 'asc' ? 'desc' : undefined,
      }),
      { inPage: true },
    );
  const clearAll = () =>
    navigate(
      withQuery(currentLocation(), Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined]))),
      { inPage: true },
    );
  const filtered = activeFilterCount(filters) > 0;
  const count = sorted.length.toLocaleString('en');

  return (
    <article class="page list-page">
      <h1>{plural}</h1>
      <FilterControls kind={kind} filters={filters} providers={providers} onChange={setFilter} />
      <div class="list-status" role="status" aria-live="polite">
        {list.status === 'ok' || list.status === 'partial' ? (
          <span>
            {count} {sorted.length === 1 ? kind.toLowerCase() : plural.toLowerCase()}
            {filtered ? ' match the filters' : ''}
            {list.status === 'partial' ? ' so far, loading more…' : ''}
          </span>
        ) : null}
        {filtered ? (
          <button type="button" class="link-button" onClick={clearAll}>
            Clear filters
          </button>
        ) : null}
      </div>
      {list.status === 'error' && list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : list.status === 'loading' && list.items.length === 0 ? (
        <Loading label={`Loading ${plural.toLowerCase()}…`} />
      ) : sorted.length === 0 ? (
        <EmptyState
          title={
            filtered
              ? `No ${plural.toLowerCase()} match these filters`
              : `No ${plural.toLowerCase()} in the catalog yet`
          }
        >
          {filtered ? (
            <>
              Remove a filter, or{' '}
              <button type="button" class="link-button" onClick={clearAll}>
                clear them all
              </button>
              .
            </>
          ) : (
            <>
              Add them as YAML files and run <code>switchboard apply</code>; the{' '}
              <Link href="/overview">overview</Link> shows what is there.
            </>
          )}
        </EmptyState>
      ) : (
        <VirtualTable
          caption={`${plural}, sorted by ${sort.key}`}
          columns={columns}
          rows={sorted}
          names={names}
          sort={sort}
          onSort={onSort}
        />
      )}
    </article>
  );
}
