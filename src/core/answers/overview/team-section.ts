/** "The Infrastructure Team": who is on it and how to reach it. */
import type { Team } from '../../schema/entity.schema.js';
import type { CatalogIndex } from '../catalog-index.js';
import { inlines, type Block } from './overview-document.js';
import { contactList, nameOf, partyNameAtStart, publicContacts } from './overview-prose.js';
import { collator, lowerFirst, paragraph, sentence } from './overview-writing.js';

export function teamSection(index: CatalogIndex, team: Team | undefined, org: string): Block[] {
  const blocks: Block[] = [
    { type: 'heading', level: 2, text: 'The Infrastructure Team', anchor: 'infrastructure-team' },
  ];
  if (!team) {
    blocks.push(
      paragraph(
        'No team is marked as the infrastructure team in the catalog (role: infrastructure).',
      ),
    );
    return blocks;
  }
  blocks.push(
    paragraph(
      `${partyNameAtStart(index, team.id)} looks after ${lowerFirst(org)}'s infrastructure and is the last resort for any question this page does not answer.`,
      team.description !== undefined ? ` ${sentence(team.description)}` : '',
    ),
  );
  const members = [
    ...new Set([...(team.lead !== undefined ? [team.lead] : []), ...(team.members ?? [])]),
  ];
  if (members.length > 0) {
    blocks.push(paragraph('The current team members are:'));
    const items = members
      .map((id) => {
        const person = index.get(id);
        const roles = person?.kind === 'Person' ? (person.roles ?? []) : [];
        const notes = [...roles, ...(id === team.lead ? ['team lead'] : [])];
        return {
          name: nameOf(index, id),
          line: `${nameOf(index, id)}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`,
        };
      })
      .sort((a, b) => collator.compare(a.name, b.name));
    blocks.push({ type: 'list', items: items.map((i) => inlines(i.line)) });
  }
  const contacts = publicContacts(index, team.id);
  blocks.push(
    contacts.length > 0
      ? paragraph('The best way to reach the team is ', contactList(contacts), '.')
      : paragraph('The catalog lists no public way to reach the team.'),
  );
  return blocks;
}
