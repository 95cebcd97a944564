import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { Link, navigate, useLocation, withQuery } from '../router/router.js';

export interface GraphToolbarProps {
  around: string | undefined;
  depth: number;
  showPeople: boolean;
  onFit: () => void;
  onZoom: (factor: number) => void;
}

/** Focus, depth, people and teams on or off, zoom controls, and the legend. */
export function GraphToolbar(props: GraphToolbarProps): JSX.Element {
  const location = useLocation();
  const [focus, setFocus] = useState(props.around ?? '');
  const go = (changes: Record<string, string | undefined>) =>
    navigate(withQuery(location, { ...changes, sel: undefined }), { inPage: true });
  return (
    <div class="graph-toolbar">
      <form
        class="graph-focus"
        onSubmit={(e) => {
          e.preventDefault();
          go({ around: focus.trim() || undefined });
        }}
      >
        <label for="graph-focus">Focus on (id)</label>
        <input
          id="graph-focus"
          type="search"
          value={focus}
          placeholder="e.g. pypi"
          onInput={(e) => setFocus(e.currentTarget.value)}
        />
        <button type="submit" class="button">
          Show
        </button>
        {props.around ? <Link href="/graph">Whole catalog</Link> : null}
      </form>
      {props.around ? (
        <div class="filter">
          <label for="graph-depth">Depth</label>
          <select
            id="graph-depth"
            value={String(props.depth)}
            onChange={(e) => go({ depth: e.currentTarget.value })}
          >
            {[1, 2, 3, 4].map((d) => (
              <option key={d} value={String(d)}>
                {d}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <label class="checkbox">
        <input
          type="checkbox"
          checked={props.showPeople}
          onChange={(e) => go({ people: e.currentTarget.checked ? '1' : undefined })}
        />
        People and teams
      </label>
      <div class="zoom-buttons" role="group" aria-label="Zoom">
        <button
          type="button"
          class="button"
          onClick={() => props.onZoom(1.25)}
          aria-label="Zoom in"
        >
          +
        </button>
        <button
          type="button"
          class="button"
          onClick={() => props.onZoom(0.8)}
          aria-label="Zoom out"
        >
          −
        </button>
        <button type="button" class="button" onClick={props.onFit}>
          Fit
        </button>
      </div>
      <ul class="legend" aria-label="Legend">
        <li>Providers → hosts → services → what depends on them</li>
        <li>
          <span class="legend-line dashed" aria-hidden="true" /> depends on
        </li>
        <li>
          <span class="legend-line dotted" aria-hidden="true" /> fronted by
        </li>
      </ul>
    </div>
  );
}
