/**
 * The opening paragraph: how many services the foundation runs (retired ones not counted), on how
 * many hosting providers, and what the other providers are for.
 */
import type { CatalogIndex } from '../catalog-index.js';
import { joinList, plainText } from './overview-document.js';
import { providesPhrase } from './provides-phrase.js';
import { runToEnd, ticker, type Sliced } from '../../sliced.js';
import { nameOrder, type NameOrder } from './name-order.js';
import { activeUsages, isCurrent, isHosting, type ProviderUsage } from './provider-usage.js';
import { plural } from './overview-writing.js';

/** Uses of the other providers named in the opening before "and more". */
export const MAX_INTRO_USES = 5;

/** "DNS hosting, metrics, and more": the first thing each non-hosting provider provides. */
function otherUses(phrases: readonly string[]): string {
  const uses = [...new Set(phrases)];
  if (uses.length === 0) return '';
  const named = uses.length > MAX_INTRO_USES ? [...uses.slice(0, MAX_INTRO_USES), 'more'] : uses;
  return ` for ${plainText(joinList(named))}`;
}

export function introText(index: CatalogIndex, org: string): string {
  const order = runToEnd(nameOrder(index));
  return runToEnd(introTextSliced(index, org, order, runToEnd(activeUsages(index, order))));
}

/** The opening paragraph, in slices, from the usages of the providers in use. */
export function* introTextSliced(
  index: CatalogIndex,
  org: string,
  order: NameOrder,
  usages: readonly ProviderUsage[],
): Sliced<string> {
  const all = order.services.length;
  let current = 0;
  const tick = ticker(1024);
  for (const service of order.services) {
    if (isCurrent(service)) current++;
    if (tick()) yield;
  }
  const retired = all - current;
  const hosting = usages.filter(isHosting);
  const others = usages.filter((u) => !isHosting(u));
  let first = `${org} runs ${plural(current, 'service')}`;
  if (hosting.length > 0) first += ` on ${plural(hosting.length, 'hosting provider')}`;
  if (others.length > 0) {
    const uses = otherUses(others.flatMap((u) => providesPhrase(u.provider).slice(0, 1)));
    first += ` and uses ${plural(others.length, hosting.length > 0 ? 'other provider' : 'provider')}${uses}`;
  }
  const retiredNote =
    retired > 0
      ? ` (${plural(retired, 'retired service')} ${retired === 1 ? 'is' : 'are'} listed at the end, not counted here)`
      : '';
  return `${first}. This page lists them, where they run, and who the main contact points are${retiredNote}. It is generated from the catalog: to correct it, change the catalog.`;
}
