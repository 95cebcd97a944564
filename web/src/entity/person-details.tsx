import type { JSX } from 'preact';
import type { Person } from '../api/api-types.js';
import { ExternalLink } from '../components/safe-link.js';
import { Fields, InlineList, Section, tagList } from './fields.js';

const HANDLE_URLS: Record<string, (handle: string) => string> = {
  github: (h) => `https://github.com/${encodeURIComponent(h)}`,
  gitlab: (h) => `https://gitlab.com/${encodeURIComponent(h)}`,
  mastodon: (h) => {
    const m = /^@?([^@\s]+)@([a-z0-9.-]+)$/i.exec(h);
    return m ? `https://${m[2]}/@${encodeURIComponent(m[1] ?? '')}` : '';
  },
  discourse: (h) => `https://discuss.python.org/u/${encodeURIComponent(h)}`,
};

function Handle({ service, handle }: { service: string; handle: string }): JSX.Element {
  const url = HANDLE_URLS[service]?.(handle);
  return (
    <span>
      <span class="handle-service">{service}</span>{' '}
      {url ? <ExternalLink href={url}>{handle}</ExternalLink> : <code>{handle}</code>}
    </span>
  );
}

function localTime(zone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
    }).format(new Date());
  } catch {
    return undefined;
  }
}

export function PersonDetails({ person }: { person: Person }): JSX.Element {
  const handles = Object.entries(person.handles ?? {});
  const now = person.timezone ? localTime(person.timezone) : undefined;
  return (
    <Section id="about" title="About">
      <Fields
        rows={[
          ['Roles', person.roles?.length ? <InlineList items={person.roles} /> : undefined],
          [
            'Handles',
            handles.length ? (
              <InlineList
                items={handles.map(([s, h]) => (
                  <Handle key={s} service={s} handle={h} />
                ))}
              />
            ) : undefined,
          ],
          [
            'Time zone',
            person.timezone ? `${person.timezone}${now ? ` (now ${now})` : ''}` : undefined,
          ],
          ['Tags', tagList(person.tags)],
        ]}
      />
    </Section>
  );
}
