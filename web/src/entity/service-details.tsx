import type { JSX } from 'preact';
import type { Placement, Service } from '../api/api-types.js';
import { ExternalLink, RichText } from '../components/safe-link.js';
import { Code, Fields, InlineList, Section, tagList, type RelatedNames } from './fields.js';

function PlacementRow({ placement, names }: { placement: Placement; names: RelatedNames }) {
  const target =
    placement.host !== undefined
      ? names.link(placement.host, 'Host')
      : placement.provider !== undefined
        ? names.link(placement.provider, 'Provider')
        : null;
  return (
    <tr>
      <th scope="row">{target}</th>
      <td>{placement.role ?? ''}</td>
      <td>{placement.as ?? ''}</td>
      <td>{placement.managedBy ?? ''}</td>
      <td>{placement.config ? <ExternalLink href={placement.config} /> : ''}</td>
      <td>
        {placement.region ?? ''}
        {placement.notes ? <RichText text={placement.notes} /> : null}
      </td>
    </tr>
  );
}

export function Placements({
  placements,
  names,
}: {
  placements: readonly Placement[] | undefined;
  names: RelatedNames;
}): JSX.Element {
  if (!placements || placements.length === 0) {
    return (
      <p class="muted">
        Where it runs is not recorded. Add a <code>runsOn</code> entry.
      </p>
    );
  }
  return (
    <div class="table-scroll">
      <table class="data-table compact">
        <caption class="visually-hidden">Placements</caption>
        <thead>
          <tr>
            <th scope="col">Runs on</th>
            <th scope="col">Role</th>
            <th scope="col">As</th>
            <th scope="col">Managed by</th>
            <th scope="col">Configuration</th>
            <th scope="col">Region, notes</th>
          </tr>
        </thead>
        <tbody>
          {placements.map((placement, i) => (
            <PlacementRow key={i} placement={placement} names={names} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What a service is, where people reach it, where it runs and how it is managed. */
export function ServiceDetails({
  service,
  names,
}: {
  service: Service;
  names: RelatedNames;
}): JSX.Element {
  return (
    <>
      <Section id="about" title="About">
        <Fields
          rows={[
            [
              'URLs',
              service.urls?.length ? (
                <InlineList
                  items={service.urls.map((u) => (
                    <ExternalLink key={u} href={u} />
                  ))}
                />
              ) : undefined,
            ],
            [
              'Host names',
              service.hostnames?.length ? (
                <InlineList
                  items={service.hostnames.map((h) => (
                    <Code key={h}>{h}</Code>
                  ))}
                />
              ) : undefined,
            ],
            ['Powered by', service.poweredBy],
            ['Source', service.source ? <ExternalLink href={service.source} /> : undefined],
            ['Docs', service.docs ? <ExternalLink href={service.docs} /> : undefined],
            ['Fronted by', names.links(service.frontedBy, 'Provider')],
            ['Depends on', names.links(service.dependsOn, 'Service')],
            ['Owners', names.links(service.owners, 'Team')],
            ['Tags', tagList(service.tags)],
          ]}
        />
      </Section>
      <Section id="runs-on" title="Where it runs">
        <Placements placements={service.runsOn} names={names} />
      </Section>
    </>
  );
}
