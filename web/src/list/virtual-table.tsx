/**
 * A table that renders only the rows near the viewport (fixed row height, window scrolling), so a
 * list of 10,000 services scrolls as smoothly as one of ten. Short lists render every row.
 */
import type { JSX } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Entity } from '../api/api-types.js';
import type { ListColumn } from './list-columns.js';
import type { EntityNames } from './use-entity-names.js';

export const ROW_HEIGHT = 48;
const OVERSCAN = 12;
const VIRTUAL_ABOVE = 150;

export interface SortState {
  key: string;
  dir: 'asc' | 'desc';
}

export interface VirtualTableProps {
  caption: string;
  columns: readonly ListColumn[];
  rows: readonly Entity[];
  names: EntityNames;
  sort: SortState;
  onSort: (key: string) => void;
}

function useVisibleRange(body: { current: HTMLElement | null }, count: number) {
  const [range, setRange] = useState({ start: 0, end: Math.min(count, 60) });
  useLayoutEffect(() => {
    if (count <= VIRTUAL_ABOVE) {
      setRange({ start: 0, end: count });
      return undefined;
    }
    const update = () => {
      const top = body.current?.getBoundingClientRect().top ?? 0;
      const start = Math.max(0, Math.floor(-top / ROW_HEIGHT) - OVERSCAN);
      const end = Math.min(count, Math.ceil((window.innerHeight - top) / ROW_HEIGHT) + OVERSCAN);
      setRange((r) => (r.start === start && r.end === end ? r : { start, end }));
    };
    update();
    window.addEventListener('scroll', update, { passive: true });
    window.addEventListener('resize', update);
    return () => {
      window.removeEventListener('scroll', update);
      window.removeEventListener('resize', update);
    };
  }, [count, body]);
  return { start: Math.min(range.start, count), end: Math.min(range.end, count) };
}

function SortHeader({
  column,
  sort,
  onSort,
}: {
  column: ListColumn;
  sort: SortState;
  onSort: (key: string) => void;
}): JSX.Element {
  const active = sort.key === column.key;
  const ariaSort = active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <th scope="col" class={column.className} aria-sort={ariaSort}>
      <button type="button" class="sort-button" onClick={() => onSort(column.key)}>
        {column.label}
        <span class="sort-arrow" aria-hidden="true">
          {active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

export function VirtualTable(props: VirtualTableProps): JSX.Element {
  const { columns, rows, names } = props;
  const body = useRef<HTMLTableSectionElement>(null);
  const { start, end } = useVisibleRange(body, rows.length);
  const shown = rows.slice(start, end);
  return (
    <div class="table-scroll">
      <table class="data-table list-table" aria-rowcount={rows.length + 1}>
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr aria-rowindex={1}>
            {columns.map((column) => (
              <SortHeader
                key={column.key}
                column={column}
                sort={props.sort}
                onSort={props.onSort}
              />
            ))}
          </tr>
        </thead>
        <tbody ref={body}>
          {start > 0 ? (
            <tr class="spacer" aria-hidden="true">
              <td colSpan={columns.length} style={{ height: `${start * ROW_HEIGHT}px` }} />
            </tr>
          ) : null}
          {shown.map((entity, i) => (
            <tr key={entity.id} aria-rowindex={start + i + 2} style={{ height: `${ROW_HEIGHT}px` }}>
              {columns.map((column) => (
                <td key={column.key} class={column.className}>
                  {column.render(entity, names)}
                </td>
              ))}
            </tr>
          ))}
          {end < rows.length ? (
            <tr class="spacer" aria-hidden="true">
              <td
                colSpan={columns.length}
                style={{ height: `${(rows.length - end) * ROW_HEIGHT}px` }}
              />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
