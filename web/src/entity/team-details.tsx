import type { JSX } from 'preact';
import type { Team } from '../api/api-types.js';
import { Fields, Section, tagList, type RelatedNames } from './fields.js';

export function TeamDetails({ team, names }: { team: Team; names: RelatedNames }): JSX.Element {
  return (
    <Section id="about" title="About">
      <Fields
        rows={[
          [
            'Role',
            team.role === 'infrastructure'
              ? 'Infrastructure: the last resort for “whom do I contact”'
              : team.role,
          ],
          ['Lead', team.lead ? names.link(team.lead, 'Person') : undefined],
          ['Members', names.links(team.members, 'Person')],
          ['Tags', tagList(team.tags)],
        ]}
      />
    </Section>
  );
}
