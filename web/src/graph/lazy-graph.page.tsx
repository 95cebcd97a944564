/** The graph page's code (cytoscape, dagre) is fetched only when someone opens the graph. */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/api-error.js';
import { ErrorState, Loading } from '../components/states.js';
import type { GraphPage as GraphPageType } from './graph.page.js';

type GraphModule = { GraphPage: typeof GraphPageType };

let loaded: GraphModule | undefined;

export function LazyGraphPage(): JSX.Element {
  const [module, setModule] = useState<GraphModule | undefined>(loaded);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (module) return;
    import('./graph.page.js').then(
      (m) => {
        loaded = m;
        setModule(m);
      },
      () => setFailed(true),
    );
  }, [attempt, module]);
  if (module) return <module.GraphPage />;
  if (failed) {
    return (
      <ErrorState
        error={
          new ApiError('network', 0, 'chunk', 'The graph drawing code could not be downloaded.')
        }
        onRetry={() => {
          setFailed(false);
          setAttempt((n) => n + 1);
        }}
      />
    );
  }
  return <Loading label="Loading the graph…" />;
}
