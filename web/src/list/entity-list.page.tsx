/**
 * A kind's list (services, hosts, providers, people, teams): filters and sort order live in the
 * query string, so a filtered view is a link to share and Back undoes a change.
 */
import type { JSX } from 'preact';
import { useMemo } from 'preact/hooks';
import { api } from '../api/api-client.js';
import type { EntityKind, EntityPage } from '../api/api-types.js';
import { useApi } from '../api/use-api.js';
import { usePageTitle } from '../components/page-title.js';
import { EmptyState, ErrorState, Loading } from '../components/states.js';
import { KIND_PLURALS } from '../format/entity-paths.js';
import { Link, navigate, useLocation, withQuery } from '../router/router.js';
import { FilterControls } from './filter-controls.js';
import { COLUMNS } from './list-columns.js';
import { activeFilterCount, FILTER_KEYS, readFilters, toListParams } from './list-filters.js';
import { useEntityList } from './use-entity-list.js';
import { VirtualTable, type SortState } from './virtual-table.js';

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function useProviders() {
  const providers = useApi<EntityPage>(api.entities({ kind: 'Provider', limit: 500 }));
  return useMemo(
    () =>
      providers.status === 'ok'
        ? providers.data.items.map((p) => ({ id: p.id, name: p.name }))
        : [],
    [providers.data],
  );
}

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
  const providers = useProviders();
  const names = useMemo(() => new Map(providers.map((p) => [p.id, p.name])), [providers]);

  const sorted = useMemo(() => {
    const column = columns.find((c) => c.key === sort.key) ?? columns[0];
    if (!column) return list.items;
    const sign = sort.dir === 'asc' ? 1 : -1;
    const keyed = list.items.map((e) => ({ e, k: column.sortValue(e) }));
    keyed.sort((a, b) => sign * (collator.compare(a.k, b.k) || a.e.id.localeCompare(b.e.id)));
    return keyed.map((x) => x.e);
  }, [list.items, sort.key, sort.dir, columns]);

  const setFilter = (key: string, value: string | undefined, replace: boolean) =>
    navigate(withQuery(location, { [key]: value }), { replace });
  const onSort = (key: string) =>
    navigate(
      withQuery(location, {
        sort: key === 'name' && sort.key === 'name' && sort.dir === 'desc' ? undefined : key,
        dir: sort.key === key && sort.dir === 'asc' ? 'desc' : undefined,
      }),
    );
  const clearAll = () =>
    navigate(withQuery(location, Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined]))));
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
