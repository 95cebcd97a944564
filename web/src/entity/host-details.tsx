import type { JSX } from 'preact';
import type { Host } from '../api/api-types.js';
import { ExternalLink } from '../components/safe-link.js';
import { Code, Fields, InlineList, Section, tagList, type RelatedNames } from './fields.js';

export function HostDetails({ host, names }: { host: Host; names: RelatedNames }): JSX.Element {
  return (
    <Section id="about" title="About">
      <Fields
        rows={[
          ['Provider', host.provider ? names.link(host.provider, 'Provider') : undefined],
          ['Runs as', host.as],
          ['Managed by', host.managedBy],
          ['Configuration', host.config ? <ExternalLink href={host.config} /> : undefined],
          [
            'Host names',
            host.hostnames?.length ? (
              <InlineList
                items={host.hostnames.map((h) => (
                  <Code key={h}>{h}</Code>
                ))}
              />
            ) : undefined,
          ],
          ['Region', host.region],
          ['Data centre', host.datacenter],
          ['Operating system', host.os],
          ['Owners', names.links(host.owners, 'Team')],
          ['Tags', tagList(host.tags)],
        ]}
      />
    </Section>
  );
}
