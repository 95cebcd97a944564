import type { JSX } from 'preact';
import type { Provider } from '../api/api-types.js';
import { ExternalLink, RichText } from '../components/safe-link.js';
import { Fields, InlineList, Section, tagList, type RelatedNames } from './fields.js';

export function ProviderDetails({
  provider,
  names,
}: {
  provider: Provider;
  names: RelatedNames;
}): JSX.Element {
  const account = provider.account;
  return (
    <>
      <Section id="about" title="About">
        <Fields
          rows={[
            [
              'Provides',
              provider.provides?.length ? <InlineList items={provider.provides} /> : undefined,
            ],
            ['Website', provider.url ? <ExternalLink href={provider.url} /> : undefined],
            ['Tags', tagList(provider.tags)],
          ]}
        />
      </Section>
      <Section id="account" title="The account">
        {account ? (
          <>
            <Fields
              rows={[
                ['Held by', names.links(account.owners, 'Team')],
                ['Managed', account.managed],
                [
                  'Sponsored',
                  account.sponsored === undefined
                    ? undefined
                    : account.sponsored
                      ? 'Yes, donated'
                      : 'No, paid',
                ],
                [
                  'Renews',
                  account.renews ? (
                    <time dateTime={account.renews}>{account.renews}</time>
                  ) : undefined,
                ],
              ]}
            />
            <RichText text={account.notes} />
          </>
        ) : (
          <p class="muted">
            Nobody is recorded as holding this account. Add{' '}
            <code>account: {'{owners: [...]}'}</code>.
          </p>
        )}
      </Section>
    </>
  );
}
