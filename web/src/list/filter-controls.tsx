/**
 * The filter bar: selects where the choices are few (provider, status), suggest-as-you-type inputs
 * where they are many (host, owner), free text for the rest. Every change lands in the URL.
 */
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api/api-client.js';
import type { EntityKind, EntityPage } from '../api/api-types.js';
import { useApi } from '../api/use-api.js';
import {
  FILTERS_BY_KIND,
  MANAGER_SUGGESTIONS,
  STATUS_OPTIONS,
  type FilterKey,
  type Filters,
} from './list-filters.js';

export interface FilterControlsProps {
  kind: EntityKind;
  filters: Filters;
  providers: readonly { id: string; name: string }[];
  /** `replace` while typing, a new history entry otherwise. */
  onChange: (key: FilterKey, value: string | undefined, replace: boolean) => void;
}

const LABELS: Record<FilterKey, string> = {
  q: 'Text',
  provider: 'Provider',
  host: 'Host',
  owner: 'Owner (person or team)',
  managedBy: 'Managed by',
  status: 'Status',
  tag: 'Tag',
  frontedBy: 'Fronted by',
};

/** How long typing pauses before a text filter applies. */
export const TYPING_DELAY_MS = 250;

/**
 * A text filter that applies as you type (after a short pause) and at once on Enter or when it
 * loses focus. The first change of an edit adds a history entry, the rest of it replaces that
 * entry, so that Back undoes the whole edit.
 */
function TextFilter(props: {
  id: string;
  label: string;
  value: string | undefined;
  list?: string;
  placeholder?: string;
  onCommit: (value: string, replace: boolean) => void;
  onType?: (value: string) => void;
}): JSX.Element {
  const applied = props.value ?? '';
  const [text, setText] = useState(applied);
  const editing = useRef(false);
  const commit = useRef(props.onCommit);
  commit.current = props.onCommit;
  /** What this field last put in the URL: when it comes back, typing may have gone on. */
  const sent = useRef<string>();
  // Follow the URL (Back, Clear filters) unless it already says what is typed ("salt " is "salt").
  useEffect(() => {
    if (applied === sent.current) return;
    sent.current = undefined;
    setText((typed) => (typed.trim() === applied ? typed : applied));
  }, [applied]);
  const apply = (value: string) => {
    if (value.trim() === applied) return;
    sent.current = value.trim();
    commit.current(value.trim(), editing.current);
    editing.current = true;
  };
  useEffect(() => {
    if (text.trim() === applied) return undefined;
    const timer = window.setTimeout(() => apply(text), TYPING_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text, applied]);
  return (
    <div class="filter">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="search"
        value={text}
        list={props.list}
        placeholder={props.placeholder}
        autocomplete="off"
        spellcheck={false}
        onInput={(e) => {
          const value = e.currentTarget.value;
          setText(value);
          props.onType?.(value);
        }}
        onChange={(e) => {
          apply(e.currentTarget.value);
          editing.current = false;
        }}
      />
    </div>
  );
}

function SelectFilter(props: {
  id: string;
  label: string;
  value: string | undefined;
  options: readonly { value: string; label: string }[];
  onCommit: (value: string) => void;
}): JSX.Element {
  return (
    <div class="filter">
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value ?? ''}
        onChange={(e) => props.onCommit(e.currentTarget.value)}
      >
        <option value="">Any</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {props.value && !props.options.some((o) => o.value === props.value) ? (
          <option value={props.value}>{props.value}</option>
        ) : null}
      </select>
    </div>
  );
}

/** A text filter whose suggestions come from the API as you type (`kind` narrows them). */
function SuggestFilter(props: {
  id: string;
  label: string;
  value: string | undefined;
  kinds: readonly EntityKind[];
  onCommit: (value: string, replace: boolean) => void;
}): JSX.Element {
  const [typed, setTyped] = useState('');
  const kind = props.kinds.length === 1 ? props.kinds[0] : undefined;
  const suggestions = useApi<EntityPage>(
    typed.trim().length >= 1 ? api.entities({ kind, q: typed.trim(), limit: 20 }) : null,
  );
  const items =
    suggestions.status === 'ok'
      ? suggestions.data.items.filter((e) => props.kinds.includes(e.kind))
      : [];
  return (
    <>
      <TextFilter
        id={props.id}
        label={props.label}
        value={props.value}
        list={`${props.id}-options`}
        placeholder="id"
        onType={setTyped}
        onCommit={props.onCommit}
      />
      <datalist id={`${props.id}-options`}>
        {items.map((e) => (
          <option key={e.id} value={e.id}>
            {e.name}
          </option>
        ))}
      </datalist>
    </>
  );
}

export function FilterControls({ kind, filters, providers, onChange }: FilterControlsProps) {
  const keys = FILTERS_BY_KIND[kind];
  const providerOptions = providers.map((p) => ({ value: p.id, label: p.name }));
  const id = (key: FilterKey) => `filter-${key}`;
  const control = (key: FilterKey): JSX.Element | null => {
    const commit = (value: string, replace = false) => onChange(key, value || undefined, replace);
    switch (key) {
      case 'q':
        return (
          <TextFilter
            id={id(key)}
            label={LABELS.q}
            value={filters.q}
            placeholder="name, id, description…"
            onCommit={commit}
          />
        );
      case 'provider':
      case 'frontedBy':
        return (
          <SelectFilter
            id={id(key)}
            label={LABELS[key]}
            value={filters[key]}
            options={providerOptions}
            onCommit={commit}
          />
        );
      case 'status':
        return (
          <SelectFilter
            id={id(key)}
            label={LABELS.status}
            value={filters.status}
            options={STATUS_OPTIONS[kind].map((s) => ({ value: s, label: s }))}
            onCommit={commit}
          />
        );
      case 'host':
        return (
          <SuggestFilter
            id={id(key)}
            label={LABELS.host}
            value={filters.host}
            kinds={['Host']}
            onCommit={commit}
          />
        );
      case 'owner':
        return (
          <SuggestFilter
            id={id(key)}
            label={LABELS.owner}
            value={filters.owner}
            kinds={['Person', 'Team']}
            onCommit={commit}
          />
        );
      case 'managedBy':
        return (
          <>
            <TextFilter
              id={id(key)}
              label={LABELS.managedBy}
              value={filters.managedBy}
              list="manager-options"
              placeholder="salt, chef…"
              onCommit={commit}
            />
            <datalist id="manager-options">
              {MANAGER_SUGGESTIONS.map((m) => (
                <option key={m} value={m} />
              ))}
            </datalist>
          </>
        );
      case 'tag':
        return (
          <TextFilter
            id={id(key)}
            label={LABELS.tag}
            value={filters.tag}
            placeholder="e.g. web"
            onCommit={commit}
          />
        );
    }
  };
  const active = keys.filter((key) => filters[key]).length;
  const [open] = useState(() => openAtFirst(active));
  return (
    <details class="filter-panel" open={open}>
      <summary>Filters{active > 0 ? ` (${active} active)` : ''}</summary>
      <div class="filters" role="group" aria-label="Filters">
        {keys.map((key) => (
          <div key={key} class="filter-slot">
            {control(key)}
          </div>
        ))}
      </div>
    </details>
  );
}

/** Filters start open on wide screens and whenever one is set; a phone sees the rows first. */
function openAtFirst(active: number): boolean {
  return active > 0 || window.matchMedia('(min-width: 721px)').matches;
}
