import type { JSX } from 'preact';
import { api } from '../api/api-client.js';
import type { WhoAnswer } from '../api/api-types.js';
import { useApi } from '../api/use-api.js';
import { ErrorState, Loading } from '../components/states.js';
import { WhoLadder } from '../pages/who.page.js';
import { Section } from './fields.js';

/** Whom to contact about this entity, in order, ending with the infrastructure team. */
export function WhoSection({ id }: { id: string }): JSX.Element {
  const who = useApi<WhoAnswer>(api.who(id));
  return (
    <Section id="who" title="Who to contact">
      {who.status === 'loading' ? (
        <Loading label="Finding whom to contact…" />
      ) : who.status === 'error' ? (
        <ErrorState error={who.error} onRetry={who.reload} />
      ) : who.data.steps.length === 0 ? (
        <p class="muted">No one to contact is recorded.</p>
      ) : (
        <WhoLadder steps={who.data.steps} />
      )}
    </Section>
  );
}
